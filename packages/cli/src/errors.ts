/**
 * The command line was wrong: an unknown command or option, a missing argument, a bad option
 * value, a file that cannot be opened. The command prints the message and its usage and exits 2.
 *
 * @example
 * throw new UsageError('--out must be one of json, ndjson', 'parse');
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'usage';
  /** The command whose usage to print (`score`, `rules check`), or undefined for the top level. */
  readonly command: string | undefined;

  constructor(message: string, command?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.command = command;
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, command: this.command };
  }
}
