import { readFileSync } from 'node:fs';
import type { Assessment } from '@cargorisk/core';
import { createScorer } from '@cargorisk/core';
import { parseManifest } from '@cargorisk/manifest';
import { defaultPacks, loadPacks } from '@cargorisk/rules';
import { describe, expect, test } from 'vitest';

// The demo manifest plants one consignment per default pack among ordinary trade; the default packs
// must pick out the planted ones and leave the coffee and the homeware alone, on both engines.
const planted: Record<string, { pack: string; rule: string }> = {
  MEDUDM000001: { pack: 'pegasus', rule: 'PG-EQUIPMENT' },
  MEDUDM000002: { pack: 'global-shield', rule: 'GS-PRECURSOR' },
  MEDUDM000003: { pack: 'salw', rule: 'SALW-ARMS-HS' },
  MEDUDM000006: { pack: 'pegasus', rule: 'PG-MATERIALS' },
};
const benign = ['MEDUDM000004', 'MEDUDM000005'];

describe.each(['compiled', 'reference'] as const)('demo manifest with the default packs (%s engine)', (engine) => {
  test('planted consignments are targeted by their pack, benign ones released', async () => {
    const { manifest, issues } = parseManifest(readFileSync(new URL('../../samples/demo/demo-manifest.json', import.meta.url)));
    expect(issues).toEqual([]);
    const ruleSets = await loadPacks(defaultPacks);
    const scorer = createScorer(ruleSets, { engine });
    const byId = new Map<string, Assessment>();
    for (const c of manifest.consignments) {
      byId.set(c.id, await scorer.scoreAsync(c, manifest.transport === undefined ? {} : { transport: manifest.transport }));
    }
    expect([...byId.keys()].sort()).toEqual([...Object.keys(planted), ...benign].sort());

    for (const [id, { pack, rule }] of Object.entries(planted)) {
      const a = byId.get(id) as Assessment;
      expect(['yellow', 'red'], `${id}: ${a.channel}, score ${a.score}`).toContain(a.channel);
      expect(a.hits.map((h) => `${h.ruleSet}/${h.rule}`)).toContain(`${pack}/${rule}`);
    }
    for (const id of benign) {
      const a = byId.get(id) as Assessment;
      expect({ id, channel: a.channel, hits: a.hits.map((h) => h.rule) }).toEqual({ id, channel: 'green', hits: [] });
    }
  });
});
