import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { endToEnd } from './end-to-end.js';
import { releaseBenchConsignments } from './harness/bench-data.js';
import type { BenchReport, BenchResult } from './harness/bench-result.js';
import { machineInfo } from './harness/machine-info.js';
import type { Scenario } from './harness/scenario.js';
import { ScenarioSkip } from './harness/scenario.js';
import { writeReport } from './harness/write-report.js';
import { parseThroughput } from './parse-throughput.js';
import { scaling } from './scaling.js';
import { scoreThroughput } from './score-throughput.js';
import { streamingMemory } from './streaming-memory.js';

/*
 * `pnpm bench [--quick] [--only score,parse,…] [--rules 10,100,…]`: runs the scenarios in one process, one after the
 * other, and writes benchmarks/results/latest.json and latest.md. A scenario whose library pieces
 * are missing is recorded as skipped with the reason; one whose engines or readers disagree is
 * recorded as failed, and the run exits with status 1 after writing what it measured.
 */

// Memory last: it streams a file larger than the data the others hold, which is let go first.
const SCENARIOS: Scenario[] = [scoreThroughput, parseThroughput, endToEnd, scaling, streamingMemory];

const USAGE = 'usage: pnpm bench [--quick] [--only score,parse,e2e,memory,scaling] [--rules 10,100,1000,10000]';

interface Args {
  quick: boolean;
  only: Set<string> | undefined;
  rules: number[] | undefined;
}

function parseArgs(argv: string[]): Args {
  let quick = false;
  let only: Set<string> | undefined;
  let rules: number[] | undefined;
  const fail = (message: string): never => {
    console.error(`${message}; ${USAGE}`);
    process.exit(2);
  };
  const ruleCounts = (value: string) => {
    const counts = value.split(',').map(Number);
    if (counts.some((n) => !Number.isInteger(n) || n < 1)) fail(`--rules takes rule counts, not ${value}`);
    return counts;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--only') only = new Set((argv[++i] ?? '').split(','));
    else if (arg.startsWith('--only=')) only = new Set(arg.slice('--only='.length).split(','));
    else if (arg === '--rules') rules = ruleCounts(argv[++i] ?? '');
    else if (arg.startsWith('--rules=')) rules = ruleCounts(arg.slice('--rules='.length));
    else if (arg === '--') continue;
    else fail(`unknown argument ${arg}`);
  }
  return { quick, only, rules };
}

async function main() {
  const { quick, only, rules } = parseArgs(process.argv.slice(2));
  const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');
  const started = performance.now();
  const machine = machineInfo();
  const log = (message: string) => console.log(message);
  log(
    `cargorisk benchmarks${quick ? ' (quick)' : ''}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverage.join(' ')}`,
  );
  const results: BenchResult[] = [];
  let failed = false;
  for (const scenario of SCENARIOS) {
    if (only !== undefined && !only.has(scenario.name)) continue;
    log(`\n${scenario.name}: ${scenario.title}`);
    // Scaling and memory time small and streamed inputs: the 200,000 consignments e2e held would
    // only add collector work to them.
    if (scenario === scaling || scenario === streamingMemory) releaseBenchConsignments();
    const t0 = performance.now();
    try {
      results.push(
        ...(await scenario.run({
          quick,
          earlier: results,
          resultsDir,
          log,
          ...(rules === undefined ? {} : { rules }),
        })),
      );
    } catch (e) {
      if (e instanceof ScenarioSkip) {
        log(`  skipped: ${e.reason}`);
        results.push({ scenario: scenario.name, name: scenario.title, skipped: e.reason });
      } else {
        failed = true;
        const message = e instanceof Error ? e.message : String(e);
        console.error(`  FAILED: ${message}`);
        if (e instanceof Error && e.stack) console.error(e.stack);
        if (e instanceof Error && e.cause instanceof Error)
          console.error(`  caused by: ${e.cause.stack ?? e.cause.message}`);
        results.push({ scenario: scenario.name, name: scenario.title, failed: message });
      }
    }
    log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  if (results.some((r) => r.failed !== undefined)) failed = true;
  const report: BenchReport = {
    machine,
    date: new Date().toISOString(),
    quick,
    durationSec: (performance.now() - started) / 1000,
    results,
  };
  const written = writeReport(resultsDir, report);
  log(
    `\nwrote ${path.relative(process.cwd(), written.json)} and ${path.relative(process.cwd(), written.markdown)} in ${report.durationSec.toFixed(0)} s`,
  );
  if (failed) {
    writeFileSync(process.stderr.fd, 'a scenario failed: see above\n');
    process.exitCode = 1;
  }
}

await main();
