import { describe, expect, it } from 'vitest';
import { ruleScalingSeries } from '../../benchmarks/src/scaling.js';

describe('the rule-count series the scaling chart draws', () => {
  it('makes one series per engine, driving and explain setting, from measured score rows only', () => {
    const series = ruleScalingSeries([
      { scenario: 'score', name: 'a', engine: 'compiled', explain: false, rules: 10, consignmentsPerSec: 100 },
      { scenario: 'score', name: 'b', engine: 'compiled', explain: false, rules: 100, consignmentsPerSec: 90 },
      { scenario: 'score', name: 'c', engine: 'compiled', explain: true, rules: 10, consignmentsPerSec: 80 },
      {
        scenario: 'score',
        name: 'd',
        engine: 'json-rules-engine',
        variant: 'direct',
        explain: false,
        rules: 10,
        consignmentsPerSec: 5,
      },
      { scenario: 'score', name: 'e', engine: 'zen-engine', explain: false, rules: 10, failed: 'hit sets differ' },
      { scenario: 'parse', name: 'f', format: 'xffm', mbPerSec: 30 },
    ]);
    expect(series.map((s) => s.label)).toEqual(['compiled', 'compiled, explain on', 'json-rules-engine (direct)']);
    expect(series[0]?.points).toEqual([
      { x: 10, y: 100 },
      { x: 100, y: 90 },
    ]);
  });
});
