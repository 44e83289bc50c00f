import { spawn } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializers } from '@cargorisk/generator';
import type { ManifestFormat } from '@cargorisk/manifest';
import { streamPieces } from './harness/bench-data.js';
import type { BenchResult } from './harness/bench-result.js';
import { ensureBuilt, removeTranspiledChild, transpileChild } from './harness/built-child.js';
import type { PipelineRun } from './harness/pipeline.js';
import { type Scenario, ScenarioSkip } from './harness/scenario.js';

/*
 * Peak memory of the streaming pipeline: a generated manifest of about 1 GB (16 MB in the quick
 * run) is written to the temp directory with the generator's streaming writer, then a child
 * process streams it through readConsignments and the compiled scorer with the default packs and
 * reports its own peak RSS. The file is deleted afterwards. The child runs as a user runs the
 * library: plain `node` on the built JavaScript (harness/built-child.ts), with no loader.
 */

// XML first: the format a naive reader would hold whole in memory.
const PREFERRED: readonly ManifestFormat[] = ['wco-dm', 'xffm', 'cuscar', 'ndjson'];
const TARGET_MB = 256;
const HEAP_CAP_MB = 128;

// Consignments generated for the file; a larger file repeats them (ids repeat too, which a
// streaming read does not mind): generating 300,000 consignments would cost more than reading them.
const BLOCK = 20_000;
let blockCache: { key: string; pieces: string[] } | undefined;

function writeGenerated(
  file: string,
  format: ManifestFormat,
  targetBytes: number,
): { bytes: number; consignments: number; repeats: number } {
  // Size one consignment from a sample, then ask for as many as fill the target.
  let sampleBytes = 0;
  for (const piece of streamPieces(format, 1000)) sampleBytes += Buffer.byteLength(piece);
  const wanted = Math.max(1000, Math.round((targetBytes / sampleBytes) * 1000));
  const block = Math.min(wanted, BLOCK);
  const key = `${format}:${block}`;
  if (blockCache?.key !== key) blockCache = { key, pieces: Array.from(streamPieces(format, block)) };
  const pieces = blockCache.pieces;
  // A writer that gives the header, one piece per consignment, then the trailer can be repeated.
  const repeatable = pieces.length === block + 2;
  const repeats = repeatable ? Math.max(1, Math.round(wanted / block)) : 1;
  const fd = openSync(file, 'w');
  try {
    if (repeatable) {
      const body = pieces.slice(1, -1).join('');
      writeSync(fd, pieces[0]!);
      for (let r = 0; r < repeats; r++) writeSync(fd, body);
      writeSync(fd, pieces.at(-1)!);
    } else {
      let pending: string[] = [];
      let length = 0;
      for (const piece of streamPieces(format, wanted)) {
        pending.push(piece);
        length += piece.length;
        if (length >= 4 << 20) {
          writeSync(fd, pending.join(''));
          pending = [];
          length = 0;
        }
      }
      writeSync(fd, pending.join(''));
    }
  } finally {
    closeSync(fd);
  }
  return { bytes: statSync(file).size, consignments: repeatable ? block * repeats : wanted, repeats };
}

function runChild(
  script: string,
  file: string,
  format: ManifestFormat,
  nodeFlags: readonly string[],
): Promise<
  PipelineRun & {
    maxRssMb: number;
    vmHwmMb?: number;
    baselineMb?: number;
    rssSamples?: { consignments: number; rssMb: number; heapMb: number }[];
    library?: string;
    execArgv?: string[];
  }
> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  return new Promise((resolve, reject) => {
    // `env` without NODE_OPTIONS: flags the suite itself was started with must not reach the child.
    const { NODE_OPTIONS: _, ...env } = process.env;
    const child = spawn(process.execPath, [...nodeFlags, script, file, format], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0)
        return reject(
          new Error(`the pipeline process exited with ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`),
        );
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? ''));
      } catch (e) {
        reject(new Error(`the pipeline process printed no result: ${(e as Error).message}`));
      }
    });
  });
}

