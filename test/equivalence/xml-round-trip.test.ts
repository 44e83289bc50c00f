import { generateConsignments, generateManifest, generateManifestHeader, serializers } from '@cargorisk/generator';
import type { Consignment, GoodsItem, ManifestFormat, Party } from '@cargorisk/manifest';
import { parseManifest, readConsignments } from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';

// Generated manifest → XML serializer → both XML drivers → the same consignments, as far as each
// format can carry them (a Cargo-XML waybill has no countries of routing, a WCO declaration no
// transshipment points). The readers collapse runs of white space in text, so the expectation does too.

const collapse = (s: string) => s.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');

function party(p: Party | undefined): Party | undefined {
  if (p === undefined) return undefined;
  const a = p.address;
  return {
    name: collapse(p.name),
    ...(a === undefined
      ? {}
      : {
          address: {
            lines: a.lines.map(collapse),
            ...(a.city === undefined ? {} : { city: collapse(a.city) }),
            ...(a.postcode === undefined ? {} : { postcode: collapse(a.postcode) }),
            ...(a.country === undefined ? {} : { country: a.country }),
          },
        }),
    ...(p.id === undefined ? {} : { id: p.id }),
  };
}

function parties(c: Consignment): Consignment['parties'] {
  const out: Record<string, Party> = {};
  for (const [role, p] of Object.entries(c.parties)) {
    const v = party(p);
    if (v !== undefined) out[role] = v;
  }
  return out;
}

function item(g: GoodsItem, keep: { value: boolean; refs: boolean; dangerous: boolean }): GoodsItem {
  const { value, containerRefs, dangerousGoods, ...rest } = g;
  return {
    ...rest,
    description: collapse(g.description),
    containerRefs: keep.refs ? [...new Set(containerRefs)] : [],
    ...(keep.value && value !== undefined ? { value } : {}),
    ...(keep.dangerous && dangerousGoods !== undefined ? { dangerousGoods } : {}),
  };
}

/** What each format carries of a consignment. */
function carried(format: ManifestFormat, c: Consignment): Omit<Consignment, 'source'> {
  const { source: _source, masterId, declaredValue, ...rest } = c;
  const r = c.route;
  const { volumeM3: _volume, ...mass } = c.totals;
  switch (format) {
    case 'xfwb':
      return {
        ...rest,
        kind: c.kind === 'master' ? 'master' : 'direct',
        parties: parties(c),
        route: { ...r, countries: [] },
        goods: c.goods.map((g) => item(g, { value: false, refs: false, dangerous: false })),
        containers: [],
        ...(declaredValue === undefined ? {} : { declaredValue }),
      };
    case 'xfzb': {
      const { delivery, ...route } = r;
      return {
        ...rest,
        kind: 'house',
        ...(masterId === undefined ? {} : { masterId }),
        parties: parties(c),
        route: {
          ...route,
          ...(delivery !== undefined && delivery !== r.discharge ? { delivery } : {}),
          transshipments: [],
          countries: [],
        },
        goods: c.goods.map((g) => item(g, { value: false, refs: false, dangerous: false })),
        containers: [],
        ...(declaredValue === undefined ? {} : { declaredValue }),
      };
    }
    case 'xffm': {
      const { delivery: _d, ...route } = r;
      return {
        ...rest,
        kind: 'master',
        parties: parties(c),
        route: { ...route, transshipments: [], countries: [] },
        goods: c.goods.map((g) => item(g, { value: false, refs: false, dangerous: false })),
        containers: [],
      };
    }
    default: {
      const { delivery: _d, ...route } = r;
      return {
        ...rest,
        kind: 'direct',
        parties: parties(c),
        route: { ...route, transshipments: [] },
        goods: c.goods.map((g) => item(g, { value: true, refs: true, dangerous: true })),
        totals: mass,
        ...(declaredValue === undefined ? {} : { declaredValue }),
      };
    }
  }
}

const strip = ({ source: _s, ...rest }: Consignment) => rest;

describe.each(['fast', 'reference'] as const)('XML serializers read back by the %s driver', (reader) => {
  const air = generateManifest({ seed: 11, consignments: 40, mode: 'air', awkward: true }).manifest;
  const sea = generateManifest({ seed: 12, consignments: 25, mode: 'sea', awkward: true }).manifest;

  it('XFFM: every non-house waybill of a flight, with the flight', () => {
    const text = serializers.xffm!.serialize(air);
    const result = parseManifest(text, { reader });
    const expected = air.consignments.filter((c) => c.kind !== 'house');
    expect(result.stats).toEqual({ seen: expected.length, accepted: expected.length, rejected: 0 });
    expect(result.manifest.consignments.map(strip)).toEqual(expected.map((c) => carried('xffm', c)));
    expect(result.manifest.transport).toEqual(air.transport);
  });

  it('XFWB: one message per waybill', () => {
    const { consignments, ...header } = air;
    const waybills = consignments.filter((c) => c.kind !== 'house');
    const messages = Array.from(serializers.xfwb!.stream!(header, waybills));
    expect(messages).toHaveLength(waybills.length);
    messages.forEach((message, i) => {
      const result = parseManifest(message, { reader });
      expect(result.stats.rejected).toBe(0);
      expect(result.manifest.consignments.map(strip)).toEqual([carried('xfwb', waybills[i]!)]);
      expect(result.manifest.transport).toEqual(air.transport);
    });
  });

  it('XFZB: one message per house waybill', () => {
    const { consignments, ...header } = air;
    const houses = consignments.filter((c) => c.kind === 'house');
    expect(houses.length).toBeGreaterThan(0);
    const messages = Array.from(serializers.xfzb!.stream!(header, houses));
    messages.forEach((message, i) => {
      const result = parseManifest(message, { reader });
      expect(result.manifest.consignments.map(strip)).toEqual([carried('xfzb', houses[i]!)]);
    });
  });

  it('WCO DM: one declaration per consignment of a vessel call', () => {
    const text = serializers['wco-dm']!.serialize(sea);
    const result = parseManifest(text, { reader });
    expect(result.stats).toEqual({ seen: sea.consignments.length, accepted: sea.consignments.length, rejected: 0 });
    expect(result.manifest.consignments.map(strip)).toEqual(sea.consignments.map((c) => carried('wco-dm', c)));
    expect(result.manifest.transport).toEqual({ mode: 'sea', vesselOrAircraft: sea.transport!.vesselOrAircraft });
  });

  it('the streaming and whole forms write the same bytes', () => {
    for (const format of ['xffm', 'wco-dm', 'xfwb', 'xfzb'] as const) {
      const s = serializers[format]!;
      const { consignments, ...header } = air;
      expect(Array.from(s.stream!(header, consignments)).join('')).toBe(s.serialize(air));
    }
  });
});

describe('XFFM end to end as a stream', () => {
  it('generated consignments → streamXffm → readConsignments, never joined into one string', async () => {
    const options = { seed: 21, consignments: 400, mode: 'air' as const };
    const header = generateManifestHeader(options);
    const pieces = serializers.xffm!.stream!(header, generateConsignments(options));
    let accepted = 0;
    let last: unknown;
    for await (const event of readConsignments(pieces)) {
      if (event.type === 'consignment') accepted++;
      last = event;
    }
    const expected = generateManifest(options).manifest.consignments.filter((c) => c.kind !== 'house').length;
    expect(accepted).toBe(expected);
    expect(last).toEqual({ type: 'end', stats: { seen: expected, accepted: expected, rejected: 0 } });
  });
});
