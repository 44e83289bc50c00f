import { createReadStream, readFileSync } from 'node:fs';
import type { ManifestFormat } from '@cargorisk/manifest';
import { runPipeline } from '../end-to-end.js';
import { scorerForBench } from './cargorisk-scorer.js';
import { defaultPackRuleSets } from './default-packs.js';

/*
 * Run by the memory scenario in a process of its own, so that its peak RSS is the pipeline's
 * alone: streams the file named on the command line through readConsignments and the compiled
 * scorer with the default packs, then prints one JSON line with the counts and the peak RSS.
 */

const [file, format] = process.argv.slice(2) as [string, ManifestFormat];
const scorer = scorerForBench(await defaultPackRuleSets(), 'compiled', false);
const baselineMb = vmHwmMb();
// RSS through the run: a plateau is a bounded pipeline, a steady climb a leak.
const rssSamples: { consignments: number; rssMb: number; heapMb: number }[] = [];
const run = await runPipeline(createReadStream(file, { highWaterMark: 1 << 20 }), format, scorer, (consignments) => {
  if (consignments % 40_000 !== 0) return;
  const m = process.memoryUsage();
  rssSamples.push({ consignments, rssMb: Math.round(m.rss / 2 ** 20), heapMb: Math.round(m.heapUsed / 2 ** 20) });
});

function vmHwmMb(): number | undefined {
  try {
    const kb = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

process.stdout.write(
  `${JSON.stringify({ ...run, maxRssMb: process.resourceUsage().maxRSS / 1024, vmHwmMb: vmHwmMb(), baselineMb, rssSamples })}\n`,
);
