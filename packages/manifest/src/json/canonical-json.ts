import { ManifestParseError } from '../errors.js';
import { type ManifestHeader, ManifestHeaderSchema, type SourceLocation } from '../model/manifest.js';
import { ISSUE_CODES } from '../model/parse-issue.js';
import { checkConsignment, issuesFromZod } from '../model/validate-consignment.js';
import { type ParseResult, type ReaderContext, ResultBuilder } from '../parse/parse-result.js';
import { positionAt } from '../parse/text-position.js';
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

function checkRecord(raw: unknown, location: SourceLocation, base: string, out: ResultBuilder): void {
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
  const candidate = 'source' in raw ? raw : { ...raw, source: location };
  const checked = checkConsignment(candidate, location, base);
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
  return { manifest: { ...header, consignments: out.consignments }, issues: out.issues, stats: out.stats };
}

/** Reads NDJSON: one consignment per line; a line that does not parse is an issue, not a failure. */
export function readNdjson(text: string, ctx: ReaderContext): ParseResult {
  const out = new ResultBuilder();
  let header: ManifestHeader | undefined;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    const location: SourceLocation = { format: ctx.format, line: lineNo };
    let raw: unknown;
    try {
      raw = parseJson(line, ctx, lineNo - 1);
    } catch (e) {
      if (!(e instanceof ManifestParseError)) throw e;
      out.reject([{ code: ISSUE_CODES.syntax, severity: 'error', message: e.message, location: e.location }]);
      continue;
    }
    if (header === undefined && out.stats.seen === 0 && isRecord(raw) && isRecord(raw.manifest)) {
      header = readHeader(raw.manifest, ctx, '/manifest');
      continue;
    }
    checkRecord(raw, location, '', out);
  }
  const fallback: ManifestHeader = {
    id: ctx.sourceName ?? 'ndjson',
    format: ctx.format,
    ...(ctx.sourceName === undefined ? {} : { sourceName: ctx.sourceName }),
  };
  return {
    manifest: { ...(header ?? fallback), consignments: out.consignments },
    issues: out.issues,
    stats: out.stats,
  };
}
