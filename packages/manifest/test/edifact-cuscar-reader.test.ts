import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifest, readConsignments, type StreamEvent } from '../src/index.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/edifact/${name}`, import.meta.url)));
const sample = () => readFileSync(fileURLToPath(new URL('../../../samples/cuscar/voyage.edi', import.meta.url)));

async function stream(bytes: Uint8Array, size: number) {
  const chunks = function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };
  const events: StreamEvent[] = [];
  for await (const e of readConsignments(chunks(), { format: 'cuscar' })) events.push(e);
  return events;
}

describe('CUSCAR reader: mapping', () => {
  it('maps the demo voyage: transport, parties, route, goods, containers', () => {
    const { manifest, issues, stats } = parseManifest(sample(), { sourceName: 'voyage.edi' });
    expect(issues).toEqual([]);
    expect(stats).toEqual({ seen: 5, accepted: 5, rejected: 0 });
    expect(manifest).toMatchObject({
      id: 'MSCHAM2611280001',
      format: 'cuscar',
      transport: {
        mode: 'sea',
        carrier: 'MEDITERRANEAN SHIPPING COMPANY',
        voyageOrFlight: 'FW648R',
        vesselOrAircraft: 'MSC ANNA',
        departure: { location: 'CNSHA', date: '2026-11-28T18:00' },
        arrival: { location: 'DEHAM', date: '2026-12-14T14:00' },
      },
    });
    const [furniture, machine, nitrate, house] = manifest.consignments;
    expect(furniture).toMatchObject({
      id: 'MSCUSH2611001',
      kind: 'direct',
      parties: {
        consignor: {
          name: 'NINGBO HOMEWARE CO LTD',
          address: { lines: ['88 ZHONGSHAN ROAD'], city: 'NINGBO', postcode: '315000', country: 'CN' },
        },
        consignee: { name: 'HANSEATIC MOEBEL GMBH', address: { city: 'HAMBURG', country: 'DE' } },
        notify: { name: 'HANSEATIC MOEBEL GMBH' },
      },
      route: { loading: 'CNNGB', discharge: 'DEHAM', transshipments: [] },
      totals: { grossKg: 8420, volumeM3: 66.5 },
      goods: [
        {
          seq: 1,
          hsCode: '940161',
          description: 'WOODEN DINING CHAIRS FLAT PACKED IN CARTONS',
          packages: 310,
          grossKg: 8420,
          origin: 'CN',
          value: { amount: 41250, currency: 'USD' },
          containerRefs: ['MSCU1234566'],
        },
      ],
      containers: [{ number: 'MSCU1234566', seals: ['ML-4417821'], sizeType: '45G1' }],
      source: { format: 'cuscar', message: 0, segment: 9, line: 11 },
    });
    expect(machine).toMatchObject({
      route: { loading: 'CNSHA', transshipments: ['AEJEA'], discharge: 'DEHAM' },
      parties: { consignee: { name: 'TO ORDER' } },
      goods: [{ hsCode: '847810' }],
    });
    expect(machine!.parties.consignee!.address).toBeUndefined();
    expect(nitrate).toMatchObject({
      route: { delivery: 'PLWAW' },
      parties: { forwarder: { name: 'BALTIC FORWARDING GMBH' } },
      goods: [{ hsCode: '310230', dangerousGoods: '1942', grossKg: 25000 }],
    });
    expect(house).toMatchObject({
      id: 'SZX-HB-77120',
      masterId: 'MSCUSH2611004',
      kind: 'house',
      goods: [
        { hsCode: '820559', description: 'STEEL PIN SAMPLES' },
        { hsCode: '930591', description: 'PISTOL SLIDE MACHINED STEEL' },
      ],
    });
  });

  it("splits on release characters: ?' ??' ???' ?+ ?:", () => {
    const { manifest, issues } = parseManifest(fixture('release-characters.edi'));
    expect(issues).toEqual([]);
    const [c] = manifest.consignments;
    expect(c!.id).toBe('BL+PLUS');
    expect(c!.parties.consignor!.name).toBe("O'BRIEN + SONS LTD");
    expect(c!.parties.consignee!.name).toBe('RATIO 1:2 TRADING');
    expect(c!.goods.map((g) => g.description)).toEqual(['DOUBLE RELEASE ?', "TRIPLE ?'QUOTED", 'WHAT? A + B : C']);
    expect(manifest.transport).toMatchObject({ carrier: 'OCEAN LINE', vesselOrAircraft: 'MV TEST' });
  });

  it('honours a custom UNA with a decimal comma and converts TNE and LBR to kilograms', () => {
    const { manifest, issues } = parseManifest(fixture('custom-una.edi'));
    expect(issues).toEqual([]);
    const [c] = manifest.consignments;
    expect(c!.parties.consignee!.name).toBe('PIPE|AND~TILDE BV');
    expect(c!.totals.grossKg).toBe(1250.5);
    expect(c!.goods.map((g) => [g.description, g.grossKg])).toEqual([
      ['STEEL WIRE; COILED', 1250],
      ['BRASS FITTINGS', 4.536],
    ]);
  });

  it('reads an interchange without UNA with the level A characters', () => {
    const { manifest, issues } = parseManifest(fixture('no-una.edi'));
    expect(issues).toEqual([]);
    expect(manifest.consignments[0]).toMatchObject({ id: 'BLNOUNA1', goods: [{ hsCode: '950300', grossKg: 120.5 }] });
  });

  it('decodes UNOC as ISO 8859-1, not UTF-8', () => {
    const { manifest } = parseManifest(fixture('unoc-latin1.edi'));
    const [c] = manifest.consignments;
    expect(c!.parties.consignor).toMatchObject({ name: 'CAFÉ DE COLOMBIA S.A.S.', address: { city: 'MEDELLÍN' } });
    expect(c!.parties.consignee!.address!.lines).toEqual(['STRAßE DES 17. JUNI 1']);
    expect(c!.goods[0]).toMatchObject({ description: 'CAFÉ VERDE SIN TOSTAR, GRANO ARÁBICA', hsCode: '0901110000' });
  });

  it('reads a string as text already decoded: a UNOC interchange read as Latin-1 keeps its accents', async () => {
    const bytes = fixture('unoc-latin1.edi');
    const fromBytes = parseManifest(bytes);
    const text = bytes.toString('latin1');
    const fromString = parseManifest(text);
    expect(fromString.manifest).toEqual(fromBytes.manifest);
    expect(fromString.manifest.consignments[0]!.parties.consignor!.name).toBe('CAFÉ DE COLOMBIA S.A.S.');
    const streamed: StreamEvent[] = [];
    for await (const e of readConsignments([text.slice(0, 100), text.slice(100)])) streamed.push(e);
    const c = streamed.find((e) => e.type === 'consignment');
    expect(c?.type === 'consignment' && c.consignment).toEqual(fromBytes.manifest.consignments[0]);
  });

  it('a qualifier or unit named like an Object method is an unknown code, not a method', () => {
    const edi =
      "UNA:+.? 'UNB+UNOC:3+S+R+260101:0000+1'UNH+1+CUSCAR:D:95B:UN'BGM+85+M1+9'CNI+1+BL1'NAD+toString+++ACME'NAD+CN+++BETA'" +
      "LOC+constructor+NLRTM'GID+1+1:BG'FTX+AAA+++GOODS'UNT+9+1'UNZ+1+1'";
    const { manifest, stats, issues } = parseManifest(Buffer.from(edi, 'latin1'));
    expect(stats).toEqual({ seen: 1, accepted: 1, rejected: 0 });
    expect(Object.keys(manifest.consignments[0]!.parties)).toEqual(['consignee']);
    expect(manifest.consignments[0]!.route.loading).toBeUndefined();
    expect(issues).toEqual([]);
  });

  it('reads the tariff code from PIA, RFF+HS or GDS, PIA first, leading zeros kept', () => {
    const { manifest } = parseManifest(fixture('hs-locations.edi'));
    expect(manifest.consignments[0]!.goods.map((g) => g.hsCode)).toEqual(['0901210000', '090121', '851712', '851762']);
    expect(manifest.consignments[0]).toMatchObject({ id: 'BLHS1', masterId: 'MBL-0001', kind: 'house' });
  });
});

