import type { RuleTestExpect } from './rule-test-suite.js';
import { CHANNEL_ORDER } from './rule-test-suite.js';

/** The parts of an assessment a rule test looks at. */
export interface AssessedOutcome {
  readonly score: number;
  readonly channel: string;
  readonly actions: readonly string[];
  readonly hits: readonly { readonly ruleSet: string; readonly rule: string }[];
}

const RANDOM_RULE = 'random';

function rank(channel: string): number {
  return (CHANNEL_ORDER as readonly string[]).indexOf(channel);
}

/** Whether a hit answers a reference written `RULE-ID` or `rule-set-id/RULE-ID`. */
function refers(ref: string, hit: { ruleSet: string; rule: string }): boolean {
  const slash = ref.indexOf('/');
  return slash === -1 ? hit.rule === ref : hit.ruleSet === ref.slice(0, slash) && hit.rule === ref.slice(slash + 1);
}

function fired(outcome: AssessedOutcome): string {
  const names = outcome.hits.map((h) => `${h.ruleSet}/${h.rule}`);
  return names.length === 0 ? 'no rule fired' : `fired: ${names.join(', ')}`;
}

/**
 * Compares an assessment with what a case expects and says, in words a rule author reads, every
 * way in which it falls short. An empty result means the case passed.
 *
 * @example
 * checkExpectations({ hits: ['GS-HS'], channel: 'red' }, scorer.score(consignment));
 * // ['expected channel red, got yellow (score 40; fired: global-shield/GS-HS)']
 */
export function checkExpectations(expect: RuleTestExpect, outcome: AssessedOutcome): string[] {
  const failures: string[] = [];
  const ruleHits = outcome.hits.filter((h) => h.rule !== RANDOM_RULE);
  for (const ref of expect.hits ?? []) {
    if (!ruleHits.some((h) => refers(ref, h))) failures.push(`expected ${ref} to fire; ${fired(outcome)}`);
  }
  for (const ref of expect.noHits ?? []) {
    if (ruleHits.some((h) => refers(ref, h))) {
      failures.push(`expected ${ref} not to fire; score ${outcome.score}, ${fired(outcome)}`);
    }
  }
  if (expect.onlyHits !== undefined) {
    const only = expect.onlyHits;
    for (const ref of only) {
      if (!ruleHits.some((h) => refers(ref, h))) failures.push(`expected ${ref} to fire; ${fired(outcome)}`);
    }
    const extra = ruleHits.filter((h) => !only.some((ref) => refers(ref, h)));
    if (extra.length > 0) {
      failures.push(
        `expected only ${only.join(', ') || 'no rule'} to fire; also fired: ${extra.map((h) => `${h.ruleSet}/${h.rule}`).join(', ')}`,
      );
    }
  }
  if (expect.channel !== undefined && outcome.channel !== expect.channel) {
    failures.push(
      `expected channel ${expect.channel}, got ${outcome.channel} (score ${outcome.score}; ${fired(outcome)})`,
    );
  }
  if (expect.minChannel !== undefined && rank(outcome.channel) < rank(expect.minChannel)) {
    failures.push(
      `expected at least channel ${expect.minChannel}, got ${outcome.channel} (score ${outcome.score}; ${fired(outcome)})`,
    );
  }
  if (expect.maxChannel !== undefined && rank(outcome.channel) > rank(expect.maxChannel)) {
    failures.push(
      `expected at most channel ${expect.maxChannel}, got ${outcome.channel} (score ${outcome.score}; ${fired(outcome)})`,
    );
  }
  for (const action of expect.actions ?? []) {
    if (!outcome.actions.includes(action)) {
      failures.push(
        `expected action ${action}; got ${outcome.actions.length === 0 ? 'none' : outcome.actions.join(', ')}`,
      );
    }
  }
  if (expect.score !== undefined && outcome.score !== expect.score) {
    failures.push(`expected score ${expect.score}, got ${outcome.score} (${fired(outcome)})`);
  }
  if (expect.minScore !== undefined && outcome.score < expect.minScore) {
    failures.push(`expected a score of at least ${expect.minScore}, got ${outcome.score} (${fired(outcome)})`);
  }
  if (expect.maxScore !== undefined && outcome.score > expect.maxScore) {
    failures.push(`expected a score of at most ${expect.maxScore}, got ${outcome.score} (${fired(outcome)})`);
  }
  return failures;
}
