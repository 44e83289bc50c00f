import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainlyValid } from '../src/edifact/plainly-valid.js';
import { type Consignment, ConsignmentSchema } from '../src/index.js';

/*
 * The readers' fast path skips the schema when plainlyValid says a candidate is certainly
 * valid. That is only sound if plainlyValid never says so of a candidate the schema rejects
 * or changes; random candidates mixing good and bad values check it.
 */

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
// Mostly good values, with a bad one now and then, so both paths are taken often.
const mix = <T>(good: T[], bad: T[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 12 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
const BAD_CODES = [
  '',
  'XX',
  'de',
  'XXRTM',
  'fra',
  '84A810',
  '1',
  'usd',
  'X'.repeat(70),
  '12345678901',
  'US1',
  'AB-1',
  '19420',
];
const str = mix(['A', 'ACME LTD', 'X'.repeat(20)], ['', 'X'.repeat(21), 'X'.repeat(65), 'X'.repeat(600)]);
const num = mix([0, 1, 2.5, 12], [-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]);
const countryCode = mix(['DE', 'CN'], BAD_CODES);
const place = mix(['NLRTM', 'FRA', 'AEJEA'], BAD_CODES);
const hs = mix(['0901210000', '09', '847810'], BAD_CODES);
const currency = mix(['USD', 'EUR'], BAD_CODES);
const un = mix(['1942'], BAD_CODES);
const container = mix(['CSQU3054383', 'ABC'], ['csqu3054383', 'X'.repeat(21), '', 'AB-1', 'CSQU305438É']);
const code = countryCode;
const party = fc.record(
  {
    name: str,
    id: maybe(str),
    address: maybe(
      fc.record(
        { lines: fc.array(str, { maxLength: 3 }), city: maybe(str), postcode: maybe(str), country: maybe(code) },
        { requiredKeys: ['lines'] },
      ),
    ),
  },
  { requiredKeys: ['name'] },
);
const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const candidate = fc
  .record({
    id: str,
    masterId: maybe(str),
    kind: mix(['direct', 'house', 'master'], ['other']),
    consignee: maybe(party),
    loading: maybe(place),
    transshipments: fc.array(place, { maxLength: 2 }),
    countries: fc.array(code, { maxLength: 2 }),
    goods: fc.array(
      fc.record({
        seq: mix([1, 2, 3], [0, -1, 1.5, 2 ** 60]),
        hsCode: maybe(hs),
        description: pick('', 'GOODS'),
        packages: maybe(num),
        grossKg: maybe(num),
        origin: maybe(code),
        value: maybe(fc.record({ amount: num, currency })),
        containerRefs: fc.array(container, { maxLength: 2 }),
        dangerousGoods: maybe(un),
      }),
      { maxLength: 3 },
    ),
    containers: fc.array(
      fc.record({ number: container, seals: fc.array(str, { maxLength: 2 }), sizeType: maybe(str) }),
      { maxLength: 2 },
    ),
    grossKg: maybe(num),
    packages: maybe(num),
    declaredValue: maybe(fc.record({ amount: num, currency })),
  })
  .map(
    (r) =>
      strip({
        id: r.id,
        masterId: r.masterId,
        kind: r.kind,
        parties:
          r.consignee === undefined
            ? {}
            : { consignee: strip({ ...r.consignee, address: r.consignee.address && strip(r.consignee.address) }) },
        route: strip({ loading: r.loading, transshipments: r.transshipments, countries: r.countries }),
        goods: r.goods.map((g) => strip(g)),
        containers: r.containers.map((k) => strip(k)),
        totals: strip({ grossKg: r.grossKg, packages: r.packages }),
        declaredValue: r.declaredValue,
        source: { format: 'cuscar', message: 0, segment: 4, line: 5 },
      }) as unknown as Consignment,
  );

describe('plainlyValid', () => {
  it('never calls a candidate valid that the schema rejects or changes', () => {
    let fast = 0;
    let slow = 0;
    fc.assert(
      fc.property(candidate, (c) => {
        if (!plainlyValid(c)) {
          slow++;
          return;
        }
        fast++;
        const parsed = ConsignmentSchema.safeParse(c);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(c);
      }),
      { seed: 6346, numRuns: 3000 },
    );
    // The generator must reach the fast path often enough for the property to mean something.
    expect(fast).toBeGreaterThan(300);
    expect(slow).toBeGreaterThan(300);
  });

  it('reads each code pattern as the schema does, value by value', () => {
    const base = {
      id: 'BL1',
      kind: 'direct',
      parties: {},
      route: { transshipments: [], countries: [] },
      goods: [{ seq: 1, description: 'GOODS', containerRefs: [] }],
      containers: [{ number: 'CSQU3054383', seals: [] }],
      totals: {},
      source: { format: 'cuscar', message: 0, segment: 4, line: 5 },
    } as unknown as Consignment;
    const values = [
      '',
      '0',
      '09',
      '1942',
      '19420',
      '0901210000',
      '12345678901',
      '09a',
      '٣٣',
      'USD',
      'US',
      'USDD',
      'usd',
      'U1D',
      'ÉUR',
      'CSQU3054383',
      'ABC',
      'A-1',
      'X'.repeat(20),
      'X'.repeat(21),
      ' 12',
      '12 ',
      '12\n',
    ];
    const variants = (v: string) => [
      { ...base, goods: [{ ...base.goods[0]!, hsCode: v }] },
      { ...base, goods: [{ ...base.goods[0]!, dangerousGoods: v }] },
      { ...base, goods: [{ ...base.goods[0]!, value: { amount: 1, currency: v } }] },
      { ...base, declaredValue: { amount: 1, currency: v } },
      { ...base, containers: [{ number: v, seals: [] }] },
    ];
    for (const v of values) {
      for (const c of variants(v)) {
        expect(plainlyValid(c), JSON.stringify(c)).toBe(ConsignmentSchema.safeParse(c).success);
      }
    }
  });
});
