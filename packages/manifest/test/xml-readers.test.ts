import { readFileSync } from 'node:fs';
import {
  type ParseResult,
  parseManifest,
  readConsignments,
  type StreamEvent,
  safeParseManifest,
} from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/parse/limits.js';
import { ResultBuilder } from '../src/parse/parse-result.js';
import { XML_READERS } from '../src/xml/xml-readers.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/xml/${name}`, import.meta.url));
const drivers = ['fast', 'reference'] as const;

async function stream(bytes: Uint8Array, size: number): Promise<StreamEvent[]> {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const events: StreamEvent[] = [];
  for await (const e of readConsignments(chunks)) events.push(e);
  return events;
}

describe.each(drivers)('XFFM flight manifest through the %s driver', (reader) => {
  const result: ParseResult = parseManifest(fixture('xffm-flight-manifest.xml'), { reader });

  it('reads the flight as the manifest transport', () => {
    expect(result.manifest.format).toBe('xffm');
    expect(result.manifest.id).toBe('XX400-20260301-FRA');
    expect(result.manifest.transport).toEqual({
      mode: 'air',
      carrier: 'XX',
      voyageOrFlight: 'XX400',
      vesselOrAircraft: 'DABYA',
      departure: { location: 'FRA', date: '2026-03-01T10:05:00' },
      arrival: { location: 'JFK', date: '2026-03-01T13:10:00' },
    });
  });

  it('rejects the waybill without a number and the one with a bad HS code; the rest come through', () => {
    expect(result.stats).toEqual({ seen: 6, accepted: 4, rejected: 2 });
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.location.pointer, i.location.line])).toEqual([
      ['invalid-value', '/id', 135],
      ['invalid-value', '/goods/0/hsCode', 145],
    ]);
    expect(errors[1]!.consignmentId).toBe('020-33333333');
    expect(result.manifest.consignments.map((c) => c.id)).toEqual([
      '020-12345675',
      '020-22222222',
      '020-22222222',
      '020-44444444',
    ]);
  });

  it('puts each waybill in its ULD, numbered as IATA writes it, and reports ULDs as not ISO 6346', () => {
    const [first, split1, split2, bulk] = result.manifest.consignments;
    expect(first!.containers).toEqual([{ number: 'AKE12345XX', seals: [], sizeType: 'AKE' }]);
    expect(first!.goods[0]!.containerRefs).toEqual(['AKE12345XX']);
    expect(split2!.containers[0]!.number).toBe('PMC54321XX');
    expect(bulk!.containers).toEqual([]);
    expect(result.issues.filter((i) => i.code === 'container-not-iso6346')).toHaveLength(3);
    expect(result.issues.some((i) => i.code === 'duplicate-consignment' && i.consignmentId === '020-22222222')).toBe(
      true,
    );
    // LBR converted to kilograms, HS kept with its leading zero, references resolved
    expect(split1!.goods[0]).toMatchObject({
      hsCode: '0901210000',
      grossKg: 99.79,
      origin: 'ET',
      description: 'COFFEE SAMPLES & ROASTED BEANS',
    });
    expect(first!.goods[0]!.hsCode).toBe('848340');
    expect(first!.source).toEqual({ format: 'xffm', line: 56, column: 7 });
  });
});

