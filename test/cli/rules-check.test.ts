import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPath } from '@cargorisk/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cargorisk } from './cargorisk.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cargorisk-rules-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rule = (list: string) => ({
  id: 'R1',
  scope: 'item',
  conditions: { all: [{ fact: 'hsCode', operator: 'hsIn', value: { list } }] },
  event: { type: 'target', params: { score: 40, message: 'm' } },
});

describe('cargorisk rules check', { timeout: 120_000 }, () => {
  it('loads shipped packs and says each is ok', async () => {
    const run = await cargorisk(['rules', 'check', packPath('salw'), packPath('pegasus')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/salw\/ruleset\.json: ok, salw /);
    expect(run.stdout).toMatch(/pegasus\/ruleset\.json: ok, pegasus /);
  });

  it('prints every error with file:line:column, code and JSON pointer, and exits 1', async () => {
    const file = join(dir, 'broken.json');
    const text = JSON.stringify(
      {
        id: 'broken',
        version: '1',
        title: 't',
        lists: { hs: { kind: 'hs', items: ['84A8'] } },
        rules: [rule('nope')],
        scoring: { thresholds: { yellow: 50, red: 10 } },
      },
      null,
      2,
    );
    writeFileSync(file, text);
    const run = await cargorisk(['rules', 'check', file]);
    expect(run.code).toBe(1);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(run.stdout).toContain(`broken.json:${lineOf('84A8')}:`);
    expect(run.stdout).toMatch(/error invalid-list-item: .*\(\/lists\/hs\/items\/0\)/);
    expect(run.stdout).toMatch(/error undefined-list: .*\(\/rules\/0\/conditions\/all\/0\/value\/list\)/);
    expect(run.stdout).toMatch(/error thresholds-not-ordered: .*\(\/scoring\/thresholds\)/);
    expect(run.stdout).toMatch(/broken\.json: refused, 3 errors/);
  });

  it('prints warnings and passes, unless --strict', async () => {
    const file = join(dir, 'warned.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'warned',
        version: '1',
        title: 't',
        lists: { a: { kind: 'hs', items: ['8478'] }, b: { kind: 'hs', items: ['8478'] } },
        rules: [rule('a'), { ...rule('b'), id: 'R2' }],
        scoring: { thresholds: { yellow: 30, red: 60 } },
      }),
    );
    const run = await cargorisk(['rules', 'check', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/warned\.json:1:\d+: warning duplicate-list-item: .*\(\/lists\/b\/items\/0\)/);
    const strict = await cargorisk(['rules', 'check', '--strict', file]);
    expect(strict.code).toBe(1);
  });

  it('exits 2 on usage errors and prints help', async () => {
    expect((await cargorisk(['rules', 'check'])).code).toBe(2);
    const missing = await cargorisk(['rules', 'check', join(dir, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Usage: cargorisk rules check');
    const unknown = await cargorisk(['rules', 'lint']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Usage: cargorisk rules <check|test>');
    const help = await cargorisk(['rules', 'check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cargorisk rules check/);
  });
});
