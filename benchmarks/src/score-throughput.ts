import { isDeepStrictEqual } from 'node:util';
import type { Consignment } from '@cargorisk/manifest';
import { benchConsignments } from './harness/bench-data.js';
import type { BenchResult } from './harness/bench-result.js';
import {
  type BenchAssessment,
  type BenchScorer,
  compileForBench,
  hitIds,
  scorerForBench,
} from './harness/cargorisk-scorer.js';
import { type Measurement, measure, median } from './harness/measure.js';
import { EquivalenceError, type Scenario, type ScenarioContext } from './harness/scenario.js';
import { competitorFacts } from './rules/competitor-facts.js';
import { type GeneratedRuleSet, generateRuleSet } from './rules/generate-rule-set.js';
import { buildHandIndexedRunner } from './rules/hand-indexed.js';
import { buildJsonLogicRunner } from './rules/to-json-logic.js';
import { buildJsonRulesEngineRunner } from './rules/to-json-rules-engine.js';
import { buildZenRunner } from './rules/to-zen-decision.js';

/*
 * Scoring throughput: cargorisk's compiled engine against json-rules-engine (through cargorisk's
 * reference engine, which runs the same rule set on json-rules-engine with cargorisk's operators),
 * GoRules zen-engine (the rules as one decision table) and json-logic-engine's compiled mode (one
 * built function per rule), at 10 to 10,000 generated rules, explanations off and on.
 *
 * Every engine is first run over the consignments it will be timed on and must give the same hit
 * sets as the compiled engine (the reference: the same whole assessments), or the run fails.
 *
 * Beside them, a hand-indexed evaluator of the same rules (rules/hand-indexed.ts) is timed in the same
 * rounds as the compiled engine, on the same held sets: the speed of plain indexed code on this data and
 * this machine, against which the compiled engine's figures (and the issue's targets) can be read.
 */

type EngineName = NonNullable<BenchResult['engine']>;

interface Contender {
  engine: EngineName;
  variant?: string;
  explain: boolean;
  /** The fired rule ids for one consignment, sorted. */
  hits(c: Consignment): string[] | Promise<string[]>;
  /** Scores one consignment the way a user of this engine would (result discarded). */
  run(c: Consignment): unknown;
  async: boolean;
  notes?: string;
  dispose?: () => void;
}

interface Budget {
  /** Time to spend checking (and so choosing the window of) a slow engine, ms. */
  checkMs: number;
  /** Largest window for the slow engines. */
  maxWindow: number;
  /** Timed phase per engine, ms. */
  timeMs: number;
}

const ZEN_NOTES =
  'same rules as one JDM decision table (hit policy collect, one row per rule: some(items, startsWith(#.hsCode, …)), contains(#.text, " keyword "), country in [...]); zen has no Unicode folding, so the facts are prepared in JS (text folded as cargorisk folds it and padded with spaces, which makes contains() the whole-word match; party names normalised) and that preparation is timed; one awaited evaluate() per consignment (native code on libuv worker threads); hit sets equal the compiled engine on every timed consignment';
const JSON_LOGIC_NOTES =
  'same rules as JSON Logic, one engine.build() function per rule (compiled mode); hsIn as substr prefix equality, mentions as "in" on folded, space-padded text (the whole-word match), lists as "in"; facts prepared in JS as for zen and timed; hit sets equal the compiled engine on every timed consignment';
const JRE_DIRECT_NOTES =
  'json-rules-engine 7.3.1 used directly, as a team already on it would: item-scope rules in one Engine run per goods item, consignment-scope rules in another run once; custom operators hsIn (prefix) and mentions (substring of folded, space-padded text, the whole-word match), built-in in for countries and normalised party names; facts prepared in JS and timed; hit sets equal the compiled engine on every timed consignment';
const HAND_NOTES =
  'the same rules evaluated by plain code written for these five rule kinds (rules/hand-indexed.ts): a Map per list kind from items to conditions, HS prefixes looked up by length, descriptions folded and party names normalised once each (Map memos), only the rules of hit conditions checked; returns fired rule ids and total score, no assessment; timed in the same alternating rounds as the compiled engine, on the same held consignments; hit sets equal the compiled engine on all of them';
const JRE_NOTES =
  "json-rules-engine 7.3.1 through cargorisk's reference engine (engine: 'reference'): the same rule set with cargorisk's operators registered on json-rules-engine; whole assessments equal the compiled engine's on every timed consignment";

/** The issue's throughput targets for the compiled engine, explanations off. */
const TARGETS: Readonly<Record<number, number>> = { 100: 1_000_000, 1000: 600_000, 10000: 300_000 };

