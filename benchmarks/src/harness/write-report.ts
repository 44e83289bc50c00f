import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchReport, BenchResult } from './bench-result.js';

const SCENARIOS: BenchResult['scenario'][] = ['score', 'parse', 'e2e', 'memory', 'scaling'];

const TITLES: Record<BenchResult['scenario'], string> = {
  score: 'Scoring: consignments per second by engine and rule count',
  parse: 'Parsing: fast readers against the fast-xml-parser reference',
  e2e: 'End to end: bytes to assessments with the default packs',
  memory: 'Memory: peak RSS while streaming a large manifest through parse and score',
  scaling: 'Scaling: throughput against rule count and input size',
};

/** Rounds for people: three significant figures, thousands separated. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  if (value === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  const rounded = Number(value.toFixed(Math.min(digits, 2)));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: Math.min(digits, 2) });
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The readable form of a report: one table per scenario, then the notes. */
export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `# Benchmark results${report.quick ? ' (quick run)' : ''}`,
    '',
    `${report.date} · ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB · Node ${m.node} · ${m.platform} · load average at start ${m.loadAverage.join(' / ')} · run took ${Math.round(report.durationSec)} s`,
    '',
    'Throughputs are medians over the timed iterations; ratios are taken in the same process on the same data. `noise` is the relative median absolute deviation of the samples.',
  ];
  for (const scenario of SCENARIOS) {
    const rows = report.results.filter((r) => r.scenario === scenario);
    if (rows.length === 0) continue;
    lines.push('', `## ${TITLES[scenario]}`, '');
    const columns = pickColumns(rows);
    lines.push(`| ${columns.map((c) => c.title).join(' | ')} |`);
    lines.push(`| ${columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`);
    for (const row of rows) lines.push(`| ${columns.map((c) => cell(c.value(row))).join(' | ')} |`);
    const methods = new Map<string, string>();
    for (const r of rows) if (r.method !== undefined) methods.set(rowLabel(r), r.method);
    if (methods.size > 0) {
      lines.push('', 'How each was run:', '');
      for (const [label, method] of methods) lines.push(`- **${label}**: ${method}`);
    }
    const notes = rows.filter((r) => r.notes !== undefined || r.skipped !== undefined || r.failed !== undefined);
    if (notes.length > 0) {
      lines.push('', 'Notes:', '');
      for (const r of notes) {
        const label = r.engine === undefined && r.reader === undefined ? r.name : `${r.name}, ${rowLabel(r)}`;
        if (r.failed !== undefined) lines.push(`- **${label}**: FAILED: ${r.failed}`);
        if (r.skipped !== undefined) lines.push(`- **${label}**: skipped: ${r.skipped}`);
        if (r.notes !== undefined) lines.push(`- **${label}**: ${r.notes}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `json-rules-engine (direct, explain on)`, `fast-xml-parser`: what a row's engine or reader was. */
function rowLabel(r: BenchResult): string {
  const what = r.engine ?? r.reader ?? r.name;
  const extra = [r.variant, r.engine !== undefined && r.explain ? 'explain on' : undefined].filter(
    (x) => x !== undefined,
  );
  return extra.length > 0 ? `${what} (${extra.join(', ')})` : what;
}

interface Column {
  title: string;
  numeric: boolean;
  value: (r: BenchResult) => string;
}

function pickColumns(rows: BenchResult[]): Column[] {
  const all: (Column & { key: keyof BenchResult })[] = [
    { key: 'name', title: 'measure', numeric: false, value: (r) => r.name },
    { key: 'engine', title: 'engine', numeric: false, value: (r) => r.engine ?? '' },
    { key: 'variant', title: 'driven as', numeric: false, value: (r) => r.variant ?? '' },
    {
      key: 'explain',
      title: 'explain',
      numeric: false,
      value: (r) => (r.explain === undefined ? '' : r.explain ? 'on' : 'off'),
    },
    { key: 'reader', title: 'reader', numeric: false, value: (r) => r.reader ?? '' },
    { key: 'format', title: 'format', numeric: false, value: (r) => r.format ?? '' },
    { key: 'rules', title: 'rules', numeric: true, value: (r) => formatNumber(r.rules) },
    { key: 'consignments', title: 'consignments', numeric: true, value: (r) => formatNumber(r.consignments) },
    {
      key: 'consignmentsPerSec',
      title: 'consignments/s',
      numeric: true,
      value: (r) => formatNumber(r.consignmentsPerSec),
    },
    { key: 'mbPerSec', title: 'MB/s', numeric: true, value: (r) => formatNumber(r.mbPerSec) },
    { key: 'peakRssMb', title: 'peak RSS MB', numeric: true, value: (r) => formatNumber(r.peakRssMb) },
    {
      key: 'ratio',
      title: 'ratio',
      numeric: true,
      value: (r) => (r.ratio === undefined ? '' : `${formatNumber(r.ratio)}×${r.ratioTo ? ` ${r.ratioTo}` : ''}`),
    },
    {
      key: 'target',
      title: 'target',
      numeric: false,
      value: (r) => (r.target === undefined ? '' : `${r.target} ${r.met === true ? '✔' : r.met === false ? '✘' : ''}`),
    },
    {
      key: 'noise',
      title: 'noise',
      numeric: true,
      value: (r) => (r.noise === undefined ? '' : `${(r.noise * 100).toFixed(1)}%`),
    },
    {
      key: 'skipped',
      title: 'status',
      numeric: false,
      value: (r) => (r.failed !== undefined ? 'FAILED' : r.skipped !== undefined ? 'skipped' : 'measured'),
    },
  ];
  return all.filter((c) => c.key === 'name' || c.key === 'skipped' || rows.some((r) => r[c.key] !== undefined));
}

/** Writes `latest.json` and `latest.md` (and returns their paths). */
export function writeReport(dir: string, report: BenchReport): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'latest.json');
  const markdown = path.join(dir, 'latest.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(report));
  return { json, markdown };
}
