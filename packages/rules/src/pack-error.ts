/** Codes of {@link PackError}. */
export type PackErrorCode = 'unknown-pack';

/**
 * A pack was asked for by a name no shipped pack has.
 *
 * @example
 * try { packPath('pegasys') } catch (e) { if (e instanceof PackError) console.error(e.code, e.message) }
 */
export class PackError extends Error {
  override readonly name = 'PackError';
  readonly code: PackErrorCode;
  readonly pack: string;

  constructor(code: PackErrorCode, pack: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.pack = pack;
  }

  toJSON() {
    return { name: this.name, code: this.code, pack: this.pack, message: this.message };
  }
}
