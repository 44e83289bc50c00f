import { type Consignment, CSV_COLUMNS, type GoodsItem, type Manifest, type ManifestHeader } from '@cargorisk/manifest';
import type { FormatSerializer } from './index.js';

/*
 * Writes the CSV layout the csv reader documents (CSV_COLUMNS): one row per goods item, the
 * consignment's columns repeated on each of its rows, the manifest's on every row. RFC 4180
 * quoting, CRLF line ends. A consignment without goods is one row with empty item columns.
 */

const quote = (value: string): string => (/[",;\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const num = (n: number | undefined): string => {
  if (n === undefined) return '';
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(20).replace(/\.?0+$/, '') : s;
};

function manifestCells(header: ManifestHeader): Record<string, string> {
  const t = header.transport;
  return {
    manifest_id: header.id,
    transport_mode: t?.mode ?? '',
    carrier: t?.carrier ?? '',
    voyage: t?.voyageOrFlight ?? '',
    vessel: t?.vesselOrAircraft ?? '',
    departure: t?.departure?.location ?? '',
    departure_date: t?.departure?.date ?? '',
    arrival: t?.arrival?.location ?? '',
    arrival_date: t?.arrival?.date ?? '',
  };
}

function consignmentCells(c: Consignment): Record<string, string> {
  const cells: Record<string, string> = {
    consignment_id: c.id,
    master_id: c.masterId ?? '',
    kind: c.kind,
    loading: c.route.loading ?? '',
    discharge: c.route.discharge ?? '',
    delivery: c.route.delivery ?? '',
    transshipments: c.route.transshipments.join('|'),
    route_countries: c.route.countries.join('|'),
    container_numbers: c.containers.map((k) => k.number).join('|'),
    container_seals: c.containers.some((k) => k.seals.length > 0)
      ? c.containers.map((k) => k.seals.join('+')).join('|')
      : '',
    container_size_types: c.containers.some((k) => k.sizeType !== undefined)
      ? c.containers.map((k) => k.sizeType ?? '').join('|')
      : '',
    total_packages: num(c.totals.packages),
    total_gross_kg: num(c.totals.grossKg),
    total_volume_m3: num(c.totals.volumeM3),
    declared_value: num(c.declaredValue?.amount),
    declared_currency: c.declaredValue?.currency ?? '',
  };
  for (const [role, party] of Object.entries(c.parties)) {
    if (party === undefined) continue;
    cells[`${role}_name`] = party.name;
    cells[`${role}_address`] = party.address?.lines.join('|') ?? '';
    cells[`${role}_city`] = party.address?.city ?? '';
    cells[`${role}_postcode`] = party.address?.postcode ?? '';
    cells[`${role}_country`] = party.address?.country ?? '';
    cells[`${role}_id`] = party.id ?? '';
  }
  return cells;
}

function itemCells(g: GoodsItem): Record<string, string> {
  return {
    item_seq: String(g.seq),
    hs_code: g.hsCode ?? '',
    description: g.description,
    packages: num(g.packages),
    gross_kg: num(g.grossKg),
    origin: g.origin ?? '',
    value: num(g.value?.amount),
    currency: g.value?.currency ?? '',
    container_refs: g.containerRefs.join('|'),
    dangerous_goods: g.dangerousGoods ?? '',
  };
}

const row = (cells: Record<string, string>): string =>
  CSV_COLUMNS.map((column) => quote(cells[column] ?? '')).join(',') + '\r\n';

/**
 * CSV as a stream: the header row, then the rows of one consignment per piece.
 *
 * @example
 * for (const piece of streamCsv(header, generateConsignments({ seed: 1, consignments: 1e6 }))) out.write(piece);
 */
export function* streamCsv(header: ManifestHeader, consignments: Iterable<Consignment>): Iterable<string> {
  yield CSV_COLUMNS.join(',') + '\r\n';
  const m = manifestCells(header);
  for (const c of consignments) {
    const base = { ...m, ...consignmentCells(c) };
    if (c.goods.length === 0) yield row(base);
    else yield c.goods.map((g) => row({ ...base, ...itemCells(g) })).join('');
  }
}

/**
 * Writes a manifest as CSV that `parseManifest` reads back.
 *
 * @example
 * const csv = serializeCsv(generateManifest({ seed: 1, consignments: 3 }).manifest);
 */
export function serializeCsv(manifest: Manifest): string {
  const { consignments, ...header } = manifest;
  return Array.from(streamCsv(header, consignments)).join('');
}

/** CSV, one row per goods item. */
export const csvSerializer: FormatSerializer = {
  serialize: serializeCsv,
  stream: streamCsv,
  extension: '.csv',
};
