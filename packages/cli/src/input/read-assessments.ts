import type { ParseIssue } from '@cargorisk/manifest';
import { type AssessmentView, toAssessmentView } from '../report/assessment-view.js';
import { readLines } from './read-lines.js';

/** What reading an assessments NDJSON file yields: an assessment, or an issue for a bad line. */
export type AssessmentLine = { assessment: AssessmentView } | { issue: ParseIssue };

/**
 * Reads assessments back from NDJSON (what `cargorisk score --out ndjson` writes), one a line,
 * checking each: a line that is not an assessment becomes an issue with its line number and the
 * rest go on. Blank lines are skipped.
 */
export async function* readAssessments(source: AsyncIterable<Uint8Array>): AsyncGenerator<AssessmentLine> {
  for await (const line of readLines(source)) {
    if ('tooLong' in line) {
      yield { issue: bad(line.number, 'the line is longer than 64 MiB') };
      continue;
    }
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      yield { issue: bad(line.number, `invalid JSON: ${(error as Error).message}`) };
      continue;
    }
    try {
      yield { assessment: toAssessmentView(value) };
    } catch (error) {
      yield { issue: bad(line.number, `not an assessment: ${(error as Error).message}`) };
    }
  }
}

function bad(line: number, message: string): ParseIssue {
  return { code: 'invalid-record', severity: 'error', message, location: { line } };
}

/** Whether the first bytes of an input look like assessments NDJSON rather than a manifest. */
export function looksLikeAssessments(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  const first = text.split('\n').find((l) => l.trim() !== '');
  if (first === undefined) return false;
  try {
    const value = JSON.parse(first) as unknown;
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Record<string, unknown>).consignmentId === 'string' &&
      'channel' in value &&
      'hits' in value
    );
  } catch {
    return false;
  }
}
