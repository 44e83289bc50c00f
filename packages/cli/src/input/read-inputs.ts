import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Consignment,
  DEFAULT_LIMITS,
  type ManifestFormat,
  type ManifestHeader,
  ManifestParseError,
  type ParseIssue,
  type ParseStats,
  readConsignments,
  safeParseManifest,
} from '@cargorisk/manifest';
import { UsageError } from '../errors.js';

/** One input named on the command line: a file, or `-` for standard input. */
export interface InputSource {
  /** As the user wrote it, `<stdin>` for `-`. Issues name the input by this. */
  name: string;
  /** Absolute path, absent for stdin. */
  path?: string;
  /** Size in bytes when known (files), for the progress bar. */
  bytes?: number;
}

/** What reading the inputs yields, in order; every event names the input it came from. */
export type InputEvent =
  | { type: 'header'; source: string; header: ManifestHeader }
  | { type: 'consignment'; source: string; consignment: Consignment; warnings: readonly ParseIssue[] }
  | { type: 'rejected'; source: string; issues: readonly ParseIssue[] }
  | { type: 'issue'; source: string; issue: ParseIssue }
  /** The input as a whole could not be read (empty, unknown format, broken syntax); nothing after it. */
  | { type: 'failed'; source: string; error: ManifestParseError }
  | { type: 'end'; source: string; stats: ParseStats };

export interface ReadInputsOptions {
  format?: ManifestFormat;
  stdin: AsyncIterable<Uint8Array>;
  /** Called with the size of every chunk read, for progress. */
  onBytes?: (bytes: number) => void;
}

/**
 * Resolves the command line's inputs before any work starts, so a misspelt path is a usage error
 * (exit 2) and not a half-done run. `-` may appear once.
 */
export function resolveInputs(command: string, names: readonly string[], cwd: string): InputSource[] {
  if (names.length === 0) throw new UsageError('name at least one input file, or - for standard input', command);
  if (names.filter((n) => n === '-').length > 1) throw new UsageError('standard input (-) may be named once', command);
  return names.map((name) => {
    if (name === '-') return { name: '<stdin>' };
    const path = resolve(cwd, name);
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch (cause) {
      throw new UsageError(`cannot read ${name}: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, command, {
        cause,
      });
    }
    if (stat.isDirectory()) throw new UsageError(`${name} is a directory, not a manifest file`, command);
    // A pipe (`<(zcat voyage.edi.gz)`) or a device has no size known in advance.
    return stat.isFile() ? { name, path, bytes: stat.size } : { name, path };
  });
}

// readConsignments looks at the first 4 KiB before it picks a reader; this many bytes are kept so
// that a format with no streaming reader (canonical JSON, say) can be read whole instead.
const HEAD_BYTES = 4096;

/**
 * A byte source that remembers its first chunks, and whose iteration can be abandoned without
 * closing what it reads: after readConsignments refused a format for streaming, the rest of the
 * same stream (stdin cannot be reopened) is read whole.
 */
class ReplayableSource implements AsyncIterable<Uint8Array> {
  private readonly iterator: AsyncIterator<Uint8Array>;
  head: Uint8Array[] = [];
  private delivered = 0;

  constructor(
    stream: AsyncIterable<Uint8Array>,
    private readonly onBytes: ((bytes: number) => void) | undefined,
  ) {
    this.iterator = stream[Symbol.asyncIterator]();
  }

  async next(): Promise<IteratorResult<Uint8Array>> {
    const result = await this.iterator.next();
    if (!result.done) {
      const chunk = typeof result.value === 'string' ? Buffer.from(result.value) : result.value;
      if (this.delivered < HEAD_BYTES) this.head.push(chunk);
      this.delivered += chunk.byteLength;
      this.onBytes?.(chunk.byteLength);
      return { done: false, value: chunk };
    }
    return result;
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return { next: () => this.next(), return: async () => ({ done: true, value: undefined }) };
  }

  /** The head already read, then everything left; refused past `limit` bytes. */
  async readAll(limit: number): Promise<Buffer> {
    const parts = [...this.head];
    for (;;) {
      if (this.delivered > limit) {
        throw new ManifestParseError(
          'limit-exceeded',
          `the input is more than ${limit} bytes and its format has no streaming reader in this build`,
        );
      }
      const result = await this.next();
      if (result.done) break;
      parts.push(result.value);
    }
    return Buffer.concat(parts);
  }

  /** Lets the head go once the input streams: it is only replayed for a format read whole. */
  releaseHead(): void {
    this.head = [];
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

function open(source: InputSource, stdin: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  if (source.path === undefined) return stdin;
  return createReadStream(source.path, { highWaterMark: 1 << 20 });
}

/**
 * Reads every input in turn as one stream of events. Formats with a streaming reader are read in
 * constant memory; the others (a canonical JSON document) are read whole, within the manifest
 * package's size limit. A broken input ends with a `failed` event and the next input is read.
 *
 * @example
 * for await (const event of readInputs(resolveInputs('score', ['a.ndjson'], cwd), { stdin })) { … }
 */
export async function* readInputs(
  sources: readonly InputSource[],
  options: ReadInputsOptions,
): AsyncGenerator<InputEvent, void, undefined> {
  for (const source of sources) yield* readOne(source, options);
}

async function* readOne(source: InputSource, options: ReadInputsOptions): AsyncGenerator<InputEvent> {
  const name = source.name;
  const bytes = new ReplayableSource(open(source, options.stdin), options.onBytes);
  const parseOptions = { sourceName: name, ...(options.format === undefined ? {} : { format: options.format }) };
  let started = false;
  let fallBack = false;
  try {
    for await (const event of readConsignments(bytes, parseOptions)) {
      if (!started) {
        started = true;
        // The first chunk read (1 MiB) would otherwise stay in memory for the whole input.
        bytes.releaseHead();
      }
      yield { ...event, source: name };
    }
    return;
  } catch (error) {
    if (!(error instanceof ManifestParseError)) throw error;
    if (started || error.code !== 'unsupported-format') {
      yield { type: 'failed', source: name, error };
      return;
    }
    fallBack = true;
  } finally {
    if (!fallBack) await bytes.close();
  }
  // No streaming reader for this format: read it whole, up to the in-memory limit.
  let whole: Buffer;
  try {
    whole = await bytes.readAll(DEFAULT_LIMITS.maxBytes);
  } catch (error) {
    if (!(error instanceof ManifestParseError)) throw error;
    yield { type: 'failed', source: name, error };
    return;
  } finally {
    await bytes.close();
  }
  const result = safeParseManifest(whole, parseOptions);
  if (!result.success) {
    yield { type: 'failed', source: name, error: result.error };
    return;
  }
  const { manifest, issues, stats } = result.data;
  const { consignments, ...header } = manifest;
  yield { type: 'header', source: name, header };
  for (const consignment of consignments) yield { type: 'consignment', source: name, consignment, warnings: [] };
  for (const issue of issues) yield { type: 'issue', source: name, issue };
  yield { type: 'end', source: name, stats };
}
