import { resolve } from 'node:path';
import type { ManifestFormat } from '@cargorisk/manifest';
import { oneOf, parseCommandArgs, positiveInt } from '../args.js';
import { UsageError } from '../errors.js';
import { type CliIo, TextSink } from '../io.js';
import { formatCount } from '../output/terminal-text.js';
import { FORMATS } from './formats.js';

export const GENERATE_USAGE = `Usage: cargorisk generate --out FILE [--count N] [--format F] [--seed S] [--mode sea|air]

Writes a synthetic manifest with planted targets (the generator package; \`pnpm generate --help\`
has every option), streamed to FILE in constant memory: for trying the scorer and measuring it.

Options:
  --out FILE        where to write it (required)
  --count N         consignments  [default: 100]
  --format F        ${FORMATS.join(', ')}  [default: ndjson]
  --seed S          the same seed gives the same bytes  [default: 1]
  --mode M          sea or air  [default: sea]
  -h, --help        this help

Exit status: 0 written; 1 the generator refused (a format it cannot write); 2 usage error.`;

/** `cargorisk generate`: the generator's streaming file writer behind the command line. */
export async function generateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('generate', argv, {
    out: { type: 'string', short: 'o' },
    count: { type: 'string' },
    format: { type: 'string' },
    seed: { type: 'string' },
    mode: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(`${GENERATE_USAGE}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'generate');
  if (values.out === undefined) throw new UsageError('name the file to write with --out', 'generate');
  const format: ManifestFormat = oneOf('generate', 'format', values.format, FORMATS, 'ndjson');
  const mode = oneOf('generate', 'mode', values.mode, ['sea', 'air'], 'sea');
  const count = positiveInt('generate', 'count', values.count, 100);
  const { writeManifestFile, GeneratorError } = await import('@cargorisk/generator');
  const err = new TextSink(io.stderr);
  try {
    const result = await writeManifestFile(
      resolve(io.cwd, values.out),
      { consignments: count, seed: values.seed ?? '1', mode },
      format,
    );
    await err.write(
      `${formatCount(result.consignments)} consignments, ${formatCount(result.bytes)} bytes of ${format} written to ${values.out}\n`,
    );
    await err.flush();
    return 0;
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    await err.write(`cargorisk: ${error.code}: ${error.message}\n`);
    await err.flush();
    return 1;
  }
}
