import { readdirSync, readFileSync } from 'node:fs';
import { generateManifest, serializers } from '@cargorisk/generator';
import { type ParseOptions, parseManifest, readConsignments, safeParseManifest } from '@cargorisk/manifest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The fast streaming driver and the fast-xml-parser reference must give deep-equal results —
// consignments, issues, counts and source positions — on every document, and refuse the same
// documents with the same code.

const corpus = new URL('../../samples/corpus/', import.meta.url);
const fixtures = new URL('../../packages/manifest/test/fixtures/xml/', import.meta.url);

function files(): Array<[string, Buffer]> {
  const out: Array<[string, Buffer]> = [];
  for (const dir of ['xfwb', 'xfzb', 'wco-dm']) {
    for (const f of readdirSync(new URL(dir, corpus)))
      out.push([`${dir}/${f}`, readFileSync(new URL(`${dir}/${f}`, corpus))]);
  }
  for (const f of readdirSync(fixtures)) out.push([f, readFileSync(new URL(f, fixtures))]);
  return out;
}

function both(input: string | Uint8Array, options: ParseOptions = {}) {
  const fast = safeParseManifest(input, { ...options, reader: 'fast' });
  const reference = safeParseManifest(input, { ...options, reader: 'reference' });
  return { fast, reference };
}

function expectSame(input: string | Uint8Array, options: ParseOptions = {}): void {
  const { fast, reference } = both(input, options);
  expect(fast.success).toBe(reference.success);
  if (fast.success && reference.success) expect(fast.data).toEqual(reference.data);
  else if (!fast.success && !reference.success) expect(fast.error.code).toBe(reference.error.code);
}

describe('fast and reference XML drivers agree', () => {
  it.each(files())('%s', (_name, bytes) => {
    const { fast, reference } = both(bytes, { sourceName: 'x.xml' });
    expect(fast.success && reference.success).toBe(true);
    expect(fast).toEqual(reference);
  });

  it.each(['xffm', 'wco-dm'] as const)('generated %s manifests with awkward values', (format) => {
    for (const seed of [1, 2, 3]) {
      const { manifest } = generateManifest({
        seed,
        consignments: 30,
        mode: format === 'xffm' ? 'air' : 'sea',
        awkward: 0.3,
      });
      expectSame(serializers[format]!.serialize(manifest));
    }
  });

  const awkward: Array<[string, string]> = [
    [
      'CRLF line ends, comments, processing instructions, single quotes',
      `<?xml version='1.0' encoding='UTF-8'?>\r\n<!-- a comment -->\r\n<?app data?>\r\n<Declaration xmlns='urn:x'>\r\n<!-- inner --><FunctionalReferenceID>A-1</FunctionalReferenceID>\r\n<TotalGrossMassMeasure unitCode='LBR'>10</TotalGrossMassMeasure><?pi?>\r\n<GoodsShipment><GovernmentAgencyGoodsItem><Commodity><Description>a<!-- split -->b</Description></Commodity></GovernmentAgencyGoodsItem></GoodsShipment>\r\n</Declaration>\r\n`,
    ],
    [
      'empty and self-closing mapped elements',
      '<Declaration><FunctionalReferenceID>A-2</FunctionalReferenceID><TotalPackageQuantity/><GoodsShipment><GovernmentAgencyGoodsItem/><GovernmentAgencyGoodsItem><Commodity><Description></Description><Classification/></Commodity></GovernmentAgencyGoodsItem></GoodsShipment></Declaration>',
    ],
    [
      'prefixes everywhere and unknown elements in between',
      '<a:Declaration xmlns:a="urn:a"><a:Unknown><a:ID>NOT-THIS</a:ID></a:Unknown><a:ID>MRN-3</a:ID><a:GoodsShipment><a:Other/><a:GovernmentAgencyGoodsItem><a:Commodity><a:Description>x &#x263A; y</a:Description></a:Commodity></a:GovernmentAgencyGoodsItem></a:GoodsShipment></a:Declaration>',
    ],
    [
      'text split by CDATA and references',
      '<Declaration><FunctionalReferenceID>A-4</FunctionalReferenceID><GoodsShipment><GovernmentAgencyGoodsItem><Commodity><Description>C<![CDATA[O]]>C&#65;INE &lt;b&gt;</Description></Commodity></GovernmentAgencyGoodsItem></GoodsShipment></Declaration>',
    ],
    [
      'astral characters before a consignment on the same line',
      '<FlightManifest><X>😀😀</X><ArrivalEvent><AssociatedTransportCargo><IncludedMasterConsignment><TransportContractDocument><ID>020-1</ID></TransportContractDocument></IncludedMasterConsignment></AssociatedTransportCargo></ArrivalEvent></FlightManifest>',
    ],
    [
      'a bad record and a good one',
      '<MetaData><Declaration><GoodsShipment/></Declaration><Declaration><ID>OK-1</ID></Declaration></MetaData>',
    ],
    ['a DOCTYPE in a comment is only a comment', '<!-- <!DOCTYPE x> --><Declaration><ID>D-1</ID></Declaration>'],
    ['a DOCTYPE', '<!DOCTYPE Declaration><Declaration><ID>D-1</ID></Declaration>'],
    ['an undeclared entity', '<Declaration><ID>&foo;</ID></Declaration>'],
    ['an attribute named __proto__', '<Declaration __proto__="1"><ID>D-1</ID></Declaration>'],
    ['an unknown root', '<Declarations><ID>D-1</ID></Declarations>'],
  ];
  it.each(awkward)('%s', (_name, doc) => expectSame(doc, { format: 'wco-dm' }));
});

describe('agreement on broken documents (property)', () => {
  const whole = readFileSync(new URL('xfwb/888-11111111_XFWB.xml', corpus), 'utf8');
  const end = whole.lastIndexOf('</ns2:Waybill>');

  it('a document cut anywhere before its end is refused by both, with the same code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: end }), (cut) => {
        const { fast, reference } = both(whole.slice(0, cut), { format: 'xfwb' });
        expect(fast.success).toBe(false);
        expect(reference.success).toBe(false);
        if (!fast.success && !reference.success) expect(fast.error.code).toBe(reference.error.code);
      }),
      { seed: 20261130, numRuns: 150 },
    );
  });

  it('streamed in random chunk sizes, the fast driver gives what the reference gives', async () => {
    const bytes = readFileSync(new URL('xffm-flight-manifest.xml', fixtures));
    const reference = parseManifest(bytes, { reader: 'reference' });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 30 }), async (sizes) => {
        const chunks: Uint8Array[] = [];
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const size = sizes[i % sizes.length]!;
          chunks.push(bytes.subarray(at, at + size));
          at += size;
        }
        const accepted = [];
        for await (const e of readConsignments(chunks)) if (e.type === 'consignment') accepted.push(e.consignment);
        expect(accepted).toEqual(reference.manifest.consignments);
      }),
      { seed: 7, numRuns: 40 },
    );
  });
});
