import { compileRuleSet, createScorer } from '@cargorisk/core';
import { generateConsignments } from '@cargorisk/generator';
import type { Consignment, GoodsItem } from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';
import type { GeneratedRuleSet } from '../../benchmarks/src/rules/generate-rule-set.js';
import { generateRuleSet } from '../../benchmarks/src/rules/generate-rule-set.js';
import { buildHandIndexedRunner } from '../../benchmarks/src/rules/hand-indexed.js';

// The score benchmark's yardstick must fire what the compiled engine fires, or its figures compare nothing.

function compiledHits(ruleSet: GeneratedRuleSet, consignments: readonly Consignment[]) {
  const scorer = createScorer([compileRuleSet(ruleSet)]);
  return consignments.map((c) => {
    const a = scorer.score(c);
    return {
      ids: a.hits.map((h) => h.rule).sort(),
      score: a.hits.reduce((s, h) => s + h.score, 0),
    };
  });
}

const rule = (
  id: string,
  scope: 'item' | 'consignment',
  conditions: GeneratedRuleSet['rules'][number]['conditions'],
  score: number,
): GeneratedRuleSet['rules'][number] => ({
  id,
  title: id,
  scope,
  conditions,
  event: { type: 'target', params: { score, message: id, action: 'document-check', category: 'test' } },
});

const handRuleSet: GeneratedRuleSet = {
  id: 'hand-cases',
  version: '1',
  title: 'hand-indexed cases',
  lists: {
    hs: { kind: 'hs', items: ['8478', '240220'] },
    origin: { kind: 'countries', items: ['CN'] },
    kw: { kind: 'keywords', items: ['cigarette paper', 'acetone'] },
    cty: { kind: 'countries', items: ['AE', 'PA'] },
    pty: { kind: 'parties', items: ['Orbis Vantor Trading FZE'] },
  },
  rules: [
    rule('HS', 'item', { all: [{ fact: 'hsCode', operator: 'hsIn', value: { list: 'hs' } }] }, 10),
    rule(
      'HS-ORIGIN',
      'item',
      {
        all: [
          { fact: 'hsCode', operator: 'hsIn', value: { list: 'hs' } },
          { fact: 'origin', operator: 'inList', value: { list: 'origin' } },
        ],
      },
      20,
    ),
    rule(
      'HS-OR-KW',
      'item',
      {
        any: [
          { fact: 'hsCode', operator: 'hsIn', value: { list: 'hs' } },
          { fact: 'description', operator: 'mentions', value: { list: 'kw' } },
        ],
      },
      5,
    ),
    rule('KW', 'item', { all: [{ fact: 'description', operator: 'mentions', value: { list: 'kw' } }] }, 7),
    rule('CTY', 'consignment', { all: [{ fact: 'consignorCountry', operator: 'inList', value: { list: 'cty' } }] }, 3),
    rule(
      'PTY',
      'consignment',
      { all: [{ fact: 'consigneeName', operator: 'partyMatches', value: { list: 'pty' } }] },
      30,
    ),
  ],
  scoring: { thresholds: { yellow: 40, red: 80 } },
};

const [base] = Array.from(generateConsignments({ seed: 'hand-indexed', consignments: 1 }));
function consignment(goods: Partial<GoodsItem>[], consignorCountry = 'GB', consigneeName = 'Acme Ltd'): Consignment {
  const b = base as Consignment;
  return {
    ...b,
    parties: {
      ...b.parties,
      consignor: { name: 'Shipper Ltd', address: { lines: [], country: consignorCountry } },
      consignee: { name: consigneeName, address: { lines: [], country: 'DE' } },
    },
    goods: goods.map((g, i) => ({ seq: i + 1, description: 'GENERAL CARGO', containerRefs: [], ...g })),
  };
}

describe('the hand-indexed evaluator of the score benchmark', () => {
  const hand = buildHandIndexedRunner(handRuleSet);

  it('needs both conditions of an all in one goods item', () => {
    const split = consignment([
      { hsCode: '8478.10', origin: 'VN' },
      { hsCode: '0902', origin: 'CN' },
    ]);
    const together = consignment([{ hsCode: '847810', origin: 'CN' }]);
    expect(hand(split).ids).toEqual(['HS', 'HS-OR-KW']);
    expect(hand(together)).toEqual({ ids: ['HS', 'HS-OR-KW', 'HS-ORIGIN'], score: 35 });
  });

  it('matches keywords as whole folded words and phrases, and fires a rule once however many items hit it', () => {
    const c = consignment([
      { description: 'Cigarette-PAPER bobbins' },
      { description: 'ÀCETONE, 200 l drums' },
      { description: 'acetonemia test kits' },
    ]);
    expect(hand(c)).toEqual({ ids: ['HS-OR-KW', 'KW'], score: 12 });
    expect(hand(consignment([{ description: 'cigarette rolling paper' }])).ids).toEqual([]);
  });

  it('reads countries and party names as cargorisk does (legal forms and full stops aside)', () => {
    expect(hand(consignment([], 'AE', 'ORBIS VANTOR TRADING F.Z.E.')).ids).toEqual(['CTY', 'PTY']);
    expect(hand(consignment([], 'ae', 'Orbis Vantor Trading LLC')).ids).toEqual(['PTY']);
    expect(hand(consignment([], 'PA', 'Orbis Vantor')).ids).toEqual(['CTY']);
  });

  it('agrees with the compiled engine on these cases, ids and score', () => {
    const cases = [
      consignment([
        { hsCode: '8478.10', origin: 'VN' },
        { hsCode: '0902', origin: 'CN' },
      ]),
      consignment([{ hsCode: '24022090', origin: 'CN', description: 'acetone' }], 'PA', 'The Orbis Vantor Trading'),
      consignment([{ description: 'cigarette paper' }, { hsCode: '2402' }]),
    ];
    expect(cases.map((c) => hand(c))).toEqual(compiledHits(handRuleSet, cases));
  });

  it('agrees with the compiled engine on generated rule sets and consignments, and rules fire', () => {
    const consignments = Array.from(generateConsignments({ seed: 'hand-indexed-bench', consignments: 200 }));
    for (const rules of [10, 300]) {
      const ruleSet = generateRuleSet({ rules, seed: 5, sample: consignments.slice(0, 50), hitShare: 0.4 });
      const expected = compiledHits(ruleSet, consignments);
      expect(expected.filter((e) => e.ids.length > 0).length).toBeGreaterThan(10);
      const run = buildHandIndexedRunner(ruleSet);
      expect(consignments.map((c) => run(c))).toEqual(expected);
    }
  });
});
