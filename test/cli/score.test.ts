import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Assessment, createScorer } from '@cargorisk/core';
import { parseManifest } from '@cargorisk/manifest';
import { defaultPacks, loadPacks } from '@cargorisk/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cargorisk, ndjson, ROOT } from './cargorisk.js';

const DEMO = 'samples/demo/demo-manifest.json';
const RANK = { green: 0, blue: 1, yellow: 2, red: 3 } as const;
const CUSTOM_PACK = join(ROOT, 'examples/custom-pack/ruleset.json');

let expected: Assessment[];
let dir: string;

beforeAll(async () => {
  // What the library itself says about the demo manifest: the command must say the same.
  const { manifest } = parseManifest(readFileSync(join(ROOT, DEMO)), { sourceName: DEMO });
  const scorer = createScorer(await loadPacks(defaultPacks), { explain: false });
  const context = manifest.transport === undefined ? {} : { transport: manifest.transport };
  expected = manifest.consignments.map((c) => scorer.score(c, context));
  dir = mkdtempSync(join(tmpdir(), 'cargorisk-score-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const targeted = () => expected.filter((a) => RANK[a.channel] >= RANK.yellow);

describe('cargorisk score', { timeout: 120_000 }, () => {
  it('streams one assessment a line, the same as the library gives, with the summary on stderr', async () => {
    const run = await cargorisk(['score', DEMO, '--out', 'ndjson', '--min-channel', 'green']);
    expect(ndjson(run.stdout)).toEqual(expected);
    expect(run.code).toBe(targeted().length > 0 ? 1 : 0);
    expect(run.stderr).toContain(`${expected.length} consignments read from 1 input: ${expected.length} assessed`);
  });

  it('gives the same assessments on the reference engine', async () => {
    const run = await cargorisk(['score', DEMO, '--out', 'ndjson', '--min-channel', 'green', '--engine', 'reference']);
    expect(ndjson(run.stdout)).toEqual(expected);
  });

  it('writes json with the assessments at or above --min-channel by score, the issues and the summary', async () => {
    const run = await cargorisk(['score', DEMO, '--out', 'json']);
    const doc = JSON.parse(run.stdout) as {
      assessments: Assessment[];
      issues: unknown[];
      summary: Record<string, unknown>;
    };
    const want = [...targeted()].sort((a, b) => b.score - a.score);
    expect(doc.assessments.map((a) => a.consignmentId).sort()).toEqual(want.map((a) => a.consignmentId).sort());
    expect(doc.assessments.map((a) => a.score)).toEqual(want.map((a) => a.score));
    expect(doc.issues).toEqual([]);
    const channels = { green: 0, blue: 0, yellow: 0, red: 0 };
    for (const a of expected) channels[a.channel]++;
    expect(doc.summary).toMatchObject({
      channels,
      consignments: { read: expected.length, assessed: expected.length, rejected: 0 },
    });
  });

  it('lists targeted consignments in the table with every hit and its evidence under --explain', async () => {
    const run = await cargorisk(['score', DEMO, '--out', 'table', '--explain']);
    for (const a of expected) {
      if (RANK[a.channel] >= RANK.yellow) {
        expect(run.stdout).toMatch(new RegExp(`^${a.channel.toUpperCase()}\\s+${a.score}\\s+${a.consignmentId}`, 'm'));
        for (const hit of a.hits) expect(run.stdout).toContain(`${hit.ruleSet}/${hit.rule}: ${hit.message}`);
      } else expect(run.stdout).not.toContain(a.consignmentId);
    }
    expect(run.stdout).toMatch(/^\s+\S+ .* (mentions|hsIn|inList) /m);
  });

  it('reads stdin, reports a bad record with its line and still assesses the rest', async () => {
    const input = [
      JSON.stringify({ id: 'OK-1', kind: 'direct', goods: [{ seq: 1, description: 'WOODEN TOYS', hsCode: '950300' }] }),
      JSON.stringify({ id: 'BAD', kind: 'sideways', goods: [] }),
      JSON.stringify({
        id: 'OK-2',
        kind: 'direct',
        goods: [{ seq: 1, description: 'COTTON T-SHIRTS', hsCode: '610910' }],
      }),
    ].join('\n');
    const run = await cargorisk(['score', '-', '--out', 'ndjson', '--min-channel', 'green'], { input });
    expect((ndjson(run.stdout) as Assessment[]).map((a) => a.consignmentId)).toEqual(['OK-1', 'OK-2']);
    expect(run.stderr).toMatch(/^<stdin>:2#\/kind: error invalid-value/m);
    expect(run.stderr).toContain('3 consignments read from 1 input: 2 assessed, 1 reported as issues');
    expect(run.code).toBe(1);
  });

  it('exits 0 when every consignment is below --min-channel and nothing was refused', async () => {
    const input = JSON.stringify({
      id: 'PLAIN-1',
      kind: 'direct',
      goods: [{ seq: 1, description: 'WOODEN TOYS', hsCode: '950300' }],
    });
    const run = await cargorisk(['score', '-', '--out', 'ndjson'], { input });
    expect(run.code).toBe(0);
    // NDJSON streams every assessment unless --min-channel is given.
    expect((ndjson(run.stdout) as Assessment[]).map((a) => [a.consignmentId, a.channel])).toEqual([
      ['PLAIN-1', 'green'],
    ]);
    const filtered = await cargorisk(['score', '-', '--out', 'ndjson', '--min-channel', 'yellow'], { input });
    expect(filtered.stdout).toBe('');
    expect(filtered.code).toBe(0);
  });

  it('scores with a rule-set file of the user', async () => {
    const input = JSON.stringify({
      id: 'LUX-1',
      kind: 'direct',
      goods: [{ seq: 1, description: 'ROLEX WRIST WATCHES', hsCode: '910211', grossKg: 50 }],
      totals: { grossKg: 50 },
      declaredValue: { amount: 500, currency: 'EUR' },
    });
    const run = await cargorisk(['score', '-', '--rules', CUSTOM_PACK, '--out', 'ndjson'], { input });
    const [a] = ndjson(run.stdout) as Assessment[];
    expect(a?.hits.map((h) => h.rule).sort()).toEqual(['CF-BRAND', 'CF-LOW-VALUE']);
    expect(a?.ruleSets.map((r) => r.id)).toEqual(['counterfeit-luxury']);
    expect(run.code).toBe(1);
  });

  it('writes the html report to a file with -o', async () => {
    const out = join(dir, 'score.html');
    const run = await cargorisk(['score', DEMO, '--out', 'html', '-o', out]);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const a of targeted()) expect(html).toContain(a.consignmentId);
    expect(run.stdout).toBe('');
  });

  it('exits 1 with every located problem when a rule-set file does not load', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      '{\n  "id": "Bad Id",\n  "version": "1",\n  "title": "t",\n  "rules": [],\n  "scoring": {}\n}\n',
    );
    const run = await cargorisk(['score', DEMO, '--rules', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.json:2:\d+: error invalid-id: .* \(\/id\)/);
  });

  it.each([
    [['score', DEMO, '--rules', 'no-such-pack'], /--rules no-such-pack: no pack has that id/],
    [['score', DEMO, '--out', 'xml'], /--out must be one of table, json, ndjson, html/],
    [['score', DEMO, '--min-channel', 'purple'], /--min-channel must be one of/],
    [['score', DEMO, '--engine', 'fast'], /--engine must be one of compiled, reference/],
    [['score', DEMO, '--explain=yes'], /--explain/],
    [['score', 'missing.json'], /cannot read missing\.json/],
    [
      ['score', DEMO, '-o', 'no-such-folder/out.ndjson'],
      /-o no-such-folder\/out\.ndjson: the folder no-such-folder does not exist/,
    ],
  ])('exits 2 with the message and usage for %j', async (args, message) => {
    const run = await cargorisk(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: cargorisk score');
  });

  it('prints its help with --help', async () => {
    const run = await cargorisk(['score', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--min-channel');
  });
});
