import { closeSync, openSync, readSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { outputPath, parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { peekSource } from '../input/peek-source.js';
import { looksLikeAssessments, readAssessments } from '../input/read-assessments.js';
import { type InputSource, resolveInputs } from '../input/read-inputs.js';
import { type CliIo, TextSink } from '../io.js';
import { formatSummary } from '../output/summary-text.js';
import { formatIssue } from '../output/terminal-text.js';
import { AssessmentTally } from '../report/assessment-tally.js';
import { renderReport } from '../report/render-report.js';
import { assessInputs } from '../score/assess-inputs.js';
import type { Scoring } from '../score/create-scoring.js';
import { readScoreSettings, SCORE_OPTIONS, SCORE_OPTIONS_HELP } from './score-options.js';

export const REPORT_USAGE = `Usage: cargorisk report <assessments.ndjson|manifest…|-> -o report.html [options]

Writes the targeting report: one self-contained HTML file (no scripts, no network) that an
officer opens offline, with the count of consignments by channel, the score distribution, the
rules that fired most and every targeted consignment with its explanation.

Inputs are assessments as \`cargorisk score --out ndjson --explain\` writes them, or manifests,
which are scored first (with explanations) using the options below.

Options:
  -o, --output FILE   where to write the report  [default: stdout, when it is not a terminal]
${SCORE_OPTIONS_HELP}  [default: 1000]
  -h, --help          this help

Exit status: 0 no consignment at or above --min-channel and no input issue; 1 some consignment
at or above --min-channel, or an input issue; 2 usage error.`;

const DETECT_BYTES = 1 << 20;

function headOfFile(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(DETECT_BYTES);
    const n = readSync(fd, buffer, 0, DETECT_BYTES, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** `cargorisk report`: the HTML targeting report from assessments or manifests. */
export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', argv, {
    ...SCORE_OPTIONS,
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    io.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  const settings = readScoreSettings('report', values);
  const outFile = values.output === undefined ? undefined : outputPath('report', '-o', values.output, io.cwd);
  const sources = resolveInputs('report', positionals, io.cwd);
  if (values.output === undefined && io.stdout.isTTY === true) {
    throw new UsageError('name the report file with -o report.html (stdout is a terminal)', 'report');
  }
  const stderr = new TextSink(io.stderr);
  const tally = new AssessmentTally({ minChannel: settings.minChannel, keepAssessments: true, maxIssues: 1000 });
  let stdin: AsyncIterable<Uint8Array> = io.stdin;
  const kinds: ('assessments' | 'manifest')[] = [];
  for (const source of sources) {
    let head: Buffer;
    if (source.path === undefined) {
      const peeked = await peekSource(io.stdin, DETECT_BYTES);
      head = peeked.head;
      stdin = peeked.rest;
    } else head = headOfFile(source.path);
    kinds.push(looksLikeAssessments(head) ? 'assessments' : 'manifest');
  }
  let scoring: Scoring | undefined;
  if (kinds.includes('manifest')) {
    const { createScoring } = await import('../score/create-scoring.js');
    scoring = await createScoring(settings, { explain: true, cwd: io.cwd, command: 'report' });
  }
  const onIssue = async (input: string, issue: Parameters<typeof formatIssue>[1]) => {
    await stderr.write(`${formatIssue(input, issue)}\n`);
  };

  for (const [i, source] of sources.entries()) {
    if (kinds[i] === 'assessments') await readAssessmentInput(source, stdin, tally, onIssue);
    else {
      await assessInputs([source], scoring!.assess, {
        format: settings.format,
        stdin,
        tally,
        onIssue,
      });
    }
  }

  const html = renderReport(tally, {
    limit: settings.limit ?? 1000,
    ...(scoring === undefined ? {} : { ruleSetTitles: scoring.titles }),
  });
  if (outFile === undefined) {
    const stdout = new TextSink(io.stdout);
    await stdout.write(html);
    await stdout.flush();
  } else {
    // Written beside and renamed, so a reader never sees half a report.
    const target = outFile;
    const temporary = resolve(dirname(target), `.${process.pid}.${Date.now()}.report.tmp`);
    await writeFile(temporary, html);
    await rename(temporary, target);
  }
  const summary = tally.summary();
  for (const line of formatSummary(summary)) await stderr.write(`${line}\n`);
  if (values.output !== undefined) await stderr.write(`report written to ${values.output}\n`);
  await stderr.flush();
  return summary.reported > 0 || summary.issues.errors > 0 ? 1 : 0;
}

async function readAssessmentInput(
  source: InputSource,
  stdin: AsyncIterable<Uint8Array>,
  tally: AssessmentTally,
  onIssue: (input: string, issue: Parameters<typeof formatIssue>[1]) => Promise<void>,
): Promise<void> {
  tally.addInput(source.name);
  const { createReadStream } = await import('node:fs');
  const bytes = source.path === undefined ? stdin : createReadStream(source.path, { highWaterMark: 1 << 20 });
  for await (const line of readAssessments(bytes)) {
    if ('assessment' in line) tally.addAssessment(line.assessment);
    else {
      tally.addRejected();
      tally.addIssue(source.name, line.issue);
      await onIssue(source.name, line.issue);
    }
  }
}