export const streamingMemory: Scenario = {
  name: 'memory',
  title: 'peak RSS streaming a large generated manifest through parse and score',
  async run(ctx) {
    const format = PREFERRED.find((f) => serializers[f]?.stream !== undefined);
    if (format === undefined) throw new ScenarioSkip('the generator has no streaming writer for any format');
    const targetBytes = ctx.quick ? 16e6 : 1e9;
    const file = path.join(os.tmpdir(), `cargorisk-bench-${process.pid}${serializers[format]!.extension}`);
    const smallFile = path.join(os.tmpdir(), `cargorisk-bench-${process.pid}-quarter${serializers[format]!.extension}`);
    try {
      const rebuilt = ensureBuilt();
      if (rebuilt.length > 0) ctx.log(`  built ${rebuilt.join(', ')} (their dist was older than their source)`);
      const script = transpileChild();
      const t0 = performance.now();
      const written = writeGenerated(file, format, targetBytes);
      ctx.log(
        `  wrote${written.repeats > 1 ? ` (${BLOCK.toLocaleString('en-US')} generated consignments ${written.repeats} times)` : ''} ${(written.bytes / 1e6).toFixed(0)} MB of ${format} (${written.consignments} consignments) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      const rows: BenchResult[] = [];
      // Node's defaults on the whole file; then, with the V8 old space capped as a worker that must
      // stay small is deployed, a quarter of it: the first shows where V8's lazy collection lets RSS
      // float, the second what the pipeline itself needs (a quarter keeps the run inside its budget).
      const capped = ctx.quick ? written : writeGenerated(smallFile, format, targetBytes / 4);
      for (const flags of [[], [`--max-old-space-size=${HEAP_CAP_MB}`]] as const) {
        const input =
          flags.length === 0 ? { path: file, ...written } : { path: ctx.quick ? file : smallFile, ...capped };
        const run = await runChild(script, input.path, format, flags);
        const flagsRun = run.execArgv ?? [];
        if (
          run.library === undefined ||
          !run.library.endsWith('/dist/index.js') ||
          flagsRun.join(' ') !== flags.join(' ')
        ) {
          throw new Error(
            `the pipeline process did not run as intended: library ${run.library ?? '?'}, node flags [${flagsRun.join(' ')}]`,
          );
        }
        const seen = run.accepted + run.rejected;
        const base: BenchResult = {
          scenario: 'memory',
          name: `stream ${(input.bytes / 1e6).toFixed(0)} MB ${format}, ${flags.length === 0 ? 'Node defaults' : flags.join(' ')}`,
          format,
        };
        if (seen !== input.consignments) {
          rows.push({ ...base, failed: `the pipeline saw ${seen} of ${input.consignments} consignments` });
          continue;
        }
        const peak = run.vmHwmMb ?? run.maxRssMb;
        ctx.log(`  ${base.name}: peak RSS ${peak.toFixed(0)} MB, ${Math.round(seen / run.seconds)} consignments/s`);
        rows.push({
          ...base,
          engine: 'compiled',
          reader: 'fast',
          consignments: seen,
          bytes: input.bytes,
          peakRssMb: peak,
          consignmentsPerSec: seen / run.seconds,
          mbPerSec: input.bytes / 1e6 / run.seconds,
          target: `≤ ${TARGET_MB} MB`,
          met: peak <= TARGET_MB,
          notes: `peak RSS is the child's VmHWM (/proc/self/status), of which ${run.baselineMb?.toFixed(0) ?? '?'} MB before the first byte was read${run.rssSamples && run.rssSamples.length > 0 ? `; RSS / heap used (MB) every 40,000 consignments: ${run.rssSamples.map((x) => `${x.rssMb}/${x.heapMb}`).join(', ')}` : ''}`,
          method: `a child process started as \`node stream-pipeline-child.js <file> ${format}\`, with the V8 flag its row names (if any) before the script and no other flag, no NODE_OPTIONS and no loader (the harness transpiled to JavaScript by TypeScript; @cargorisk/manifest, core and rules as their built dist JavaScript, rebuilt by tsc when older than their source), streams the file through readConsignments (1 MiB reads, which it feeds to the reader 32 KiB at a time) and the compiled scorer with the default packs (Node, the packages and the loaded packs are the RSS before the first byte); process.resourceUsage().maxRSS is not used, since Linux carries the forking parent's high-water mark across exec into it${written.repeats > 1 ? `; the file holds ${BLOCK.toLocaleString('en-US')} generated consignments written up to ${written.repeats} times` : ''}${ctx.quick ? '; quick run: a 16 MB file instead of 1 GB' : ''}`,
        });
      }
      return rows;
    } finally {
      rmSync(file, { force: true });
      rmSync(smallFile, { force: true });
      removeTranspiledChild();
      blockCache = undefined;
    }
  },
};
