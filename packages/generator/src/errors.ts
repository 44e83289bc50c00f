/** Why the generator refused to run. */
export type GeneratorErrorCode = 'invalid-options' | 'unsupported-format' | 'write-failed';

/**
 * A failure of the generator as a whole (never a problem in the generated data, which is
 * always valid by construction).
 *
 * @example
 * try { generateManifest({ consignments: -1 }); } catch (e) { if (e instanceof GeneratorError) console.log(e.code); }
 */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
  readonly code: GeneratorErrorCode;

  constructor(code: GeneratorErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }

  toJSON(): { name: string; code: GeneratorErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}
