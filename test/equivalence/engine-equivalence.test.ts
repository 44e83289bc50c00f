import type { Assessment, CompiledRuleSet } from '@cargorisk/core';
import { createScorer, safeCompileRuleSet } from '@cargorisk/core';
import type { Consignment, Transport } from '@cargorisk/manifest';
import { ConsignmentSchema } from '@cargorisk/manifest';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { consignmentArb, ruleSetArb, transportArb } from './engine-arbitraries.js';

/*
 * The compiled engine and the json-rules-engine reference must give the same assessment for any
 * rule set and any consignment. Random rule sets mix every operator, lists, nested all/any/not,
 * shared conditions, both scopes, thresholds, forced channels, random selection and effective
 * dates; random consignments are drawn from the same vocabulary so that rules often fire.
 *
 * Building a scorer costs far more than scoring, so each random pair of rule sets is checked
 * against a batch of consignments. The seed is fixed so CI is reproducible; set
 * CARGORISK_EQUIVALENCE_SEED to explore other seeds locally (and _RUNS to run longer).
 */

const SEED = Number(process.env.CARGORISK_EQUIVALENCE_SEED ?? 20261130);
const RUNS = Number(process.env.CARGORISK_EQUIVALENCE_RUNS ?? 400);
const BATCH = 25; // consignments per random rule-set pair: RUNS × BATCH property cases in all
const NOW = new Date('2026-11-30T12:00:00Z');

/** What must agree: score, channel, actions and hits (rule set, rule and score, in order). */
function essence(a: Assessment) {
  return {
    score: a.score,
    channel: a.channel,
    actions: a.actions,
    hits: a.hits.map((h) => `${h.ruleSet}/${h.rule}:${h.score}`),
    ruleSets: a.ruleSets.map((r) => r.id),
  };
}

function compile(json: unknown): CompiledRuleSet {
  const r = safeCompileRuleSet(json);
  if (!r.success) {
    // A generated rule set must be valid: if not, the generator (or the validator) is wrong.
    throw new Error(`generated rule set refused: ${JSON.stringify(r.error.issues, null, 2)}\n${JSON.stringify(json)}`);
  }
  return r.data;
}

let checked = 0;
let fired = 0;

async function agree(ruleSetJsons: unknown[], batch: [Consignment, Transport | undefined][]): Promise<void> {
  const ruleSets = ruleSetJsons.map(compile);
  const options = { now: NOW, seed: 'equivalence' };
  const compiled = createScorer(ruleSets, { ...options, engine: 'compiled' });
  // Explaining takes other paths through the compiled engine (evidence is gathered): it must not
  // change what fires.
  const explaining = createScorer(ruleSets, { ...options, engine: 'compiled', explain: true });
  const reference = createScorer(ruleSets, { ...options, engine: 'reference' });
  for (const [raw, transport] of batch) {
    // The manifest schema fills defaults exactly as a reader's output would have them.
    const c = ConsignmentSchema.parse(raw);
    const context = transport === undefined ? {} : { transport };
    const expected = essence(await reference.scoreAsync(c, context));
    const actual = essence(compiled.score(c, context));
    const explained = essence(explaining.score(c, context));
    checked++;
    if (expected.hits.length > 0) fired++;
    if (JSON.stringify(actual) !== JSON.stringify(expected) || JSON.stringify(explained) !== JSON.stringify(expected)) {
      expect({ consignment: c, transport, compiled: actual, explained }).toEqual({
        consignment: c,
        transport,
        compiled: expected,
        explained: expected,
      });
    }
  }
}

describe('compiled engine ≡ json-rules-engine reference', () => {
  test(
    `${RUNS} random rule-set pairs × ${BATCH} consignments`,
    async () => {
      checked = 0;
      fired = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(ruleSetArb('alpha'), fc.option(ruleSetArb('beta'), { nil: undefined })),
          fc.array(fc.tuple(consignmentArb, transportArb), { minLength: BATCH, maxLength: BATCH }),
          async ([first, second], batch) => {
            await agree(second === undefined ? [first] : [first, second], batch);
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: false },
      );
      // The property is worth something only if rules actually fire on many consignments.
      expect(checked).toBeGreaterThanOrEqual(RUNS * BATCH);
      expect(fired / checked).toBeGreaterThan(0.3);
    },
    300_000 + RUNS * 500,
  );
});
