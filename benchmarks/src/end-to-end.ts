import { type ManifestFormat, readConsignments } from '@cargorisk/manifest';
import { benchStreamChunks, FORMATS } from './harness/bench-data.js';
import type { BenchResult } from './harness/bench-result.js';
import { type BenchScorer, scorerForBench } from './harness/cargorisk-scorer.js';
import { defaultPackRuleSets } from './harness/default-packs.js';
import { median } from './harness/measure.js';
import { type Scenario, ScenarioSkip } from './harness/scenario.js';

/*
 * Bytes to assessments: a generated manifest of 100,000 consignments in each format, held in
 * memory as the bytes a file would give, streamed through readConsignments (1 MiB chunks) and every
 * accepted consignment scored with the default packs on the compiled engine. Timed by hand
 * (several whole runs, median), since one run is seconds long.
 */

export interface PipelineRun {
  seconds: number;
  accepted: number;
  rejected: number;
  channels: Record<string, number>;
}

/** One pass of the pipeline over `chunks`. */
export async function runPipeline(
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  format: ManifestFormat,
  scorer: BenchScorer,
): Promise<PipelineRun> {
  const channels: Record<string, number> = {};
  let accepted = 0;
  let rejected = 0;
  const t0 = performance.now();
  for await (const event of readConsignments(chunks, { format })) {
    if (event.type === 'consignment') {
      const a = scorer.score(event.consignment);
      channels[a.channel] = (channels[a.channel] ?? 0) + 1;
    } else if (event.type === 'end') {
      accepted = event.stats.accepted;
      rejected = event.stats.rejected;
    }
  }
  return { seconds: (performance.now() - t0) / 1000, accepted, rejected, channels };
}

export const endToEnd: Scenario = {
  name: 'e2e',
  title: 'bytes to assessments, 100,000 consignments per format, default packs',
  async run(ctx) {
    const scorer = scorerForBench(await defaultPackRuleSets(), 'compiled', false);
    const count = ctx.quick ? 10_000 : 100_000;
    const formats = ctx.quick ? (['ndjson', 'cuscar'] as const) : FORMATS;
    const results: BenchResult[] = [];
    for (const format of formats) {
      const name = `e2e ${format}`;
      let input: { chunks: Buffer[]; bytes: number };
      try {
        input = benchStreamChunks(format, count);
      } catch (e) {
        if (!(e instanceof ScenarioSkip)) throw e;
        results.push({ scenario: 'e2e', name, format, skipped: e.reason });
        continue;
      }
      const runs: PipelineRun[] = [];
      try {
        // One untimed pass warms the JIT; then whole runs until 3 or about 25 s for this format.
        await runPipeline(input.chunks.slice(0, 4), format, scorer).catch(() => undefined);
        const started = performance.now();
        while (runs.length < (ctx.quick ? 1 : 3) && (runs.length === 0 || performance.now() - started < 25_000)) {
          runs.push(await runPipeline(input.chunks, format, scorer));
        }
      } catch (e) {
        results.push({ scenario: 'e2e', name, format, failed: `the pipeline threw: ${(e as Error).message}` });
        continue;
      }
      const last = runs.at(-1)!;
      if (last.accepted + last.rejected !== count || runs.some((r) => r.accepted !== last.accepted)) {
        results.push({
          scenario: 'e2e',
          name,
          format,
          failed: `read ${last.accepted} accepted + ${last.rejected} rejected of ${count} generated consignments`,
        });
        continue;
      }
      const seconds = median(runs.map((r) => r.seconds));
      const row: BenchResult = {
        scenario: 'e2e',
        name,
        engine: 'compiled',
        reader: 'fast',
        format,
        consignments: count,
        bytes: input.bytes,
        consignmentsPerSec: count / seconds,
        mbPerSec: input.bytes / 1e6 / seconds,
        notes: `median of ${runs.length} run${runs.length > 1 ? 's' : ''}; channels ${Object.entries(last.channels)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}${last.rejected > 0 ? `; ${last.rejected} consignments rejected by the reader` : ''}`,
      };
      ctx.log(
        `  ${format}: ${Math.round(row.consignmentsPerSec!)} consignments/s, ${row.mbPerSec!.toFixed(1)} MB/s (${(input.bytes / 1e6).toFixed(0)} MB, ${runs.length} runs)`,
      );
      results.push(row);
    }
    return results;
  },
};
