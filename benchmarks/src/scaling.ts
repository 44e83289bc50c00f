import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ManifestFormat } from '@cargorisk/manifest';
import { benchInput } from './harness/bench-data.js';
import type { BenchResult } from './harness/bench-result.js';
import { scorerForBench } from './harness/cargorisk-scorer.js';
import { defaultPackRuleSets } from './harness/default-packs.js';
import { median } from './harness/measure.js';
import { type PipelineRun, runPipeline } from './harness/pipeline.js';
import { type Scenario, ScenarioSkip } from './harness/scenario.js';
import { type ChartSeries, renderLogLogChart } from './harness/svg-chart.js';
import { formatNumber } from './harness/write-report.js';

/*
 * How the figures move with rule count and with input size. The rule-count axis reuses the score
 * scenario's rows from this run (no second measurement); the input-size axis times the NDJSON
 * pipeline (bytes to assessments, default packs) at growing manifest sizes. The chart of
 * throughput against rule count per engine goes to results/scaling.svg.
 */

const seriesLabel = (r: BenchResult) =>
  `${r.engine}${r.variant === undefined ? '' : ` (${r.variant})`}${r.explain ? ', explain on' : ''}`;

type RuleSeries = ChartSeries &
  Pick<BenchResult, 'variant'> & { engine: NonNullable<BenchResult['engine']>; explain: boolean };

export function ruleScalingSeries(rows: readonly BenchResult[]): RuleSeries[] {
  const byLabel = new Map<string, RuleSeries>();
  for (const r of rows) {
    if (r.scenario !== 'score' || r.engine === undefined || r.rules === undefined) continue;
    if (r.consignmentsPerSec === undefined) continue;
    const label = seriesLabel(r);
    let s = byLabel.get(label);
    if (s === undefined) {
      s = {
        label,
        points: [],
        engine: r.engine,
        explain: r.explain === true,
        ...(r.variant === undefined ? {} : { variant: r.variant }),
      };
      byLabel.set(label, s);
    }
    s.points.push({ x: r.rules, y: r.consignmentsPerSec });
  }
  return [...byLabel.values()];
}

export const scaling: Scenario = {
  name: 'scaling',
  title: 'throughput against rule count and input size',
  async run(ctx) {
    const results: BenchResult[] = [];
    const series = ruleScalingSeries(ctx.earlier);
    const svg = renderLogLogChart(series, {
      title: `Scoring throughput against rule count${ctx.quick ? ' (quick run)' : ''}`,
      xLabel: 'rules in the rule set (log scale)',
      yLabel: 'consignments per second (log scale)',
    });
    writeFileSync(path.join(ctx.resultsDir, 'scaling.svg'), svg);
    for (const s of series) {
      const pts = [...s.points].sort((a, b) => a.x - b.x);
      const first = pts[0]!;
      const last = pts.at(-1)!;
      results.push({
        scenario: 'scaling',
        name: `rules ${first.x.toLocaleString('en-US')} → ${last.x.toLocaleString('en-US')}`,
        engine: s.engine,
        ...(s.variant === undefined ? {} : { variant: s.variant }),
        explain: s.explain,
        ...(pts.length > 1
          ? {
              ratio: first.y / last.y,
              ratioTo: `slower at ${last.x.toLocaleString('en-US')} rules than at ${first.x.toLocaleString('en-US')}`,
            }
          : {}),
        notes: pts.map((p) => `${p.x.toLocaleString('en-US')}: ${formatNumber(p.y)}/s`).join(', '),
      });
    }
    if (series.length === 0) {
      results.push({ scenario: 'scaling', name: 'rule count', skipped: 'no score rows in this run to chart' });
    }

    // Input size: the same pipeline on growing manifests.
    const format: ManifestFormat = 'ndjson';
    try {
      const scorer = scorerForBench(await defaultPackRuleSets(), 'compiled', false);
      const sizes = ctx.quick ? [1000, 4000] : [1000, 10_000, 100_000];
      for (const count of sizes) {
        // The e2e scenario has just timed this pipeline on 100,000: take its row, do not time it twice.
        const e2e = ctx.earlier.find((r) => r.scenario === 'e2e' && r.format === format && r.consignments === count);
        if (e2e?.consignmentsPerSec !== undefined) {
          results.push({
            ...e2e,
            scenario: 'scaling',
            name: `input ${count.toLocaleString('en-US')} consignments`,
            notes: `from the e2e row of this run: ${e2e.notes ?? ''}`,
          });
          continue;
        }
        const input = benchInput(format, count);
        const runs: PipelineRun[] = [];
        const started = performance.now();
        await runPipeline(input.documents, format, scorer);
        while (runs.length < 5 && (runs.length < 2 || performance.now() - started < (ctx.quick ? 2000 : 8000))) {
          runs.push(await runPipeline(input.documents, format, scorer));
        }
        const seconds = median(runs.map((r) => r.seconds));
        results.push({
          scenario: 'scaling',
          name: `input ${count.toLocaleString('en-US')} consignments`,
          engine: 'compiled',
          reader: 'fast',
          format,
          consignments: count,
          bytes: input.bytes,
          consignmentsPerSec: count / seconds,
          mbPerSec: input.bytes / 1e6 / seconds,
          notes: `bytes to assessments with the default packs, median of ${runs.length} runs`,
        });
        ctx.log(`  ${format} ${count}: ${Math.round(count / seconds)} consignments/s`);
      }
    } catch (e) {
      if (!(e instanceof ScenarioSkip)) throw e;
      results.push({ scenario: 'scaling', name: 'input size', skipped: e.reason });
    }
    return results;
  },
};