describe('streaming', () => {
  it('readConsignments gives the same consignments in tiny chunks as parseManifest in one piece', async () => {
    const bytes = fixture('xffm-flight-manifest.xml');
    const whole = parseManifest(bytes);
    for (const size of [1, 7, 64, 4096]) {
      const events = await stream(bytes, size);
      expect(events[0]?.type).toBe('header');
      const accepted = events.flatMap((e) => (e.type === 'consignment' ? [e.consignment] : []));
      expect(accepted).toEqual(whole.manifest.consignments);
      const end = events.at(-1);
      expect(end).toEqual({ type: 'end', stats: whole.stats });
    }
  });

  it('multi-byte characters split across chunks are decoded whole', async () => {
    const doc = new TextEncoder().encode(
      '<FlightManifest><ArrivalEvent><AssociatedTransportCargo><IncludedMasterConsignment><TransportContractDocument><ID>020-1</ID></TransportContractDocument><SummaryDescription>ＣＯＣＡ café 😀</SummaryDescription></IncludedMasterConsignment></AssociatedTransportCargo></ArrivalEvent></FlightManifest>',
    );
    const events = await stream(doc, 3);
    const c = events.find((e) => e.type === 'consignment');
    expect(c?.type === 'consignment' && c.consignment.goods[0]?.description).toBe('ＣＯＣＡ café 😀');
  });

  it('ASCII and multi-byte chunks in any order decode as the whole document does, a BOM dropped only at the start', async () => {
    const item = (id: string, text: string) =>
      `<IncludedMasterConsignment><TransportContractDocument><ID>${id}</ID></TransportContractDocument><SummaryDescription>${text}</SummaryDescription></IncludedMasterConsignment>`;
    // The padding takes the interesting bytes past what readConsignments gathers to detect the format.
    const xml = `<FlightManifest><!--${' '.repeat(5000)}--><ArrivalEvent><AssociatedTransportCargo>${item('020-1', 'PLAIN ASCII GOODS')}${item('020-2', '\uFEFFBOM INSIDE é')}${item('020-3', 'MORE ASCII')}${item('020-4', 'Ünïcödé 😀 end')}</AssociatedTransportCargo></ArrivalEvent></FlightManifest>`;
    const descriptions = ['PLAIN ASCII GOODS', '\uFEFFBOM INSIDE é', 'MORE ASCII', 'Ünïcödé 😀 end'];
    for (const bom of [false, true]) {
      const doc = new TextEncoder().encode((bom ? '\uFEFF' : '') + xml);
      const whole = parseManifest(doc);
      expect(whole.manifest.consignments.map((c) => c.goods[0]?.description)).toEqual(descriptions);
      for (const size of [1, 2, 5, 64, 300]) {
        const events = await stream(doc, size);
        const got = events.flatMap((e) => (e.type === 'consignment' ? [e.consignment] : []));
        expect(got).toEqual(whole.manifest.consignments);
      }
    }
  });

  it('a caller that refills one buffer for every chunk reads as one piece does', () => {
    const bytes = fixture('xffm-flight-manifest.xml');
    const whole = parseManifest(bytes);
    for (const size of [5, 333, 4096]) {
      const out = new ResultBuilder();
      const reader = XML_READERS.xffm!.incremental!({ format: 'xffm', limits: DEFAULT_LIMITS }, out);
      const reused = new Uint8Array(size);
      for (let at = 0; at < bytes.length; at += size) {
        const n = Math.min(size, bytes.length - at);
        reused.set(bytes.subarray(at, at + n));
        reader.push(reused.subarray(0, n));
        // Whatever the reader kept waiting must not be the caller's bytes.
        reused.fill(0x3c);
      }
      reader.end();
      expect(out.consignments).toEqual(whole.manifest.consignments);
      expect(out.stats).toEqual(whole.stats);
    }
  });

  it('an end tag that does not match is reported alike in one piece and one byte at a time', async () => {
    const doc = new TextEncoder().encode(
      '<FlightManifest><ArrivalEvent><AssociatedTransportCargo><UnmappedWrapper><IncludedMasterConsignment><TransportContractDocument><ID>020-1</ID></TransportContractDocument></IncludedMasterConsignment></UnmappedWrapperX></AssociatedTransportCargo></ArrivalEvent></FlightManifest>',
    );
    const whole = safeParseManifest(doc);
    expect(whole.success).toBe(false);
    if (whole.success) return;
    expect(whole.error.message).toContain('expected </UnmappedWrapper> but found </UnmappedWrapperX>');
    await expect(stream(doc, 1)).rejects.toMatchObject({ code: 'syntax', message: whole.error.message });
  });

  it('a character cut short by ASCII is refused where it stands, not at the end of the stream', async () => {
    const item = (id: string, text: string) =>
      `<IncludedMasterConsignment><TransportContractDocument><ID>${id}</ID></TransportContractDocument><SummaryDescription>${text}</SummaryDescription></IncludedMasterConsignment>`;
    const before = new TextEncoder().encode(
      `<FlightManifest><!--${' '.repeat(5000)}--><ArrivalEvent><AssociatedTransportCargo>${item('020-1', 'OK')}<IncludedMasterConsignment><SummaryDescription>BAD `,
    );
    const after = new TextEncoder().encode(
      ` BYTE</SummaryDescription></IncludedMasterConsignment>${item('020-3', 'LATER')}</AssociatedTransportCargo></ArrivalEvent></FlightManifest>`,
    );
    const doc = new Uint8Array([...before, 0xc3, ...after]);
    const seen: string[] = [];
    const run = async () => {
      for await (const e of readConsignments([doc.subarray(0, before.length + 1), doc.subarray(before.length + 1)])) {
        if (e.type === 'consignment') seen.push(e.consignment.id);
      }
    };
    await expect(run()).rejects.toMatchObject({ code: 'encoding' });
    expect(seen).toEqual(['020-1']);
  });
});