/**
 * Smaller held sets the compiled engine is also timed on (explanations off): the same engine and rules
 * on a working set the cache can hold, against the full set it cannot, to show how far the figures are
 * the memory's rather than the engine's.
 */
const HELD_WINDOWS = [100, 400] as const;

/** The size code of the as-read job (consignments parsed a batch at a time), among held-set sizes. */
const AS_READ = 0;
const AS_READ_BATCH = 64;

/**
 * Times `run` on consignments as a reader hands them over: each pass parses `lines` from JSON a batch at a
 * time and runs every batch straight after it is parsed, timing only the runs; passes until `timeMs` has
 * gone (at least three), and the median pass.
 */
function timeAsRead(lines: readonly string[], run: (c: Consignment) => unknown, timeMs: number): Measurement {
  const perPass: number[] = [];
  const started = performance.now();
  while (perPass.length < 3 || (performance.now() - started < timeMs && perPass.length < 50)) {
    let scoring = 0;
    for (let b = 0; b < lines.length; b += AS_READ_BATCH) {
      const batch: Consignment[] = [];
      const end = Math.min(lines.length, b + AS_READ_BATCH);
      for (let i = b; i < end; i++) batch.push(JSON.parse(lines[i]!) as Consignment);
      const t0 = performance.now();
      for (const c of batch) run(c);
      scoring += performance.now() - t0;
    }
    perPass.push(scoring);
  }
  const medianMs = median(perPass);
  const mad = median(perPass.map((ms) => Math.abs(ms - medianMs)));
  return {
    unitsPerSec: (lines.length / medianMs) * 1000,
    medianMs,
    relMad: medianMs > 0 ? mad / medianMs : 0,
    iterations: perPass.length,
  };
}

function budgetFor(rules: number, quick: boolean): Budget {
  if (quick) return { checkMs: 2500, maxWindow: 300, timeMs: 1000 };
  return { checkMs: rules >= 10_000 ? 4000 : 2500, maxWindow: 500, timeMs: rules >= 10_000 ? 2500 : 1500 };
}

/** The assessment without what may legitimately differ between two runs (nothing, today). */
function comparable(a: BenchAssessment): unknown {
  return a;
}

async function checkWindow(
  contender: Contender,
  data: readonly Consignment[],
  expected: readonly string[][],
  budget: Budget,
  limit: number,
): Promise<{ window: Consignment[]; perSec: number }> {
  const start = performance.now();
  let n = 0;
  for (; n < Math.min(limit, data.length); n++) {
    const got = await contender.hits(data[n]!);
    const want = expected[n]!;
    if (!isDeepStrictEqual(got, want)) {
      throw new EquivalenceError(
        `${contender.engine}${contender.explain ? ' (explain)' : ''} fires [${got.join(', ')}] on consignment ${data[n]!.id}, the compiled engine [${want.join(', ')}]`,
        { consignment: data[n]!.id, got, want },
      );
    }
    if (performance.now() - start > budget.checkMs && n >= 4) {
      n++;
      break;
    }
  }
  const elapsed = performance.now() - start;
  return { window: data.slice(0, n), perSec: (n / elapsed) * 1000 };
}

/** Times `contender` cycling through `window`, `batch` consignments per iteration. */
async function timeContender(
  name: string,
  contender: Pick<Contender, 'run' | 'async'>,
  window: readonly Consignment[],
  perSec: number,
  budget: Budget,
): Promise<Measurement> {
  // About 20 ms per iteration: many samples for the median, little timer overhead.
  const batch = Math.max(1, Math.min(window.length, Math.round(perSec / 50)));
  let cursor = 0;
  const next = () => {
    const out = window.slice(cursor, cursor + batch);
    cursor += batch;
    if (cursor >= window.length) cursor = 0;
    return out.length === batch ? out : out.concat(window.slice(0, batch - out.length));
  };
  const fn = contender.async
    ? async () => {
        for (const c of next()) await contender.run(c);
      }
    : () => {
        for (const c of next()) contender.run(c);
      };
  return measure(name, fn, { units: batch, timeMs: budget.timeMs, minIterations: 3 });
}

