import { type Assessment, type CompiledRuleSet, compileRuleSet, createScorer, type Scorer } from '@cargorisk/core';

/*
 * The one place the suite binds to @cargorisk/core's scoring API (docs/rule-sets.md): compile a
 * rule set, make a scorer for an engine. Every scorer gets the same fixed `now`, so rule sets'
 * effective dates cannot make two engines (or two runs) differ.
 */

export type { Assessment as BenchAssessment, Scorer as BenchScorer } from '@cargorisk/core';

const NOW = new Date('2026-11-30T00:00:00Z');

/** Compiles rule-set JSON; throws RuleSetError (with every issue) when it is refused. */
export function compileForBench(json: unknown): CompiledRuleSet {
  return compileRuleSet(json);
}

export function scorerForBench(
  ruleSets: readonly CompiledRuleSet[],
  engine: 'compiled' | 'reference',
  explain: boolean,
): Scorer {
  return createScorer(ruleSets, { engine, explain, now: NOW });
}

/** The fired rule ids of an assessment, sorted (the comparison key across engines). */
export function hitIds(a: Assessment): string[] {
  return a.hits.map((h) => h.rule).sort();
}
