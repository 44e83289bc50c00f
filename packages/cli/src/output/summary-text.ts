import type { RunSummary } from '../report/assessment-tally.js';
import { formatCount } from './terminal-text.js';

/**
 * The summary as lines of text:
 * `12 consignments read from 3 inputs: 11 assessed, 1 reported as issues` …
 */
export function formatSummary(summary: RunSummary): string[] {
  const { consignments: c, channels: ch } = summary;
  const failed = summary.failedInputs === 0 ? '' : ` (${summary.failedInputs} could not be read)`;
  const seconds = summary.elapsedMs / 1000;
  return [
    `${formatCount(c.read)} consignments read from ${summary.inputs} input${summary.inputs === 1 ? '' : 's'}${failed}: ` +
      `${formatCount(c.assessed)} assessed, ${formatCount(c.rejected)} reported as issues`,
    `channels: red ${formatCount(ch.red)}, yellow ${formatCount(ch.yellow)}, blue ${formatCount(ch.blue)}, green ${formatCount(ch.green)}` +
      ` (${formatCount(summary.reported)} at or above ${summary.minChannel})`,
    `issues: ${formatCount(summary.issues.errors)} errors, ${formatCount(summary.issues.warnings)} warnings`,
    `${seconds.toFixed(2)} s, ${formatCount(summary.perSecond)} consignments/s`,
  ];
}
