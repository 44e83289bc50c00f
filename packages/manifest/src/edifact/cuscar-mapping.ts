import type { Parties, TransportMode } from '../model/manifest.js';

/*
 * The CUSCAR mapping as data: which segment tag and qualifier fills which model field. The
 * driver in cuscar-reader.ts walks segments and looks each one up here; adding a qualifier a
 * national subset uses is a one-line change in this file.
 *
 * Code lists are those of the UN/EDIFACT directories D.95B to D.00B (they did not change for
 * these codes across those releases).
 */

/**
 * A code list keyed by codes from the document. It has no prototype, so a code such as
 * `toString` or `constructor` finds nothing instead of an Object method.
 */
function codeTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** LOC 3227 place/location qualifier → route field of the consignment. */
export const LOC_ROUTE: Readonly<Record<string, 'loading' | 'discharge' | 'delivery' | 'transshipment' | 'origin'>> =
  codeTable({
    '9': 'loading', // place/port of loading
    '76': 'loading', // original port of loading (used when no LOC+9 is given)
    '11': 'discharge', // place/port of discharge
    '7': 'delivery', // place of delivery
    '13': 'transshipment', // place of transhipment
    '27': 'origin', // country of origin (goods item level)
  });

/** LOC 3227 at message level (before the first CNI) → transport endpoint. */
export const LOC_TRANSPORT: Readonly<Record<string, 'departure' | 'arrival'>> = codeTable({
  '5': 'departure', // place of departure
  '9': 'departure', // port of loading of the conveyance
  '60': 'arrival', // place of arrival
  '11': 'arrival', // port of discharge of the conveyance
});

/** DTM 2005 date/time qualifier → transport endpoint date. */
export const DTM_TRANSPORT: Readonly<Record<string, 'departure' | 'arrival'>> = codeTable({
  '132': 'arrival', // arrival date/time, estimated
  '178': 'arrival', // actual arrival date/time
  '133': 'departure', // departure date/time, estimated
  '186': 'departure', // departure date/time, actual
  '136': 'departure', // departure date/time
});

/** NAD 3035 party function qualifier → party role. */
export const NAD_ROLE: Readonly<Record<string, keyof Parties>> = codeTable({
  CZ: 'consignor',
  CN: 'consignee',
  NI: 'notify',
  CA: 'carrier',
  FW: 'forwarder',
});

/** RFF 1153 reference qualifier → the consignment number it carries. */
export const RFF_NUMBER: Readonly<Record<string, 'bill' | 'house' | 'master' | 'hs'>> = codeTable({
  BM: 'bill', // bill of lading number
  BH: 'house', // house bill of lading number
  MB: 'master', // master bill of lading number
  HS: 'hs', // not in the directory code list; national subsets put the tariff code here
});

/** PIA C212 7143 item type codes that name a tariff number. */
export const PIA_TARIFF_TYPES: ReadonlySet<string> = new Set(['HS', 'CG', 'CST']);

/** TDT C220 8067 mode of transport (Recommendation 19) → model mode. */
export const TRANSPORT_MODE: Readonly<Record<string, TransportMode>> = codeTable({
  '1': 'sea', // maritime
  '8': 'sea', // inland water
  '2': 'rail',
  '3': 'road',
  '4': 'air',
});

/** MEA C502 6313 measured attribute → what it measures. */
export const MEA_PROPERTY: Readonly<Record<string, 'gross' | 'volume'>> = codeTable({
  G: 'gross', // gross weight
  AAB: 'gross', // unit gross weight, as some subsets use it
  AAW: 'volume', // gross volume
  VOL: 'volume',
});

/** MEA 6311 measurement purpose qualifiers that carry weights and volumes. */
export const MEA_PURPOSE: ReadonlySet<string> = new Set(['AAE', 'WT', 'VOL', 'AAI']);

/** C174 6411 measure unit (Recommendation 20) → factor to kilograms. */
export const WEIGHT_TO_KG: Readonly<Record<string, number>> = codeTable({
  KGM: 1,
  GRM: 0.001,
  TNE: 1000,
  LBR: 0.45359237,
});

/** C174 6411 measure unit → factor to cubic metres. */
export const VOLUME_TO_M3: Readonly<Record<string, number>> = codeTable({
  MTQ: 1,
  LTR: 0.001,
  DMQ: 0.001,
  FTQ: 0.028316846592,
});

/** MOA C516 5025 qualifiers read as a goods item's or consignment's value. */
export const MOA_VALUE: ReadonlySet<string> = new Set(['39', '40', '44', '46', '64', '123', '146']);

/** EQD 8053 equipment qualifiers that are containers. */
export const EQD_CONTAINER: ReadonlySet<string> = new Set(['CN']);

/** Segments that end the consignment before them. */
export const ENDS_CONSIGNMENT: ReadonlySet<string> = new Set(['CNI', 'CNT', 'UNT', 'UNH', 'UNZ']);

// EDIFACT has no triad separators, so a comma can only be a decimal mark (ISO 9735 section 10).
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** An EDIFACT numeric value, with `.` or `,` as decimal mark; NaN when it is not one. */
export function edifactNumber(text: string): number {
  if (!NUMBER.test(text)) return Number.NaN;
  return Number(text.replace(',', '.'));
}

/**
 * DTM C507 value in format 2379 → ISO 8601, or undefined for a format we do not read:
 * 102 CCYYMMDD, 203 CCYYMMDDHHMM, 204 CCYYMMDDHHMMSS, and 303 / 304 (the same with a time zone,
 * read as `UTC`, `Z` or a ±HHMM offset).
 */
export function edifactDate(value: string, format: string): string | undefined {
  let zone = '';
  let digits = value;
  if (format === '303' || format === '304') {
    const m = /^(\d+)(UTC|GMT|Z|[+-]\d{2}:?\d{2})$/.exec(value);
    if (m === null) return undefined;
    digits = m[1]!;
    zone = m[2]!.length <= 3 && !/\d/.test(m[2]!) ? 'Z' : `${m[2]!.slice(0, 3)}:${m[2]!.slice(-2)}`;
    format = format === '303' ? '203' : '204';
  }
  if (!/^\d+$/.test(digits)) return undefined;
  const date = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if ((format === '102' || format === '') && digits.length === 8) return date;
  if (format === '203' && digits.length === 12) return `${date}T${digits.slice(8, 10)}:${digits.slice(10, 12)}${zone}`;
  if (format === '204' && digits.length === 14)
    return `${date}T${digits.slice(8, 10)}:${digits.slice(10, 12)}:${digits.slice(12, 14)}${zone}`;
  return undefined;
}