describe.each(drivers)('limits through the %s driver', (reader) => {
  const declaration = (items: number, description = 'x') => `<Declaration>
<FunctionalReferenceID>LRN-1</FunctionalReferenceID><GoodsShipment>
${Array.from({ length: items }, (_, i) => `<GovernmentAgencyGoodsItem><SequenceNumeric>${i + 1}</SequenceNumeric><Commodity><Description>${description}</Description></Commodity></GovernmentAgencyGoodsItem>`).join('')}
</GoodsShipment></Declaration>`;

  it('a consignment with more goods items than maxItemsPerConsignment is reported, not truncated', () => {
    const result = parseManifest(declaration(6), { reader, limits: { maxItemsPerConsignment: 5 } });
    expect(result.stats).toEqual({ seen: 1, accepted: 0, rejected: 1 });
    expect(result.issues[0]).toMatchObject({ code: 'limit-exceeded', consignmentId: 'LRN-1' });
    expect(parseManifest(declaration(5), { reader, limits: { maxItemsPerConsignment: 5 } }).stats.accepted).toBe(1);
  });

  it('a text longer than maxTextLength rejects its consignment', () => {
    const result = parseManifest(declaration(1, 'y'.repeat(101)), { reader, limits: { maxTextLength: 100 } });
    expect(result.stats).toEqual({ seen: 1, accepted: 0, rejected: 1 });
    expect(result.issues[0]!.code).toBe('limit-exceeded');
    expect(
      parseManifest(declaration(1, 'y'.repeat(100)), { reader, limits: { maxTextLength: 100 } }).stats.accepted,
    ).toBe(1);
  });

  it('a text over the limit outside any consignment fails the document', () => {
    const doc = `<FlightManifest><MessageHeaderDocument><ID>${'z'.repeat(200)}</ID></MessageHeaderDocument></FlightManifest>`;
    expect(() => parseManifest(doc, { reader, limits: { maxTextLength: 100 } })).toThrow(/maxTextLength/);
  });
});

describe.each(drivers)('converters seen through the %s driver', (reader) => {
  const waybill = (weight: string, unit: string, pieces: string) => `<Waybill>
<BusinessHeaderDocument><ID>020-1</ID></BusinessHeaderDocument>
<MasterConsignment><IncludedTareGrossWeightMeasure unitCode="${unit}">${weight}</IncludedTareGrossWeightMeasure>
<TotalPieceQuantity>${pieces}</TotalPieceQuantity></MasterConsignment></Waybill>`;

  it('pounds become kilograms; 1e3 pieces are 1000', () => {
    const c = parseManifest(waybill('100', 'LBR', '1e3'), { reader }).manifest.consignments[0]!;
    expect(c.totals).toEqual({ grossKg: 45.359, packages: 1000 });
  });

  it('a decimal comma is not guessed at: the record is rejected with a pointer', () => {
    const result = parseManifest(waybill('1,5', 'KGM', '1'), { reader });
    expect(result.stats.rejected).toBe(1);
    expect(result.issues[0]!.location.pointer).toBe('/totals/grossKg');
  });

  it('an unknown weight unit is not guessed at either', () => {
    const result = parseManifest(waybill('12', 'XYZ', '1'), { reader });
    expect(result.stats.rejected).toBe(1);
  });
});

describe('attributes read alike by both drivers', () => {
  const doc = (attrs: string) =>
    `<Declaration><ID>A-1</ID><InvoiceAmount ${attrs}>12.5</InvoiceAmount><TotalGrossMassMeasure unitCode="KGM" x:unitCode='LBR'>10</TotalGrossMassMeasure></Declaration>`;
  it.each([
    ['a kept attribute with references', 'currencyID="US&#68;"', { declaredValue: { amount: 12.5, currency: 'USD' } }],
    [
      'an unkept attribute with references',
      'currencyID="EUR" note="a &amp; b"',
      { declaredValue: { amount: 12.5, currency: 'EUR' } },
    ],
    ['a repeated attribute', 'currencyID="EUR" currencyID="EUR"', 'syntax'],
    ['a repeated prefixed attribute', 'a:b="1" currencyID="EUR" a:b="2"', 'syntax'],
    ['a bad reference in an unkept value', 'currencyID="EUR" note="&nope;"', 'syntax'],
    ['an attribute named constructor', 'currencyID="EUR" x:constructor="1"', 'hostile-input'],
  ] as const)('%s', (_name, attrs, expected) => {
    const results = drivers.map((reader) => safeParseManifest(doc(attrs), { reader, format: 'wco-dm' }));
    const [fast, reference] = results;
    if (typeof expected === 'string') {
      for (const r of results) expect(r.success ? 'accepted' : r.error.code).toBe(expected);
    } else {
      expect(fast).toEqual(reference);
      expect(fast?.success && fast.data.manifest.consignments[0]).toMatchObject(expected);
    }
  });

  it("the fast driver refuses '<' in an attribute value", () => {
    const result = safeParseManifest(doc('currencyID="E<R"'), { format: 'wco-dm' });
    expect(result.success ? 'accepted' : result.error.code).toBe('syntax');
  });
});
