// The README's first use, kept here so `pnpm test` proves it still prints what the README shows.
import { readFileSync } from 'node:fs';
import { createScorer } from '@cargorisk/core';
import { parseManifest } from '@cargorisk/manifest';
import { loadPacks } from '@cargorisk/rules';

const { manifest } = parseManifest(readFileSync(new URL('../../../samples/demo/demo-manifest.json', import.meta.url)));
const scorer = createScorer(await loadPacks(['pegasus', 'global-shield', 'salw']));
for (const c of manifest.consignments) {
  const a = scorer.score(c, { transport: manifest.transport });
  console.log(a.channel.padEnd(6), String(a.score).padStart(3), a.consignmentId, a.hits.map((h) => h.rule).join(' '));
}
