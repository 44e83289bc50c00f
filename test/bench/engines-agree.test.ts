import { compileRuleSet, createScorer } from '@cargorisk/core';
import { generateConsignments } from '@cargorisk/generator';
import { describe, expect, it } from 'vitest';
import { competitorFacts } from '../../benchmarks/src/rules/competitor-facts.js';
import { generateRuleSet } from '../../benchmarks/src/rules/generate-rule-set.js';
import { buildJsonLogicRunner } from '../../benchmarks/src/rules/to-json-logic.js';
import { buildJsonRulesEngineRunner } from '../../benchmarks/src/rules/to-json-rules-engine.js';
import { buildZenRunner } from '../../benchmarks/src/rules/to-zen-decision.js';

// The score benchmark's own check, small: generated rules on generated consignments, every engine.
const consignments = Array.from(generateConsignments({ seed: 'bench-test', consignments: 60 }));
const ruleSet = generateRuleSet({ rules: 150, seed: 11, sample: consignments, hitShare: 0.3 });

describe('the benchmark rule sets on cargorisk and on the competing engines', () => {
  it('compile on the core, doubting nothing but an item shared by two lists (bound to happen at 10,000 rules)', () => {
    const compiled = compileRuleSet(ruleSet);
    expect(compiled.warnings.filter((w) => w.code !== 'duplicate-list-item')).toEqual([]);
    expect(compiled.json.rules).toHaveLength(150);
  });

  it('fire the same rules on every engine, and rules do fire', async () => {
    const scorer = createScorer([compileRuleSet(ruleSet)]);
    const expected = consignments.map((c) =>
      scorer
        .score(c)
        .hits.map((h) => h.rule)
        .sort(),
    );
    expect(expected.some((hits) => hits.length > 0)).toBe(true);

    const jsonLogic = buildJsonLogicRunner(ruleSet);
    expect(consignments.map((c) => jsonLogic(competitorFacts(c)).sort())).toEqual(expected);

    const jre = buildJsonRulesEngineRunner(ruleSet);
    const zen = buildZenRunner(ruleSet);
    try {
      const fromJre = [];
      const fromZen = [];
      for (const c of consignments) {
        fromJre.push(await jre(competitorFacts(c)));
        fromZen.push((await zen(competitorFacts(c))).sort());
      }
      expect(fromJre).toEqual(expected);
      expect(fromZen).toEqual(expected);
    } finally {
      zen.dispose();
    }
  });
});
