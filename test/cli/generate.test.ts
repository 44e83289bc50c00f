import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '@cargorisk/manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cargorisk } from './cargorisk.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cargorisk-generate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cargorisk generate', { timeout: 120_000 }, () => {
  it('writes a manifest that reads back whole, the same bytes for the same seed', async () => {
    const a = join(dir, 'a.edi');
    const b = join(dir, 'b.edi');
    const first = await cargorisk(['generate', '--out', a, '--count', '25', '--format', 'cuscar', '--seed', '9']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('25 consignments');
    await cargorisk(['generate', '--out', b, '--count', '25', '--format', 'cuscar', '--seed', '9']);
    expect(readFileSync(a)).toEqual(readFileSync(b));
    const { manifest, stats } = parseManifest(readFileSync(a));
    expect(manifest.format).toBe('cuscar');
    expect(stats).toEqual({ seen: 25, accepted: 25, rejected: 0 });
  });

  it('exits 2 without --out or with a bad count', async () => {
    expect((await cargorisk(['generate', '--count', '3'])).code).toBe(2);
    const bad = await cargorisk(['generate', '--out', join(dir, 'x.ndjson'), '--count', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--count must be a positive integer');
  });
});
