import type { EvaluationContext } from '@cargorisk/core';
import { type ManifestFormat, readConsignments } from '@cargorisk/manifest';
import type { BenchScorer } from './cargorisk-scorer.js';

/*
 * The streaming pipeline the end-to-end and memory scenarios run: bytes through readConsignments,
 * every accepted consignment scored with the manifest's transport as context. It imports only the
 * packages, so the memory scenario's child (run as JavaScript on the built packages) can load it.
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
  /** Called after every 10,000th consignment (the memory scenario samples RSS there). */
  onProgress?: (consignments: number) => void,
): Promise<PipelineRun> {
  const channels: Record<string, number> = {};
  let accepted = 0;
  let rejected = 0;
  let seen = 0;
  let context: EvaluationContext = {};
  const t0 = performance.now();
  for await (const event of readConsignments(chunks, { format })) {
    if (event.type === 'consignment') {
      const a = scorer.score(event.consignment, context);
      channels[a.channel] = (channels[a.channel] ?? 0) + 1;
      if (++seen % 10_000 === 0) onProgress?.(seen);
    } else if (event.type === 'header') {
      context = event.header.transport === undefined ? {} : { transport: event.header.transport };
    } else if (event.type === 'end') {
      accepted = event.stats.accepted;
      rejected = event.stats.rejected;
    }
  }
  return { seconds: (performance.now() - t0) / 1000, accepted, rejected, channels };
}
