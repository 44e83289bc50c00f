import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsignmentSchema } from '../src/index.js';
import { ManifestHeaderSchema } from '../src/model/manifest.js';
import {
  checkBuiltConsignment,
  checkConsignment,
  plainBuiltConsignment,
  plainConsignment,
  plainHeader,
  withoutUndefined,
} from '../src/model/validate-consignment.js';

/*
 * checkConsignment skips the schema when plainConsignment answers. That is sound only if every
 * answer is what the schema itself returns, keys in the same order included, so random
 * candidates mixing good values, bad values, wrong types, extra keys and holes check it.
 */

/** Values that are good `goodWeight` times in `goodWeight + 1`, and records built of them. */
function kit(goodWeight: number) {
  const mix = <T>(good: T[], bad: unknown[]) =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...good), weight: goodWeight },
      { arbitrary: fc.constantFrom(...bad), weight: 1 },
    ) as fc.Arbitrary<unknown>;
  const WRONG = [null, 1, '1', [], {}, true, -0];
  const BAD_CODES = ['', 'XX', 'de', 'XXRTM', 'fra', '84A810', '1', 'usd', 'X'.repeat(70), ...WRONG];
  const str = mix(['A', 'ACME LTD', 'X'.repeat(20)], ['', 'X'.repeat(21), 'X'.repeat(65), 'X'.repeat(600), ...WRONG]);
  const num = mix([0, 1, 2.5, 12, -0], [-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, '12', null]);
  const country = mix(['DE', 'CN'], BAD_CODES);
  const place = mix(['NLRTM', 'FRA', 'AEJEA'], BAD_CODES);
  const hs = mix(['0901210000', '09', '847810'], BAD_CODES);
  const currency = mix(['USD', 'EUR'], BAD_CODES);

  /** A record whose keys may be missing, shuffled, present as undefined, or joined by a stranger. */
  function obj(model: Record<string, fc.Arbitrary<unknown>>, required: string[] = []): fc.Arbitrary<unknown> {
    const keys = Object.keys(model);
    const entry = (k: string) =>
      required.includes(k)
        ? model[k]!.map((v) => [k, v] as const)
        : fc.oneof(
            { arbitrary: model[k]!.map((v) => [k, v] as const), weight: 8 },
            { arbitrary: fc.constant([k, undefined] as const), weight: goodWeight > 12 ? 0 : 1 },
            { arbitrary: fc.constant(undefined), weight: 4 },
          );
    const shaped = fc
      .tuple(fc.tuple(...keys.map(entry)), fc.boolean(), fc.integer({ min: 0, max: goodWeight * 4 }))
      .map(([entries, reverse, extra]) => {
        const present = entries.filter((e) => e !== undefined) as (readonly [string, unknown])[];
        if (reverse) present.reverse();
        const out: Record<string, unknown> = Object.fromEntries(present);
        if (extra === 0) out.stranger = 1;
        return out;
      });
    return fc.oneof({ arbitrary: shaped, weight: goodWeight * 3 }, { arbitrary: fc.constantFrom(...WRONG), weight: 1 });
  }
  const arr = (item: fc.Arbitrary<unknown>, max = 2) =>
    fc.oneof(
      { arbitrary: fc.array(item, { maxLength: max }), weight: goodWeight * 2 },
      { arbitrary: fc.constantFrom(...WRONG), weight: 1 },
    );

  return { mix, obj, arr, str, num, country, place, hs, currency, WRONG, BAD_CODES };
}

/** Candidates whose values are good `goodWeight` times in `goodWeight + 1`. */
function candidates(goodWeight: number): fc.Arbitrary<unknown> {
  const { mix, obj, arr, str, num, country, place, hs, currency, WRONG, BAD_CODES } = kit(goodWeight);
  const money = obj({ amount: num, currency }, ['amount', 'currency']);
  const party = obj(
    {
      name: str,
      id: str,
      address: obj({ lines: arr(str, 3), city: str, postcode: str, country }),
    },
    ['name'],
  );
  return obj(
    {
      id: str,
      masterId: str,
      kind: mix(['direct', 'house', 'master'], ['other', ...WRONG]),
      parties: obj({ consignee: party, consignor: party, carrier: party }),
      route: obj({ loading: place, discharge: place, transshipments: arr(place), countries: arr(country) }),
      goods: arr(
        obj(
          {
            seq: mix([1, 2, 3], [0, -1, 1.5, 2 ** 60, '1']),
            hsCode: hs,
            description: mix(['', 'GOODS'], WRONG),
            packages: num,
            grossKg: num,
            origin: country,
            value: money,
            containerRefs: arr(mix(['CSQU3054383', 'ABC'], ['X'.repeat(21), '', ...WRONG])),
            dangerousGoods: mix(['1942'], BAD_CODES),
          },
          ['seq', 'description'],
        ),
        3,
      ),
      containers: arr(
        obj(
          { number: mix(['CSQU3054383', 'ABC'], ['csqu3054383', 'X'.repeat(21), '']), seals: arr(str), sizeType: str },
          ['number'],
        ),
      ),
      totals: obj({ packages: num, grossKg: num, volumeM3: num }),
      declaredValue: money,
      source: obj({ format: mix(['xffm'], WRONG), line: mix([1, 7], [0, 1.5]), column: mix([1], [0]), segment: num }),
    },
    ['id', 'kind', 'goods', 'source'],
  );
}

