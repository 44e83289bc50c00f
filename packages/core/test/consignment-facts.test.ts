import type { Consignment } from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';
import { consignmentFacts, FACTS, hsDescription, isHs2022Code, itemFacts } from '../src/index.js';

const c: Consignment = {
  id: 'B1',
  kind: 'house',
  masterId: 'M1',
  parties: {
    consignee: {
      name: 'Acme',
      address: { lines: ['1 Main St', 'Unit 2'], city: 'Paris', postcode: '75001', country: 'FR' },
    },
    carrier: { name: 'Party Carrier' },
  },
  route: {
    loading: 'CNSHA',
    discharge: 'NLRTM',
    delivery: 'DEHAM',
    transshipments: ['SGSIN'],
    countries: ['CN', 'NL'],
  },
  goods: [
    {
      seq: 1,
      hsCode: '0901210000',
      description: 'Coffee',
      grossKg: 100,
      packages: 2,
      value: { amount: 50, currency: 'EUR' },
      containerRefs: [],
    },
    {
      seq: 2,
      description: 'Tea',
      grossKg: 300,
      packages: 3,
      origin: 'IN',
      value: { amount: 150, currency: 'EUR' },
      containerRefs: [],
    },
  ],
  containers: [
    { number: 'CSQU3054383', seals: ['A'], sizeType: '45R1' },
    { number: 'CSQU3054384', seals: [] },
  ],
  totals: {},
  source: { format: 'wco-dm', line: 4 },
};

describe('consignment facts', () => {
  it('counts reefers by the ISO 6346 type group R, forgiving case and spaces, and nothing else', () => {
    const withSizeTypes = (...sizeTypes: (string | undefined)[]) =>
      consignmentFacts({
        ...c,
        containers: sizeTypes.map((sizeType, i) => ({
          number: `CSQU305438${i}`,
          seals: [],
          ...(sizeType === undefined ? {} : { sizeType }),
        })),
      });
    expect(withSizeTypes('45R1', '22r1', ' 42R0 ', '45G1', 'R', '4532', undefined)).toMatchObject({
      reeferCount: 3,
      containerSizeTypes: ['45R1', '22r1', ' 42R0 ', '45G1', 'R', '4532'],
    });
    expect(withSizeTypes()).toMatchObject({ reeferCount: 0, containerSizeTypes: [] });
  });

  it('derives every documented consignment fact', () => {
    const f = consignmentFacts(c, { transport: { mode: 'sea', carrier: 'MAEU' } });
    expect(f).toMatchObject({
      consignmentId: 'B1',
      masterId: 'M1',
      kind: 'house',
      transportMode: 'sea',
      carrier: 'MAEU',
      format: 'wco-dm',
      consigneeName: 'Acme',
      consigneeCountry: 'FR',
      consigneeAddress: '1 Main St, Unit 2, Paris, 75001',
      routeLocations: ['CNSHA', 'SGSIN', 'NLRTM', 'DEHAM'],
      hsCodes: ['0901210000'],
      descriptions: ['Coffee', 'Tea'],
      origins: ['IN'],
      itemCount: 2,
      containerCount: 2,
      invalidContainerCount: 1,
      unsealedContainerCount: 1,
      containerSizeTypes: ['45R1'],
      reeferCount: 1,
      totalPackages: 5,
      totalGrossKg: 400,
      declaredValue: 200,
      declaredCurrency: 'EUR',
      valuePerKg: 0.5,
    });
    expect(f).not.toHaveProperty('consignor');
    expect(f).not.toHaveProperty('totalVolumeM3');
    expect(consignmentFacts(c).carrier).toBe('Party Carrier');
    expect(Object.keys(f).every((k) => FACTS[k]?.scope === 'consignment')).toBe(true);
  });

  it('leaves sums absent when an item lacks the figure or currencies differ', () => {
    const mixed = structuredClone(c);
    (mixed.goods[1] as { value?: unknown }).value = { amount: 1, currency: 'USD' };
    delete (mixed.goods[1] as { grossKg?: number }).grossKg;
    const f = consignmentFacts(mixed);
    expect(f).not.toHaveProperty('declaredValue');
    expect(f).not.toHaveProperty('totalGrossKg');
    expect(f).not.toHaveProperty('valuePerKg');
  });

  it('derives item facts and keeps HS codes as written', () => {
    expect(itemFacts(c.goods[0] as Consignment['goods'][number])).toEqual({
      hsCode: '0901210000',
      description: 'Coffee',
      itemPackages: 2,
      itemGrossKg: 100,
      itemValue: 50,
      itemCurrency: 'EUR',
      itemSeq: 1,
    });
  });
});

describe('HS 2022 nomenclature', () => {
  it('knows headings and subheadings, and checks longer codes at six digits', () => {
    expect(isHs2022Code('3102')).toBe(true);
    expect(isHs2022Code('31023000')).toBe(true);
    expect(isHs2022Code('310299')).toBe(false);
    expect(hsDescription('310230')).toMatch(/ammonium nitrate/i);
    expect(hsDescription('019999')).toBeUndefined();
  });

  it("does not take UN Comtrade's 'not specified' placeholders for headings", () => {
    for (const code of ['99', '9999', '999999', '9999990000']) expect(isHs2022Code(code)).toBe(false);
    expect(isHs2022Code('97')).toBe(true);
  });
});
