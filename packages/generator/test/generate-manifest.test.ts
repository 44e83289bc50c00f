import { normalizePartyName } from '@cargorisk/core';
import {
  ConsignmentSchema,
  containerCheckDigit,
  isValidContainerNumber,
  ManifestHeaderSchema,
} from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';
import {
  GeneratorError,
  generateConsignments,
  generateManifest,
  generateManifestHeader,
  generateRecords,
  PLANT_PROFILES,
  safeGenerateManifest,
  serializeNdjson,
} from '../src/index.js';
import { hs2022Subheadings, SIGNATURES } from './signatures.js';

const HS = hs2022Subheadings();

describe('determinism', () => {
  it('gives identical bytes for the same seed and different bytes for another', () => {
    for (const mode of ['sea', 'air'] as const) {
      const a = serializeNdjson(generateManifest({ seed: 'abc', consignments: 300, mode, awkward: true }).manifest);
      const b = serializeNdjson(generateManifest({ seed: 'abc', consignments: 300, mode, awkward: true }).manifest);
      const c = serializeNdjson(generateManifest({ seed: 'abd', consignments: 300, mode, awkward: true }).manifest);
      expect(a).toBe(b);
      expect(c).not.toBe(a);
    }
  });

  it('tells a numeric seed from the same digits as a string', () => {
    const n = generateManifest({ seed: 7, consignments: 5 }).manifest;
    const s = generateManifest({ seed: '7', consignments: 5 }).manifest;
    expect(n).not.toEqual(s);
  });

  it('streams exactly what it builds in memory, and the header on its own matches', () => {
    const options = { seed: 11, consignments: 150, mode: 'air' as const };
    const { manifest } = generateManifest(options);
    expect([...generateConsignments(options)]).toEqual(manifest.consignments);
    const { consignments: _c, ...header } = manifest;
    expect(generateManifestHeader(options)).toEqual(header);
    expect(ManifestHeaderSchema.safeParse(header).success).toBe(true);
  });

  it('yields a prefix of the same stream whatever the count', () => {
    const short = generateManifest({ seed: 3, consignments: 40, plant: false }).manifest.consignments;
    const long = generateManifest({ seed: 3, consignments: 80, plant: false }).manifest.consignments;
    // Consolidations near the end may be cut differently; everything before them is the same.
    expect(long.slice(0, 30)).toEqual(short.slice(0, 30));
  });
});

describe('validity', () => {
  for (const mode of ['sea', 'air'] as const) {
    for (const seed of [1, 2, 'x']) {
      it(`every ${mode} consignment validates against the model (seed ${seed})`, () => {
        const { manifest } = generateManifest({
          seed,
          consignments: 250,
          mode,
          awkward: true,
          itemsPerConsignment: [1, 6],
        });
        const ids = new Set<string>();
        for (const c of manifest.consignments) {
          const parsed = ConsignmentSchema.safeParse(c);
          expect(parsed.success, JSON.stringify(!parsed.success && parsed.error.issues)).toBe(true);
          expect(ids.has(c.id)).toBe(false);
          ids.add(c.id);
          for (const code of [c.route.loading, c.route.discharge, ...c.route.transshipments]) {
            expect(code).toMatch(mode === 'sea' ? /^[A-Z]{2}[A-Z2-9]{3}$/ : /^[A-Z]{3}$/);
          }
          if (c.kind === 'house') expect(manifest.consignments.some((m) => m.id === c.masterId)).toBe(true);
        }
      });
    }
  }

  it('uses only HS codes whose six-digit subheading exists in HS 2022', () => {
    let extended = 0;
    for (const mode of ['sea', 'air'] as const) {
      const { manifest } = generateManifest({
        seed: 5,
        consignments: 500,
        mode,
        awkward: true,
        plant: { vague: 0.05 },
      });
      for (const g of manifest.consignments.flatMap((c) => c.goods)) {
        if (g.hsCode === undefined) continue;
        expect(g.hsCode).toMatch(/^(\d{6}|\d{8}|\d{10})$/);
        expect(HS.has(g.hsCode.slice(0, 6)), g.hsCode).toBe(true);
        if (g.hsCode.length > 6) extended++;
      }
    }
    expect(extended).toBeGreaterThan(0);
  });

  it('gets container check digits right, except the deliberately wrong ones', () => {
    let wrong = 0;
    for (const { consignment, awkward } of generateRecords({
      seed: 9,
      consignments: 600,
      awkward: { badCheckDigit: 0.2 },
    })) {
      const bad = consignment.containers.filter((k) => !isValidContainerNumber(k.number));
      if (awkward.includes('badCheckDigit')) {
        expect(bad.length).toBe(1);
        const number = bad[0]!.number;
        expect(number).toMatch(/^[A-Z]{3}[UJZR]\d{7}$/);
        expect(Number(number[10])).not.toBe(containerCheckDigit(number.slice(0, 10)));
        wrong++;
      } else expect(bad).toEqual([]);
      for (const g of consignment.goods) {
        for (const ref of g.containerRefs) expect(consignment.containers.map((k) => k.number)).toContain(ref);
      }
    }
    expect(wrong).toBeGreaterThan(50);
  });

  it('loads containers within what a container carries, and totals add up', () => {
    for (const { consignment: c } of generateRecords({ seed: 12, consignments: 1500, plant: { globalShield: 0.1 } })) {
      const kg = c.goods.reduce((sum, g) => sum + (g.grossKg ?? 0), 0);
      const packages = c.goods.reduce((sum, g) => sum + (g.packages ?? 0), 0);
      expect(c.totals.packages).toBe(packages);
      expect(c.totals.grossKg).toBeCloseTo(kg, 0);
      expect(c.totals.grossKg! / c.containers.length, c.id).toBeLessThanOrEqual(28_000);
      expect(c.goods.every((g) => (g.packages ?? 0) >= 1 && (g.grossKg ?? 0) > 0)).toBe(true);
    }
  });

  it('has no containers by air and containers for every sea consignment', () => {
    const air = generateManifest({ seed: 4, consignments: 100, mode: 'air' }).manifest.consignments;
    expect(air.every((c) => c.containers.length === 0)).toBe(true);
    const sea = generateManifest({ seed: 4, consignments: 100, mode: 'sea' }).manifest.consignments;
    expect(sea.every((c) => c.containers.length > 0)).toBe(true);
  });
});

