import { createReadStream, readFileSync } from 'node:fs';
import type { ManifestFormat } from '@cargorisk/manifest';
import { scorerForBench } from './cargorisk-scorer.js';
import { defaultPackRuleSets } from './default-packs.js';
import { runPipeline } from './pipeline.js';

/*
 * Run by the memory scenario in a process of its own, so that its peak RSS is the pipeline's
 * alone: streams the file named on the command line through readConsignments and the compiled
 * scorer with the default packs, then prints one JSON line with the counts and the peak RSS.
 *
 * The memory scenario runs this file as JavaScript under plain `node`, against the packages' built
 * `dist` (as a user runs the library). It imports nothing but the packages, the two harness files
 * that bind to them and the pipeline, so that the generator and the rest of the suite are not
 * loaded into the process being measured.
 */

const [file, format] = process.argv.slice(2) as [string, ManifestFormat];
const scorer = scorerForBench(await defaultPackRuleSets(), 'compiled', false);
const baselineMb = vmHwmMb();
// RSS through the run: a plateau is a bounded pipeline, a steady climb a leak.
const rssSamples: { consignments: number; rssMb: number; heapMb: number }[] = [];

const run = await runPipeline(createReadStream(file, { highWaterMark: 1 << 20 }), format, scorer, (seen) => {
  if (seen % 40_000 !== 0) return;
  const m = process.memoryUsage();
  rssSamples.push({ consignments: seen, rssMb: Math.round(m.rss / 2 ** 20), heapMb: Math.round(m.heapUsed / 2 ** 20) });
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
  `${JSON.stringify({
    ...run,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    vmHwmMb: vmHwmMb(),
    baselineMb,
    rssSamples,
    // Which build of the library was measured, and how this process was started.
    library: import.meta.resolve('@cargorisk/manifest'),
    execArgv: process.execArgv,
  })}\n`,
);
