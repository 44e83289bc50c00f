import type { ParseIssue } from '@cargorisk/manifest';
import {
  type AssessmentView,
  CHANNELS,
  type Channel,
  channelRank,
  type HitView,
  type RuleSetRef,
} from './assessment-view.js';
import type { ConsignmentContext } from './consignment-context.js';

/** An assessment kept for listing, with the input it came from. */
export interface ListedAssessment {
  readonly assessment: AssessmentView;
  /** The input's name as given on the command line, when known. */
  readonly input?: string;
  /** Who, where and what, when the consignment itself was at hand (not read back from NDJSON). */
  readonly context?: ConsignmentContext;
}

/** An issue met while reading, with the input it came from. */
export interface InputIssue {
  readonly input: string;
  readonly issue: ParseIssue;
}

/** How often one rule fired. */
export interface RuleCount {
  readonly ruleSet: string;
  readonly rule: string;
  readonly message: string;
  readonly score: number;
  hits: number;
}

/** The figures every output ends with; `json` output carries it as `summary`. */
export interface RunSummary {
  inputs: number;
  /** Inputs that could not be read at all (empty, unknown format, broken syntax). */
  failedInputs: number;
  consignments: { read: number; assessed: number; rejected: number };
  issues: { errors: number; warnings: number };
  channels: Record<Channel, number>;
  minChannel: Channel;
  /** Assessments at or above `minChannel`. */
  reported: number;
  elapsedMs: number;
  /** Consignments read per second of elapsed time. */
  perSecond: number;
}

export interface TallyOptions {
  minChannel: Channel;
  /** Keep the listed assessments (table, json, html); ndjson output streams them and keeps none. */
  keepAssessments: boolean;
  /** Most issues kept in memory for listing; all are counted. @default Infinity */
  maxIssues?: number;
  /** When the run started, for throughput. @default performance.now() at construction */
  startedAt?: number;
}

/**
 * Counts everything a run meets in constant memory (channels, the score distribution, how often
 * each rule fired) and keeps only what an output must list: the assessments at or above the
 * minimum channel, and the issues up to a cap.
 *
 * @example
 * const tally = new AssessmentTally({ minChannel: 'yellow', keepAssessments: true });
 * for (const a of assessments) tally.addAssessment(a, 'voyage.xml');
 * writeFileSync('report.html', renderReport(tally));
 */
export class AssessmentTally {
  readonly channels: Record<Channel, number> = { green: 0, blue: 0, yellow: 0, red: 0 };
  /** score → how many assessments had it. */
  readonly scores = new Map<number, number>();
  readonly rules = new Map<string, RuleCount>();
  readonly ruleSets = new Map<string, RuleSetRef>();
  readonly listed: ListedAssessment[] = [];
  readonly issues: InputIssue[] = [];
  readonly inputs: string[] = [];
  failedInputs = 0;
  read = 0;
  assessed = 0;
  rejected = 0;
  errors = 0;
  warnings = 0;
  private readonly startedAt: number;
  private readonly minRank: number;

  constructor(readonly options: TallyOptions) {
    this.startedAt = options.startedAt ?? performance.now();
    this.minRank = channelRank(options.minChannel);
  }

  /** Whether an assessment is at or above the minimum channel (it is listed, and makes the exit code 1). */
  reports(assessment: AssessmentView): boolean {
    return channelRank(assessment.channel) >= this.minRank;
  }

  get reported(): number {
    let n = 0;
    for (const channel of CHANNELS) if (channelRank(channel) >= this.minRank) n += this.channels[channel];
    return n;
  }

  addInput(name: string): void {
    this.inputs.push(name);
  }

  /** Counts an assessment, and keeps it if it is listed; `context` is asked for only then. */
  addAssessment(assessment: AssessmentView, input?: string, context?: () => ConsignmentContext): void {
    this.assessed++;
    this.read++;
    this.channels[assessment.channel]++;
    this.scores.set(assessment.score, (this.scores.get(assessment.score) ?? 0) + 1);
    for (const ref of assessment.ruleSets) if (!this.ruleSets.has(ref.id)) this.ruleSets.set(ref.id, ref);
    for (const hit of assessment.hits) this.countHit(hit);
    if (this.options.keepAssessments && this.reports(assessment)) {
      this.listed.push({
        assessment,
        ...(input === undefined ? {} : { input }),
        ...(context === undefined ? {} : { context: context() }),
      });
    }
  }

  private countHit(hit: HitView): void {
    const key = `${hit.ruleSet}\u0000${hit.rule}`;
    const known = this.rules.get(key);
    if (known !== undefined) known.hits++;
    else this.rules.set(key, { ruleSet: hit.ruleSet, rule: hit.rule, message: hit.message, score: hit.score, hits: 1 });
  }

  /** A consignment the reader refused: counted as read and as reported in issues. */
  addRejected(): void {
    this.read++;
    this.rejected++;
  }

  /** When a reader's own counts say more were refused than it sent events for (a whole-document read). */
  reconcileRejected(rejected: number): void {
    this.read += rejected;
    this.rejected += rejected;
  }

  addIssue(input: string, issue: ParseIssue): void {
    if (issue.severity === 'error') this.errors++;
    else this.warnings++;
    if (this.issues.length < (this.options.maxIssues ?? Number.POSITIVE_INFINITY)) this.issues.push({ input, issue });
  }

  addFailedInput(input: string, issue: ParseIssue): void {
    this.failedInputs++;
    this.addIssue(input, issue);
  }

  /** Listed assessments, highest score first, then red before yellow, then by consignment id. */
  sortedListing(): ListedAssessment[] {
    return [...this.listed].sort(
      (a, b) =>
        b.assessment.score - a.assessment.score ||
        channelRank(b.assessment.channel) - channelRank(a.assessment.channel) ||
        (a.assessment.consignmentId < b.assessment.consignmentId ? -1 : 1),
    );
  }

  /** Rules by how often they fired, most first. */
  topRules(limit: number): RuleCount[] {
    return [...this.rules.values()].sort((a, b) => b.hits - a.hits || (a.rule < b.rule ? -1 : 1)).slice(0, limit);
  }

  summary(now = performance.now()): RunSummary {
    const elapsedMs = Math.max(0, now - this.startedAt);
    return {
      inputs: this.inputs.length,
      failedInputs: this.failedInputs,
      consignments: { read: this.read, assessed: this.assessed, rejected: this.rejected },
      issues: { errors: this.errors, warnings: this.warnings },
      channels: { ...this.channels },
      minChannel: this.options.minChannel,
      reported: this.reported,
      elapsedMs: Math.round(elapsedMs),
      perSecond: elapsedMs > 0 ? Math.round((this.read * 1000) / elapsedMs) : 0,
    };
  }
}
