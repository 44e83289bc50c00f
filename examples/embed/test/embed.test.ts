import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Assessment, RuleSetError } from '@cargorisk/core';
import { parseManifest } from '@cargorisk/manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessManifest, createDefaultScorer, streamAssessments } from '../src/assess-manifest.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEMO = join(ROOT, 'samples/demo/demo-manifest.json');
let scorer: Awaited<ReturnType<typeof createDefaultScorer>>;
let dir: string;

beforeAll(async () => {
  scorer = await createDefaultScorer();
  dir = mkdtempSync(join(tmpdir(), 'cargorisk-embed-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embed example', { timeout: 120_000 }, () => {
  it('assesses every consignment a manifest holds, with explanations', () => {
    const outcome = assessManifest(readFileSync(DEMO), scorer, 'demo.json');
    if (!outcome.ok) throw outcome.error;
    expect(outcome.assessments.length).toBe(outcome.stats.accepted);
    expect(outcome.stats.seen).toBe(outcome.stats.accepted + outcome.stats.rejected);
    const hits = outcome.assessments.flatMap((a) => a.hits);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.filter((h) => h.rule !== 'random').every((h) => h.evidence.length > 0)).toBe(true);
  });

  it('returns a broken manifest as a ManifestParseError with its location instead of throwing', () => {
    const outcome = assessManifest(Buffer.from('{"id": "M", "consignments": [ {"id": }'), scorer, 'broken.json');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('syntax');
    expect(outcome.error.location.line).toBe(1);
  });

  it('streams a file to the same assessments as reading it whole', async () => {
    const { manifest } = parseManifest(readFileSync(DEMO));
    const path = join(dir, 'demo.ndjson');
    const { consignments, ...header } = manifest;
    writeFileSync(
      path,
      [JSON.stringify({ manifest: header }), ...consignments.map((c) => JSON.stringify(c))].join('\n'),
    );
    const streamed: Assessment[] = [];
    for await (const event of streamAssessments(path, scorer))
      if (event.type === 'assessment') streamed.push(event.assessment);
    const whole = assessManifest(readFileSync(DEMO), scorer);
    if (!whole.ok) throw whole.error;
    expect(streamed.map((a) => [a.consignmentId, a.score, a.channel])).toEqual(
      whole.assessments.map((a) => [a.consignmentId, a.score, a.channel]),
    );
  });

  it('refuses a broken rule set of your own with RuleSetError naming file, line and pointer', async () => {
    const path = join(dir, 'ours.json');
    writeFileSync(
      path,
      '{\n  "id": "ours",\n  "version": "1",\n  "title": "t",\n  "rules": [],\n  "scoring": { "thresholds": { "yellow": 1, "red": 2 } }\n}\n',
    );
    const error = await createDefaultScorer([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleSetError);
    const issue = (error as RuleSetError).issues[0];
    expect(issue?.path).toBe('/rules');
    expect(issue?.line).toBe(5);
  });

  it('runs as a program', async () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const run = await promisify(execFile)(
      process.execPath,
      ['--conditions', '@cargorisk/source', '--import', 'tsx', main, DEMO],
      {
        cwd: ROOT,
      },
    ).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    // The demo manifest has consignments to examine: exit 1 and a line for each.
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^RED\s+\d+\s+\S+/m);
    expect(run.stdout).toContain('to examine');
  });
});
