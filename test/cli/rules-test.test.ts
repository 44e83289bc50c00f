import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cargorisk, ROOT } from './cargorisk.js';

const CUSTOM_PACK = join(ROOT, 'examples/custom-pack/ruleset.json');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cargorisk-rules-test-'));
  writeFileSync(
    join(dir, 'wrong.json'),
    JSON.stringify({
      cases: [
        {
          name: 'branded watches are expected red, and are not',
          consignment: { goods: [{ description: 'CARTIER WATCHES', hsCode: '910211' }] },
          expect: { hits: ['CF-BRAND'], channel: 'red' },
        },
        {
          name: 'plain clocks stay green',
          consignment: { goods: [{ description: 'WALL CLOCKS', hsCode: '910521' }] },
          expect: { channel: 'green', onlyHits: [] },
        },
      ],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cargorisk rules test', { timeout: 120_000 }, () => {
  it('runs the fixtures beside a rule set, a line per case, and exits 0 when all pass', async () => {
    const run = await cargorisk(['rules', 'test', CUSTOM_PACK]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('examples/custom-pack/fixtures/counterfeit.json');
    expect(run.stdout).toMatch(/^ {2}ok {4}branded watches at a plausible value/m);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed \(1 file, compiled engine\)$/m);
  });

  it('runs a pack by its id on the reference engine', async () => {
    const run = await cargorisk(['rules', 'test', 'salw', '--engine', 'reference']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ 0 failed \(\d+ files, reference engine\)/);
  });

  it('prints what fell short for a failing case and exits 1', async () => {
    const run = await cargorisk(['rules', 'test', CUSTOM_PACK, '--fixtures', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ {2}FAIL {2}branded watches are expected red, and are not$/m);
    expect(run.stdout).toMatch(/expected channel red, got yellow/);
    expect(run.stdout).toMatch(/^ {2}ok {4}plain clocks stay green$/m);
    expect(run.stdout).toContain('1 passed, 1 failed');
  });

  it('reports an invalid test file with its location and exits 1', async () => {
    const bad = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(
      join(bad, 'broken.json'),
      '{\n  "cases": [\n    { "name": "x", "consignment": {}, "expect": { "chanel": "red" } }\n  ]\n}\n',
    );
    const run = await cargorisk(['rules', 'test', CUSTOM_PACK, '--fixtures', bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/broken\.json:3:\d+: error invalid-suite: /);
    expect(run.stdout).toContain('1 invalid test file');
  });

  it('exits 2 on usage errors and prints help', async () => {
    const unknown = await cargorisk(['rules', 'test', 'no-such-pack']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no pack has that id');
    const noDir = await cargorisk(['rules', 'test', CUSTOM_PACK, '--fixtures', join(dir, 'nope')]);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('Usage: cargorisk rules test');
    const help = await cargorisk(['rules', 'test', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cargorisk rules test/);
  });
});
