import { z } from 'zod';
import { SourceLocationSchema } from './manifest.js';

/**
 * A problem found in the data. `error` means the record it names was not accepted (it is counted
 * as reported, never silently dropped); `warning` means the record came through and the issue
 * says what is doubtful about it.
 */
export const ParseIssueSchema = z.strictObject({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  location: SourceLocationSchema,
  consignmentId: z.string().optional(),
});

export type ParseIssue = z.infer<typeof ParseIssueSchema>;
export type ParseIssueSeverity = ParseIssue['severity'];

/** Stable issue codes. Integrators may switch on them; they never change meaning. */
export const ISSUE_CODES = {
  syntax: 'syntax',
  invalidValue: 'invalid-value',
  invalidRecord: 'invalid-record',
  containerCheckDigit: 'container-check-digit',
  containerNotIso6346: 'container-not-iso6346',
  duplicateConsignment: 'duplicate-consignment',
  limitExceeded: 'limit-exceeded',
  unsupported: 'unsupported',
  hostileInput: 'hostile-input',
  countMismatch: 'count-mismatch',
  referenceMismatch: 'reference-mismatch',
  missingSegment: 'missing-segment',
  /** A value the model requires was not given and a stated default was taken (a warning). */
  assumedValue: 'assumed-value',
} as const;

export type IssueCode = (typeof ISSUE_CODES)[keyof typeof ISSUE_CODES];
