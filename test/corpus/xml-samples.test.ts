import { readFileSync } from 'node:fs';
import { type Consignment, type ParseResult, parseManifest } from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';

// The real public Cargo-XML and WCO samples (samples/corpus, README there lists these facts),
// read by both XML drivers: every fact must hold for each.
const sample = (path: string) => readFileSync(new URL(`../../samples/corpus/${path}`, import.meta.url));

const drivers = ['fast', 'reference'] as const;

function only(result: ParseResult): Consignment {
  expect(result.stats).toEqual({ seen: 1, accepted: 1, rejected: 0 });
  expect(result.manifest.consignments).toHaveLength(1);
  return result.manifest.consignments[0]!;
}

describe.each(drivers)('IATA and WCO samples through the %s driver', (reader) => {
  it('xfwbExample.xml: master air waybill 020-68548340, Schenker BR → FR, LH5050 VCP → FRA', () => {
    const result = parseManifest(sample('xfwb/xfwbExample.xml'), { reader });
    expect(result.manifest.format).toBe('xfwb');
    const c = only(result);
    expect(c.id).toBe('020-68548340');
    expect(c.kind).toBe('master');
    expect(c.parties.consignor?.name).toBe('SCHENKER DO BRASIL TRANSPORTES INTERNACIONAIS LTDA.');
    expect(c.parties.consignor?.address?.country).toBe('BR');
    expect(c.parties.consignee?.name).toBe('SCHENKER FRANCE SAS');
    expect(c.parties.consignee?.address?.country).toBe('FR');
    // OCI line T/CNE carries the consignee's customs identifier
    expect(c.parties.consignee?.id).toBe('FR26311799456');
    expect(c.totals).toEqual({ packages: 4, grossKg: 36.9, volumeM3: 0.199 });
    expect(c.route.loading).toBe('VCP');
    expect(c.route.discharge).toBe('CDG');
    expect(c.route.transshipments).toEqual(['FRA']);
    expect(result.manifest.transport).toMatchObject({
      mode: 'air',
      voyageOrFlight: 'LH5050',
      departure: { location: 'VCP' },
      arrival: { location: 'FRA' },
    });
    // rating lines 2 and 3 continue line 1 (volume, package count): one goods item
    expect(c.goods).toHaveLength(1);
    expect(c.goods[0]!.description.startsWith('CONSOLIDATED CARGO AS PER ATTACHED MANIFEST')).toBe(true);
    expect(c.goods[0]!.hsCode).toBeUndefined();
    expect(c.goods[0]).toMatchObject({ packages: 4, grossKg: 36.9 });
    expect(c.source).toEqual({ format: 'xfwb', line: 38, column: 3 });
  });

  it('888-11111111_XFWB.xml: two legs ORK → DUB → AUH, final PVG, placeholder HS kept as written', () => {
    const result = parseManifest(sample('xfwb/888-11111111_XFWB.xml'), { reader });
    const c = only(result);
    expect(c.id).toBe('888-11111111');
    expect(c.parties.consignor).toMatchObject({ name: 'FORWARDER COMPANY IRELAND LTD', id: 'IE1234567N' });
    expect(c.parties.consignor?.address?.country).toBe('IE');
    expect(c.parties.consignee?.address).toMatchObject({ city: 'SHANGHAI', country: 'CN' });
    // a name broken over two lines comes through as one
    expect(c.parties.consignee?.name).toBe('FORWARDER COMPANY SHANGHAI LTD ROOM 123 SPECIAL BUILDING. NR 987');
    expect(c.totals.packages).toBe(3);
    expect(c.totals.grossKg).toBe(1042);
    expect(c.route).toMatchObject({ loading: 'ORK', discharge: 'PVG', transshipments: ['DUB', 'AUH'] });
    expect(result.manifest.transport).toMatchObject({
      voyageOrFlight: 'XX8012',
      departure: { location: 'ORK', date: '2021-03-10T00:00:00' },
      arrival: { location: 'DUB' },
    });
    expect(c.goods).toHaveLength(1);
    expect(c.goods[0]!.hsCode).toBe('000111');
    // pieces (3), not the package count (333), are what the line counts
    expect(c.goods[0]!.packages).toBe(3);
    expect(c.goods[0]!.description).toMatch(/^CONSOLIDATION AS PER ATTACHED MANIFEST SECURE CARGO/);
  });

  it('SEL22222222_XFZB.xml: house SEL22222222 under 888-11111111, KR → DE, ICN → FRA', () => {
    const result = parseManifest(sample('xfzb/SEL22222222_XFZB.xml'), { reader });
    expect(result.manifest.format).toBe('xfzb');
    const c = only(result);
    expect(c).toMatchObject({ id: 'SEL22222222', masterId: '888-11111111', kind: 'house' });
    expect(c.parties.consignor).toMatchObject({ name: 'SPARE PART LTD.', address: { country: 'KR' } });
    expect(c.parties.consignee).toMatchObject({ name: 'REPAIR DIENST GMBH', address: { country: 'DE' } });
    expect(c.totals).toMatchObject({ packages: 10, grossKg: 134 });
    expect(c.route).toMatchObject({ loading: 'ICN', discharge: 'FRA', delivery: 'FDH' });
    expect(c.goods).toHaveLength(1);
    expect(c.goods[0]!.description.startsWith('SPARE PARTS')).toBe(true);
    expect(c.goods[0]!.hsCode).toBe('1133557799');
    expect(result.manifest.transport?.mode).toBe('air');
  });

  it('TT_IM001a.xml: import IMA, exporter US Clipper Inc., container AD12345, 85109000 + TARIC 00', () => {
    const result = parseManifest(sample('wco-dm/TT_IM001a.xml'), { reader });
    expect(result.manifest.format).toBe('wco-dm');
    const c = only(result);
    expect(c.id).toBe('7847767E1WB6');
    expect(c.parties.consignor).toMatchObject({ name: 'US Clipper Inc.', address: { country: 'US' } });
    // the importer is known by EORI only
    expect(c.parties.consignee).toEqual({ name: 'GB553202734852', id: 'GB553202734852' });
    expect(c.containers.map((k) => k.number)).toEqual(['AD12345']);
    expect(c.goods).toHaveLength(1);
    const item = c.goods[0]!;
    expect(item.description).toBe('Parts for electric shavers, hair clippers and hair-removing appliances');
    // 8-digit CN code with its 2-digit TARIC suffix: the 10-digit TARIC code
    expect(item.hsCode).toBe('8510900000');
    expect(item.hsCode?.startsWith('85109000')).toBe(true);
    expect(item).toMatchObject({ grossKg: 150, origin: 'US', packages: 50, value: { amount: 1000, currency: 'GBP' } });
    expect(c.totals.packages).toBe(50);
    // goods location WLALONBTW (qualifier U, GB): discharged at Wallasea
    expect(c.route.discharge).toBe('GBWLA');
    expect(c.route.countries).toEqual(['US', 'GB']);
    expect(result.manifest.transport?.mode).toBe('sea');
    // AD12345 is kept as written and reported as not ISO 6346
    expect(result.issues.map((i) => i.code)).toContain('container-not-iso6346');
  });

  it('TT_EX001a.xml: export EXD, consignee Packings Import Incorporated, CONU1234567, 46021910, 10 kg', () => {
    const result = parseManifest(sample('wco-dm/TT_EX001a.xml'), { reader });
    const c = only(result);
    expect(c.id).toBe('U.7847323YIPYA');
    expect(c.parties.consignee).toMatchObject({ name: 'Packings Import Incorporated', address: { country: 'US' } });
    expect(c.parties.carrier?.id).toBe('GB025115100010');
    expect(c.containers).toEqual([{ number: 'CONU1234567', seals: ['333'] }]);
    const item = c.goods[0]!;
    expect(item.description).toBe('Straw envelopes for bottles, made of certified straw in wraps of 1000');
    expect(item.hsCode).toBe('46021910');
    expect(item.grossKg).toBe(10);
    expect(c.route.countries).toEqual(['GB', 'CA', 'US']);
    expect(c.route.loading).toBe('GBDVR');
    expect(result.manifest.transport).toEqual({ mode: 'sea', vesselOrAircraft: 'CSCLGLOBE' });
  });

  it('TT_IM004a.xml (byte-order mark, no XML declaration): fish balls 16042040 + TARIC 05 from ME', () => {
    const result = parseManifest(sample('wco-dm/TT_IM004a.xml'), { reader });
    const c = only(result);
    expect(c.id).toBe('IM04_080721_001');
    expect(c.parties.consignor?.name).toBe('US Trading Commodities Inc.');
    const item = c.goods[0]!;
    expect(item.hsCode).toBe('1604204005');
    expect(item).toMatchObject({ origin: 'ME', grossKg: 600, packages: 250, containerRefs: ['AD12345'] });
    expect(item.description).toMatch(/^Curried Fish Balls/);
    expect(c.route.countries).toEqual(['ME', 'GB']);
  });
});
