import { ManifestParseError } from '../errors.js';
import { type ManifestHeader, ManifestHeaderSchema, type SourceLocation } from '../model/manifest.js';
import { ISSUE_CODES } from '../model/parse-issue.js';
import { checkConsignment, issuesFromZod } from '../model/validate-consignment.js';
import { finishResult, type ParseResult, type ReaderContext, ResultBuilder } from '../parse/parse-result.js';
import { positionAt } from '../parse/text-position.js';
import type { ConsignmentSink, IncrementalReader } from '../stream/incremental-reader.js';
import { findDepthViolation, locateJsonSyntaxError } from './json-scan.js';

/*
 * Canonical JSON: the model itself, as `parse --out json` writes it. One manifest object
 * (`{ id, format?, transport?, consignments: [...] }`), or NDJSON: one consignment per line,
 * optionally preceded by a header line `{ "manifest": { id, transport, ... } }`.
 */

function parseJson(text: string, ctx: ReaderContext, lineOffset = 0): unknown {
  const deep = findDepthViolation(text, ctx.limits.maxDepth);
  if (deep >= 0) {
    const pos = positionAt(text, deep);
    throw new ManifestParseError('limit-exceeded', `JSON nests deeper than ${ctx.limits.maxDepth} levels`, {
      location: { format: ctx.format, line: pos.line + lineOffset, column: pos.column, offset: deep },
    });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    const { offset, message } = locateJsonSyntaxError(text);
    const pos = positionAt(text, offset);
    const line = pos.line + lineOffset;
    throw new ManifestParseError('syntax', `invalid JSON at ${line}:${pos.column}: ${message}`, {
      location: { format: ctx.format, line, column: pos.column, offset },
      cause,
    });
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readHeader(raw: Record<string, unknown>, ctx: ReaderContext, base: string): ManifestHeader {
  const { consignments: _ignored, ...rest } = raw;
  const candidate = {
    format: ctx.format,
    ...rest,
    ...(ctx.sourceName === undefined ? {} : { sourceName: ctx.sourceName }),
  };
  const header = ManifestHeaderSchema.safeParse(candidate);
  if (!header.success) {
    const issues = issuesFromZod(header.error, { format: ctx.format }, base);
    throw new ManifestParseError('invalid-header', `manifest header is invalid: ${issues[0]?.message ?? ''}`, {
      location: { format: ctx.format, pointer: base },
      issues,
    });
  }
  return header.data;
}

const withSource = (raw: Record<string, unknown>, location: SourceLocation) =>
  'source' in raw ? raw : { ...raw, source: location };

function checkRecord(raw: unknown, location: SourceLocation, base: string, out: ConsignmentSink): void {
  if (!isRecord(raw)) {
    out.reject([
      {
        code: ISSUE_CODES.invalidRecord,
        severity: 'error',
        message: `${base || 'record'}: a consignment must be a JSON object`,
        location: { ...location, pointer: base },
      },
    ]);
    return;
  }
  const checked = checkConsignment(withSource(raw, location), location, base);
  if (checked.ok) out.accept(checked.consignment, checked.issues);
  else out.reject(checked.issues);
}

/** Reads one canonical JSON manifest document. */
export function readCanonicalJson(text: string, ctx: ReaderContext): ParseResult {
  const doc = parseJson(text, ctx);
  if (!isRecord(doc) || !Array.isArray(doc.consignments)) {
    throw new ManifestParseError('syntax', 'a canonical JSON manifest is an object with a "consignments" array', {
      location: { format: ctx.format, pointer: '' },
    });
  }
  const header = readHeader(doc, ctx, '');
  const out = new ResultBuilder();
  doc.consignments.forEach((raw, i) => {
    const pointer = `/consignments/${i}`;
    checkRecord(raw, { format: ctx.format, pointer }, pointer, out);
  });
  return finishResult(out, header);
}

/** Reads one NDJSON line (1-based `lineNo`) into the sink; `first` says no record came before it. */
export function readNdjsonLine(
  line: string,
  lineNo: number,
  first: boolean,
  ctx: ReaderContext,
  sink: ConsignmentSink,
): void {
  const text = line.trim();
  if (text === '') return;
  const location: SourceLocation = { format: ctx.format, line: lineNo };
  // A short line that parses and proves to be a consignment cannot nest deeply (the model's own depth is
  // small and it allows no free-form values), so it skips the depth scan; every other line is scanned
  // first, as before, and so reports the same issue.
  const trusted = !first && text.length <= PARSE_FIRST_MAX;
  let raw: unknown = NOT_PARSED;
  if (trusted) {
    try {
      raw = JSON.parse(text);
    } catch {
      // Located and reported below.
    }
  }
  if (raw === NOT_PARSED || !isRecord(raw)) {
    try {
      raw = parseJson(text, ctx, lineNo - 1);
    } catch (e) {
      if (!(e instanceof ManifestParseError)) throw e;
      sink.reject([{ code: ISSUE_CODES.syntax, severity: 'error', message: e.message, location: e.location }]);
      return;
    }
  }
  if (first && isRecord(raw) && isRecord(raw.manifest)) {
    sink.header(readHeader(raw.manifest, ctx, '/manifest'));
    return;
  }
  if (!trusted) {
    checkRecord(raw, location, '', sink);
    return;
  }
  const checked = checkConsignment(withSource(raw as Record<string, unknown>, location), location, '');
  if (checked.ok) {
    sink.accept(checked.consignment, checked.issues);
    return;
  }
  // A refused line may be refused for its nesting: the scan says so, as it would have before parsing.
  try {
    parseJson(text, ctx, lineNo - 1);
  } catch (e) {
    if (!(e instanceof ManifestParseError)) throw e;
    sink.reject([{ code: ISSUE_CODES.syntax, severity: 'error', message: e.message, location: e.location }]);
    return;
  }
  sink.reject(checked.issues);
}

/** Lines up to this length are parsed before their depth is scanned (parsing them costs little whatever they hold). */
const PARSE_FIRST_MAX = 16_384;
const NOT_PARSED: unique symbol = Symbol('not parsed');

/** The header of an input that carried none: named after its source. */
export function fallbackHeader(ctx: ReaderContext): ManifestHeader {
  return {
    id: ctx.sourceName ?? ctx.format,
    format: ctx.format,
    ...(ctx.sourceName === undefined ? {} : { sourceName: ctx.sourceName }),
  };
}

/** Reads NDJSON held in memory: one consignment per line; a line that does not parse is an issue, not a failure. */
export function readNdjson(text: string, ctx: ReaderContext): ParseResult {
  const out = new ResultBuilder();
  const reader = createNdjsonReader(ctx, out);
  reader.pushText(text);
  reader.end();
  return finishResult(out, fallbackHeader(ctx));
}

/** NDJSON as a stream: complete lines are read as they arrive, with their line numbers. */
export function createNdjsonReader(
  ctx: ReaderContext,
  sink: ConsignmentSink,
): IncrementalReader & { pushText(text: string): void } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let lineNo = 0;
  let first = true;
  let skipping = false;
  const maxLine = ctx.limits.maxTextLength * 8;
  const line = (text: string) => {
    lineNo++;
    if (text.length > maxLine) {
      sink.reject([
        {
          code: ISSUE_CODES.limitExceeded,
          severity: 'error',
          message: `line ${lineNo} is ${text.length} characters, over the limit of ${maxLine}`,
          location: { format: ctx.format, line: lineNo },
        },
      ]);
    } else readNdjsonLine(text, lineNo, first, ctx, sink);
    if (text.trim() !== '') first = false;
  };
  const decode = (chunk: Uint8Array, stream: boolean): string => {
    try {
      return decoder.decode(chunk, { stream });
    } catch (cause) {
      throw new ManifestParseError('encoding', `input is not valid UTF-8 (near line ${lineNo + 1})`, {
        location: { format: ctx.format, line: lineNo + 1 },
        cause,
      });
    }
  };
  const pushText = (text: string) => {
    pending += text;
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', start)) {
      line(pending.slice(start, nl));
      start = nl + 1;
    }
    pending = pending.slice(start);
    if (pending.length > maxLine) {
      // A line that never ends: report it once and skip to its end.
      line(pending);
      pending = '';
      skipping = true;
    }
  };
  return {
    pushText(text) {
      if (skipping) {
        const nl = text.indexOf('\n');
        if (nl < 0) return;
        skipping = false;
        text = text.slice(nl + 1);
      }
      pushText(text);
    },
    push(chunk) {
      this.pushText(decode(chunk, true));
    },
    end() {
      const rest = pending + decode(new Uint8Array(0), false);
      pending = '';
      if (rest !== '' && !skipping) line(rest);
    },
  };
}
