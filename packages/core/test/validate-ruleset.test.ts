import { describe, expect, it } from 'vitest';
import { compileRuleSet, RuleSetError, safeCompileRuleSet, validateRuleSet } from '../src/index.js';

const base = () => ({
  id: 'global-shield',
  version: '2026.11.0',
  title: 'IED precursor chemicals',
  lists: {
    'gs-hs': { kind: 'hs', items: ['310230', '310240', '282911'] },
    'gs-names': { kind: 'keywords', items: ['ammonium nitrate', 'potassium chlorate'] },
  },
  conditions: {
    precursor: {
      any: [
        { fact: 'hsCode', operator: 'hsIn', value: { list: 'gs-hs' } },
        { fact: 'description', operator: 'mentions', value: { list: 'gs-names' } },
      ],
    },
  },
  rules: [
    {
      id: 'GS-HS',
      scope: 'item',
      conditions: { all: [{ condition: 'precursor' }] },
      event: { type: 'target', params: { score: 40, message: 'verify end user', action: 'document-check' } },
    },
  ],
  scoring: { thresholds: { yellow: 30, red: 60 } },
});

type Json = ReturnType<typeof base> & Record<string, unknown>;

const errors = (json: unknown) =>
  validateRuleSet(json)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => [i.code, i.path]);
const warnings = (json: unknown) =>
  validateRuleSet(json)
    .issues.filter((i) => i.severity === 'warning')
    .map((i) => [i.code, i.path]);

const withLeaf = (leaf: unknown, scope: 'item' | 'consignment' = 'item'): Json => {
  const j = base() as Json;
  (j.rules[0] as Record<string, unknown>).scope = scope;
  (j.rules[0] as Record<string, unknown>).conditions = { all: [leaf] };
  return j;
};

