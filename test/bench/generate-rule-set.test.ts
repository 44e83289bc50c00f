import { describe, expect, it } from 'vitest';
import { generateRuleSet, hsNomenclature } from '../../benchmarks/src/rules/generate-rule-set.js';
import { SAMPLE_CONSIGNMENTS } from './sample-consignments.js';

const KIND_FOR: Record<string, string> = {
  hsIn: 'hs',
  mentions: 'keywords',
  inList: 'countries',
  partyMatches: 'parties',
};

describe('the benchmark rule-set generator', () => {
  it('gives the same rule set for the same options and another for another seed', () => {
    const a = generateRuleSet({ rules: 300, seed: 3, sample: SAMPLE_CONSIGNMENTS });
    expect(generateRuleSet({ rules: 300, seed: 3, sample: SAMPLE_CONSIGNMENTS })).toEqual(a);
    expect(generateRuleSet({ rules: 300, seed: 4, sample: SAMPLE_CONSIGNMENTS })).not.toEqual(a);
  });

  it('writes the requested number of rules, a mix of every kind, each naming a defined list of the right kind', () => {
    const ruleSet = generateRuleSet({ rules: 500, seed: 1 });
    expect(ruleSet.rules).toHaveLength(500);
    expect(new Set(ruleSet.rules.map((r) => r.id)).size).toBe(500);
    expect(new Set(ruleSet.rules.map((r) => r.event.params.category))).toEqual(
      new Set(['hs', 'keyword', 'country', 'party', 'hs-origin']),
    );
    const { headings, subheadings } = hsNomenclature();
    const known = new Set([...headings, ...subheadings]);
    for (const rule of ruleSet.rules) {
      const conditions = 'all' in rule.conditions ? rule.conditions.all : rule.conditions.any;
      for (const c of conditions) {
        const list = ruleSet.lists[c.value.list];
        expect(list?.kind).toBe(KIND_FOR[c.operator]);
        expect(list?.items.length).toBeGreaterThan(0);
        if (list?.kind === 'hs') for (const item of list.items) expect(known.has(item)).toBe(true);
      }
    }
  });

  it('draws list items from the sample when asked, so rules fire on it', () => {
    const ruleSet = generateRuleSet({ rules: 200, seed: 2, sample: SAMPLE_CONSIGNMENTS, hitShare: 1 });
    const items = new Set(Object.values(ruleSet.lists).flatMap((l) => l.items));
    expect(items.has('SCHENKER FRANCE S.A.S.') || items.has('The Orbis Trading Co., Ltd')).toBe(true);
    expect([...items].some((i) => i === '847810' || i === '090121' || i === '310230')).toBe(true);
  });
});