describe('planted targets', () => {
  for (const mode of ['sea', 'air'] as const) {
    it(`ground truth matches the content (${mode})`, () => {
      const rates = Object.fromEntries(PLANT_PROFILES.map((p) => [p, 0.1]));
      const seen = new Set<string>();
      for (const { consignment, planted } of generateRecords({
        seed: 21,
        consignments: 1000,
        mode,
        plant: rates,
        awkward: true,
      })) {
        for (const profile of PLANT_PROFILES) {
          const marked = SIGNATURES[profile](consignment);
          expect(marked, `${consignment.id} ${profile} planted=${planted.includes(profile)}`).toBe(
            planted.includes(profile),
          );
        }
        for (const p of planted) seen.add(p);
        if (consignment.kind === 'master') expect(planted).toEqual([]);
      }
      expect([...seen].sort()).toEqual([...PLANT_PROFILES].sort());
    });
  }

  it('plants exact counts and reports them in the ground truth', () => {
    const { manifest, planted } = generateManifest({
      seed: 'counts',
      consignments: 300,
      plant: {
        pegasus: { count: 7 },
        cites: { count: 1 },
        globalShield: 0,
        salw: 0,
        cocaine: 0,
        medicines: 0,
        vague: 0,
      },
    });
    const tally = (p: string) => [...planted.values()].filter((list) => list.includes(p as never)).length;
    expect(tally('pegasus')).toBe(7);
    expect(tally('cites')).toBe(1);
    expect(tally('salw')).toBe(0);
    for (const id of planted.keys()) expect(manifest.consignments.some((c) => c.id === id)).toBe(true);
  });

  it('plants nothing when told so', () => {
    const { planted } = generateManifest({ seed: 1, consignments: 300, plant: false });
    expect(planted.size).toBe(0);
  });
});

describe('awkward variations', () => {
  it('makes each kind on demand, with the mark it promises', () => {
    const kinds = new Set<string>();
    for (const { consignment: c, awkward } of generateRecords({ seed: 2, consignments: 600, awkward: 0.1 })) {
      for (const k of awkward) kinds.add(k);
      const texts = c.goods.map((g) => g.description).join(' ');
      if (awkward.includes('fullwidth')) expect(texts).toMatch(/[\uff01-\uff5e]/);
      if (awkward.includes('longDescription')) expect(c.goods.some((g) => g.description.length >= 2000)).toBe(true);
      if (awkward.includes('leadingZeros')) expect(c.goods.some((g) => /^0\d{9}$/.test(g.hsCode ?? ''))).toBe(true);
    }
    expect(kinds.size).toBe(7);
  });

  it('writes party variants that the party normalisation joins to another spelling in the manifest', () => {
    const spellings = new Map<string, Set<string>>();
    const variants: string[] = [];
    for (const { consignment, awkward } of generateRecords({
      seed: 2,
      consignments: 800,
      awkward: { partyVariants: 0.1 },
    })) {
      const name = consignment.parties.consignee!.name;
      const key = normalizePartyName(name);
      spellings.set(key, (spellings.get(key) ?? new Set()).add(name));
      if (awkward.includes('partyVariants')) variants.push(name);
    }
    expect(variants.length).toBeGreaterThan(40);
    for (const name of variants) expect(spellings.get(normalizePartyName(name))?.size, name).toBeGreaterThan(1);
  });

  it('makes none by default', () => {
    for (const { awkward } of generateRecords({ seed: 2, consignments: 200 })) expect(awkward).toEqual([]);
  });
});

describe('options', () => {
  it('refuses bad options with a GeneratorError', () => {
    expect(() => generateManifest({ consignments: -1 })).toThrow(GeneratorError);
    expect(() => generateManifest({ mode: 'rail' as never })).toThrow(/mode/);
    expect(() => generateManifest({ plant: { tobacco: 0.1 } as never })).toThrow(/unknown plant profile/);
    expect(() => generateManifest({ plant: { cites: 2 } })).toThrow(/rate/);
    expect(() => generateManifest({ consignments: 5, plant: { cites: { count: 6 } } })).toThrow(/exceeds/);
    expect(() => generateManifest({ itemsPerConsignment: [3, 2] })).toThrow(/itemsPerConsignment/);
    expect(() => generateManifest({ consignments: Number.POSITIVE_INFINITY })).toThrow(/finite/);
    const result = safeGenerateManifest({ awkward: { tilde: 0.1 } as never });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.toJSON()).toMatchObject({ code: 'invalid-options' });
  });

  it('respects the item range for ordinary consignments', () => {
    for (const { consignment, planted, awkward } of generateRecords({
      seed: 8,
      consignments: 200,
      itemsPerConsignment: [2, 3],
      plant: false,
    })) {
      if (consignment.kind === 'master' || awkward.length > 0 || planted.length > 0) continue;
      expect(consignment.goods.length).toBeGreaterThanOrEqual(2);
      expect(consignment.goods.length).toBeLessThanOrEqual(3);
    }
  });
});
