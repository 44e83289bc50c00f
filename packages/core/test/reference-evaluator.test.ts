import type { Consignment } from '@cargorisk/manifest';
import { ConsignmentSchema } from '@cargorisk/manifest';
import { describe, expect, test } from 'vitest';
import { compileRuleSet } from '../src/compile/compile-rule-set.js';
import { createReferenceEvaluator } from '../src/reference/reference-evaluator.js';

const consignment = (c: Record<string, unknown>): Consignment =>
  ConsignmentSchema.parse({ id: 'C1', kind: 'direct', goods: [], source: { format: 'json' }, ...c });

const ruleSet = (rules: unknown[], extra: Record<string, unknown> = {}) =>
  compileRuleSet({
    id: 'ref',
    version: '1',
    title: 'Reference',
    lists: {
      hs: { kind: 'hs', items: ['3102', '2829', '93'] },
      words: { kind: 'keywords', items: ['ammonium nitrate', 'rifle'] },
      watch: { kind: 'parties', items: ['Acme Trading Ltd'] },
    },
    rules,
    scoring: { thresholds: { yellow: 10, red: 20 } },
    ...extra,
  });

const rule = (id: string, scope: 'item' | 'consignment', conditions: unknown) => ({
  id,
  scope,
  conditions,
  event: { type: 'target', params: { score: 5, message: id } },
});

describe('createReferenceEvaluator', () => {
  test('an item rule fires once, with evidence naming every item that satisfied it', async () => {
    const rs = ruleSet([
      rule('HS', 'item', {
        all: [
          { fact: 'hsCode', operator: 'hsIn', value: { list: 'hs' } },
          { fact: 'description', operator: 'mentions', value: { list: 'words' } },
        ],
      }),
    ]);
    const c = consignment({
      goods: [
        { seq: 1, hsCode: '310230', description: 'AMMONIUM-NITRATE 34%' },
        { seq: 2, hsCode: '8471', description: 'ammonium nitrate' },
        { seq: 4, hsCode: '282911', description: 'Rifle cleaning kit' },
      ],
    });
    const [fired] = await createReferenceEvaluator([rs], { explain: true }).evaluate(c);
    expect(fired).toHaveLength(1);
    expect(fired?.[0]?.ruleId).toBe('HS');
    expect(fired?.[0]?.evidence).toEqual([
      { fact: 'hsCode', value: '310230', operator: 'hsIn', matched: ['3102'], list: 'hs', item: 1 },
      {
        fact: 'description',
        value: 'AMMONIUM-NITRATE 34%',
        operator: 'mentions',
        matched: ['ammonium nitrate'],
        list: 'words',
        item: 1,
      },
      { fact: 'hsCode', value: '282911', operator: 'hsIn', matched: ['2829'], list: 'hs', item: 4 },
      {
        fact: 'description',
        value: 'Rifle cleaning kit',
        operator: 'mentions',
        matched: ['rifle'],
        list: 'words',
        item: 4,
      },
    ]);
  });

  test('a consignment fact is named once even when several items fired the rule', async () => {
    const rs = ruleSet([
      rule('NG', 'item', {
        all: [
          { fact: 'consigneeCountry', operator: 'in', value: ['NG', 'GH'] },
          { fact: 'hsCode', operator: 'hsIn', value: ['2829'] },
        ],
      }),
    ]);
    const c = consignment({
      parties: { consignee: { name: 'B', address: { lines: [], country: 'NG' } } },
      goods: [
        { seq: 1, hsCode: '282911', description: 'a' },
        { seq: 2, hsCode: '282919', description: 'b' },
      ],
    });
    const [fired] = await createReferenceEvaluator([rs], { explain: true }).evaluate(c);
    expect(fired?.[0]?.evidence).toEqual([
      { fact: 'consigneeCountry', value: 'NG', operator: 'in', matched: ['NG'] },
      { fact: 'hsCode', value: '282911', operator: 'hsIn', matched: ['2829'], item: 1 },
      { fact: 'hsCode', value: '282919', operator: 'hsIn', matched: ['2829'], item: 2 },
    ]);
  });

  test('without explain, no evidence is built', async () => {
    const rs = ruleSet([rule('K', 'consignment', { all: [{ fact: 'kind', operator: 'equal', value: 'direct' }] })]);
    const fired = await createReferenceEvaluator([rs], {}).evaluate(consignment({}));
    expect(fired).toEqual([[{ ruleId: 'K', evidence: [] }]]);
  });

  test('evidence leaves out conditions under not, and names consignment facts without an item', async () => {
    const rs = ruleSet([
      rule('P', 'item', {
        all: [
          { fact: 'consignee', path: '$.name', operator: 'partyMatches', value: { list: 'watch' } },
          { not: { fact: 'origin', operator: 'equal', value: 'US' } },
        ],
      }),
    ]);
    const c = consignment({
      parties: { consignee: { name: 'ACME TRADING LIMITED' } },
      goods: [{ seq: 3, description: 'x', origin: 'CN' }],
    });
    const [fired] = await createReferenceEvaluator([rs], { explain: true }).evaluate(c);
    expect(fired?.[0]?.evidence).toEqual([
      {
        fact: 'consignee',
        value: 'ACME TRADING LIMITED',
        operator: 'partyMatches',
        matched: ['Acme Trading Ltd'],
        list: 'watch',
      },
    ]);
  });

  // jsonpath-plus (json-rules-engine's default resolver) would answer `$.address.lines.length` with 2:
  // PROTO firing would mean it was called.
  test('paths are resolved without jsonpath-plus, through own properties and array indexes only', async () => {
    const rs = ruleSet([
      rule('LINE', 'consignment', {
        all: [{ fact: 'consignee', path: '$.address.lines[1]', operator: 'equal', value: 'PO BOX 7' }],
      }),
      rule('PROTO', 'consignment', {
        all: [{ fact: 'consignee', path: '$.address.lines.length', operator: 'equal', value: 2 }],
      }),
      rule('FIRST', 'consignment', {
        all: [{ fact: 'transshipments', path: '$[0]', operator: 'equal', value: 'SGSIN' }],
      }),
    ]);
    const c = consignment({
      parties: { consignee: { name: 'B', address: { lines: ['Main St', 'PO BOX 7'] } } },
      route: { transshipments: ['SGSIN'] },
    });
    const [fired] = await createReferenceEvaluator([rs]).evaluate(c);
    expect(fired?.map((f) => f.ruleId)).toEqual(['LINE', 'FIRST']);
  });

  test('numeric operators refuse strings json-rules-engine would coerce; doesNotContain holds on an absent fact', async () => {
    const rs = ruleSet([
      rule('GT', 'consignment', {
        all: [{ fact: 'consignee', path: '$.address.postcode', operator: 'greaterThan', value: 5 }],
      }),
      rule('DNC', 'consignment', {
        all: [{ fact: 'consignor', path: '$.address.lines', operator: 'doesNotContain', value: 'x' }],
      }),
    ]);
    const c = consignment({ parties: { consignee: { name: 'B', address: { lines: [], postcode: '12' } } } });
    const [fired] = await createReferenceEvaluator([rs]).evaluate(c);
    expect(fired?.map((f) => f.ruleId)).toEqual(['DNC']);
  });

  test('a shared condition that is a single fact condition is accepted', async () => {
    const rs = ruleSet([rule('S', 'consignment', { condition: 'is-house' })], {
      conditions: { 'is-house': { fact: 'kind', operator: 'equal', value: 'house' } },
    });
    const evaluator = createReferenceEvaluator([rs]);
    expect(await evaluator.evaluate(consignment({ kind: 'house' }))).toEqual([[{ ruleId: 'S', evidence: [] }]]);
    expect(await evaluator.evaluate(consignment({ kind: 'master' }))).toEqual([[]]);
  });

  test('with now given, a rule set out of effect is not run', async () => {
    const rs = ruleSet([rule('K', 'consignment', { all: [{ fact: 'kind', operator: 'equal', value: 'direct' }] })], {
      effective: { from: '2026-01-01', until: '2026-06-30' },
    });
    const during = createReferenceEvaluator([rs], { now: new Date('2026-06-30T23:59:59Z') });
    const after = createReferenceEvaluator([rs], { now: new Date('2026-07-01T00:00:00Z') });
    expect(await during.evaluate(consignment({}))).toEqual([[{ ruleId: 'K', evidence: [] }]]);
    expect(await after.evaluate(consignment({}))).toEqual([[]]);
  });
});

