import type { Consignment } from '@cargorisk/manifest';

/** Hand-written consignments for the benchmark harness tests: folding, parties, HS prefixes, absent fields. */
export const SAMPLE_CONSIGNMENTS: Consignment[] = [
  {
    id: 'BL-1',
    kind: 'direct',
    parties: {
      consignor: { name: 'SCHENKER FRANCE S.A.S.', address: { lines: [], country: 'FR' } },
      consignee: { name: 'The Orbis Trading Co., Ltd', address: { lines: [], country: 'NL' } },
    },
    route: { transshipments: [], countries: [] },
    goods: [
      {
        seq: 1,
        hsCode: '8478100000',
        description: 'Tobacco-processing MACHINERY, parts',
        origin: 'CN',
        containerRefs: [],
      },
      { seq: 2, hsCode: '0901210000', description: 'Roasted coffee beans (Ｃｏｆｆｅｅ)', containerRefs: [] },
    ],
    containers: [],
    totals: {},
    source: { format: 'json' },
  },
  {
    id: 'BL-2',
    kind: 'house',
    parties: { consignor: { name: 'Kestrel Vextal GmbH', address: { lines: [], country: 'DE' } } },
    route: { transshipments: [], countries: [] },
    goods: [{ seq: 1, description: 'cocaïne hidden in bananas', origin: 'EC', containerRefs: [] }],
    containers: [],
    totals: {},
    source: { format: 'json' },
  },
  {
    id: 'BL-3',
    kind: 'direct',
    parties: {},
    route: { transshipments: [], countries: [] },
    goods: [{ seq: 1, hsCode: '310230', description: 'Ammonium nitrate, fertiliser grade', containerRefs: [] }],
    containers: [],
    totals: {},
    source: { format: 'json' },
  },
];
