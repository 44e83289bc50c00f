import type { SourceLocation } from './model/manifest.js';
import type { ParseIssue } from './model/parse-issue.js';

/** Codes of {@link ManifestParseError}: why a whole input could not be read. */
export type ManifestParseErrorCode =
  | 'empty-input'
  | 'unknown-format'
  | 'unsupported-format'
  | 'encoding'
  | 'syntax'
  | 'hostile-input'
  | 'limit-exceeded'
  | 'invalid-header';

/**
 * The input as a whole could not be read: nothing in it was assessed. Record-level problems are
 * never thrown; they come back as {@link ParseIssue}s beside the records that did parse.
 *
 * @example
 * try { parseManifest(bytes) } catch (e) { if (e instanceof ManifestParseError) console.error(e.code, e.location) }
 */
export class ManifestParseError extends Error {
  override readonly name = 'ManifestParseError';
  readonly code: ManifestParseErrorCode;
  readonly location: SourceLocation;
  readonly issues: readonly ParseIssue[];

  constructor(
    code: ManifestParseErrorCode,
    message: string,
    options: { location?: SourceLocation; issues?: readonly ParseIssue[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.location = options.location ?? {};
    this.issues = options.issues ?? [];
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      location: this.location,
      issues: this.issues,
      ...(this.cause instanceof Error ? { cause: this.cause.message } : {}),
    };
  }
}
