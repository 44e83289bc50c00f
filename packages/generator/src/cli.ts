import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ManifestFormat } from '@cargorisk/manifest';
import { fail, parsePlant, parseSize } from './cli-args.js';
import { GeneratorError } from './errors.js';
import { serializers } from './formats/index.js';
import { type GenerateOptions, PLANT_PROFILES } from './options.js';
import { writeManifestFile } from './write-manifest-file.js';

/*
 * pnpm generate --count 100000 --format ndjson --seed 7 --mode sea --out /tmp/x.ndjson
 *               [--plant pegasus=0.05,cites=3|none] [--awkward [rate]] [--size 1GB] [--items 1-4]
 *               [--truth /tmp/x.truth.ndjson]
 */

const USAGE = `usage: pnpm generate --out <file> [options]
  --count <n>        consignments (default 100; with --size, unlimited)
  --size <size>      generate until the file reaches this size: 500KB, 200MB, 1GB (KB/MB/GB = 1000^n, KiB/MiB/GiB = 1024^n)
  --format <f>       ${Object.keys(serializers).join(', ')} (default ndjson)
  --seed <s>         same seed, same bytes (default 1)
  --mode <m>         sea or air (default sea)
  --items <a-b>      goods items per consignment (default 1-4)
  --plant <spec>     profile=rate (0.05) or profile=count (12), comma separated; "none" plants nothing
                     profiles: ${PLANT_PROFILES.join(', ')}
  --awkward [rate]   awkward but valid variations (default rate 0.05 of each kind)
  --truth <file>     also write the ground truth, one {"id","planted"} per line
  --id <id>          manifest id`;

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string' },
      size: { type: 'string' },
      format: { type: 'string', default: 'ndjson' },
      seed: { type: 'string', default: '1' },
      mode: { type: 'string', default: 'sea' },
      items: { type: 'string' },
      plant: { type: 'string' },
      awkward: { type: 'boolean' },
      'awkward-rate': { type: 'string' },
      out: { type: 'string' },
      truth: { type: 'string' },
      id: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (values.help || values.out === undefined) {
    console.error(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const format = values.format as ManifestFormat;
  if (serializers[format] === undefined)
    fail(`--format: no serializer for "${format}" (have ${Object.keys(serializers).join(', ')})`);
  const maxBytes = values.size === undefined ? undefined : parseSize(values.size);
  const count =
    values.count === undefined ? (maxBytes === undefined ? 100 : Number.POSITIVE_INFINITY) : Number(values.count);
  if (!Number.isInteger(count) && count !== Number.POSITIVE_INFINITY)
    fail(`--count: "${values.count}" is not a whole number`);
  if (values.mode !== 'sea' && values.mode !== 'air') fail(`--mode: "${values.mode}" is not sea or air`);
  const options: GenerateOptions = {
    // A seed that looks like a number is the number, so `--seed 7` equals `seed: 7` in code.
    seed: /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed,
    consignments: count,
    mode: values.mode,
  };
  if (values.items !== undefined) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(values.items);
    if (m === null) fail(`--items: "${values.items}" is not a or a-b`);
    options.itemsPerConsignment = [Number(m[1]), Number(m[2] ?? m[1])];
  }
  if (values.plant !== undefined) options.plant = parsePlant(values.plant);
  if (values['awkward-rate'] !== undefined) options.awkward = Number(values['awkward-rate']);
  else if (values.awkward) options.awkward = true;
  if (values.id !== undefined) options.manifestId = values.id;

  const truth: string[] = [];
  const started = performance.now();
  const result = await writeManifestFile(values.out, options, format, {
    ...(maxBytes === undefined ? {} : { maxBytes }),
    ...(values.truth === undefined ? {} : { onPlanted: (id, planted) => truth.push(JSON.stringify({ id, planted })) }),
  });
  if (values.truth !== undefined) writeFileSync(values.truth, truth.length === 0 ? '' : `${truth.join('\n')}\n`);
  const seconds = (performance.now() - started) / 1000;
  console.error(
    `${result.consignments} consignments, ${result.bytes} bytes in ${seconds.toFixed(2)} s ` +
      `(${Math.round(result.consignments / seconds)} consignments/s, ${(result.bytes / seconds / 1e6).toFixed(1)} MB/s) -> ${values.out}`,
  );
  console.error(`planted: ${JSON.stringify(result.planted)}`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof GeneratorError ? `generate: ${e.message}` : e);
  console.error(USAGE.split('\n')[0]);
  process.exitCode = e instanceof GeneratorError ? 2 : 1;
});