describe('CUSCAR reader: integrity', () => {
  it('reports UNT and UNZ count and reference mismatches and keeps every good consignment', () => {
    const { manifest, issues, stats } = parseManifest(fixture('integrity.edi'));
    expect(manifest.consignments.map((c) => c.id)).toEqual(['BLGOOD1', 'BLCOUNT2', 'BLREF3']);
    expect(stats).toEqual({ seen: 3, accepted: 3, rejected: 0 });
    expect(issues.map((i) => [i.code, i.location.message, i.location.segment])).toEqual([
      ['count-mismatch', 1, 17],
      ['reference-mismatch', 2, 24],
      ['count-mismatch', undefined, 25],
      ['reference-mismatch', undefined, 25],
    ]);
    expect(issues[0]!.message).toMatch(/UNT says 8 segments, message M2 has 7/);
  });

  it('reports a message without UNT and a missing UNZ, and still reads both messages', () => {
    const { manifest, issues, stats } = parseManifest(fixture('missing-trailers.edi'));
    expect(manifest.consignments.map((c) => c.id)).toEqual(['BLNOUNT1', 'BLAFTER2']);
    expect(stats.accepted).toBe(2);
    expect(issues.map((i) => [i.code, i.location.message ?? null, i.location.segment])).toEqual([
      ['missing-segment', 0, 1],
      ['missing-segment', null, 0],
    ]);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/A1 has no UNT[\s\S]*MISS01 has no UNZ/);
  });

  it('rejects a bad consignment with its location while its neighbours parse, and the counts reconcile', () => {
    const { manifest, issues, stats } = parseManifest(fixture('bad-consignments.edi'));
    expect(manifest.consignments.map((c) => c.id)).toEqual(['BLOK1', 'BLOK5']);
    expect(stats).toEqual({ seen: 5, accepted: 2, rejected: 3 });
    const byId = Object.fromEntries(issues.map((i) => [i.consignmentId, i]));
    expect(byId.BLBADHS2).toMatchObject({
      code: 'invalid-value',
      severity: 'error',
      location: { format: 'cuscar', message: 0, segment: 11, pointer: '/goods/0/hsCode' },
    });
    expect(byId.BLBADCTRY3).toMatchObject({
      location: { segment: 14, pointer: '/parties/consignee/address/country' },
    });
    expect(byId.BLBADWT4).toMatchObject({ code: 'invalid-value', location: { segment: 23 } });
    expect(byId.BLBADWT4!.message).toMatch(/12KG/);
  });

  it('skips a message that is not CUSCAR with a warning', () => {
    const edi = "UNB+UNOA:3+S+R+1:2+R1'UNH+1+IFTMIN:D:95B:UN'CNI+1+X'UNT+3+1'UNZ+1+R1'";
    const { manifest, issues } = parseManifest(edi, { format: 'cuscar' });
    expect(manifest.consignments).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'unsupported', severity: 'warning' })]);
  });
});