describe('createReferenceEvaluator under concurrent calls', () => {
  // json-rules-engine keeps a running/finished status on the engine: a run that finishes while
  // another is under way would make the other skip its rules. Concurrent evaluations must not.
  test('gives the same answers to consignments evaluated at once as one by one', async () => {
    const rs = ruleSet([
      rule('K', 'consignment', { all: [{ fact: 'kind', operator: 'equal', value: 'house' }] }),
      rule('HS', 'item', { all: [{ fact: 'hsCode', operator: 'hsIn', value: { list: 'hs' } }] }),
    ]);
    const evaluator = createReferenceEvaluator([rs]);
    // Different numbers of goods items make the runs of different consignments interleave.
    const consignments = Array.from({ length: 60 }, (_, i) =>
      consignment({
        id: `C${i}`,
        kind: i % 2 === 0 ? 'house' : 'master',
        goods: Array.from({ length: i % 5 }, (_, g) => ({
          seq: g + 1,
          hsCode: (i + g) % 3 === 0 ? '310230' : '8471',
          description: 'x',
        })),
      }),
    );
    const oneByOne = [];
    for (const c of consignments) oneByOne.push(await evaluator.evaluate(c));
    const atOnce = await Promise.all(consignments.map((c) => evaluator.evaluate(c)));
    expect(atOnce).toEqual(oneByOne);
    expect(oneByOne.filter((f) => (f[0]?.length ?? 0) > 0).length).toBeGreaterThan(20);
  });
});
