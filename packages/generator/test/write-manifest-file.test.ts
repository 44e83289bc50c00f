import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '@cargorisk/manifest';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError, generateManifest, serializeNdjson, writeManifestFile } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'cargorisk-gen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeManifestFile', () => {
  it('writes the same bytes as the in-memory serializer, with planted counts', async () => {
    const options = { seed: 5, consignments: 500 };
    const path = join(dir, 'a.ndjson');
    const planted: string[] = [];
    const result = await writeManifestFile(path, options, 'ndjson', { onPlanted: (id) => planted.push(id) });
    const generated = generateManifest(options);
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(serializeNdjson(generated.manifest));
    expect(result.consignments).toBe(500);
    expect(result.bytes).toBe(statSync(path).size);
    expect(planted).toEqual([...generated.planted.keys()]);
    const total = Object.values(result.planted).reduce((a, b) => a + b, 0);
    expect(total).toBe([...generated.planted.values()].reduce((a, p) => a + p.length, 0));
  });

  it('stops at a size, closing the document so it still parses', async () => {
    const path = join(dir, 'b.json');
    const result = await writeManifestFile(path, { seed: 6, consignments: Number.POSITIVE_INFINITY }, 'json', {
      maxBytes: 300_000,
    });
    const size = statSync(path).size;
    expect(size).toBeGreaterThanOrEqual(300_000);
    expect(size).toBeLessThan(300_000 + 20_000);
    const parsed = parseManifest(readFileSync(path));
    expect(parsed.issues).toEqual([]);
    expect(parsed.manifest.consignments.length).toBe(result.consignments);
  });

  it('refuses an endless stream without a size, and a format it cannot write', async () => {
    await expect(
      writeManifestFile(join(dir, 'c'), { consignments: Number.POSITIVE_INFINITY }, 'ndjson'),
    ).rejects.toThrow(GeneratorError);
    await expect(writeManifestFile(join(dir, 'd'), {}, 'nope' as never)).rejects.toMatchObject({
      code: 'unsupported-format',
    });
  });

  it('reports a path it cannot write to as write-failed', async () => {
    await expect(
      writeManifestFile(join(dir, 'missing', 'x.ndjson'), { consignments: 3 }, 'ndjson'),
    ).rejects.toMatchObject({
      code: 'write-failed',
    });
  });
});
