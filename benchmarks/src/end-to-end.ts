import type { EvaluationContext } from '@cargorisk/core';
import { type ManifestFormat, parseManifest } from '@cargorisk/manifest';
import {
  type BenchInput,
  benchInput,
  FORMATS,
  MESSAGE_FORMATS,
  releaseBenchConsignments,
  wholeDocuments,
} from './harness/bench-data.js';
import type { BenchResult } from './harness/bench-result.js';
import { type BenchScorer, scorerForBench } from './harness/cargorisk-scorer.js';
import { defaultPackRuleSets } from './harness/default-packs.js';
import { median } from './harness/measure.js';
import { type PipelineRun, runPipeline } from './harness/pipeline.js';
import { type Scenario, ScenarioSkip } from './harness/scenario.js';

/*
 * Bytes to assessments: a generated manifest of 100,000 consignments in each format, held in
 * memory as the bytes a file would give, streamed through readConsignments (1 MiB chunks) and every
 * accepted consignment scored with the default packs on the compiled engine, with the manifest's
 * transport as context. XFWB and XFZB carry one waybill per message: 100,000 messages are read one
 * by one with parseManifest instead. Timed by hand (whole runs, median), since one run is seconds long.
 */

// Canonical JSON is one document its reader takes whole (NDJSON is the streaming form).
const WHOLE_FORMATS: ReadonlySet<ManifestFormat> = new Set(['json']);

/**
 * One pass over whole documents: parse each with parseManifest, score what it holds. The message
 * formats give one document per consignment; canonical JSON one document for the lot.
 */
export function runMessages(messages: readonly Uint8Array[], format: ManifestFormat, scorer: BenchScorer): PipelineRun {
  const channels: Record<string, number> = {};
  let accepted = 0;
  let rejected = 0;
  const t0 = performance.now();
  for (const message of messages) {
    const { manifest, stats } = parseManifest(message, { format, limits: { maxBytes: 2 ** 31 } });
    const context: EvaluationContext = manifest.transport === undefined ? {} : { transport: manifest.transport };
    for (const c of manifest.consignments) {
      const a = scorer.score(c, context);
      channels[a.channel] = (channels[a.channel] ?? 0) + 1;
    }
    accepted += stats.accepted;
    rejected += stats.rejected;
  }
  return { seconds: (performance.now() - t0) / 1000, accepted, rejected, channels };
}

export const endToEnd: Scenario = {
  name: 'e2e',
  title: 'bytes to assessments per format with the default packs (100,000 consignments; 5,000 in the quick run)',
  async run(ctx) {
    const scorer = scorerForBench(await defaultPackRuleSets(), 'compiled', false);
    const count = ctx.quick ? 5000 : 100_000;
    const formats = ctx.quick ? (['ndjson', 'cuscar'] as const) : FORMATS;
    const results: BenchResult[] = [];
    // Every format's bytes are written first (off the JS heap, in Buffers), then the generated
    // consignments are let go: the timed runs then carry no collector work for data they do not use.
    const inputs = new Map<ManifestFormat, BenchInput>();
    for (const format of formats) {
      try {
        const input = benchInput(format, count);
        inputs.set(format, WHOLE_FORMATS.has(format) ? { ...input, documents: wholeDocuments(input, format) } : input);
      } catch (e) {
        if (!(e instanceof ScenarioSkip)) throw e;
        results.push({ scenario: 'e2e', name: `e2e ${format}`, format, skipped: e.reason });
      }
    }
    const warmUp = new Map(
      formats.map((f) => [
        f,
        MESSAGE_FORMATS.has(f) || WHOLE_FORMATS.has(f) ? wholeDocuments(benchInput(f, 1000), f) : [],
      ]),
    );
    releaseBenchConsignments();
    for (const format of formats) {
      const name = `e2e ${format}`;
      const perMessage = MESSAGE_FORMATS.has(format);
      const whole = perMessage || WHOLE_FORMATS.has(format);
      const input = inputs.get(format);
      if (input === undefined) continue;
      inputs.delete(format);
      const runs: PipelineRun[] = [];
      try {
        // One short untimed pass warms the JIT; then whole runs, a second and third only while they stay short.
        const pass = () =>
          whole
            ? Promise.resolve(runMessages(input.documents, format, scorer))
            : runPipeline(input.documents, format, scorer);
        if (whole) runMessages(warmUp.get(format) ?? [], format, scorer);
        else await runPipeline(input.documents.slice(0, 4), format, scorer).catch(() => undefined);
        const started = performance.now();
        while (runs.length < (ctx.quick ? 1 : 3) && (runs.length === 0 || performance.now() - started < 7000)) {
          runs.push(await pass());
        }
      } catch (e) {
        results.push({ scenario: 'e2e', name, format, failed: `the pipeline threw: ${(e as Error).message}` });
        continue;
      }
      const last = runs.at(-1)!;
      // Generated data is valid: every consignment the input carries must be accepted (an XFFM
      // carries the waybills, not their houses, so fewer than were generated).
      if (last.accepted === 0 || last.rejected !== 0 || runs.some((r) => r.accepted !== last.accepted)) {
        results.push({
          scenario: 'e2e',
          name,
          format,
          failed: `read ${last.accepted} accepted and ${last.rejected} rejected consignments from a generated manifest of ${count}`,
        });
        continue;
      }
      const carried = last.accepted;
      const seconds = median(runs.map((r) => r.seconds));
      const row: BenchResult = {
        scenario: 'e2e',
        name,
        engine: 'compiled',
        reader: 'fast',
        format,
        consignments: carried,
        bytes: input.bytes,
        consignmentsPerSec: carried / seconds,
        mbPerSec: input.bytes / 1e6 / seconds,
        notes: `${WHOLE_FORMATS.has(format) ? 'read whole with parseManifest (canonical JSON has no streaming reader; NDJSON is its streaming form); ' : ''}${perMessage ? `${carried.toLocaleString('en-US')} messages (the ${format === 'xfzb' ? 'house' : 'master and direct'} waybills among ${count.toLocaleString('en-US')} generated consignments), each read with parseManifest; ` : carried === count ? '' : `the document carries ${carried.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} generated consignments; `}median of ${runs.length} run${runs.length > 1 ? 's' : ''}; channels ${Object.entries(
          last.channels,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      };
      ctx.log(
        `  ${format}: ${Math.round(row.consignmentsPerSec!)} consignments/s, ${row.mbPerSec!.toFixed(1)} MB/s (${(input.bytes / 1e6).toFixed(0)} MB, ${runs.length} runs)`,
      );
      results.push(row);
    }
    return results;
  },
};
