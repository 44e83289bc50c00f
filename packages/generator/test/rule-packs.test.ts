import { createScorer } from '@cargorisk/core';
import { loadPacks, packNames } from '@cargorisk/rules';
import { describe, expect, it } from 'vitest';
import { generateRecords, PLANT_PROFILES, type PlantProfile } from '../src/index.js';

/*
 * The generator's ground truth against the shipped rule packs: every planted consignment is hit
 * by its profile's pack, and ordinary trade is hit by none. If a pack learns a word that ordinary
 * goods use, or the generator drifts from a pack, this says which.
 */

const PACK_OF: Record<PlantProfile, string> = {
  pegasus: 'pegasus',
  globalShield: 'global-shield',
  salw: 'salw',
  cites: 'cites-wildlife',
  cocaine: 'cocaine-containers',
  medicines: 'medicines',
  vague: 'vague-descriptions',
};

describe('planted targets against the rule packs', async () => {
  const packs = await loadPacks([...packNames]);
  const scorer = createScorer(packs);

  for (const mode of ['sea', 'air'] as const) {
    it(`each planted profile is hit by its pack and ordinary trade by none (${mode})`, () => {
      const rates = Object.fromEntries(PLANT_PROFILES.map((p) => [p, 0.05]));
      const missed: string[] = [];
      const falseHits: string[] = [];
      let planted = 0;
      for (const record of generateRecords({ seed: 'packs', consignments: 800, mode, plant: rates, awkward: true })) {
        const { consignment } = record;
        const assessment = scorer.score(consignment, { transport: { mode } });
        const hits = assessment.hits.filter((h) => h.rule !== 'random');
        for (const profile of record.planted) {
          // The cocaine pack is about containers; the air variant (flowers from Bogota) is for other rules.
          if (profile === 'cocaine' && mode === 'air') continue;
          planted++;
          if (!hits.some((h) => h.ruleSet === PACK_OF[profile])) missed.push(`${consignment.id} ${profile}`);
        }
        if (record.planted.length === 0) {
          for (const h of hits) falseHits.push(`${consignment.id} ${h.ruleSet}/${h.rule}`);
        }
      }
      expect(planted).toBeGreaterThan(100);
      expect(missed).toEqual([]);
      expect(falseHits).toEqual([]);
    });
  }
});
