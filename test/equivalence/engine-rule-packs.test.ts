import type { Assessment, CompiledRuleSet } from '@cargorisk/core';
import { createScorer } from '@cargorisk/core';
import { ConsignmentSchema, isCountryCode, isLocationCode } from '@cargorisk/manifest';
import { loadPacks, packNames } from '@cargorisk/rules';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_VOCABULARY, makeConsignmentArb, transportArb, type Vocabulary } from './engine-arbitraries.js';

/*
 * The shipped rule packs, all loaded together in one scorer, on random consignments drawn from the
 * packs' own lists (their HS headings, keywords, parties, countries and ports, with noise): real
 * rule sets, with list files and lists far longer than the random ones, must give the same
 * assessment on both engines.
 */

const SEED = Number(process.env.CARGORISK_EQUIVALENCE_SEED ?? 20261130);
const RUNS = Number(process.env.CARGORISK_PACK_EQUIVALENCE_RUNS ?? 300);
const NOW = new Date('2026-11-30T12:00:00Z');

let ruleSets: CompiledRuleSet[];
let vocabulary: Vocabulary;

function vocabularyOf(sets: readonly CompiledRuleSet[]): Vocabulary {
  const by = (kinds: string[]) => {
    const out = new Set<string>();
    for (const rs of sets) {
      for (const list of Object.values(rs.json.lists ?? {}))
        if (kinds.includes(list.kind)) for (const i of list.items) out.add(i);
    }
    return [...out];
  };
  const or = <T>(xs: T[], fallback: readonly T[]) => (xs.length > 0 ? xs : [...fallback]);
  const codes = by(['codes', 'countries', 'locations']);
  return {
    hs: or(by(['hs']), DEFAULT_VOCABULARY.hs),
    keywords: or(by(['keywords']), DEFAULT_VOCABULARY.keywords),
    parties: or(by(['parties']), DEFAULT_VOCABULARY.parties),
    // Consignments only carry valid codes: list items that are not (a CAS number in a codes list) stay out.
    countries: or(
      codes.filter((c) => isCountryCode(c)),
      DEFAULT_VOCABULARY.countries,
    ),
    locations: or(
      codes.filter((c) => isLocationCode(c)),
      DEFAULT_VOCABULARY.locations,
    ),
    codes: or(by(['codes']), DEFAULT_VOCABULARY.codes),
    containers: DEFAULT_VOCABULARY.containers,
  };
}

const essence = (a: Assessment) => ({
  score: a.score,
  channel: a.channel,
  actions: a.actions,
  hits: a.hits.map((h) => `${h.ruleSet}/${h.rule}:${h.score}`),
});

beforeAll(async () => {
  ruleSets = await loadPacks(packNames);
  vocabulary = vocabularyOf(ruleSets);
});

describe('compiled engine ≡ json-rules-engine reference on the shipped rule packs', () => {
  test(
    `${RUNS} random consignments drawn from the packs' lists`,
    async () => {
      expect(ruleSets.length).toBe(packNames.length);
      const options = { now: NOW, seed: 'packs' };
      const compiled = createScorer(ruleSets, { ...options, engine: 'compiled' });
      const reference = createScorer(ruleSets, { ...options, engine: 'reference' });
      let fired = 0;
      await fc.assert(
        fc.asyncProperty(makeConsignmentArb(vocabulary), transportArb, async (raw, transport) => {
          const c = ConsignmentSchema.parse(raw);
          const context = transport === undefined ? {} : { transport };
          const expected = essence(await reference.scoreAsync(c, context));
          if (expected.hits.length > 0) fired++;
          expect(essence(compiled.score(c, context))).toEqual(expected);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      expect(fired / RUNS).toBeGreaterThan(0.3);
    },
    300_000 + RUNS * 500,
  );
});
