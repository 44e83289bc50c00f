import { readFileSync } from 'node:fs';
import {
  type ManifestParseError,
  type ParseOptions,
  parseManifest,
  readConsignments,
  safeParseManifest,
} from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';

// RELIABILITY.md cases 1–7 for the XML readers, each through both drivers: the fast streaming
// tokenizer and the fast-xml-parser reference must refuse, keep and report exactly alike.

const drivers = ['fast', 'reference'] as const;

/** A small but complete XFWB around one goods line. */
function waybill(opts: { description?: string; hs?: string; extra?: string; prolog?: string } = {}): string {
  return `${opts.prolog ?? '<?xml version="1.0" encoding="UTF-8"?>'}
<ns2:Waybill xmlns="iata:datamodel:3" xmlns:ns2="iata:waybill:1">
  <ns2:MessageHeaderDocument><ID>MSG-1</ID></ns2:MessageHeaderDocument>
  <ns2:BusinessHeaderDocument><ID>020-11111111</ID></ns2:BusinessHeaderDocument>
  <ns2:MasterConsignment>
    <IncludedTareGrossWeightMeasure unitCode="KGM">10</IncludedTareGrossWeightMeasure>
    <TotalPieceQuantity>1</TotalPieceQuantity>
    <ConsignorParty><Name>SHIPPER</Name></ConsignorParty>
    ${opts.extra ?? ''}
    <ApplicableRating>
      <IncludedMasterConsignmentItem>
        <SequenceNumeric>1</SequenceNumeric>
        ${opts.hs === undefined ? '' : `<TypeCode>${opts.hs}</TypeCode>`}
        <GrossWeightMeasure unitCode="KGM">10</GrossWeightMeasure>
        <NatureIdentificationTransportCargo><Identification>${opts.description ?? 'BOOKS'}</Identification></NatureIdentificationTransportCargo>
      </IncludedMasterConsignmentItem>
    </ApplicableRating>
  </ns2:MasterConsignment>
</ns2:Waybill>`;
}

function failure(input: string, options: ParseOptions): ManifestParseError {
  const result = safeParseManifest(input, options);
  if (result.success) throw new Error('expected the input to be refused');
  return result.error;
}

function expectLocated(error: ManifestParseError): void {
  expect(error.location.line).toBeGreaterThanOrEqual(1);
  expect(error.location.column).toBeGreaterThanOrEqual(1);
}

