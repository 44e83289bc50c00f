import type { Consignment, Manifest, ManifestFormat, ManifestHeader } from '../model/manifest.js';
import type { ParseIssue } from '../model/parse-issue.js';
import type { ConsignmentSink } from '../stream/incremental-reader.js';
import type { ParseLimits } from './limits.js';

/**
 * Counts that reconcile: every consignment the reader met is either accepted (in the manifest)
 * or rejected (named by at least one error issue). `seen === accepted + rejected` always.
 */
export interface ParseStats {
  seen: number;
  accepted: number;
  rejected: number;
}

export interface ParseResult {
  manifest: Manifest;
  issues: ParseIssue[];
  stats: ParseStats;
}

/** What a format reader is given besides the text. */
export interface ReaderContext {
  format: ManifestFormat;
  sourceName?: string;
  limits: ParseLimits;
  /**
   * The bytes pushed are the UTF-8 encoding of text the caller passed as a string, already
   * decoded: a reader that picks a character set from the document (CUSCAR's UNB) must not.
   */
  decodedText?: boolean;
}

/** Collects a whole manifest in memory from any reader, keeping the counts honest. */
export class ResultBuilder implements ConsignmentSink {
  headerValue: ManifestHeader | undefined;
  readonly consignments: Consignment[] = [];
  readonly issues: ParseIssue[] = [];
  readonly stats: ParseStats = { seen: 0, accepted: 0, rejected: 0 };
  private readonly ids = new Set<string>();

  header(header: ManifestHeader): void {
    this.headerValue ??= header;
  }

  accept(consignment: Consignment, issues: readonly ParseIssue[] = []): void {
    this.stats.seen++;
    this.stats.accepted++;
    this.issues.push(...issues);
    if (this.ids.has(consignment.id)) {
      this.issues.push({
        code: 'duplicate-consignment',
        severity: 'warning',
        message: `consignment ${consignment.id} appears more than once in this manifest`,
        location: consignment.source,
        consignmentId: consignment.id,
      });
    }
    this.ids.add(consignment.id);
    this.consignments.push(consignment);
  }

  reject(issues: readonly ParseIssue[]): void {
    this.stats.seen++;
    this.stats.rejected++;
    this.issues.push(...issues);
  }

  /** An issue that concerns no single consignment (a bad trailer segment, say). */
  note(issue: ParseIssue): void {
    this.issues.push(issue);
  }
}

/** The result once a reader has finished; `fallback` is the header when the input carried none. */
export function finishResult(builder: ResultBuilder, fallback: ManifestHeader): ParseResult {
  return {
    manifest: { ...(builder.headerValue ?? fallback), consignments: builder.consignments },
    issues: builder.issues,
    stats: builder.stats,
  };
}
