import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../benchmarks/src/harness/bench-result.js';
import { formatNumber, renderMarkdown, writeReport } from '../../benchmarks/src/harness/write-report.js';

const report: BenchReport = {
  machine: { cpu: 'Test CPU', cores: 2, memoryGb: 4, node: 'v20.0.0', platform: 'linux', loadAverage: [0.1, 0.2, 0.3] },
  date: '2026-11-30T00:00:00.000Z',
  quick: true,
  durationSec: 12,
  results: [
    {
      scenario: 'score',
      name: 'score 1,000 rules',
      engine: 'compiled',
      explain: false,
      rules: 1000,
      consignmentsPerSec: 123456.7,
    },
    {
      scenario: 'score',
      name: 'score 1,000 rules',
      engine: 'json-rules-engine',
      explain: false,
      rules: 1000,
      consignmentsPerSec: 190.4,
      ratio: 648.4,
      ratioTo: 'compiled ÷ this',
      notes: 'a | pipe in a note',
      method: 'driven through the reference engine',
    },
    {
      scenario: 'score',
      name: 'score 10 rules',
      engine: 'json-rules-engine',
      explain: false,
      rules: 10,
      consignmentsPerSec: 20_000,
      method: 'driven through the reference engine',
    },
    { scenario: 'parse', name: 'parse csv', format: 'csv', skipped: 'no csv serializer' },
    { scenario: 'e2e', name: 'e2e json', format: 'json', failed: 'readers disagree' },
  ],
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'cargorisk-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the results writer', () => {
  it('writes latest.json with the machine, date, quick flag and rows as given', () => {
    const written = writeReport(dir, report);
    const json = JSON.parse(readFileSync(written.json, 'utf8'));
    expect(json).toEqual(report);
    expect(Object.keys(json.results[0])).toEqual(
      expect.arrayContaining(['scenario', 'engine', 'explain', 'rules', 'consignmentsPerSec']),
    );
  });

  it('renders one table per scenario present, rows with their figures, status and notes', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('# Benchmark results (quick run)');
    expect(md).toContain('Test CPU, 2 cores');
    expect(md.match(/^## /gm)).toHaveLength(3);
    expect(md).toContain(
      '| score 1,000 rules | json-rules-engine | off | 1,000 | 190 | 648× compiled ÷ this | measured |',
    );
    expect(md).toContain('- **score 1,000 rules, json-rules-engine**: a | pipe in a note');
    expect(md).toContain('skipped: no csv serializer');
    expect(md.split('driven through the reference engine')).toHaveLength(2);
    expect(md).toContain('FAILED: readers disagree');
  });

  it('rounds figures to three significant digits', () => {
    expect(formatNumber(123456.7)).toBe('123,457');
    expect(formatNumber(4.567)).toBe('4.57');
    expect(formatNumber(0.01234)).toBe('0.01');
    expect(formatNumber(undefined)).toBe('');
  });
});
