import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Scorer } from '@cargorisk/core';
import { ManifestParseError, parseManifest } from '@cargorisk/manifest';

export interface AssessmentServerOptions {
  /** Built once at start-up and shared by every request: compiling rule sets per request would waste the index. */
  scorer: Scorer;
  /**
   * Largest request body accepted; a larger one gets 413 before it is read any further.
   * @default 8 MiB
   */
  maxBytes?: number;
}

/** A request failure with its HTTP status and a stable code, sent as `{ "error": { … } }`. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly location?: unknown,
  ) {
    super(message);
  }
}

const FORMAT_ERRORS = new Set(['unknown-format', 'unsupported-format']);

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Reads the whole body, refusing it (413) as soon as it is known to be over the limit. */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new HttpError(413, 'too-large', `the body is ${declared} bytes; this service accepts ${maxBytes} at most`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new HttpError(413, 'too-large', `the body is over ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function assess(body: Buffer, scorer: Scorer, sourceName: string | undefined) {
  let parsed: ReturnType<typeof parseManifest>;
  try {
    parsed = parseManifest(body, sourceName === undefined ? {} : { sourceName });
  } catch (error) {
    if (!(error instanceof ManifestParseError)) throw error;
    // An unknown or unsupported format is the client sending the wrong media; anything else is a bad manifest.
    throw new HttpError(FORMAT_ERRORS.has(error.code) ? 415 : 400, error.code, error.message, error.location);
  }
  const { manifest, issues, stats } = parsed;
  const context = manifest.transport === undefined ? {} : { transport: manifest.transport };
  const assessments = [];
  for (const consignment of manifest.consignments) assessments.push(await scorer.scoreAsync(consignment, context));
  return {
    manifest: { id: manifest.id, format: manifest.format },
    stats,
    issues,
    assessments,
  };
}

/**
 * An HTTP service that assesses a manifest: `POST /assess` with the manifest as the body (any
 * format cargorisk reads; `?name=` names it in issues) answers `{ manifest, stats, issues,
 * assessments }`. Errors are JSON `{ "error": { code, message, location? } }`: 400 for a manifest
 * that cannot be read (with the reader's code and location), 413 for a body over `maxBytes`, 415
 * for a format cargorisk does not read, 404 and 405 for wrong paths and methods.
 *
 * @example
 * const server = createAssessmentServer({ scorer: createScorer(await loadPacks(defaultPacks)) });
 * server.listen(8080, '127.0.0.1');
 */
export function createAssessmentServer(options: AssessmentServerOptions): Server {
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/health') {
        if (req.method !== 'GET') throw new HttpError(405, 'method-not-allowed', 'use GET');
        send(res, 200, { status: 'ok' });
        return;
      }
      if (url.pathname !== '/assess') throw new HttpError(404, 'not-found', `no resource ${url.pathname}`);
      if (req.method !== 'POST') throw new HttpError(405, 'method-not-allowed', 'POST the manifest as the body');
      const body = await readBody(req, maxBytes);
      send(res, 200, await assess(body, options.scorer, url.searchParams.get('name') ?? undefined));
    } catch (error) {
      if (error instanceof HttpError) {
        const headers: Record<string, string> = {};
        if (error.status === 405) headers.allow = req.url?.startsWith('/health') ? 'GET' : 'POST';
        // The rest of an oversized body is discarded unread (never buffered) and the connection closed, so
        // the client, still sending, gets the answer instead of a reset.
        if (error.status === 413) {
          headers.connection = 'close';
          req.resume();
        }
        const location = error.location === undefined ? {} : { location: error.location };
        send(res, error.status, { error: { code: error.code, message: error.message, ...location } }, headers);
        return;
      }
      // A bug, not the client's fault: log it here, tell the client no more than that.
      console.error(error);
      if (!res.headersSent) send(res, 500, { error: { code: 'internal', message: 'the assessment failed' } });
      else res.destroy();
    }
  });
}
