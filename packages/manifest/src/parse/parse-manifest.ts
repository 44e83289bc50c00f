import { ManifestParseError } from '../errors.js';
import { fallbackHeader } from '../json/canonical-json.js';
import type { ManifestFormat } from '../model/manifest.js';
import { XmlEncodingError } from '../xml/xml-encoding.js';
import { detectFormat } from './detect-format.js';
import { type ParseLimits, resolveLimits } from './limits.js';
import { finishResult, type ParseResult, type ReaderContext, ResultBuilder } from './parse-result.js';
import { FORMAT_READERS, type FormatReader } from './registry.js';
import { decodeUtf8 } from './text-position.js';

export interface ParseOptions {
  /**
   * The input's format.
   * @default detected from the first bytes with `detectFormat`
   */
  format?: ManifestFormat;
  /** A name for the input (a file name), carried into the manifest and its issues. */
  sourceName?: string;
  /** Bounds on the work one input may cause; see {@link ParseLimits}. */
  limits?: Partial<ParseLimits>;
  /**
   * Which reader to use where a format has two: the streaming fast path, or the reference
   * (for XML, a tree built by fast-xml-parser). Both give the same manifest; the reference is
   * there to prove it.
   * @default 'fast'
   */
  reader?: 'fast' | 'reference';
}

function byteLength(input: string | Uint8Array): number {
  return typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
}

/**
 * Reads a whole manifest held in memory into the canonical model. Record-level problems come
 * back as issues beside the consignments that did parse; a problem with the input as a whole
 * throws {@link ManifestParseError}.
 *
 * Bytes are the document as stored: XML, JSON and CSV are read as UTF-8, CUSCAR in the character
 * set its UNB syntax identifier names (UNOC as ISO 8859-1). A string is text already decoded: its
 * characters are read as they are, so a UNOC interchange read into a string as Latin-1 keeps its
 * `é`, whatever UNB says. `limits.maxBytes` counts a string's UTF-8 length.
 *
 * @example
 * const { manifest, issues, stats } = parseManifest(readFileSync('manifest.json'));
 * console.log(stats.seen === stats.accepted + stats.rejected); // true
 */
export function parseManifest(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const limits = resolveLimits(options.limits);
  const size = byteLength(input);
  if (size === 0 || (typeof input === 'string' ? input.trim() === '' : false)) {
    throw new ManifestParseError('empty-input', 'the input is empty');
  }
  if (size > limits.maxBytes) {
    throw new ManifestParseError(
      'limit-exceeded',
      `the input is ${size} bytes, more than limits.maxBytes (${limits.maxBytes}); stream it with readConsignments`,
    );
  }
  const format = options.format ?? detectFormat(input);
  if (format === undefined) {
    throw new ManifestParseError(
      'unknown-format',
      'the input is not a format cargorisk reads (IATA Cargo-XML, WCO Data Model, CUSCAR, JSON, NDJSON or CSV)',
    );
  }
  const reader = FORMAT_READERS[format];
  if (reader === undefined || (reader.whole === undefined && reader.incremental === undefined)) {
    throw new ManifestParseError('unsupported-format', `no reader for format "${format}" in this build`, {
      location: { format },
    });
  }
  const ctx: ReaderContext = {
    format,
    limits,
    ...(options.sourceName === undefined ? {} : { sourceName: options.sourceName }),
    ...(typeof input === 'string' ? { decodedText: true } : {}),
  };
  return runReader(reader, input, ctx, options.reader ?? 'fast');
}

function runReader(reader: FormatReader, input: string | Uint8Array, ctx: ReaderContext, prefer: 'fast' | 'reference') {
  if (reader.whole !== undefined && (prefer === 'reference' || reader.incremental === undefined)) {
    if (!reader.text) return reader.whole(input, ctx);
    let text: string;
    try {
      text = typeof input === 'string' || reader.decode === undefined ? decodeUtf8(input) : reader.decode(input);
    } catch (cause) {
      const message = cause instanceof XmlEncodingError ? cause.message : 'input is not valid UTF-8';
      throw new ManifestParseError('encoding', message, { location: { format: ctx.format }, cause });
    }
    return reader.whole(text, ctx);
  }
  const out = new ResultBuilder();
  const incremental = reader.incremental!(ctx, out);
  incremental.push(typeof input === 'string' ? new TextEncoder().encode(input) : input);
  incremental.end();
  return finishResult(out, fallbackHeader(ctx));
}

export type SafeParseManifestResult =
  | { success: true; data: ParseResult }
  | { success: false; error: ManifestParseError };

/**
 * {@link parseManifest} that never throws: a failure of the whole input comes back as `error`.
 * Any other exception is a bug and is wrapped as a ManifestParseError with its cause.
 */
export function safeParseManifest(input: string | Uint8Array, options: ParseOptions = {}): SafeParseManifestResult {
  try {
    return { success: true, data: parseManifest(input, options) };
  } catch (e) {
    if (e instanceof ManifestParseError) return { success: false, error: e };
    const error = new ManifestParseError('syntax', `the reader failed: ${(e as Error)?.message ?? String(e)}`, {
      cause: e,
    });
    return { success: false, error };
  }
}
