import { readFileSync } from 'node:fs';
import { parseManifest } from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';
import { generateManifest, serializeNdjson } from '../src/index.js';

/*
 * The demo files under samples/demo/generated* are made by `pnpm generate` (commands below). The
 * NDJSON one is regenerated here byte for byte: if it differs, either the generator changed what a
 * seed means (regenerate the samples and say so) or determinism broke.
 *
 *   pnpm generate --count 200 --seed demo --mode sea --plant pegasus=4,globalShield=4,salw=4,cites=3,cocaine=4,medicines=3,vague=4 \
 *     --awkward-rate 0.03 --id DEMO-GEN-SEA --out samples/demo/generated-sea.ndjson --truth samples/demo/generated-sea.truth.ndjson
 *   pnpm generate --count 60 --seed demo --mode air --plant pegasus=2,globalShield=2,salw=3,cites=2,cocaine=2,medicines=3,vague=2 \
 *     --id DEMO-GEN-AIR --format xffm --out samples/demo/generated-air.xffm.xml
 *   pnpm generate --count 80 --seed demo --mode sea --plant pegasus=2,globalShield=2,salw=2,cites=2,cocaine=2,medicines=2,vague=2 \
 *     --id DEMOGENSEA --format cuscar --out samples/demo/generated-sea.edi
 */

const demo = (name: string) => readFileSync(new URL(`../../../samples/demo/${name}`, import.meta.url));

describe('generated demo samples', () => {
  it('generated-sea.ndjson is exactly what its seed gives, with every profile planted', () => {
    const { manifest, planted } = generateManifest({
      seed: 'demo',
      consignments: 200,
      mode: 'sea',
      plant: {
        pegasus: { count: 4 },
        globalShield: { count: 4 },
        salw: { count: 4 },
        cites: { count: 3 },
        cocaine: { count: 4 },
        medicines: { count: 3 },
        vague: { count: 4 },
      },
      awkward: 0.03,
      manifestId: 'DEMO-GEN-SEA',
    });
    expect(demo('generated-sea.ndjson').toString('utf8')).toBe(serializeNdjson(manifest));
    const truth = demo('generated-sea.truth.ndjson')
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; planted: string[] });
    expect(truth).toEqual([...planted].map(([id, profiles]) => ({ id, planted: profiles })));
    expect(new Set(truth.flatMap((t) => t.planted)).size).toBe(7);
  });

  for (const [name, format, count] of [
    ['generated-sea.ndjson', 'ndjson', 200],
    ['generated-air.xffm.xml', 'xffm', undefined],
    ['generated-sea.edi', 'cuscar', 80],
  ] as const) {
    it(`${name} parses with zero error issues and is under 300 KB`, () => {
      const bytes = demo(name);
      expect(bytes.byteLength).toBeLessThan(300_000);
      const result = parseManifest(bytes, { sourceName: name });
      expect(result.manifest.format).toBe(format);
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(result.stats.rejected).toBe(0);
      if (count !== undefined) expect(result.stats.accepted).toBe(count);
      else expect(result.stats.accepted).toBeGreaterThan(40);
    });
  }
});
