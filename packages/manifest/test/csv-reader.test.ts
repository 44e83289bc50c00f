import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseManifest, readConsignments, type StreamEvent, safeParseManifest } from '../src/index.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/csv/${name}`, import.meta.url)));

async function stream(bytes: Uint8Array, size: number) {
  const chunks = function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };
  const events: StreamEvent[] = [];
  for await (const e of readConsignments(chunks())) events.push(e);
  return events;
}

describe('CSV reader', () => {
  it('groups consecutive rows into consignments and maps every documented column', () => {
    const { manifest, issues, stats } = parseManifest(fixture('voyage.csv'), { sourceName: 'voyage.csv' });
    expect(issues).toEqual([]);
    expect(stats).toEqual({ seen: 3, accepted: 3, rejected: 0 });
    expect(manifest).toMatchObject({
      id: 'VOY-2611',
      format: 'csv',
      transport: { mode: 'sea', vesselOrAircraft: 'MSC ANNA', voyageOrFlight: 'FW648R' },
    });
    const [chairs, machine, nitrate] = manifest.consignments;
    expect(chairs).toMatchObject({
      id: 'BL001',
      kind: 'direct',
      parties: {
        consignor: { name: 'NINGBO HOMEWARE CO LTD', address: { country: 'CN' } },
        consignee: { address: { lines: ['GROSSE ELBSTRASSE 145'], city: 'HAMBURG', country: 'DE' } },
      },
      goods: [
        {
          seq: 1,
          hsCode: '0901210000',
          description: 'WOODEN CHAIRS, "FLAT" PACKED',
          packages: 310,
          grossKg: 8420,
          value: { amount: 41250, currency: 'USD' },
          containerRefs: ['MSCU1234566'],
        },
      ],
      containers: [{ number: 'MSCU1234566', seals: ['ML-1', 'ML-2'] }],
      source: { format: 'csv', line: 2 },
    });
    expect(machine).toMatchObject({
      route: { loading: 'CNSHA', transshipments: ['AEJEA'] },
      goods: [{ description: 'CIGARETTE MAKING MACHINE\nWITH SPARE PARTS' }],
      source: { line: 3 },
    });
    expect(machine!.parties.consignee).toEqual({ name: 'TO ORDER' });
    expect(nitrate).toMatchObject({
      source: { line: 5 },
      parties: { consignee: { address: { lines: ['UL POLNA 7', 'LOKAL 2'] } } },
      goods: [
        { seq: 1, hsCode: '310230', dangerousGoods: '1942' },
        { seq: 2, hsCode: '310540' },
      ],
    });
  });

  it('reads `;` with a decimal comma, a BOM, CRLF and case-insensitive headers; warns once of unknown columns', () => {
    const bytes = fixture('semicolon-bom-crlf.csv');
    expect(detectFormat(bytes)).toBe('csv');
    const { manifest, issues } = parseManifest(bytes);
    expect(
      manifest.consignments.map((c) => [c.id, c.goods[0]!.hsCode, c.goods[0]!.description, c.goods[0]!.grossKg]),
    ).toEqual([
      ['EU1', '8205590000', 'STEEL PIN SAMPLES; ASSORTED', 4.25],
      ['EU2', '930591', 'PISTOL SLIDE', 0.9],
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unsupported', severity: 'warning', message: expect.stringMatching(/Colour/) }),
    ]);
  });

  it('rejects bad rows with line and column while their neighbours parse, and the counts reconcile', () => {
    const { manifest, issues, stats } = parseManifest(fixture('bad-rows.csv'));
    expect(manifest.consignments.map((c) => c.id)).toEqual(['OK1', 'OK2']);
    expect(stats).toEqual({ seen: 6, accepted: 2, rejected: 4 });
    const at = (id: string) => issues.filter((i) => i.consignmentId === id).map((i) => i.location);
    expect(at('BADHS')).toEqual([{ format: 'csv', line: 3, column: 9, pointer: '/goods/0/hsCode' }]);
    expect(at('BADCTRY')).toEqual([
      { format: 'csv', line: 4, column: 39, pointer: '/parties/consignee/address/country' },
    ]);
    expect(at('BADNUM')).toEqual([{ format: 'csv', line: 5, column: 24 }]);
    expect(at('SHORT')).toEqual([{ format: 'csv', line: 7 }]);
    expect(issues.find((i) => i.consignmentId === 'BADNUM')!.message).toMatch(/12KG/);
  });

  it('gives the same events at any chunk size, 1 byte included', async () => {
    for (const name of ['voyage.csv', 'semicolon-bom-crlf.csv', 'bad-rows.csv']) {
      const bytes = fixture(name);
      const whole = await stream(bytes, bytes.length);
      for (const size of [1, 2, 7, 64]) expect(await stream(bytes, size)).toEqual(whole);
    }
  });

  it('reports an unclosed quote and a stray quote instead of guessing', () => {
    const unclosed = parseManifest('consignment_id,description\nA,"OPEN\nB,FINE\n', { format: 'csv' });
    expect(unclosed.stats).toEqual({ seen: 1, accepted: 0, rejected: 1 });
    expect(unclosed.issues[0]).toMatchObject({ code: 'syntax', location: { line: 2, column: 3 } });
    const stray = parseManifest('consignment_id,description\nA,SAY "HI"\nB,FINE\n', { format: 'csv' });
    expect(stray.manifest.consignments.map((c) => c.id)).toEqual(['B']);
    expect(stray.issues[0]).toMatchObject({ code: 'syntax', location: { line: 2, column: 7 } });
  });

  it('rejects a consignment with more rows than limits.maxItemsPerConsignment and reads the next', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `BIG,${i + 1},ITEM`).join('\n');
    const r = parseManifest(`consignment_id,item_seq,description\n${rows}\nSMALL,1,ITEM\n`, {
      format: 'csv',
      limits: { maxItemsPerConsignment: 5 },
    });
    expect(r.manifest.consignments.map((c) => c.id)).toEqual(['SMALL']);
    expect(r.stats).toEqual({ seen: 2, accepted: 1, rejected: 1 });
    expect(r.issues).toEqual([expect.objectContaining({ code: 'limit-exceeded', consignmentId: 'BIG' })]);
  });

  it('refuses a header without consignment_id, and an empty input', () => {
    expect(safeParseManifest('id,description\nA,B\n', { format: 'csv' })).toMatchObject({
      success: false,
      error: { code: 'syntax', message: expect.stringMatching(/consignment_id/) },
    });
    expect(safeParseManifest('', { format: 'csv' })).toMatchObject({ success: false, error: { code: 'empty-input' } });
  });
});