describe('validateRuleSet', () => {
  it('accepts the rule set of docs/rule-sets.md', () => {
    const { ruleSet, issues } = validateRuleSet(base());
    expect(issues).toEqual([]);
    expect(ruleSet?.id).toBe('global-shield');
  });

  it('refuses __proto__, constructor and prototype keys anywhere (RELIABILITY case 10)', () => {
    const text = JSON.stringify(base())
      .replace('"title":', '"__proto__":{"polluted":true},"title":')
      .replace('"score":40', '"score":40,"constructor":{"x":1}')
      .replace('"kind":"hs"', '"kind":"hs","prototype":1');
    expect(errors(JSON.parse(text))).toEqual([
      ['forbidden-key', '/__proto__'],
      ['forbidden-key', '/lists/gs-hs/prototype'],
      ['forbidden-key', '/rules/0/event/params/constructor'],
    ]);
  });

  it('leaves Object.prototype unchanged after loading hostile rule sets', () => {
    const hostile = [
      '{"__proto__":{"polluted":1},"id":"x"}',
      '{"id":"x","lists":{"__proto__":{"kind":"hs","items":["01"]}},"conditions":{"constructor":{"all":[]}}}',
      '{"rules":[{"conditions":{"all":[{"fact":"__proto__","operator":"equal","value":1,"path":"$.__proto__.polluted"}]}}]}',
    ];
    for (const text of hostile) {
      expect(safeCompileRuleSet(JSON.parse(text)).success).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('refuses cycles between shared conditions and references to undefined ones', () => {
    const j = base() as Json;
    (j.conditions as Record<string, unknown>).a = { all: [{ condition: 'b' }] };
    (j.conditions as Record<string, unknown>).b = { any: [{ condition: 'a' }] };
    (j.rules[0] as Record<string, unknown>).conditions = { all: [{ condition: 'a' }, { condition: 'missing' }] };
    expect(errors(j)).toEqual([
      ['condition-cycle', '/conditions/b/any/0/condition'],
      ['undefined-condition', '/rules/0/conditions/all/1/condition'],
    ]);
    const self = base() as Json;
    (self.conditions as Record<string, unknown>).precursor = { not: { condition: 'precursor' } };
    expect(errors(self)).toEqual([['condition-cycle', '/conditions/precursor/not/condition']]);
  });

  it('refuses unknown operators and facts, with a suggestion for typos', () => {
    const r = validateRuleSet(withLeaf({ fact: 'hsCod', operator: 'hsInn', value: ['01'] }));
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-fact', '/rules/0/conditions/all/0/fact'],
      ['unknown-operator', '/rules/0/conditions/all/0/operator'],
    ]);
    expect(r.issues[0]?.message).toContain('hsCode');
    expect(r.issues[1]?.message).toContain('hsIn');
  });

  it('refuses item facts in consignment scope, also through shared conditions', () => {
    const j = base() as Json;
    (j.rules[0] as Record<string, unknown>).scope = 'consignment';
    expect(errors(j)).toEqual([
      ['fact-not-in-scope', '/conditions/precursor/any/0/fact'],
      ['fact-not-in-scope', '/conditions/precursor/any/1/fact'],
    ]);
  });

  it('refuses lists that are referenced but not defined, and lists of the wrong kind', () => {
    expect(errors(withLeaf({ fact: 'hsCode', operator: 'hsIn', value: { list: 'nope' } }))).toEqual([
      ['undefined-list', '/rules/0/conditions/all/0/value/list'],
    ]);
    expect(errors(withLeaf({ fact: 'hsCode', operator: 'hsIn', value: { list: 'gs-names' } }))).toEqual([
      ['list-kind-mismatch', '/rules/0/conditions/all/0/value/list'],
    ]);
  });

  it('refuses list items of the wrong kind', () => {
    const j = base() as Json;
    (j.lists as Record<string, unknown>).bad = { kind: 'hs', items: ['31O230', '3', '12345678901', '0101'] };
    (j.lists as Record<string, unknown>).c = { kind: 'countries', items: ['CN', 'UK', 'cn'] };
    (j.lists as Record<string, unknown>).l = { kind: 'locations', items: ['NLRTM', 'FRA', 'XXRTM', 'rtm'] };
    (j.lists as Record<string, unknown>).k = { kind: 'keywords', items: ['ok', '---'] };
    expect(errors(j)).toEqual([
      ['invalid-list-item', '/lists/bad/items/0'],
      ['invalid-list-item', '/lists/bad/items/1'],
      ['invalid-list-item', '/lists/bad/items/2'],
      ['invalid-list-item', '/lists/c/items/1'],
      ['invalid-list-item', '/lists/c/items/2'],
      ['invalid-list-item', '/lists/l/items/2'],
      ['invalid-list-item', '/lists/l/items/3'],
      ['invalid-list-item', '/lists/k/items/1'],
    ]);
    expect(errors(withLeaf({ fact: 'hsCode', operator: 'hsIn', value: ['84AB'] }))).toEqual([
      ['invalid-list-item', '/rules/0/conditions/all/0/value/0'],
    ]);
  });

  it('refuses a string value for in / notIn and non-numbers for numeric operators', () => {
    expect(errors(withLeaf({ fact: 'origin', operator: 'in', value: 'CN,HK' }))).toEqual([
      ['string-value-for-in', '/rules/0/conditions/all/0/value'],
    ]);
    expect(errors(withLeaf({ fact: 'origin', operator: 'notIn', value: 'CN' }))).toEqual([
      ['string-value-for-in', '/rules/0/conditions/all/0/value'],
    ]);
    expect(errors(withLeaf({ fact: 'itemGrossKg', operator: 'greaterThan', value: '12' }))).toEqual([
      ['non-numeric-value', '/rules/0/conditions/all/0/value'],
    ]);
    expect(errors(withLeaf({ fact: 'description', operator: 'lessThan', value: 3 }))).toEqual([
      ['operator-fact-mismatch', '/rules/0/conditions/all/0/operator'],
    ]);
  });

  it('accepts only the simple path form', () => {
    const ok = withLeaf(
      { fact: 'consignee', operator: 'equal', value: 'CN', path: '$.address.country' },
      'consignment',
    );
    expect(errors(ok)).toEqual([]);
    for (const path of ['$..name', '$.a[?(@.x)]', 'address.country', '$.__proto__', '$.constructor.name', '$[*]']) {
      expect(errors(withLeaf({ fact: 'consignee', operator: 'equal', value: 1, path }, 'consignment'))).toEqual([
        ['invalid-path', '/rules/0/conditions/all/0/path'],
      ]);
    }
  });

  it('refuses patterns with unsupported syntax, such as back-references', () => {
    expect(errors(withLeaf({ fact: 'description', operator: 'matchesPattern', value: '(a)\\1' }))).toEqual([
      ['invalid-pattern', '/rules/0/conditions/all/0/value'],
    ]);
    expect(errors(withLeaf({ fact: 'description', operator: 'matchesPattern', value: '(a+)+$' }))).toEqual([]);
  });

  it('refuses duplicate rule ids, the reserved id random, unordered thresholds and unknown keys', () => {
    const j = base() as Json;
    const first = j.rules[0] as (typeof j.rules)[number];
    j.rules.push(structuredClone(first));
    j.rules.push({ ...structuredClone(first), id: 'random' });
    j.scoring = { thresholds: { yellow: 60, red: 60 } };
    (j as Record<string, unknown>).titel = 'typo';
    (j.rules[0] as Record<string, unknown>).socpe = 'item';
    const r = validateRuleSet(j);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-key', '/titel'],
      ['unknown-key', '/rules/0/socpe'],
      ['duplicate-rule-id', '/rules/1/id'],
      ['reserved-rule-id', '/rules/2/id'],
      ['thresholds-not-ordered', '/scoring/thresholds'],
    ]);
    expect(r.issues[0]?.message).toContain('title');
    expect(r.ruleSet).toBeUndefined();
  });

  it('collects every problem, not only the first', () => {
    const j = withLeaf({ fact: 'nope', operator: 'bad', value: 1 });
    (j.lists as Record<string, unknown>).x = { kind: 'hs', items: ['ABC'] };
    j.scoring = { thresholds: { yellow: 2, red: 1 } };
    expect(errors(j).map(([code]) => code)).toEqual([
      'invalid-list-item',
      'unknown-fact',
      'unknown-operator',
      'thresholds-not-ordered',
    ]);
  });

  it('refuses missing required keys and empty all/any', () => {
    expect(errors({})).toEqual([
      ['missing-key', ''],
      ['missing-key', ''],
      ['missing-key', ''],
      ['missing-key', ''],
      ['missing-key', ''],
    ]);
    expect(errors(withLeaf({ any: [] }))).toEqual([['empty-condition', '/rules/0/conditions/all/0/any']]);
  });

  it('warns about HS codes absent from HS 2022, codes repeated across lists and rules that can never fire', () => {
    const j = base() as Json;
    (j.lists as Record<string, unknown>).more = { kind: 'hs', items: ['019999', '310230'] };
    j.rules.push({
      id: 'NEVER',
      scope: 'consignment',
      conditions: {
        all: [
          { fact: 'transportMode', operator: 'equal', value: 'sea' },
          { fact: 'transportMode', operator: 'equal', value: 'air' },
        ],
      },
      event: { type: 'target', params: { score: 1, message: 'x' } },
    } as never);
    expect(errors(j)).toEqual([]);
    expect(warnings(j)).toEqual([
      ['hs-not-in-nomenclature', '/lists/more/items/0'],
      ['duplicate-list-item', '/lists/more/items/1'],
      ['rule-never-fires', '/rules/1/conditions'],
    ]);
    expect(compileRuleSet(j).warnings).toHaveLength(3);
    expect(() => compileRuleSet(j, { warningsAsErrors: true })).toThrow(RuleSetError);
  });

  it('warns about an all whose numeric comparisons leave a fact no value, and only then', () => {
    const ruleWith = (all: unknown[]) => {
      const j = base() as Json;
      j.rules.push({
        id: 'RANGE',
        scope: 'consignment',
        conditions: { all },
        event: { type: 'target', params: { score: 1, message: 'x' } },
      } as never);
      return warnings(j).filter(([code]) => code === 'rule-never-fires');
    };
    const never = [['rule-never-fires', '/rules/1/conditions']];
    const gt = (value: number) => ({ fact: 'totalGrossKg', operator: 'greaterThan', value });
    const gte = (value: number) => ({ fact: 'totalGrossKg', operator: 'greaterThanInclusive', value });
    const lt = (value: number) => ({ fact: 'totalGrossKg', operator: 'lessThan', value });
    const lte = (value: number) => ({ fact: 'totalGrossKg', operator: 'lessThanInclusive', value });
    expect(ruleWith([gt(100), lt(50)])).toEqual(never);
    expect(ruleWith([gt(100), lte(100)])).toEqual(never);
    expect(ruleWith([gte(100), lt(100)])).toEqual(never);
    expect(ruleWith([{ fact: 'totalGrossKg', operator: 'equal', value: 5 }, gte(10)])).toEqual(never);
    // A single point and a real interval can both be met.
    expect(ruleWith([gte(100), lte(100)])).toEqual([]);
    expect(ruleWith([gt(50), lt(100)])).toEqual([]);
    // Different facts, or one reached through a path, are not compared.
    expect(ruleWith([gt(100), { fact: 'itemCount', operator: 'lessThan', value: 50 }])).toEqual([]);
    expect(ruleWith([gt(100), { fact: 'totalGrossKg', path: '$.x', operator: 'lessThan', value: 50 }])).toEqual([]);
  });

  it('throws RuleSetError with every issue, and safeCompileRuleSet returns it', () => {
    const bad = withLeaf({ fact: 'hsCode', operator: 'hsIn', value: ['84AB'] });
    expect(() => compileRuleSet(bad)).toThrow(RuleSetError);
    const r = safeCompileRuleSet(bad);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.code).toBe('invalid-rule-set');
    expect(r.error.issues[0]?.path).toBe('/rules/0/conditions/all/0/value/0');
    expect(JSON.parse(JSON.stringify(r.error)).issues).toHaveLength(1);
  });
});
