import type { Readable, Writable } from 'node:stream';

/** What a command may touch of the process: streams, environment and working directory. */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

const FLUSH_AT = 64 * 1024;

/**
 * The reader of the output went away (`cargorisk score … | head`): there is no point reading on.
 * Commands stop and exit with what they have seen; nothing more is printed.
 */
export class OutputClosedError extends Error {
  override readonly name = 'OutputClosedError';
  readonly code = 'output-closed';
}

/**
 * Buffered, back-pressured writes to a stream: a million NDJSON lines leave as 64 KiB chunks, and
 * the producer waits whenever the consumer (a pipe, a slow terminal) has not caught up, so memory
 * stays flat however fast assessments come.
 */
export class TextSink {
  private parts: string[] = [];
  private size = 0;
  /** Set when the reader went away (EPIPE: `cargorisk score … | head`); further writes are dropped. */
  closed = false;
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.closed = true;
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') this.failure = error;
    });
  }

  /** Queues text; resolves at once unless the buffer filled and the stream asked to wait. */
  write(text: string): Promise<void> | undefined {
    if (this.closed && this.failure === undefined) throw new OutputClosedError('the output was closed by its reader');
    this.parts.push(text);
    this.size += text.length;
    return this.size >= FLUSH_AT ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.failure !== undefined) throw this.failure;
    if (this.closed) return;
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.stream.off('drain', done);
          this.stream.off('close', done);
          this.stream.off('error', done);
          resolve();
        };
        this.stream.on('drain', done);
        this.stream.on('close', done);
        this.stream.on('error', done);
      });
    }
  }
}
