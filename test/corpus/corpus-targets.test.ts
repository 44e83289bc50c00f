import { readFileSync } from 'node:fs';
import { createScorer } from '@cargorisk/core';
import { parseManifest } from '@cargorisk/manifest';
import { loadPack } from '@cargorisk/rules';
import { describe, expect, it } from 'vitest';

const sample = (path: string) => {
  const { manifest } = parseManifest(readFileSync(new URL(`../../samples/corpus/${path}`, import.meta.url)));
  return manifest;
};

describe('real samples against the vague-descriptions pack', () => {
  it.each(['compiled', 'reference'] as const)(
    'flags the placeholder HS code and the consolidation description (%s engine)',
    async (engine) => {
      const scorer = createScorer([await loadPack('vague-descriptions')], { engine, explain: true });
      const rulesOf = async (path: string) => {
        const m = sample(path);
        const a = await scorer.scoreAsync(m.consignments[0]!, { transport: m.transport });
        return a.hits.map((h) => h.rule);
      };
      // 888-11111111 carries HS 000111, which HS 2022 does not have.
      expect(await rulesOf('xfwb/888-11111111_XFWB.xml')).toContain('VD-UNKNOWN-HS');
      // xfwbExample's goods are "CONSOLIDATED CARGO AS PER ATTACHED MANIFEST".
      expect(await rulesOf('xfwb/xfwbExample.xml')).toContain('VD-REFERS-ELSEWHERE');
      // The house waybill's HS 1133557799 starts with 113355, not a subheading either; the WCO import's
      // 8510900000 is parts of shavers (8510.90) and draws no data-quality hit.
      expect(await rulesOf('xfzb/SEL22222222_XFZB.xml')).toContain('VD-UNKNOWN-HS');
      expect(await rulesOf('wco-dm/TT_IM001a.xml')).not.toContain('VD-UNKNOWN-HS');
    },
  );
});
