import type { Consignment, ManifestHeader } from '../model/manifest.js';
import type { ParseIssue } from '../model/parse-issue.js';
import type { ParseStats, ReaderContext } from '../parse/parse-result.js';

/**
 * Where a reader puts what it finds. Every consignment the reader meets goes to exactly one
 * `accept` or one `reject` call, so `seen === accepted + rejected` holds by construction;
 * `note` is for issues that concern no single consignment (an interchange trailer, say).
 */
export interface ConsignmentSink {
  header(header: ManifestHeader): void;
  accept(consignment: Consignment, warnings?: readonly ParseIssue[]): void;
  reject(issues: readonly ParseIssue[]): void;
  note(issue: ParseIssue): void;
}

/**
 * A push parser for one format: fed the input a chunk at a time, it hands each completed
 * consignment to the sink at once, so memory is bounded by the largest single consignment, not
 * by the input. `push` and `end` throw ManifestParseError when the input as a whole is unreadable
 * (a hostile document, broken syntax past which nothing can be trusted).
 */
export interface IncrementalReader {
  push(chunk: Uint8Array): void;
  end(): void;
}

export type IncrementalReaderFactory = (ctx: ReaderContext, sink: ConsignmentSink) => IncrementalReader;

/** What `readConsignments` yields, in input order; `end` comes last with the reconciled counts. */
export type StreamEvent =
  | { type: 'header'; header: ManifestHeader }
  | { type: 'consignment'; consignment: Consignment; warnings: readonly ParseIssue[] }
  | { type: 'rejected'; issues: readonly ParseIssue[] }
  | { type: 'issue'; issue: ParseIssue }
  | { type: 'end'; stats: ParseStats };
