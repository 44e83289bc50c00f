import { isCountryCode, isIataLocation, isUnLocode } from '../model/codes.js';

/*
 * The named converters a mapping may use. Each turns the text of one element (entities already
 * resolved) into a model value. A value that cannot be read is returned as written, never guessed
 * at, so the schema check rejects the record with a pointer to the field instead of the reader
 * inventing a value or silently dropping it. An empty element is `undefined`: not carried.
 */

/** Attribute values captured beside an element's text (`unitCode`, `currencyID`). */
export type Attributes = Readonly<Record<string, string | undefined>>;

export type Converter = (text: string, attrs: Attributes) => unknown;

const XML_SPACE_RUN = /[ \t\r\n]+/g;

/** Whether `raw` needs no trimming or collapsing (the common case, checked without allocating). */
function tidy(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return false;
  let prevSpace = true;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) return false;
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else prevSpace = false;
  }
  return !prevSpace;
}

/** Trims and collapses runs of XML white space (line breaks inside a name become one space). */
export function text(raw: string): string | undefined {
  if (tidy(raw)) return raw;
  const out = raw.replace(XML_SPACE_RUN, ' ').trim();
  return out === '' ? undefined : out;
}

const HS_NOISE = /[. \t\r\n]+/g;

/** HS code: dots and spaces dropped, digits kept exactly as written (leading zeros too). */
export function hs(raw: string): string | undefined {
  let clean = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 46 || c === 32 || c === 9 || c === 10 || c === 13) {
      clean = false;
      break;
    }
  }
  const out = clean ? raw : raw.replace(HS_NOISE, '');
  return out === '' ? undefined : out;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The value of digits with at most one '.' (no sign, no space), at most 15 characters: most
 * quantities. The digits as a whole number and the power of ten are both exact doubles, so their
 * quotient is the correctly rounded value, the one `Number` gives; anything else is undefined.
 */
function plainDecimal(raw: string): number | undefined {
  const n = raw.length;
  if (n === 0 || n > 15) return undefined;
  let whole = 0;
  let digits = 0;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
    } else if (c === 46 && dot < 0) dot = i;
    else return undefined;
  }
  if (digits === 0) return undefined;
  return dot < 0 ? whole : whole / POWERS_OF_TEN[n - dot - 1]!;
}

/** Plain decimal or exponent form (`36.9`, `1e3`); anything else (a comma, units) is kept as written. */
export function decimal(raw: string): number | string | undefined {
  // What the pattern below accepts in its commonest form, read without trimming or matching.
  const plain = plainDecimal(raw);
  if (plain !== undefined) return plain;
  const t = raw.trim();
  if (t === '') return undefined;
  if (!DECIMAL.test(t)) return t;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** Whole number; `1e3` is 1000, `2.5` stays 2.5 so the schema reports it. */
export function int(raw: string): number | string | undefined {
  return decimal(raw);
}

/** ISO 3166-1 alpha-2, upper-cased; an unknown code is kept as written for the schema to report. */
export function country(raw: string): string | undefined {
  const t = raw.trim();
  if (t === '') return undefined;
  const up = t.toUpperCase();
  return isCountryCode(up) ? up : t;
}

/** UN/LOCODE, spaces dropped (`DE HAM` is `DEHAM`) and upper-cased. */
export function locode(raw: string): string | undefined {
  const t = hsLike(raw).toUpperCase();
  if (t === '') return undefined;
  return isUnLocode(t) || isIataLocation(t) ? t : raw.trim();
}

/** IATA airport or city code. */
export function iata(raw: string): string | undefined {
  const t = raw.trim().toUpperCase();
  if (t === '') return undefined;
  return isIataLocation(t) ? t : raw.trim();
}

/** A code kept exactly as written, white space trimmed (container numbers, currency, qualifiers). */
export function code(raw: string): string | undefined {
  const t = raw.trim();
  return t === '' ? undefined : t;
}

/** ISO 8601 date or date-time as written; other shapes are kept for the schema to report. */
export function date(raw: string): string | undefined {
  const t = raw.trim();
  if (t === '') return undefined;
  return t;
}

// Mass units of UN/ECE Recommendation 20 seen in Cargo-XML and the WCO data model.
const KG_PER_UNIT: Readonly<Record<string, number>> = Object.freeze({
  KGM: 1,
  KG: 1,
  K: 1,
  LBR: 0.45359237,
  LB: 0.45359237,
  L: 0.45359237,
  TNE: 1000,
  GRM: 0.001,
});

/** Mass in kilograms, converting from the `unitCode` attribute (LBR, TNE, GRM); kilograms when absent. */
export function weight(raw: string, attrs: Attributes): number | string | undefined {
  const n = decimal(raw);
  if (typeof n !== 'number') return n;
  // Kilograms as nearly every manifest writes them.
  if (attrs.unitCode === undefined || attrs.unitCode === 'KGM') return n;
  const unit = attrs.unitCode?.trim().toUpperCase();
  if (unit === undefined || unit === '') return n;
  const factor = Object.hasOwn(KG_PER_UNIT, unit) ? KG_PER_UNIT[unit] : undefined;
  if (factor === undefined) return `${raw.trim()} ${unit}`;
  return factor === 1 ? n : Math.round(n * factor * 1000) / 1000;
}

const M3_PER_UNIT: Readonly<Record<string, number>> = Object.freeze({
  MTQ: 1,
  CMQ: 1e-6,
  DMQ: 1e-3,
  LTR: 1e-3,
  FTQ: 0.028316846592,
});

/** Volume in cubic metres from the `unitCode` attribute; cubic metres when absent. */
export function volume(raw: string, attrs: Attributes): number | string | undefined {
  const n = decimal(raw);
  if (typeof n !== 'number') return n;
  const unit = attrs.unitCode?.trim().toUpperCase();
  if (unit === undefined || unit === '') return n;
  const factor = Object.hasOwn(M3_PER_UNIT, unit) ? M3_PER_UNIT[unit] : undefined;
  if (factor === undefined) return `${raw.trim()} ${unit}`;
  return Math.round(n * factor * 1e6) / 1e6;
}

/** An amount with its `currencyID` attribute. */
export function money(raw: string, attrs: Attributes): { amount: unknown; currency: unknown } | undefined {
  const amount = decimal(raw);
  if (amount === undefined) return undefined;
  return { amount, currency: attrs.currencyID?.trim() ?? '' };
}

/** Transport mode from UN/ECE Recommendation 19 (the WCO ModeCode): 1 sea, 2 rail, 3 road, 4 air. */
export function mode(raw: string): string | undefined {
  switch (raw.trim()) {
    case '1':
    case '8':
      return 'sea';
    case '2':
      return 'rail';
    case '3':
      return 'road';
    case '4':
      return 'air';
    default:
      return undefined;
  }
}

function hsLike(raw: string): string {
  return hs(raw) ?? '';
}

/** The converters by the names mappings use. */
export const CONVERTERS = Object.freeze({
  text,
  hs,
  decimal,
  int,
  country,
  locode,
  iata,
  code,
  date,
  weight,
  volume,
  money,
  mode,
} satisfies Record<string, Converter>);

export type ConverterName = keyof typeof CONVERTERS;
