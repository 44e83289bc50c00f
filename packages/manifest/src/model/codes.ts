/**
 * Value checks for the codes that rules match on. Each is exact and allocation-free so the
 * readers can call them per field on large inputs.
 */

// ISO 3166-1 alpha-2, officially assigned codes (249). Exceptionally reserved codes (EU, UK, …)
// and user-assigned ones (XK, ZZ) are not countries a manifest can name.
export const COUNTRY_CODES = Object.freeze(
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(
    ' ',
  ) as [string, ...string[]],
);
const ISO_COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES);

/** Whether `code` is an officially assigned ISO 3166-1 alpha-2 country code (upper case). */
export function isCountryCode(code: string): boolean {
  return ISO_COUNTRIES.has(code);
}

const LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;
const IATA = /^[A-Z]{3}$/;

/** UN/LOCODE: ISO country code followed by three letters or digits 2–9, e.g. `NLRTM`. */
export function isUnLocode(code: string): boolean {
  return LOCODE.test(code) && ISO_COUNTRIES.has(code.slice(0, 2));
}

/** IATA three-letter location (airport or city) code, e.g. `FRA`. */
export function isIataLocation(code: string): boolean {
  return IATA.test(code);
}

/** A place in a route: a UN/LOCODE (sea, road, rail) or an IATA airport code (air). */
export function isLocationCode(code: string): boolean {
  return isUnLocode(code) || isIataLocation(code);
}

const HS = /^\d{2,10}$/;

/** HS or national tariff code: digits only, 2 to 10 of them, leading zeros significant. */
export function isHsCode(code: string): boolean {
  return HS.test(code);
}

const CONTAINER = /^[A-Z]{3}[UJZR][0-9]{7}$/;

// ISO 6346 letter values by character code: 10 upwards, skipping multiples of 11 (0 for non-letters).
const LETTER_VALUE = new Uint8Array(128);
for (let i = 0, v = 10; i < 26; i++, v++) {
  if (v % 11 === 0) v++;
  LETTER_VALUE[65 + i] = v;
}

/** The ISO 6346 check digit for the first ten characters of a container number. */
export function containerCheckDigit(ownerSerial: string): number {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 10; i++, weight *= 2) {
    const c = ownerSerial.charCodeAt(i);
    const value = i < 4 ? (c < 128 ? (LETTER_VALUE[c] as number) : 0) : c - 48;
    sum += value * weight;
  }
  return (sum % 11) % 10;
}

/** Whether `number` has the ISO 6346 shape (owner code, category, serial, check digit). */
export function isIso6346Shape(number: string): boolean {
  return CONTAINER.test(number);
}

/** Whether `number` is an ISO 6346 container number whose check digit is right, e.g. `CSQU3054383`. */
export function isValidContainerNumber(number: string): boolean {
  return CONTAINER.test(number) && containerCheckDigit(number) === number.charCodeAt(10) - 48;
}
