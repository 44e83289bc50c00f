// `pnpm demo`: reads the bundled samples and prints what each holds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { safeParseManifest } from '@cargorisk/manifest';

const samples = fileURLToPath(new URL('../../../samples/', import.meta.url));

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(xml|json|ndjson|edi|csv)$/.test(name)) yield path;
  }
}

let failures = 0;
for (const path of files(samples)) {
  const name = relative(samples, path);
  const result = safeParseManifest(readFileSync(path), { sourceName: name });
  if (!result.success) {
    console.log(`${name}: ${result.error.code}: ${result.error.message}`);
    if (result.error.code !== 'unsupported-format') failures++;
    continue;
  }
  const { manifest, stats, issues } = result.data;
  console.log(`${name}: ${manifest.format}, ${stats.accepted} of ${stats.seen} consignments, ${issues.length} issues`);
  for (const c of manifest.consignments) {
    const goods = c.goods.map((g) => `${g.hsCode ?? '—'} ${g.description}`).join('; ');
    console.log(`  ${c.id.padEnd(14)} ${(c.parties.consignee?.name ?? '').padEnd(34)} ${goods}`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
