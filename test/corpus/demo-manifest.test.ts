import { readFileSync } from 'node:fs';
import { parseManifest } from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';

describe('bundled demo manifest', () => {
  it('parses completely, with every container number valid', () => {
    const bytes = readFileSync(new URL('../../samples/demo/demo-manifest.json', import.meta.url));
    const { manifest, issues, stats } = parseManifest(bytes);
    expect(issues).toEqual([]);
    expect(stats.rejected).toBe(0);
    expect(manifest.consignments.length).toBe(stats.seen);
    expect(manifest.consignments.find((c) => c.id === 'MEDUDM000004')?.goods[0]?.hsCode).toBe('0901210000');
  });
});