describe.each(drivers)('hostile and broken XML through the %s driver', (reader) => {
  describe('1. deep nesting', () => {
    it.each([150, 100_000])('%i levels: limit-exceeded with line and column, no stack overflow', (levels) => {
      const deep = `<ns2:Waybill xmlns:ns2="iata:waybill:1">${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}</ns2:Waybill>`;
      const error = failure(deep, { reader, format: 'xfwb' });
      expect(error.code).toBe('limit-exceeded');
      expect(error.location).toMatchObject({ line: 1, column: 40 + 3 * 63 + 1 });
    });

    it('honours a lower maxDepth from the limits', () => {
      const error = failure(waybill(), { reader, limits: { maxDepth: 4 } });
      expect(error.code).toBe('limit-exceeded');
      expectLocated(error);
    });
  });

  describe('2. entities and references', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<ns2:Waybill xmlns:ns2="iata:waybill:1"><x>&lol3;</x></ns2:Waybill>`;
    const bigEntity = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY big "${'x'.repeat(5 * 1024)}">]>
<ns2:Waybill xmlns:ns2="iata:waybill:1"><x>${'&big;'.repeat(1000)}</x></ns2:Waybill>`;
    const external = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY ext SYSTEM "file:///etc/passwd">]>
<ns2:Waybill xmlns:ns2="iata:waybill:1"><x>&ext;</x></ns2:Waybill>`;

    it.each([
      ['billion laughs', laughs],
      ['a 5 KB entity referenced 1,000 times', bigEntity],
      ['an external SYSTEM entity', external],
    ])('%s: refused as hostile-input at the DOCTYPE', (_name, input) => {
      const error = failure(input, { reader, format: 'xfwb' });
      expect(error.code).toBe('hostile-input');
      expect(error.location.line).toBe(input.startsWith('<?xml version="1.0"?>\n') ? 2 : 1);
    });

    it('200,000 character references: refused as hostile-input', () => {
      const error = failure(waybill({ description: '&#65;'.repeat(200_000) }), { reader });
      expect(error.code).toBe('hostile-input');
      expectLocated(error);
    });

    it('&#99999999; (beyond Unicode): refused as hostile-input', () => {
      const error = failure(waybill({ description: 'A&#99999999;B' }), { reader });
      expect(error.code).toBe('hostile-input');
      expect(error.location.line).toBe(15);
    });

    it('an undeclared entity is a syntax error, not an empty string', () => {
      const error = failure(waybill({ description: 'A &nbsp; B' }), { reader });
      expect(error.code).toBe('syntax');
    });
  });

  describe('3. prototype names', () => {
    it.each([
      ['<__proto__> element', '<__proto__><polluted>yes</polluted></__proto__>'],
      ['<constructor> element', '<constructor><prototype>x</prototype></constructor>'],
      ['<toString> element', '<toString>x</toString>'],
      ['__proto__ attribute', '<Note __proto__="x">n</Note>'],
    ])('%s: that manifest is refused, Object.prototype untouched, the next one parses', (_name, extra) => {
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      const error = failure(waybill({ extra }), { reader });
      expect(error.code).toBe('hostile-input');
      expect(error.location.line).toBe(9);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const next = parseManifest(waybill(), { reader });
      expect(next.stats).toEqual({ seen: 1, accepted: 1, rejected: 0 });
    });
  });

  describe('4. values kept exactly as written', () => {
    it('HS 0901210000, quantity 1e3 and container 00123', () => {
      const doc = `<md:MetaData xmlns:md="urn:wco:datamodel:WCO:DocumentMetaData-DMS:2" xmlns="urn:wco:datamodel:WCO:DEC-DMS:2">
<Declaration><FunctionalReferenceID>LRN-1</FunctionalReferenceID><TypeCode>IMA</TypeCode>
<GoodsShipment>
  <Consignment><TransportEquipment><SequenceNumeric>1</SequenceNumeric><ID>00123</ID></TransportEquipment></Consignment>
  <GovernmentAgencyGoodsItem><SequenceNumeric>1</SequenceNumeric>
    <Commodity><Description>Coffee</Description>
      <Classification><ID>0901210000</ID><IdentificationTypeCode>TSP</IdentificationTypeCode></Classification>
    </Commodity>
    <Packaging><QuantityQuantity>1e3</QuantityQuantity></Packaging>
  </GovernmentAgencyGoodsItem>
</GoodsShipment></Declaration></md:MetaData>`;
      const { manifest } = parseManifest(doc, { reader });
      const c = manifest.consignments[0]!;
      expect(c.goods[0]!.hsCode).toBe('0901210000');
      expect(c.goods[0]!.packages).toBe(1000);
      expect(c.containers[0]!.number).toBe('00123');
    });

    it('HS with dots keeps its digits and leading zero', () => {
      const { manifest } = parseManifest(waybill({ hs: '0901.21.00' }), { reader });
      expect(manifest.consignments[0]!.goods[0]!.hsCode).toBe('09012100');
    });
  });

  describe('5. one or two of a kind: the same shape', () => {
    const declaration = (items: number) => `<Declaration xmlns="urn:wco:datamodel:WCO:DEC-DMS:2">
<FunctionalReferenceID>LRN-1</FunctionalReferenceID><GoodsShipment>
${Array.from({ length: items }, (_, i) => `<GovernmentAgencyGoodsItem><SequenceNumeric>${i + 1}</SequenceNumeric><Commodity><Description>item ${i + 1}</Description></Commodity></GovernmentAgencyGoodsItem>`).join('\n')}
</GoodsShipment></Declaration>`;

    it('one goods item and two are both arrays of items', () => {
      const one = parseManifest(declaration(1), { reader }).manifest.consignments[0]!;
      const two = parseManifest(declaration(2), { reader }).manifest.consignments[0]!;
      expect(Array.isArray(one.goods)).toBe(true);
      expect(one.goods).toHaveLength(1);
      expect(two.goods).toHaveLength(2);
      expect(Object.keys(one.goods[0]!)).toEqual(Object.keys(two.goods[1]!));
    });

    it('a flight manifest with one waybill and one with two', () => {
      const awb = (id: string) =>
        `<IncludedMasterConsignment><TransportContractDocument><ID>${id}</ID></TransportContractDocument><SummaryDescription>X</SummaryDescription></IncludedMasterConsignment>`;
      const ffm = (...ids: string[]) =>
        `<FlightManifest><ArrivalEvent><AssociatedTransportCargo><TypeCode>BLK</TypeCode>${ids.map(awb).join('')}</AssociatedTransportCargo></ArrivalEvent></FlightManifest>`;
      const one = parseManifest(ffm('020-1'), { reader }).manifest;
      const two = parseManifest(ffm('020-1', '020-2'), { reader }).manifest;
      expect(one.consignments).toHaveLength(1);
      expect(two.consignments).toHaveLength(2);
      expect(Object.keys(one.consignments[0]!)).toEqual(Object.keys(two.consignments[0]!));
    });
  });

  describe('6. malformed or truncated XML', () => {
    const whole = waybill();
    it.each([
      ['truncated mid-document', whole.slice(0, whole.indexOf('<ApplicableRating>'))],
      ['truncated inside a tag', whole.slice(0, whole.indexOf('<ApplicableRating>') + 7)],
      ['mismatched end tag', whole.replace('</ApplicableRating>', '</ApplicableRatings>')],
      ['unquoted attribute', whole.replace('unitCode="KGM"', 'unitCode=KGM')],
      ['a bare ampersand', waybill({ description: 'A & B' })],
      ['a second root', `${whole}<ns2:Waybill/>`],
      ['text after the root', `${whole}trailing`],
    ])('%s: syntax error with line and column, nothing returned', (_name, input) => {
      const error = failure(input, { reader });
      expect(error.code).toBe('syntax');
      expectLocated(error);
    });

    it('streamed, a truncated manifest ends in an error rather than a short, clean end', async () => {
      if (reader !== 'fast') return;
      const chunks = [whole.slice(0, 300), whole.slice(300, whole.indexOf('</ns2:MasterConsignment>'))];
      const events: string[] = [];
      await expect(
        (async () => {
          for await (const e of readConsignments(chunks)) events.push(e.type);
        })(),
      ).rejects.toMatchObject({ code: 'syntax' });
      expect(events).not.toContain('end');
    });
  });

  describe('7. hidden keywords', () => {
    it('C&#79;CAINE is read as COCAINE; the predefined entities resolve', () => {
      const { manifest } = parseManifest(waybill({ description: 'C&#79;CAINE &amp; C&#x4F;CA &lt;LEAVES&gt;' }), {
        reader,
      });
      expect(manifest.consignments[0]!.goods[0]!.description).toBe('COCAINE & COCA <LEAVES>');
    });

    it('fullwidth and accented letters come through as written (folding is the engine’s job)', () => {
      const { manifest } = parseManifest(waybill({ description: 'ＣＯＣＡＩＮＥ cócaïne C-O-C-A-I-N-E' }), {
        reader,
      });
      expect(manifest.consignments[0]!.goods[0]!.description).toBe('ＣＯＣＡＩＮＥ cócaïne C-O-C-A-I-N-E');
    });

    it('CDATA keeps its text literally', () => {
      const { manifest } = parseManifest(waybill({ description: '<![CDATA[C&#79;CAINE & co]]>' }), { reader });
      expect(manifest.consignments[0]!.goods[0]!.description).toBe('C&#79;CAINE & co');
    });
  });
});

describe('the real corpus is not hostile', () => {
  it('no sample trips a guard', () => {
    const bytes = readFileSync(new URL('../../samples/corpus/wco-dm/TT_IM004a.xml', import.meta.url));
    for (const reader of drivers) expect(safeParseManifest(bytes, { reader }).success).toBe(true);
  });
});
