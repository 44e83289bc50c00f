import type { CompiledRuleSet } from '../compile/compile-rule-set.js';
import { compileRuleSet } from '../compile/compile-rule-set.js';
import type { RuleSetJson } from '../ruleset/ruleset-schema.js';
import type { Assessment } from '../score/assessment.js';
import { createScorer } from '../score/create-scorer.js';
import { checkExpectations } from './check-expectations.js';
import { prepareRuleTestCase, type RuleTestIssue } from './prepare-rule-test-case.js';
import { RuleTestError } from './rule-test-error.js';
import type { RuleTestSuite } from './rule-test-suite.js';

/** Options of {@link runRuleTests}. */
export interface RunRuleTestsOptions {
  /**
   * The engine the cases run on; run both to check that they agree.
   * @default "compiled"
   */
  readonly engine?: 'compiled' | 'reference';
  /**
   * Seed of random selection, for rule sets that select at random.
   * @default "cargorisk"
   */
  readonly seed?: string;
  /**
   * The moment rule sets' `effective` dates are checked against.
   * @default the time of the run
   */
  readonly now?: Date;
}

/** The outcome of one case. */
export interface RuleTestResult {
  readonly name: string;
  readonly passed: boolean;
  /** What fell short of the expectation, in words; empty when the case passed. */
  readonly failures: string[];
  /** The assessment the case produced; absent when its consignment was invalid. */
  readonly assessment?: Assessment;
  /** Problems with the case's consignment or transport (warnings do not fail a case). */
  readonly issues: RuleTestIssue[];
}

/**
 * Replaces list items in the rule sets that define the lists the suite names, so a suite can test a rule
 * with a filled-in list (known producers, licensed importers) while the shipped list stays empty.
 */
function withListOverrides(ruleSets: readonly CompiledRuleSet[], suite: RuleTestSuite): CompiledRuleSet[] {
  const overrides = suite.lists;
  if (overrides === undefined || Object.keys(overrides).length === 0) return [...ruleSets];
  const used = new Set<string>();
  const out = ruleSets.map((rs) => {
    const names = Object.keys(overrides).filter(
      (name) => rs.json.lists !== undefined && Object.hasOwn(rs.json.lists, name),
    );
    if (names.length === 0) return rs;
    const json = structuredClone(rs.json) as RuleSetJson & { lists: NonNullable<RuleSetJson['lists']> };
    for (const name of names) {
      const items = overrides[name];
      if (!Array.isArray(items)) {
        throw new RuleTestError(
          'unknown-list',
          `list "${name}" names a file; load the suite with loadRuleTestFile to read it`,
        );
      }
      const { file: _file, ...list } = json.lists[name] as NonNullable<RuleSetJson['lists']>[string];
      json.lists[name] = { ...list, items: [...items] };
      used.add(name);
    }
    return compileRuleSet(json);
  });
  const unused = Object.keys(overrides).filter((name) => !used.has(name));
  if (unused.length > 0) {
    throw new RuleTestError('unknown-list', `no tested rule set defines the list(s) ${unused.join(', ')}`, {
      issues: unused.map((name) => ({
        code: 'invalid-suite' as const,
        severity: 'error' as const,
        message: `list "${name}" is not defined by any tested rule set`,
        path: `/lists/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`,
      })),
    });
  }
  return out;
}

/**
 * Runs a rule-test suite: every case's consignment is assessed by the rule sets and compared with what
 * the case expects. A case whose consignment is invalid fails with the problems and their pointers.
 *
 * @example
 * const { suite, ruleSetPaths } = await loadRuleTestFile('packs/salw/fixtures/vague.json');
 * const ruleSets = await Promise.all(ruleSetPaths.map((p) => loadRuleSetFile(p)));
 * for (const r of await runRuleTests(ruleSets, suite, { engine: 'reference' })) {
 *   if (!r.passed) console.error(r.name, r.failures);
 * }
 */
export async function runRuleTests(
  ruleSets: readonly CompiledRuleSet[],
  suite: RuleTestSuite,
  options: RunRuleTestsOptions = {},
): Promise<RuleTestResult[]> {
  const scorer = createScorer(withListOverrides(ruleSets, suite), {
    engine: options.engine ?? 'compiled',
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const results: RuleTestResult[] = [];
  for (const [index, testCase] of suite.cases.entries()) {
    const prepared = prepareRuleTestCase(testCase, index);
    if (!prepared.ok) {
      results.push({
        name: testCase.name,
        passed: false,
        failures: prepared.issues.filter((i) => i.severity === 'error').map((i) => `invalid case: ${i.message}`),
        issues: prepared.issues,
      });
      continue;
    }
    const context = prepared.transport === undefined ? {} : { transport: prepared.transport };
    const assessment = await scorer.scoreAsync(prepared.consignment, context);
    const failures = checkExpectations(testCase.expect, assessment);
    results.push({ name: testCase.name, passed: failures.length === 0, failures, assessment, issues: prepared.issues });
  }
  return results;
}
