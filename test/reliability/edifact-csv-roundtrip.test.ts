import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateManifest, serializers } from '@cargorisk/generator';
import { type Consignment, type Manifest, parseManifest, readConsignments } from '@cargorisk/manifest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/*
 * Serializer → reader round trips for CUSCAR and CSV: what the generator writes, the readers
 * read back as the same consignments. `source` differs by design (it names where each record
 * sits in the written file); CUSCAR has no place for a route's countries or a consignment's
 * total number of packages, so those are compared only for CSV.
 */

const voyage = readFileSync(fileURLToPath(new URL('../../samples/cuscar/voyage.edi', import.meta.url)));
const base = parseManifest(voyage).manifest;

/** A manifest that uses every field the model has, awkward characters included. */
function richManifest(): Manifest {
  const extra: Consignment = {
    id: "MASTER+1:'?",
    kind: 'master',
    parties: {
      consignor: {
        name: 'ACME "QUOTED", LTD; ?+:\'',
        id: 'DE123456789012345',
        address: { lines: ['LINE ONE', 'LINE TWO'], city: 'KÖLN', postcode: '50667', country: 'DE' },
      },
      carrier: { name: 'CARRIER ONLY NAME' },
    },
    route: {
      loading: 'DEHAM',
      discharge: 'USNYC',
      delivery: 'USCHI',
      transshipments: ['GBFXT', 'NLRTM'],
      countries: ['DE', 'GB', 'NL', 'US'],
    },
    goods: [
      {
        seq: 1,
        hsCode: '0901210000',
        description: 'ROASTED COFFEE, "ESPRESSO"\nSECOND LINE 香',
        packages: 12,
        grossKg: 0.125,
        origin: 'CO',
        value: { amount: 1234.56, currency: 'EUR' },
        containerRefs: ['CSQU3054383', 'MSCU1234566'],
        dangerousGoods: '1942',
      },
      { seq: 2, description: '', containerRefs: [] },
    ],
    containers: [
      { number: 'CSQU3054383', seals: ['S1', 'S2'], sizeType: '22G1' },
      { number: 'MSCU1234566', seals: [] },
    ],
    totals: { packages: 12, grossKg: 1500.5, volumeM3: 33.2 },
    declaredValue: { amount: 99000, currency: 'USD' },
    source: { format: 'json' },
  };
  const empty: Consignment = {
    id: 'NO-GOODS',
    kind: 'direct',
    parties: {},
    route: { transshipments: [], countries: [] },
    goods: [],
    containers: [],
    totals: {},
    source: { format: 'json' },
  };
  return { ...base, consignments: [...base.consignments, extra, empty] };
}

const comparable = (c: Consignment, format: 'cuscar' | 'csv') => {
  const { source: _source, ...rest } = c;
  if (format === 'csv') return rest;
  const { packages: _packages, ...totals } = rest.totals;
  return { ...rest, totals, route: { ...rest.route, countries: [] } };
};

describe.each(['cuscar', 'csv'] as const)('%s serializer round trip', (format) => {
  const serializer = serializers[format]!;

  it('reads back the same consignments and transport', () => {
    const manifest = richManifest();
    const text = serializer.serialize(manifest);
    const { manifest: back, issues, stats } = parseManifest(text);
    expect(issues).toEqual([]);
    expect(stats.accepted).toBe(manifest.consignments.length);
    expect(back.format).toBe(format);
    expect(back.id).toBe(manifest.id);
    expect(back.transport).toEqual(manifest.transport);
    expect(back.consignments.map((c) => comparable(c, format))).toEqual(
      manifest.consignments.map((c) => comparable(c, format)),
    );
  });

  it('reads back a generated manifest (planted targets and awkward variations included)', () => {
    for (const mode of ['sea', 'air'] as const) {
      const { manifest } = generateManifest({ seed: 20261130, consignments: 60, mode });
      const { manifest: back, stats } = parseManifest(serializer.serialize(manifest));
      expect(stats).toEqual({ seen: 60, accepted: 60, rejected: 0 });
      expect(back.transport).toEqual(manifest.transport);
      expect(back.consignments.map((c) => comparable(c, format))).toEqual(
        manifest.consignments.map((c) => comparable(c, format)),
      );
    }
  });

  it('streams the same text as the whole form, and the streamed text reads back piece by piece', async () => {
    const manifest = richManifest();
    const { consignments, ...header } = manifest;
    const pieces = Array.from(serializer.stream!(header, consignments));
    expect(pieces.join('')).toBe(serializer.serialize(manifest));
    const ids: string[] = [];
    for await (const e of readConsignments(pieces)) if (e.type === 'consignment') ids.push(e.consignment.id);
    expect(ids).toEqual(consignments.map((c) => c.id));
  });

  it('keeps any printable text in names and descriptions', () => {
    const textArb = fc
      .string({
        unit: fc.constantFrom('A', 'z', ' ', '?', '+', ':', "'", '"', ',', ';', '|', '~', 'É', '香'),
        minLength: 1,
      })
      .map((s) => s.trim())
      .filter((s) => s !== '' && !s.includes('|'));
    fc.assert(
      fc.property(textArb, textArb, (name, description) => {
        const c: Consignment = {
          ...base.consignments[0]!,
          parties: { consignee: { name: name.replace(/\s+/g, ' ') } },
          goods: [{ seq: 1, description: description.replace(/\s+/g, ' '), containerRefs: [] }],
        };
        const back = parseManifest(serializer.serialize({ ...base, consignments: [c] })).manifest.consignments[0]!;
        expect(back.parties.consignee!.name).toBe(name.replace(/\s+/g, ' '));
        expect(back.goods[0]!.description).toBe(description.replace(/\s+/g, ' '));
      }),
      { seed: 20261130, numRuns: 150 },
    );
  });
});
