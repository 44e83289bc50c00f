import { compileRuleSet, createScorer } from '@cargorisk/core';
import { benchConsignments } from './harness/bench-data.js';
import { generateRuleSet } from './rules/generate-rule-set.js';

const data = benchConsignments(20_000);
for (const n of (process.env.NS ?? '100,1000,10000').split(',').map(Number)) {
  const g = generateRuleSet({ rules: n, seed: 7, sample: data.slice(0, 400) });
  const rs = compileRuleSet(g as unknown);
  for (const explain of [false, true]) {
    const s = createScorer([rs], { explain, now: new Date('2026-11-30') });
    let hits = 0;
    for (let r = 0; r < 3; r++) for (const c of data) hits += s.score(c).hits.length;
    const t0 = performance.now();
    let k = 0;
    while (performance.now() - t0 < 3000) {
      for (const c of data) hits += s.score(c).hits.length;
      k += data.length;
    }
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `rules=${n} explain=${explain}: ${(k / secs / 1000).toFixed(0)} k consignments/s, hits/consignment ${(hits / (k + 3 * data.length)).toFixed(2)}`,
    );
  }
}