async function scoreAt(rules: number, data: Consignment[], ctx: ScenarioContext): Promise<BenchResult[]> {
  const budget = budgetFor(rules, ctx.quick);
  const ruleSet: GeneratedRuleSet = generateRuleSet({ rules, seed: 7, sample: data.slice(0, 400) });
  const compiledRuleSet = compileForBench(ruleSet);
  const scorers: Record<string, BenchScorer> = {
    compiled: scorerForBench([compiledRuleSet], 'compiled', false),
    compiledExplain: scorerForBench([compiledRuleSet], 'compiled', true),
  };
  const expectedAssessments = data.map((c) => scorers.compiled!.score(c));
  const expected = expectedAssessments.map(hitIds);
  const hitConsignments = expected.filter((h) => h.length > 0).length;
  const meanHits = expected.reduce((s, h) => s + h.length, 0) / expected.length;
  ctx.log(
    `  ${rules} rules: ${((hitConsignments / data.length) * 100).toFixed(1)}% of ${data.length} consignments hit, ${meanHits.toFixed(2)} hits each on average`,
  );

  const contenders: Contender[] = [
    {
      engine: 'compiled',
      explain: true,
      async: false,
      hits: (c) => {
        const a = scorers.compiledExplain!.score(c);
        if (a.hits.some((h) => h.evidence.length === 0)) {
          throw new EquivalenceError(`compiled engine with explain: a hit without evidence on ${c.id}`);
        }
        return hitIds(a);
      },
      run: (c) => scorers.compiledExplain!.score(c),
    },
  ];
  const jreDirect = buildJsonRulesEngineRunner(ruleSet);
  const reference = scorerForBench([compiledRuleSet], 'reference', false);
  const referenceExplain = scorerForBench([compiledRuleSet], 'reference', true);
  contenders.push(
    {
      engine: 'json-rules-engine',
      variant: 'direct',
      explain: false,
      async: true,
      notes: JRE_DIRECT_NOTES,
      hits: (c) => jreDirect(competitorFacts(c)),
      run: (c) => jreDirect(competitorFacts(c)),
    },
    {
      engine: 'json-rules-engine',
      variant: 'cargorisk reference',
      explain: false,
      async: true,
      notes: JRE_NOTES,
      hits: async (c) => {
        const got = await reference.scoreAsync(c);
        const want = scorers.compiled!.score(c);
        if (!isDeepStrictEqual(comparable(got), comparable(want))) {
          throw new EquivalenceError(`reference and compiled assessments differ on ${c.id}`, { got, want });
        }
        return hitIds(got);
      },
      run: (c) => reference.scoreAsync(c),
    },
    {
      engine: 'json-rules-engine',
      variant: 'cargorisk reference',
      explain: true,
      async: true,
      notes: JRE_NOTES,
      hits: async (c) => {
        const got = await referenceExplain.scoreAsync(c);
        const want = scorers.compiledExplain!.score(c);
        if (!isDeepStrictEqual(comparable(got), comparable(want))) {
          throw new EquivalenceError(`reference and compiled explained assessments differ on ${c.id}`, { got, want });
        }
        return hitIds(got);
      },
      run: (c) => referenceExplain.scoreAsync(c),
    },
  );
  const zen = buildZenRunner(ruleSet);
  contenders.push({
    engine: 'zen-engine',
    explain: false,
    async: true,
    notes: ZEN_NOTES,
    hits: async (c) => (await zen(competitorFacts(c))).sort(),
    run: (c) => zen(competitorFacts(c)),
    dispose: () => zen.dispose(),
  });
  const jsonLogic = buildJsonLogicRunner(ruleSet);
  contenders.push({
    engine: 'json-logic-engine',
    explain: false,
    async: false,
    notes: JSON_LOGIC_NOTES,
    hits: (c) => jsonLogic(competitorFacts(c)).sort(),
    run: (c) => jsonLogic(competitorFacts(c)),
  });

  // The explained reference run is left out of the quick run, and at 10,000 rules (where it runs
  // under one consignment a second, as without explanations): the time goes to the other engines.
  const skipExplainedReference = ctx.quick || rules >= 10_000;
  const selected = skipExplainedReference
    ? contenders.filter((c) => !(c.engine === 'json-rules-engine' && c.explain))
    : contenders;
  const results: BenchResult[] = [];
  // The compiled engine, explanations off and on, timed in alternating rounds over all the data: on
  // a shared machine a burst of other work then lands on both rather than on one.
  // The hand-indexed evaluator must fire what the compiled engine fires, on every held consignment.
  const hand = buildHandIndexedRunner(ruleSet);
  let handFailed: string | undefined;
  for (let n = 0; n < data.length && handFailed === undefined; n++) {
    const got = hand(data[n]!).ids;
    if (!isDeepStrictEqual(got, expected[n])) {
      handFailed = `hand-indexed fires [${got.join(', ')}] on consignment ${data[n]!.id}, the compiled engine [${expected[n]!.join(', ')}]`;
    }
  }
  // Every timed figure comes from the same alternating rounds: the compiled engine with explanations off
  // and on over all the held consignments, then off over the smaller held sets and as read, and the
  // hand-indexed evaluator beside each off. On a shared machine a burst of other work then lands on all.
  const rounds = ctx.quick ? 2 : 3;
  const roundBudget = { ...budget, timeMs: budget.timeMs / rounds };
  type Timed = 'off' | 'on' | 'hand';
  const runOf: Record<Timed, (c: Consignment) => unknown> = {
    off: (c) => scorers.compiled!.score(c),
    on: (c) => scorers.compiledExplain!.score(c),
    hand: (c) => hand(c),
  };
  // Sizes of held sets, and AS_READ for the consignments parsed from JSON a batch at a time.
  const sizes = [data.length, ...HELD_WINDOWS.filter((n) => n < data.length), AS_READ];
  const lines = data.map((c) => JSON.stringify(c));
  const jobs: { key: Timed; size: number; runs: Measurement[] }[] = [];
  for (const size of sizes) {
    for (const key of ['off', 'on', 'hand'] as const) {
      if (key === 'on' && size !== data.length) continue;
      if (key === 'hand' && handFailed !== undefined) continue;
      jobs.push({ key, size, runs: [] });
    }
  }
  for (const key of ['off', 'on', 'hand'] as const) for (const c of data) runOf[key](c); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const job of jobs) {
      const run = runOf[job.key];
      if (job.size === AS_READ) {
        job.runs.push(timeAsRead(lines, run, roundBudget.timeMs));
        continue;
      }
      const held = data.slice(0, job.size);
      const t0 = performance.now();
      for (const c of held) run(c);
      const perSec = (held.length / (performance.now() - t0)) * 1000;
      job.runs.push(
        await timeContender(`${job.key} ${rules} held ${job.size}`, { async: false, run }, held, perSec, roundBudget),
      );
    }
  }
  const medianOf = (ms: Measurement[]) => ({
    unitsPerSec: median(ms.map((m) => m.unitsPerSec)),
    relMad: median(ms.map((m) => m.relMad)),
  });
  const timedAt = (key: Timed, size: number) => {
    const job = jobs.find((j) => j.key === key && j.size === size);
    return job === undefined ? undefined : medianOf(job.runs);
  };
  const compiled = { off: timedAt('off', data.length)!, on: timedAt('on', data.length)! };
  const name = `score ${rules.toLocaleString('en-US')} rules`;
  const target = TARGETS[rules];
  const targetOf = (perSec: number) =>
    target === undefined ? {} : { target: `≥ ${target.toLocaleString('en-US')}/s`, met: perSec >= target };
  const windows: BenchResult[] = [];
  const handRows: BenchResult[] = [];
  if (handFailed !== undefined) {
    ctx.log(`    hand-indexed: FAILED ${handFailed}`);
    handRows.push({ scenario: 'score', name, engine: 'hand-indexed', explain: false, rules, failed: handFailed });
  }
  for (const size of sizes) {
    const off = timedAt('off', size)!;
    const h = timedAt('hand', size);
    const variant = size === AS_READ ? 'as read' : `${size} held`;
    const count = size === AS_READ ? data.length : size;
    if (h !== undefined) {
      handRows.push({
        scenario: 'score',
        name,
        engine: 'hand-indexed',
        ...(size !== data.length ? { variant } : {}),
        explain: false,
        rules,
        consignments: count,
        consignmentsPerSec: h.unitsPerSec,
        noise: h.relMad,
        ratio: off.unitsPerSec / h.unitsPerSec,
        ratioTo: 'compiled ÷ this, same consignments',
        ...(size === data.length ? { method: HAND_NOTES } : {}),
      });
    }
    if (size === data.length) continue;
    windows.push({
      scenario: 'score',
      name,
      engine: 'compiled',
      variant,
      explain: false,
      rules,
      consignments: count,
      consignmentsPerSec: off.unitsPerSec,
      noise: off.relMad,
      ratio: off.unitsPerSec / compiled.off.unitsPerSec,
      ratioTo: `of ${data.length.toLocaleString('en-US')} held`,
      ...targetOf(off.unitsPerSec),
      method:
        size === AS_READ
          ? `the same ${data.length.toLocaleString('en-US')} consignments as a reader hands them over: parsed from their JSON ${AS_READ_BATCH} at a time, each batch scored straight after; only the scoring is timed (fresh objects and strings, in cache)`
          : `the first consignments only, cycled through as the main row cycles through all ${data.length.toLocaleString('en-US')}: a working set the processor's cache can hold`,
    });
  }
  results.push(
    {
      scenario: 'score',
      name,
      engine: 'compiled',
      explain: false,
      rules,
      consignments: data.length,
      consignmentsPerSec: compiled.off.unitsPerSec,
      noise: compiled.off.relMad,
      ...targetOf(compiled.off.unitsPerSec),
      notes: `${((hitConsignments / data.length) * 100).toFixed(1)}% of consignments hit at least one rule, ${meanHits.toFixed(2)} hits per consignment on average; median of ${rounds} rounds alternating with explain on, the smaller held sets and the hand-indexed evaluator`,
    },
    {
      scenario: 'score',
      name,
      engine: 'compiled',
      explain: true,
      rules,
      consignments: data.length,
      consignmentsPerSec: compiled.on.unitsPerSec,
      noise: compiled.on.relMad,
      ratio: compiled.on.unitsPerSec / compiled.off.unitsPerSec,
      ratioTo: 'of explain off',
    },
  );
  results.push(...windows, ...handRows);
  ctx.log(
    `    compiled: ${Math.round(compiled.off.unitsPerSec)} consignments/s, explain on ${Math.round(compiled.on.unitsPerSec)}, ${windows.map((w) => `${w.variant} ${Math.round(w.consignmentsPerSec ?? 0)}`).join(', ')}`,
  );
  ctx.log(
    `    hand-indexed: ${handRows.map((h) => `${h.variant ?? 'all held'} ${Math.round(h.consignmentsPerSec ?? 0)}`).join(', ')}`,
  );

  for (const contender of selected) {
    const limit =
      contender.engine === 'compiled'
        ? data.length
        : contender.engine === 'json-rules-engine'
          ? budget.maxWindow
          : data.length;
    let checked: { window: Consignment[]; perSec: number };
    try {
      // The quick run still wants json-rules-engine on a few hundred consignments at 1,000 rules.
      const checkBudget = ctx.quick && contender.engine === 'json-rules-engine' ? { ...budget, checkMs: 6000 } : budget;
      checked = await checkWindow(contender, data, expected, checkBudget, limit);
    } catch (e) {
      if (!(e instanceof EquivalenceError)) throw e;
      ctx.log(`    ${contender.engine}${contender.explain ? ' explain' : ''}: FAILED ${e.message}`);
      results.push({
        scenario: 'score',
        name,
        engine: contender.engine,
        ...(contender.variant === undefined ? {} : { variant: contender.variant }),
        explain: contender.explain,
        rules,
        failed: e.message,
      });
      contender.dispose?.();
      continue;
    }
    const { window, perSec } = checked;
    if (contender.engine === 'compiled') {
      contender.dispose?.();
      continue; // checked here, timed above
    }
    const m = await timeContender(`${contender.engine} ${rules}`, contender, window, perSec, budget);
    const versus = contender.explain ? compiled.on : compiled.off;
    const row: BenchResult = {
      scenario: 'score',
      name,
      engine: contender.engine,
      ...(contender.variant === undefined ? {} : { variant: contender.variant }),
      explain: contender.explain,
      rules,
      consignments: window.length,
      consignmentsPerSec: m.unitsPerSec,
      noise: m.relMad,
      ratio: versus.unitsPerSec / m.unitsPerSec,
      ratioTo: `compiled${contender.explain ? ' (explain on)' : ''} ÷ this`,
      ...(contender.notes === undefined ? {} : { method: contender.notes }),
      ...(window.length < data.length
        ? {
            notes: `timed on the first ${window.length} consignments (as many as its check budget covered), against the compiled engine on all ${data.length}`,
          }
        : {}),
    };
    results.push(row);
    ctx.log(
      `    ${contender.engine}${contender.variant ? ` (${contender.variant})` : ''}${contender.explain ? ' explain' : ''}: ${Math.round(m.unitsPerSec)} consignments/s on ${window.length} (ratio ${row.ratio?.toFixed(2)})`,
    );
    contender.dispose?.();
  }
  return results;
}

export const scoreThroughput: Scenario = {
  name: 'score',
  title: 'scoring throughput by engine and rule count',
  async run(ctx) {
    const data = benchConsignments(ctx.quick ? 1500 : 4000);
    const ruleCounts = ctx.rules ?? (ctx.quick ? [1000] : [10, 100, 1000, 10_000]);
    const results: BenchResult[] = [];
    for (const rules of ruleCounts) results.push(...(await scoreAt(rules, data, ctx)));
    return results;
  },
};