describe('plainConsignment', () => {
  it('answers only with what ConsignmentSchema returns, keys in the same order', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(candidates(12), candidates(40), candidates(400)), (c) => {
        const fast = plainConsignment(c);
        if (fast === undefined) return;
        answered++;
        const parsed = ConsignmentSchema.safeParse(c);
        expect(parsed.success).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
        expect(fast).toStrictEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
    // Both paths must be exercised, or the property says nothing.
    expect(answered).toBeGreaterThan(0);
  });

  it('for built candidates, counts a key holding undefined as absent and otherwise answers as for the rest', () => {
    let answered = 0;
    const location = { format: 'xfwb', line: 1, column: 1 };
    fc.assert(
      fc.property(fc.oneof(candidates(3), candidates(12), candidates(40)), (c) => {
        if (typeof c !== 'object' || c === null || Array.isArray(c)) return;
        const stripped = withoutUndefined(c);
        const fast = plainBuiltConsignment(c);
        if (fast !== undefined) {
          answered++;
          const parsed = ConsignmentSchema.safeParse(stripped);
          expect(parsed.success).toBe(true);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
        }
        const built = checkBuiltConsignment(c as Record<string, unknown>, location, '/x');
        const plain = checkConsignment(stripped, location, '/x');
        expect(JSON.stringify(built)).toBe(JSON.stringify(plain));
        expect(built).toStrictEqual(plain);
        // Outside checkBuiltConsignment a key holding undefined still leaves the answer to the schema.
        if (hasUndefinedKey(c)) expect(plainConsignment(c)).toBeUndefined();
      }),
      { numRuns: 800 },
    );
    expect(answered).toBeGreaterThan(0);
  });

  it('leaves the problems to the schema, so checkConsignment still names them', () => {
    const source = { format: 'xffm', line: 3, column: 1 };
    const checked = checkConsignment(
      { id: 'A', kind: 'direct', goods: [{ seq: 1, description: 'x', grossKg: 'heavy' }], source },
      source,
      '',
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.issues[0]?.location.pointer).toBe('/goods/0/grossKg');
  });
});

/** Header candidates: id, format, source name and a transport with its endpoints. */
function headers(goodWeight: number): fc.Arbitrary<unknown> {
  const { mix, obj, str, place, WRONG } = kit(goodWeight);
  const date = mix(
    ['2026-02-17', '2026-02-17T13:21Z', '2026-02-17T13:21:05.5+01:00'],
    ['17.02.2026', '2026-2-17', ...WRONG],
  );
  const endpoint = obj({ location: place, date });
  return obj(
    {
      id: str,
      format: mix(['xfwb', 'wco-dm', 'cuscar'], ['xml', ...WRONG]),
      sourceName: mix(['a.xml', '', 'X'.repeat(1024)], ['X'.repeat(1025), ...WRONG]),
      transport: obj(
        {
          mode: mix(['air', 'sea', 'road', 'rail'], ['ship', ...WRONG]),
          carrier: str,
          voyageOrFlight: str,
          vesselOrAircraft: str,
          departure: endpoint,
          arrival: endpoint,
        },
        ['mode'],
      ),
    },
    ['id', 'format'],
  );
}

describe('plainHeader', () => {
  it('answers only with what ManifestHeaderSchema returns, keys in the same order', () => {
    let answered = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(headers(12), headers(40), headers(400)), (c) => {
        const fast = plainHeader(c);
        if (fast === undefined) {
          refused++;
          return;
        }
        answered++;
        const parsed = ManifestHeaderSchema.safeParse(c);
        expect(parsed.success).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
        expect(fast).toStrictEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

function hasUndefinedKey(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasUndefinedKey);
  if (typeof v !== 'object' || v === null) return false;
  return Object.values(v).some((x) => x === undefined || hasUndefinedKey(x));
}