describe('CUSCAR reader: limits', () => {
  const head = "UNB+UNOA:3+S+R+1:2+R1'UNH+1+CUSCAR:D:95B:UN'";
  const tail = "UNT+99+1'UNZ+1+R1'";

  it('rejects a consignment past limits.maxItemsPerConsignment and reads the next', () => {
    const items = Array.from({ length: 6 }, (_, i) => `GID+${i + 1}+1:CT'FTX+AAA+++ITEM'`).join('');
    const edi = `${head}CNI+1+BIG'${items}CNI+2+SMALL'GID+1+1:CT'${tail}`;
    const r = parseManifest(edi, { limits: { maxItemsPerConsignment: 5 } });
    expect(r.manifest.consignments.map((c) => c.id)).toEqual(['SMALL']);
    expect(r.issues).toContainEqual(
      expect.objectContaining({
        code: 'limit-exceeded',
        consignmentId: 'BIG',
        location: expect.objectContaining({ segment: 13 }),
      }),
    );
  });

  it('rejects a description past limits.maxTextLength without holding all of it', () => {
    const lines = Array.from({ length: 50 }, () => `FTX+AAA+++${'A'.repeat(30)}'`).join('');
    const edi = `${head}CNI+1+LONG'GID+1+1:CT'${lines}CNI+2+SHORT'GID+1+1:CT'FTX+AAA+++OK'${tail}`;
    const r = parseManifest(edi, { limits: { maxTextLength: 1000 } });
    expect(r.manifest.consignments.map((c) => c.id)).toEqual(['SHORT']);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'limit-exceeded', consignmentId: 'LONG' }));
  });
});

describe('CUSCAR reader: streaming', () => {
  it('gives the same events at any chunk size, 1 byte included', async () => {
    for (const bytes of [sample(), fixture('release-characters.edi'), fixture('integrity.edi')]) {
      const whole = await stream(bytes, bytes.length);
      for (const size of [1, 7, 64, 4096]) expect(await stream(bytes, size)).toEqual(whole);
    }
  });

  it('streams the header first, then consignments, and ends with reconciled counts', async () => {
    const events = await stream(fixture('bad-consignments.edi'), 100);
    expect(events[0]).toMatchObject({ type: 'header', header: { id: 'BAD-1', format: 'cuscar' } });
    expect(events.filter((e) => e.type === 'consignment')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'rejected')).toHaveLength(3);
    expect(events.at(-1)).toEqual({ type: 'end', stats: { seen: 5, accepted: 2, rejected: 3 } });
  });
});

