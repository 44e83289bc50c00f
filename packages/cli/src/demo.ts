// `pnpm demo`: scores the bundled sample manifests with the default rule packs and prints the
// targeting table, with the explanation of every targeted consignment, and the summary.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveInputs } from './input/read-inputs.js';
import { TextSink } from './io.js';
import { formatSummary } from './output/summary-text.js';
import { renderTable } from './output/targeting-table.js';
import { formatIssue } from './output/terminal-text.js';
import { AssessmentTally } from './report/assessment-tally.js';
import { assessInputs } from './score/assess-inputs.js';
import { createScoring } from './score/create-scoring.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLE_DIRS = ['samples/corpus', 'samples/demo', 'samples/cuscar'];
const MANIFEST_FILE = /\.(xml|json|ndjson|edi|cuscar|csv)$/i;
// The generator's ground truth (which consignments it planted targets in) sits beside its samples.
const NOT_A_MANIFEST = /\.truth\.ndjson$/i;

function* files(dir: string): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return; // a sample folder this checkout does not have
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (MANIFEST_FILE.test(name) && !NOT_A_MANIFEST.test(name)) yield path;
  }
}

const samples = SAMPLE_DIRS.flatMap((dir) => [...files(join(root, dir))]).map((path) => relative(root, path));
const stdout = new TextSink(process.stdout);
const tally = new AssessmentTally({ minChannel: 'yellow', keepAssessments: true });
const scoring = await createScoring(
  { rules: undefined, engine: 'compiled', seed: undefined, format: undefined, minChannel: 'yellow', limit: undefined },
  { explain: true, cwd: root, command: 'demo' },
);
const skipped: string[] = [];

await stdout.write(
  `cargorisk demo: ${samples.length} sample manifests, rule packs ${[...scoring.titles.keys()].join(', ')}\n\n`,
);
await assessInputs(resolveInputs('demo', samples, root), scoring.assess, {
  stdin: process.stdin,
  tally,
  onIssue: async (input, issue) => {
    if (issue.code === 'unsupported-format') skipped.push(`${input} (${issue.message})`);
    else await stdout.write(`issue: ${formatIssue(input, issue)}\n`);
  },
});

const table = renderTable(tally.sortedListing(), {
  explain: true,
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
});
await stdout.write(`${table.length === 0 ? 'No consignment at or above yellow.' : table.join('\n')}\n\n`);
for (const line of formatSummary(tally.summary())) await stdout.write(`${line}\n`);
for (const s of skipped) await stdout.write(`skipped: ${s}\n`);
await stdout.flush();
// Findings are the point of the demo; only a sample that could not be read at all fails it.
process.exitCode = tally.failedInputs - skipped.length > 0 ? 1 : 0;
