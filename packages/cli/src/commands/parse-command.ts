import type { ManifestFormat } from '@cargorisk/manifest';
import { oneOf, parseCommandArgs } from '../args.js';
import { readInputs, resolveInputs } from '../input/read-inputs.js';
import { type CliIo, TextSink } from '../io.js';
import { formatIssue } from '../output/terminal-text.js';
import { FORMATS } from './formats.js';

export const PARSE_USAGE = `Usage: cargorisk parse <file…|-> [--format F] [--out json|ndjson]

Reads manifests in any supported format into the canonical model and writes it on stdout.
Issues go to stderr, one a line, with their location (file:line:column, #/json/pointer or
EDIFACT segment).

Options:
  --format F        the input format instead of detecting it: ${FORMATS.join(', ')}
  --out json        one canonical JSON manifest (an array of them for several inputs)  [default]
  --out ndjson      per input, a header line {"manifest": {...}} then one consignment a line
  -h, --help        this help

Exit status: 0 every consignment was read; 1 an input could not be read or a consignment was
refused (an error issue; warnings do not count); 2 usage error.`;

/** `cargorisk parse`: the canonical model of each input on stdout, streamed. */
export async function parseCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('parse', argv, {
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(`${PARSE_USAGE}\n`);
    return 0;
  }
  const out = oneOf('parse', 'out', values.out, ['json', 'ndjson'], 'json');
  const format = values.format === undefined ? undefined : oneOf('parse', 'format', values.format, FORMATS, 'json');
  const sources = resolveInputs('parse', positionals, io.cwd);
  const stdout = new TextSink(io.stdout);
  const stderr = new TextSink(io.stderr);
  const several = sources.length > 1;
  let failed = false;
  let manifests = 0;
  // Whether the current input's JSON object is open (its header written, its array not closed).
  let open = false;
  let first = true;

  if (out === 'json' && several) await stdout.write('[\n');
  const readOptions = { stdin: io.stdin, ...(format === undefined ? {} : { format: format as ManifestFormat }) };
  for await (const event of readInputs(sources, readOptions)) {
    switch (event.type) {
      case 'header': {
        const header = JSON.stringify(event.header);
        if (out === 'ndjson') await stdout.write(`{"manifest":${header}}\n`);
        else {
          await stdout.write(`${manifests > 0 ? ',\n' : ''}${header.slice(0, -1)},"consignments":[`);
          open = true;
          first = true;
        }
        manifests++;
        break;
      }
      case 'consignment':
        if (out === 'ndjson') await stdout.write(`${JSON.stringify(event.consignment)}\n`);
        else {
          await stdout.write(`${first ? '\n' : ',\n'}${JSON.stringify(event.consignment)}`);
          first = false;
        }
        for (const w of event.warnings) await stderr.write(`${formatIssue(event.source, w)}\n`);
        break;
      case 'rejected':
        failed = true;
        for (const issue of event.issues) await stderr.write(`${formatIssue(event.source, issue)}\n`);
        break;
      case 'issue':
        if (event.issue.severity === 'error') failed = true;
        await stderr.write(`${formatIssue(event.source, event.issue)}\n`);
        break;
      case 'failed':
        failed = true;
        await stderr.write(
          `${formatIssue(event.source, { code: event.error.code, severity: 'error', message: event.error.message, location: event.error.location })}\n`,
        );
        if (open) {
          await stdout.write(first ? ']}' : '\n]}');
          open = false;
        }
        break;
      case 'end':
        if (open) {
          await stdout.write(first ? ']}' : '\n]}');
          open = false;
        }
        if (out === 'json' && !several) await stdout.write('\n');
        break;
    }
  }
  if (out === 'json' && several) await stdout.write('\n]\n');
  await stdout.flush();
  await stderr.flush();
  return failed ? 1 : 0;
}
