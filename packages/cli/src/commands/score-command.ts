import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { oneOf, outputPath, parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { resolveInputs } from '../input/read-inputs.js';
import { type CliIo, OutputClosedError, TextSink } from '../io.js';
import { ProgressBar } from '../output/progress-bar.js';
import { formatSummary } from '../output/summary-text.js';
import { renderTable } from '../output/targeting-table.js';
import { formatIssue } from '../output/terminal-text.js';
import { AssessmentTally } from '../report/assessment-tally.js';
import { renderReport } from '../report/render-report.js';
import { assessInputs } from '../score/assess-inputs.js';
import { createScoring } from '../score/create-scoring.js';
import { readScoreSettings, SCORE_OPTIONS, SCORE_OPTIONS_HELP } from './score-options.js';

export const SCORE_USAGE = `Usage: cargorisk score <file…|-> [options]

Assesses every consignment of the manifests with the rule sets and lists those to examine.

Options:
  --out table         consignments by score with channel and actions  [default on a terminal]
  --out ndjson        one assessment a line, streamed  [default when stdout is not a terminal]
  --out json          { "assessments": [...], "issues": [...], "summary": {...} }
  --out html          the targeting report (see cargorisk report)
  --explain           each hit with its evidence: the fact, its value, what in the list matched
  -o, --output FILE   write the output to FILE instead of stdout
${SCORE_OPTIONS_HELP}  [default: all]
  -h, --help          this help

The table, json and html list the assessments at or above --min-channel and count the others in
the summary; ndjson streams every assessment unless --min-channel is given.
Issues go to stderr (with --out json, into the document); the summary follows the table, or
goes to stderr for ndjson and html.

Exit status: 0 every consignment below --min-channel and no input issue; 1 some consignment at
or above --min-channel (default yellow), an input or record that could not be read (warnings do
not count), or a rule set that does not load; 2 usage error (an unknown pack is one).`;

/** `cargorisk score`: assessments of every consignment, streamed. */
export async function scoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('score', argv, {
    ...SCORE_OPTIONS,
    out: { type: 'string' },
    explain: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    io.stdout.write(`${SCORE_USAGE}\n`);
    return 0;
  }
  const settings = readScoreSettings('score', values);
  const toTerminal = values.output === undefined && io.stdout.isTTY === true;
  const out = oneOf('score', 'out', values.out, ['table', 'json', 'ndjson', 'html'], toTerminal ? 'table' : 'ndjson');
  const explain = values.explain === true || out === 'html';
  // NDJSON feeds other programs (and \`cargorisk report\`), which want every assessment; a \`--min-channel\`
  // given on the command line filters it like the other outputs.
  const streamAll = out === 'ndjson' && values['min-channel'] === undefined;
  if (out === 'html' && toTerminal) {
    throw new UsageError('name the report file with -o report.html (stdout is a terminal)', 'score');
  }
  const outFile = values.output === undefined ? undefined : outputPath('score', '-o', values.output, io.cwd);
  const sources = resolveInputs('score', positionals, io.cwd);
  const scoring = await createScoring(settings, { explain, cwd: io.cwd, command: 'score' });

  const target: Writable = outFile === undefined ? io.stdout : createWriteStream(outFile);
  const stdout = new TextSink(target);
  const stderr = new TextSink(io.stderr);
  const tally = new AssessmentTally({
    minChannel: settings.minChannel,
    keepAssessments: out !== 'ndjson',
    maxIssues: out === 'json' ? Number.POSITIVE_INFINITY : 1000,
  });
  const knownBytes = sources.every((s) => s.bytes !== undefined)
    ? sources.reduce((n, s) => n + (s.bytes ?? 0), 0)
    : undefined;
  const progress =
    io.stderr.isTTY === true
      ? new ProgressBar((text) => {
          void stderr.write(text);
          void stderr.flush();
        }, knownBytes)
      : undefined;

  try {
    await assessInputs(sources, scoring.assess, {
      format: settings.format,
      stdin: io.stdin,
      tally,
      progress,
      ...(out === 'ndjson'
        ? {
            onAssessment: async (assessment) => {
              if (streamAll || tally.reports(assessment)) await stdout.write(`${JSON.stringify(assessment)}\n`);
            },
          }
        : {}),
      ...(out === 'json'
        ? {}
        : {
            onIssue: async (input, issue) => {
              progress?.clear();
              await stderr.write(`${formatIssue(input, issue)}\n`);
            },
          }),
    });
  } catch (error) {
    if (!(error instanceof OutputClosedError)) throw error;
    // Whoever read the output has gone: stop reading, print nothing more.
    const partial = tally.summary();
    return partial.reported > 0 || partial.issues.errors > 0 ? 1 : 0;
  }
  progress?.clear();

  const summary = tally.summary();
  const rows = () => {
    const sorted = tally.sortedListing();
    return settings.limit === undefined ? sorted : sorted.slice(0, settings.limit);
  };
  switch (out) {
    case 'table': {
      const lines = renderTable(rows(), { explain, color: toTerminal && io.env.NO_COLOR === undefined });
      for (const line of lines) await stdout.write(`${line}\n`);
      if (lines.length > 0) await stdout.write('\n');
      for (const line of formatSummary(summary)) await stdout.write(`${line}\n`);
      break;
    }
    case 'json': {
      // Written piece by piece: the assessments may be many.
      await stdout.write('{"assessments":[');
      let first = true;
      for (const { assessment } of rows()) {
        await stdout.write(`${first ? '\n' : ',\n'}${JSON.stringify(assessment)}`);
        first = false;
      }
      await stdout.write('\n],"issues":[');
      first = true;
      for (const { input, issue } of tally.issues) {
        await stdout.write(`${first ? '\n' : ',\n'}${JSON.stringify({ input, ...issue })}`);
        first = false;
      }
      await stdout.write(`\n],"summary":${JSON.stringify(summary)}}\n`);
      break;
    }
    case 'html':
      await stdout.write(renderReport(tally, { limit: settings.limit ?? 1000, ruleSetTitles: scoring.titles }));
      for (const line of formatSummary(summary)) await stderr.write(`${line}\n`);
      break;
    case 'ndjson':
      for (const line of formatSummary(summary)) await stderr.write(`${line}\n`);
      break;
  }
  await stdout.flush();
  await stderr.flush();
  if (target !== io.stdout)
    await new Promise<void>((done, fail) => target.end((e?: Error | null) => (e ? fail(e) : done())));
  return summary.reported > 0 || summary.issues.errors > 0 ? 1 : 0;
}