describe('CUSCAR reader: transport mode', () => {
  const interchange = (tdt: string) =>
    Buffer.from(
      [
        "UNB+UNOA:3+S+R+261128:0930+IC1'",
        "UNH+1+CUSCAR:D:95B:UN'",
        "BGM+85+MODE-1+9'",
        tdt,
        "CNI+1+BL1'",
        "GID+1+5:CT'",
        "FTX+AAA+++STEEL BOLTS'",
        "UNT+7+1'",
        "UNZ+1+IC1'",
      ].join(''),
    );

  it('takes sea when TDT gives no mode, with a warning at the TDT segment', () => {
    const { manifest, issues, stats } = parseManifest(interchange("TDT+20+V1++++++:::VESSEL'"), { format: 'cuscar' });
    expect(manifest.transport?.mode).toBe('sea');
    expect(stats).toEqual({ seen: 1, accepted: 1, rejected: 0 });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'assumed-value',
        severity: 'warning',
        location: expect.objectContaining({ segment: 3 }),
      }),
    ]);
  });

  it('says nothing when TDT gives the mode', () => {
    const { manifest, issues } = parseManifest(interchange("TDT+20+V1+4'"), { format: 'cuscar' });
    expect(manifest.transport?.mode).toBe('air');
    expect(issues).toEqual([]);
  });
});

describe('CUSCAR reader: a chunk boundary anywhere', () => {
  // Every path of the byte reader in one interchange: UNA with a decimal comma, release
  // characters (one just before a terminator, pairs, a released separator), UTF-8 text with two-
  // and three-byte characters, CR/LF between segments, codes read again from the code cache.
  const interchange = Buffer.from(
    [
      "UNA:+,? '",
      "UNB+UNOY:3+S+R+261128:0930+IC9'",
      "UNH+1+CUSCAR:D:95B:UN'",
      "BGM+85+EDGE-1+9'",
      "TDT+20+V1+1++:::LÍNEA+++:::NAVÍO'",
      "CNI+1+BL?+1'",
      "LOC+9+CNSHA'",
      "NAD+CZ+++O?'BRIEN ?+ SØNS+1 QUAY ST+DUBLIN+++IE'",
      "NAD+CN+++商行 ??+ROAD 1+SHANGHAI+++CN'",
      "MEA+AAE+G+KGM:1234,5'",
      "GID+1+5:CT'",
      "FTX+AAA+++CAFÉ ?:  DÉCAF ???'X'",
      "PIA+5+090111:HS'",
      "MOA+39:99,95:EUR'",
      "CNI+2+BL2'",
      "GID+1+1:CT'",
      "FTX+AAA+++ÜBER ??'",
      "PIA+5+090111:HS'",
      "MOA+39:1,5:EUR'",
      "CNT+11:2'",
      "UNT+19+1'",
      "UNZ+1+IC9'",
    ].join('\r\n'),
    'utf8',
  );

  it('reads the interchange as intended', () => {
    const r = parseManifest(interchange);
    expect(r.issues).toEqual([]);
    expect(r.stats).toEqual({ seen: 2, accepted: 2, rejected: 0 });
    const [first, second] = r.manifest.consignments;
    expect(r.manifest.transport).toMatchObject({ carrier: 'LÍNEA', vesselOrAircraft: 'NAVÍO' });
    expect(first).toMatchObject({
      id: 'BL+1',
      parties: { consignor: { name: "O'BRIEN + SØNS" }, consignee: { name: '商行 ?' } },
      totals: { grossKg: 1234.5 },
      goods: [{ description: "CAFÉ :  DÉCAF ?'X", hsCode: '090111', value: { amount: 99.95, currency: 'EUR' } }],
    });
    expect(second?.goods[0]).toMatchObject({ description: 'ÜBER ?', value: { amount: 1.5, currency: 'EUR' } });
  });

  it('gives the one-chunk result when split in two at every byte offset', async () => {
    const whole = await stream(interchange, interchange.length);
    for (let at = 1; at < interchange.length; at++) {
      const events: StreamEvent[] = [];
      const chunks = [interchange.subarray(0, at), interchange.subarray(at)];
      for await (const e of readConsignments(chunks, { format: 'cuscar' })) events.push(e);
      expect(events, `split at byte ${at}`).toEqual(whole);
    }
  });

  it('gives the one-chunk result when split in three at offsets around every release character', async () => {
    const whole = await stream(interchange, interchange.length);
    const releases = [...interchange.keys()].filter((i) => interchange[i] === 0x3f);
    for (const r of releases) {
      for (const [a, b] of [
        [r, r + 1],
        [r - 1, r + 1],
        [r + 1, r + 2],
      ] as const) {
        const events: StreamEvent[] = [];
        const chunks = [interchange.subarray(0, a), interchange.subarray(a, b), interchange.subarray(b)];
        for await (const e of readConsignments(chunks, { format: 'cuscar' })) events.push(e);
        expect(events, `split at ${a} and ${b}`).toEqual(whole);
      }
    }
  });
});
