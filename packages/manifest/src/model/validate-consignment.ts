import type { z } from 'zod';
import { isIso6346Shape, isValidContainerNumber } from './codes.js';
import { type Consignment, ConsignmentSchema, type SourceLocation } from './manifest.js';
import { ISSUE_CODES, type ParseIssue } from './parse-issue.js';

/** RFC 6901 JSON pointer for a path of keys and indexes. */
export function toPointer(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1');
  return out;
}

/** Turns zod issues into ParseIssues whose pointers start at `base` (the record's own pointer). */
export function issuesFromZod(
  error: z.ZodError,
  location: SourceLocation,
  base: string,
  consignmentId?: string,
): ParseIssue[] {
  return error.issues.map((issue) => {
    const pointer = base + toPointer(issue.path);
    const where = pointer === '' ? 'record' : pointer;
    return {
      code: issue.code === 'unrecognized_keys' ? ISSUE_CODES.invalidRecord : ISSUE_CODES.invalidValue,
      severity: 'error',
      message: `${where}: ${issue.message}`,
      location: { ...location, pointer },
      ...(consignmentId === undefined ? {} : { consignmentId }),
    };
  });
}

/** Warnings for container numbers that are kept as written but fail ISO 6346. */
export function containerWarnings(consignment: Consignment, base: string): ParseIssue[] {
  const out: ParseIssue[] = [];
  consignment.containers.forEach((container, i) => {
    if (isValidContainerNumber(container.number)) return;
    const shaped = isIso6346Shape(container.number);
    out.push({
      code: shaped ? ISSUE_CODES.containerCheckDigit : ISSUE_CODES.containerNotIso6346,
      severity: 'warning',
      message: shaped
        ? `container ${container.number}: ISO 6346 check digit is wrong`
        : `container ${container.number}: not an ISO 6346 container number`,
      location: { ...consignment.source, pointer: `${base}/containers/${i}/number` },
      consignmentId: consignment.id,
    });
  });
  return out;
}

export type ConsignmentCheck =
  | { ok: true; consignment: Consignment; issues: ParseIssue[] }
  | { ok: false; issues: ParseIssue[] };

/**
 * Validates one candidate consignment as every reader must: schema errors reject it (with
 * pointers under `base`), doubtful but usable values come back as warnings.
 */
export function checkConsignment(candidate: unknown, location: SourceLocation, base: string): ConsignmentCheck {
  const result = ConsignmentSchema.safeParse(candidate);
  if (!result.success) {
    const id =
      typeof candidate === 'object' && candidate !== null && typeof (candidate as { id?: unknown }).id === 'string'
        ? (candidate as { id: string }).id
        : undefined;
    return { ok: false, issues: issuesFromZod(result.error, location, base, id) };
  }
  return { ok: true, consignment: result.data, issues: containerWarnings(result.data, base) };
}
