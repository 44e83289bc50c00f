import type { Consignment } from '@cargorisk/manifest';
import { requireExport } from './library-apis.js';

/*
 * The one place the suite binds to @cargorisk/core's scoring API (docs/rule-sets.md): compile a
 * rule set, make a scorer for an engine, score a consignment.
 */

export interface BenchHit {
  rule: string;
  ruleSet: string;
  score: number;
  evidence: unknown[];
}
export interface BenchAssessment {
  consignmentId: string;
  score: number;
  channel: string;
  actions: string[];
  hits: BenchHit[];
}
export interface BenchScorer {
  score(c: Consignment): BenchAssessment;
  scoreAsync(c: Consignment): Promise<BenchAssessment>;
}

type CompileRuleSet = (json: unknown) => unknown;
type CreateScorer = (options: {
  ruleSets: unknown[];
  engine?: 'compiled' | 'reference';
  explain?: boolean;
}) => BenchScorer;

/** Compiles rule-set JSON; throws (with the core's issues) when it is refused. */
export function compileForBench(json: unknown): unknown {
  return requireExport<CompileRuleSet>('@cargorisk/core', 'compileRuleSet')(json);
}

export function scorerForBench(ruleSets: unknown[], engine: 'compiled' | 'reference', explain: boolean): BenchScorer {
  return requireExport<CreateScorer>('@cargorisk/core', 'createScorer')({ ruleSets, engine, explain });
}

/** The fired rule ids of an assessment, sorted (the comparison key across engines). */
export function hitIds(a: BenchAssessment): string[] {
  return a.hits.map((h) => h.rule).sort();
}
