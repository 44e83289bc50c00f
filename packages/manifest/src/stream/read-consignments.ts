import { ManifestParseError } from '../errors.js';
import { fallbackHeader } from '../json/canonical-json.js';
import type { Consignment, ManifestFormat, ManifestHeader } from '../model/manifest.js';
import type { ParseIssue } from '../model/parse-issue.js';
import { detectFormat } from '../parse/detect-format.js';
import { type ParseLimits, resolveLimits } from '../parse/limits.js';
import type { ParseStats, ReaderContext } from '../parse/parse-result.js';
import { FORMAT_READERS } from '../parse/registry.js';
import type { ConsignmentSink, IncrementalReader, StreamEvent } from './incremental-reader.js';

export interface ReadConsignmentsOptions {
  /** @default detected from the first 4 KiB */
  format?: ManifestFormat;
  sourceName?: string;
  /** `maxBytes` does not apply to a stream; the other limits do. */
  limits?: Partial<ParseLimits>;
}

type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

const DETECT_BYTES = 4096;

/*
 * The most a reader is given at once. A caller's chunk may be of any size (fs streams read 64 KiB,
 * a caller may ask for 1 MiB or hand over a whole file); fed whole, a large chunk becomes one large
 * decoded string, which V8 keeps outside its young generation (in large-object space, or as an
 * external string past about 1 MB) until a full collection, and all the consignments it holds are
 * queued before the first is yielded. Fed in small pieces, the text and the queue die young: a
 * 189 MB WCO DM read in 1 MiB chunks, parsed and scored, peaked at 360 MB of RSS fed whole and at
 * 131 MB in 32 KiB pieces (144 MB in 64 KiB, 121 MB in 16 KiB), at the same CPU time.
 */
const PIECE_BYTES = 32 * 1024;

/**
 * Reads a manifest of any size as a stream (a file, stdin, a socket): consignments and issues
 * come out as they complete, in constant memory. The last event is `end`, with counts that
 * reconcile (`seen === accepted + rejected`). A header event comes before the first consignment
 * when the input carries one. String pieces are text already decoded, as for `parseManifest`
 * (the first piece decides for the whole stream: do not mix strings and bytes).
 *
 * @example
 * for await (const event of readConsignments(createReadStream('voyage.edi'))) {
 *   if (event.type === 'consignment') assess(event.consignment);
 * }
 */
export async function* readConsignments(
  source: ByteSource,
  options: ReadConsignmentsOptions = {},
): AsyncGenerator<StreamEvent, void, undefined> {
  const limits = resolveLimits(options.limits);
  const stats: ParseStats = { seen: 0, accepted: 0, rejected: 0 };
  let queue: StreamEvent[] = [];
  let headerSent = false;
  let ctx: ReaderContext | undefined;
  // Records before any header: the input carries none, so name it after its source.
  const ensureHeader = () => {
    if (!headerSent && ctx !== undefined) sink.header(fallbackHeader(ctx));
  };
  const sink: ConsignmentSink = {
    header(header: ManifestHeader) {
      if (headerSent) return;
      headerSent = true;
      queue.push({ type: 'header', header });
    },
    accept(consignment: Consignment, warnings: readonly ParseIssue[] = []) {
      ensureHeader();
      stats.seen++;
      stats.accepted++;
      queue.push({ type: 'consignment', consignment, warnings });
    },
    reject(issues: readonly ParseIssue[]) {
      ensureHeader();
      stats.seen++;
      stats.rejected++;
      queue.push({ type: 'rejected', issues });
    },
    note(issue: ParseIssue) {
      queue.push({ type: 'issue', issue });
    },
  };

  let reader: IncrementalReader | undefined;
  // Whether the pieces are strings (text already decoded) rather than bytes; the first decides.
  let decodedText: boolean | undefined;
  let head: Uint8Array[] = [];
  let headBytes = 0;
  const encoder = new TextEncoder();

  const start = (bytes: Uint8Array) => {
    const format = options.format ?? detectFormat(bytes);
    if (format === undefined)
      throw new ManifestParseError('unknown-format', 'the input is not a format cargorisk reads');
    const factory = FORMAT_READERS[format]?.incremental;
    if (factory === undefined) {
      throw new ManifestParseError('unsupported-format', `no streaming reader for format "${format}"`, {
        location: { format },
      });
    }
    ctx = {
      format,
      limits,
      ...(options.sourceName === undefined ? {} : { sourceName: options.sourceName }),
      ...(decodedText ? { decodedText: true } : {}),
    };
    reader = factory(ctx, sink);
  };

  const drain = function* () {
    const out = queue;
    queue = [];
    yield* out;
  };

  // Pushes a chunk a piece at a time, yielding what each piece completed before the next is read.
  const feed = function* (into: IncrementalReader, chunk: Uint8Array) {
    if (chunk.byteLength <= PIECE_BYTES) {
      into.push(chunk);
      yield* drain();
      return;
    }
    for (let at = 0; at < chunk.byteLength; at += PIECE_BYTES) {
      into.push(chunk.subarray(at, at + PIECE_BYTES));
      yield* drain();
    }
  };

  for await (const piece of source as AsyncIterable<Uint8Array | string>) {
    decodedText ??= typeof piece === 'string';
    const chunk = typeof piece === 'string' ? encoder.encode(piece) : piece;
    if (reader === undefined) {
      head.push(chunk);
      headBytes += chunk.byteLength;
      if (headBytes < DETECT_BYTES) continue;
      const first = Buffer.concat(head);
      head = [];
      start(first);
      yield* feed(reader!, first);
    } else yield* feed(reader, chunk);
  }
  if (reader === undefined) {
    const first = Buffer.concat(head);
    if (first.byteLength === 0 || first.toString('latin1').trim() === '') {
      throw new ManifestParseError('empty-input', 'the input is empty');
    }
    start(first);
    yield* feed(reader!, first);
  }
  reader!.end();
  ensureHeader();
  yield* drain();
  yield { type: 'end', stats };
}
