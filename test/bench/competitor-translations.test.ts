import { describe, expect, it } from 'vitest';
import { competitorFacts } from '../../benchmarks/src/rules/competitor-facts.js';
import type { GeneratedRuleSet } from '../../benchmarks/src/rules/generate-rule-set.js';
import { buildJsonLogicRunner, toJsonLogic } from '../../benchmarks/src/rules/to-json-logic.js';
import { buildJsonRulesEngineRunner } from '../../benchmarks/src/rules/to-json-rules-engine.js';
import { buildZenRunner, toZenDecision } from '../../benchmarks/src/rules/to-zen-decision.js';
import { SAMPLE_CONSIGNMENTS } from './sample-consignments.js';

const event = (n: number) => ({
  type: 'target' as const,
  params: { score: 10, message: `rule ${n}`, action: 'document-check', category: 'test' },
});

// One rule per semantic the translations must get exactly right, with the hits known by hand.
const ruleSet: GeneratedRuleSet = {
  id: 'translations',
  version: '1',
  title: 'translation cases',
  lists: {
    hs: { kind: 'hs', items: ['8478', '2933'] },
    kw: { kind: 'keywords', items: ['cocaine', 'ammonium nitrate'] },
    partial: { kind: 'keywords', items: ['coca', 'nitrate fert'] },
    cty: { kind: 'countries', items: ['DE'] },
    pty: { kind: 'parties', items: ['Schenker France SAS', 'ORBIS TRADING'] },
    hsOrigin: { kind: 'hs', items: ['09'] },
    origin: { kind: 'countries', items: ['CN'] },
  },
  rules: [
    {
      id: 'HS',
      title: '',
      scope: 'item',
      conditions: { all: [{ fact: 'hsCode', operator: 'hsIn', value: { list: 'hs' } }] },
      event: event(1),
    },
    {
      id: 'KW',
      title: '',
      scope: 'item',
      conditions: { all: [{ fact: 'description', operator: 'mentions', value: { list: 'kw' } }] },
      event: event(2),
    },
    {
      id: 'PARTIAL',
      title: '',
      scope: 'item',
      conditions: { all: [{ fact: 'description', operator: 'mentions', value: { list: 'partial' } }] },
      event: event(3),
    },
    {
      id: 'CTY',
      title: '',
      scope: 'consignment',
      conditions: { all: [{ fact: 'consignorCountry', operator: 'inList', value: { list: 'cty' } }] },
      event: event(4),
    },
    {
      id: 'PTY-OR',
      title: '',
      scope: 'consignment',
      conditions: { all: [{ fact: 'consignorName', operator: 'partyMatches', value: { list: 'pty' } }] },
      event: event(5),
    },
    {
      id: 'PTY-EE',
      title: '',
      scope: 'consignment',
      conditions: { all: [{ fact: 'consigneeName', operator: 'partyMatches', value: { list: 'pty' } }] },
      event: event(6),
    },
    // Both conditions must hold on the same item: BL-1's coffee is 09 but not from CN.
    {
      id: 'HS-ORIGIN',
      title: '',
      scope: 'item',
      conditions: {
        all: [
          { fact: 'hsCode', operator: 'hsIn', value: { list: 'hsOrigin' } },
          { fact: 'origin', operator: 'inList', value: { list: 'origin' } },
        ],
      },
      event: event(7),
    },
  ],
  scoring: { thresholds: { yellow: 30, red: 60 } },
};

const EXPECTED = [['HS', 'PTY-EE', 'PTY-OR'], ['CTY', 'KW'], ['KW']];

describe('the competing engines given the same rules', () => {
  it('json-logic-engine fires the rules cargorisk semantics fire, whole words and normalised parties included', () => {
    const run = buildJsonLogicRunner(ruleSet);
    expect(SAMPLE_CONSIGNMENTS.map((c) => run(competitorFacts(c)).sort())).toEqual(EXPECTED);
  });

  it('zen-engine fires the same rules', async () => {
    const run = buildZenRunner(ruleSet);
    try {
      const got = [];
      for (const c of SAMPLE_CONSIGNMENTS) got.push((await run(competitorFacts(c))).sort());
      expect(got).toEqual(EXPECTED);
    } finally {
      run.dispose();
    }
  });

  it('json-rules-engine used directly fires the same rules', async () => {
    const run = buildJsonRulesEngineRunner(ruleSet);
    const got = [];
    for (const c of SAMPLE_CONSIGNMENTS) got.push(await run(competitorFacts(c)));
    expect(got).toEqual(EXPECTED);
  });

  it('writes one decision-table row and one JSON Logic expression per rule', () => {
    const table = (
      toZenDecision(ruleSet).nodes as { type: string; content?: { hitPolicy: string; rules: unknown[] } }[]
    ).find((n) => n.type === 'decisionTableNode');
    expect(table?.content?.hitPolicy).toBe('collect');
    expect(table?.content?.rules).toHaveLength(ruleSet.rules.length);
    expect(toJsonLogic(ruleSet).map((r) => r.id)).toEqual(ruleSet.rules.map((r) => r.id));
  });
});
