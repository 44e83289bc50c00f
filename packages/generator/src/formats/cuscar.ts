import type { Consignment, Manifest, ManifestHeader, Party } from '@cargorisk/manifest';
import type { FormatSerializer } from './index.js';

/*
 * Writes a manifest as one UN/EDIFACT CUSCAR message (D.95B layout, UNOY so any text survives),
 * the structure the cuscar reader maps: UNA · UNB · UNH · BGM · DTM · TDT · LOC, then per
 * consignment CNI · RFF · LOC · NAD · MEA · MOA · GID (FTX, PIA, MEA, LOC+27, MOA, SGP, DGS) ·
 * EQD · SEL, then UNT and UNZ with counts that match. One segment per line.
 *
 * CUSCAR has no place for a consignment's countries of routing or its total number of
 * packages, so those are not written.
 */

const MODE_CODE: Readonly<Record<string, string>> = { sea: '1', rail: '2', road: '3', air: '4' };

// The release character goes before each service character that appears in data.
const release = (value: string | number): string => String(value).replace(/[?+:']/g, '?$&');

/** A number as EDIFACT writes it: plain decimal, never an exponent. */
function plain(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

const seg = (tag: string, ...elements: (string | readonly string[])[]): string => {
  const parts = elements.map((el) => (typeof el === 'string' ? release(el) : el.map(release).join(':')));
  // Trailing empty elements are left out, as ISO 9735 asks.
  while (parts.length > 0 && /^:*$/.test(parts[parts.length - 1]!)) parts.pop();
  return parts.length === 0 ? `${tag}'\n` : `${tag}+${parts.join('+')}'\n`;
};

/** An ISO 8601 date as DTM C507 value and format (102, 203, 204; 303/304 with a time zone). */
function edifactDate(iso: string): [string, string] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(iso);
  if (m === null) return undefined;
  const day = `${m[1]}${m[2]}${m[3]}`;
  if (m[4] === undefined) return [day, '102'];
  const zone = m[7] === undefined ? '' : m[7] === 'Z' ? 'UTC' : m[7].replace(':', '');
  const time = `${day}${m[4]}${m[5]}${m[6] ?? ''}${zone}`;
  return [time, `${zone === '' ? '2' : '3'}${m[6] === undefined ? '03' : '04'}`];
}

function nad(role: string, party: Party): string {
  const a = party.address;
  return seg(
    'NAD',
    role,
    party.id === undefined ? '' : [party.id],
    '',
    [party.name],
    a?.lines ?? [],
    a?.city ?? '',
    '',
    a?.postcode ?? '',
    a?.country ?? '',
  );
}

const ROLES: ReadonlyArray<[keyof Consignment['parties'], string]> = [
  ['consignor', 'CZ'],
  ['consignee', 'CN'],
  ['notify', 'NI'],
  ['carrier', 'CA'],
  ['forwarder', 'FW'],
];

function consignmentSegments(c: Consignment, n: number): string[] {
  const out: string[] = [seg('CNI', String(n), [c.id])];
  if (c.kind === 'house') {
    out.push(seg('RFF', ['BH', c.id]));
    if (c.masterId !== undefined) out.push(seg('RFF', ['BM', c.masterId]));
  } else if (c.kind === 'master') out.push(seg('RFF', ['MB', c.id]));
  else {
    out.push(seg('RFF', ['BM', c.id]));
    if (c.masterId !== undefined) out.push(seg('RFF', ['MB', c.masterId]));
  }
  const r = c.route;
  if (r.loading !== undefined) out.push(seg('LOC', '9', [r.loading]));
  for (const t of r.transshipments) out.push(seg('LOC', '13', [t]));
  if (r.discharge !== undefined) out.push(seg('LOC', '11', [r.discharge]));
  if (r.delivery !== undefined) out.push(seg('LOC', '7', [r.delivery]));
  for (const [role, code] of ROLES) {
    const party = c.parties[role];
    if (party !== undefined) out.push(nad(code, party));
  }
  if (c.totals.grossKg !== undefined) out.push(seg('MEA', 'AAE', 'G', ['KGM', plain(c.totals.grossKg)]));
  if (c.totals.volumeM3 !== undefined) out.push(seg('MEA', 'AAE', 'AAW', ['MTQ', plain(c.totals.volumeM3)]));
  if (c.declaredValue !== undefined) {
    out.push(seg('MOA', ['44', plain(c.declaredValue.amount), c.declaredValue.currency]));
  }
  for (const g of c.goods) {
    out.push(seg('GID', String(g.seq), g.packages === undefined ? '' : [plain(g.packages)]));
    if (g.description !== '') out.push(seg('FTX', 'AAA', '', '', [g.description]));
    if (g.hsCode !== undefined) out.push(seg('PIA', '5', [g.hsCode, 'HS']));
    if (g.grossKg !== undefined) out.push(seg('MEA', 'AAE', 'G', ['KGM', plain(g.grossKg)]));
    if (g.origin !== undefined) out.push(seg('LOC', '27', [g.origin]));
    if (g.value !== undefined) out.push(seg('MOA', ['39', plain(g.value.amount), g.value.currency]));
    for (const ref of g.containerRefs) out.push(seg('SGP', [ref]));
    if (g.dangerousGoods !== undefined) out.push(seg('DGS', 'IMD', '', [g.dangerousGoods]));
  }
  for (const k of c.containers) {
    out.push(seg('EQD', 'CN', [k.number], k.sizeType === undefined ? '' : [k.sizeType]));
    for (const s of k.seals) out.push(seg('SEL', [s]));
  }
  return out;
}

/**
 * CUSCAR as a stream of pieces: the envelope and message header, then the segments of one
 * consignment per piece, then the trailers (whose counts are kept as the pieces go by).
 *
 * @example
 * for (const piece of streamCuscar(header, generateConsignments({ seed: 1, consignments: 1e6 }))) out.write(piece);
 */
export function* streamCuscar(header: ManifestHeader, consignments: Iterable<Consignment>): Iterable<string> {
  const reference = header.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 14) || 'CARGORISK';
  const t = header.transport;
  const prepared = edifactDate(t?.departure?.date ?? '2026-01-01T00:00') ?? ['202601010000', '203'];
  const stamp = `${prepared[0].slice(2, 8)}:${prepared[0].slice(8, 12).padEnd(4, '0')}`;
  let head = "UNA:+.? '\n" + seg('UNB', ['UNOY', '3'], ['CARGORISK', 'ZZZ'], ['CUSTOMS', 'ZZZ'], stamp, reference);
  const body: string[] = [seg('UNH', '1', ['CUSCAR', 'D', '95B', 'UN']), seg('BGM', '85', header.id, '9')];
  if (t !== undefined) {
    for (const [end, qualifier] of [
      ['departure', '133'],
      ['arrival', '132'],
    ] as const) {
      const date = t[end]?.date === undefined ? undefined : edifactDate(t[end].date);
      if (date !== undefined) body.push(seg('DTM', [qualifier, date[0], date[1]]));
    }
    body.push(
      seg(
        'TDT',
        '20',
        t.voyageOrFlight ?? '',
        [MODE_CODE[t.mode] ?? ''],
        '',
        t.carrier === undefined ? '' : ['', '', '', t.carrier],
        '',
        '',
        t.vesselOrAircraft === undefined ? '' : ['', '', '', t.vesselOrAircraft],
      ),
    );
    if (t.departure?.location !== undefined) body.push(seg('LOC', '5', [t.departure.location]));
    if (t.arrival?.location !== undefined) body.push(seg('LOC', '60', [t.arrival.location]));
  }
  let count = body.length;
  head += body.join('');
  yield head;
  let n = 0;
  for (const c of consignments) {
    const segments = consignmentSegments(c, ++n);
    count += segments.length;
    yield segments.join('');
  }
  yield seg('CNT', ['5', String(n)]) + seg('UNT', String(count + 2), '1') + seg('UNZ', '1', reference);
}

/**
 * Writes a manifest as a UN/EDIFACT CUSCAR interchange that `parseManifest` reads back.
 *
 * @example
 * const edi = serializeCuscar(generateManifest({ seed: 1, consignments: 3 }).manifest);
 */
export function serializeCuscar(manifest: Manifest): string {
  const { consignments, ...header } = manifest;
  return Array.from(streamCuscar(header, consignments)).join('');
}

/** UN/EDIFACT CUSCAR, one message per manifest. */
export const cuscarSerializer: FormatSerializer = {
  serialize: serializeCuscar,
  stream: streamCuscar,
  extension: '.edi',
};
