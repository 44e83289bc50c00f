import { isCountryCode, isLocationCode } from '../model/codes.js';
import type { Consignment, Container, GoodsItem, Party } from '../model/manifest.js';

/*
 * A fast pre-check for the consignments the CUSCAR and CSV readers build. Those candidates
 * already have the model's shape (the reader made them), so what can be wrong is a value: a code,
 * a length, a count. This checks exactly the value rules of ConsignmentSchema with the same
 * predicates, without zod's per-object work, which is most of a reader's time on large inputs.
 * It only ever says "certainly valid": on false the reader runs the schema, which names the
 * problem. A property test holds it to that (plainly-valid.test.ts): true implies the schema
 * accepts the candidate and returns an equal value.
 */

// The schema's patterns, as loops over character codes (a RegExp call costs more than these
// short values): /^[A-Z]{3}$/, /^[A-Z0-9]{1,20}$/, /^\d{4}$/ and isHsCode's /^\d{2,10}$/.
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
function currencyCode(v: string): boolean {
  return v.length === 3 && isUpper(v.charCodeAt(0)) && isUpper(v.charCodeAt(1)) && isUpper(v.charCodeAt(2));
}
function containerText(v: string): boolean {
  if (v.length < 1 || v.length > 20) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!isUpper(c) && !isDigit(c)) return false;
  }
  return true;
}
function digits(v: string, min: number, max: number): boolean {
  if (v.length < min || v.length > max) return false;
  for (let i = 0; i < v.length; i++) if (!isDigit(v.charCodeAt(i))) return false;
  return true;
}

const text = (v: unknown, max: number): boolean => typeof v === 'string' && v.length >= 1 && v.length <= max;
const optText = (v: unknown, max: number): boolean => v === undefined || text(v, max);
const nonNegative = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
// zod 4's .int() accepts safe integers only.
const count = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const optCount = (v: unknown): boolean => v === undefined || count(v);
const optNonNegative = (v: unknown): boolean => v === undefined || nonNegative(v);
/**
 * A code check that remembers its answers: a manifest names the same few ports over and over,
 * and the readers hand out one string per repeated code, whose hash V8 keeps. Bounded: the
 * memory is cleared when full. (Tariff codes are too many and too cheap to check to gain.)
 */
function remembered(check: (code: string) => boolean): (code: string) => boolean {
  const known = new Map<string, boolean>();
  return (code) => {
    let answer = known.get(code);
    if (answer === undefined) {
      answer = check(code);
      if (known.size >= 1024) known.clear();
      known.set(code, answer);
    }
    return answer;
  };
}
const knownLocation = remembered(isLocationCode);

const location = (v: unknown): boolean => typeof v === 'string' && knownLocation(v);
const optLocation = (v: unknown): boolean => v === undefined || location(v);
const country = (v: unknown): boolean => typeof v === 'string' && isCountryCode(v);
const money = (v: { amount: unknown; currency: unknown } | undefined): boolean =>
  v === undefined || (nonNegative(v.amount) && typeof v.currency === 'string' && currencyCode(v.currency));

/** The party rules of plainlyValid (an absent party passes). */
export function plainParty(p: Party | undefined): boolean {
  if (p === undefined) return true;
  if (!text(p.name, 512) || !optText(p.id, 128)) return false;
  const a = p.address;
  if (a === undefined) return true;
  if (a.lines.length > 16) return false;
  for (const line of a.lines) if (!text(line, 512)) return false;
  return optText(a.city, 256) && optText(a.postcode, 64) && (a.country === undefined || country(a.country));
}

/** Whether ConsignmentSchema certainly accepts `c` unchanged (see the file comment). */
export function plainlyValid(c: Consignment): boolean {
  if (!text(c.id, 64) || !optText(c.masterId, 64)) return false;
  if (c.kind !== 'direct' && c.kind !== 'house' && c.kind !== 'master') return false;
  const p = c.parties;
  if (
    !plainParty(p.consignor) ||
    !plainParty(p.consignee) ||
    !plainParty(p.notify) ||
    !plainParty(p.carrier) ||
    !plainParty(p.forwarder)
  ) {
    return false;
  }
  if (!plainRoute(c.route) || c.goods.length > MAX_GOODS) return false;
  for (const g of c.goods) if (!plainGoodsItem(g)) return false;
  if (c.containers.length > MAX_CONTAINERS) return false;
  for (const k of c.containers) if (!plainContainer(k)) return false;
  return plainTotals(c.totals, c.declaredValue);
}

/*
 * The parts of plainlyValid, for a reader that checks each part as it builds it (while the part
 * is still in the processor's cache) instead of walking the finished consignment again:
 * plainlyValid(c) is true exactly when every part is plain, with the id and kind, the goods and
 * containers counts (MAX_GOODS, MAX_CONTAINERS) and every party.
 */

export const MAX_GOODS = 10_000;
export const MAX_CONTAINERS = 1000;

/** An id or master id as plainlyValid reads it (undefined passes: the field is optional). */
export const plainId = (v: string | undefined): boolean => optText(v, 64);

export function plainRoute(r: Consignment['route']): boolean {
  if (!optLocation(r.loading) || !optLocation(r.discharge) || !optLocation(r.delivery)) return false;
  if (r.transshipments.length > 64 || r.countries.length > 64) return false;
  for (const t of r.transshipments) if (!location(t)) return false;
  for (const k of r.countries) if (!country(k)) return false;
  return true;
}

export function plainGoodsItem(g: GoodsItem): boolean {
  if (!Number.isSafeInteger(g.seq) || g.seq <= 0) return false;
  if (g.hsCode !== undefined && !digits(g.hsCode, 2, 10)) return false;
  if (g.description.length > 100_000) return false;
  if (!optCount(g.packages) || !optNonNegative(g.grossKg)) return false;
  if (g.origin !== undefined && !country(g.origin)) return false;
  if (!money(g.value)) return false;
  if (g.containerRefs.length > 256) return false;
  for (const ref of g.containerRefs) if (!text(ref, 20)) return false;
  return g.dangerousGoods === undefined || digits(g.dangerousGoods, 4, 4);
}

export function plainContainer(k: Container): boolean {
  if (!containerText(k.number) || !optText(k.sizeType, 8) || k.seals.length > 16) return false;
  for (const s of k.seals) if (!text(s, 64)) return false;
  return true;
}

export function plainTotals(t: Consignment['totals'], declaredValue: Consignment['declaredValue']): boolean {
  if (!optCount(t.packages) || !optNonNegative(t.grossKg) || !optNonNegative(t.volumeM3)) return false;
  return money(declaredValue);
}
