// Assess a manifest from your own program:
//   node --conditions @cargorisk/source --import tsx examples/embed/src/main.ts voyage.xml [our-rules.json …]
// Exit status: 0 nothing to examine, 1 something to examine or an input problem, 2 usage or rule-set error.
import { readFile } from 'node:fs/promises';
import { RuleSetError } from '@cargorisk/core';
import { assessManifest, createDefaultScorer } from './assess-manifest.js';

const [manifestPath, ...ruleSetFiles] = process.argv.slice(2);
if (manifestPath === undefined) {
  console.error('usage: main.ts <manifest> [rule-set.json …]');
  process.exit(2);
}

let scorer: Awaited<ReturnType<typeof createDefaultScorer>>;
try {
  scorer = await createDefaultScorer(ruleSetFiles);
} catch (error) {
  if (!(error instanceof RuleSetError)) throw error; // a bug: let it crash with its stack
  for (const i of error.issues)
    console.error(`${i.source ?? ''}:${i.line ?? 0}:${i.column ?? 0} ${i.code} ${i.path}: ${i.message}`);
  process.exit(2);
}

const outcome = assessManifest(await readFile(manifestPath), scorer, manifestPath);
if (!outcome.ok) {
  const { code, message, location } = outcome.error;
  console.error(`${manifestPath}: cannot be read (${code}): ${message}`, location);
  process.exit(1);
}

for (const issue of outcome.issues) console.error(`${issue.severity} ${issue.code}: ${issue.message}`);
const targeted = outcome.assessments.filter((a) => a.channel !== 'green');
for (const a of targeted) {
  console.log(
    `${a.channel.toUpperCase().padEnd(7)}${String(a.score).padStart(4)}  ${a.consignmentId}  ${a.actions.join(', ')}`,
  );
  for (const hit of a.hits) console.log(`             ${hit.ruleSet}/${hit.rule}: ${hit.message}`);
}
console.log(
  `${outcome.manifestId}: ${outcome.stats.seen} consignments, ${outcome.assessments.length} assessed, ${targeted.length} to examine, ${outcome.stats.rejected} refused`,
);
process.exitCode = targeted.length > 0 || outcome.stats.rejected > 0 ? 1 : 0;
