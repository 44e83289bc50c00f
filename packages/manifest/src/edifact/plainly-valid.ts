import { isCountryCode, isHsCode, isLocationCode } from '../model/codes.js';
import type { Consignment, Party } from '../model/manifest.js';

/*
 * A fast pre-check for the consignments the CUSCAR and CSV readers build. Those candidates
 * already have the model's shape (the reader made them), so what can be wrong is a value: a code,
 * a length, a count. This checks exactly the value rules of ConsignmentSchema with the same
 * predicates, without zod's per-object work, which is most of a reader's time on large inputs.
 * It only ever says "certainly valid": on false the reader runs the schema, which names the
 * problem. A property test holds it to that (plainly-valid.test.ts): true implies the schema
 * accepts the candidate and returns an equal value.
 */

const CURRENCY = /^[A-Z]{3}$/;
const CONTAINER = /^[A-Z0-9]{1,20}$/;
const UN_NUMBER = /^\d{4}$/;

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
  v === undefined || (nonNegative(v.amount) && typeof v.currency === 'string' && CURRENCY.test(v.currency));

function party(p: Party | undefined): boolean {
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
  if (!party(p.consignor) || !party(p.consignee) || !party(p.notify) || !party(p.carrier) || !party(p.forwarder)) {
    return false;
  }
  const r = c.route;
  if (!optLocation(r.loading) || !optLocation(r.discharge) || !optLocation(r.delivery)) return false;
  if (r.transshipments.length > 64 || r.countries.length > 64) return false;
  for (const t of r.transshipments) if (!location(t)) return false;
  for (const k of r.countries) if (!country(k)) return false;
  if (c.goods.length > 10_000) return false;
  for (const g of c.goods) {
    if (!Number.isSafeInteger(g.seq) || g.seq <= 0) return false;
    if (g.hsCode !== undefined && !isHsCode(g.hsCode)) return false;
    if (g.description.length > 100_000) return false;
    if (!optCount(g.packages) || !optNonNegative(g.grossKg)) return false;
    if (g.origin !== undefined && !country(g.origin)) return false;
    if (!money(g.value)) return false;
    if (g.containerRefs.length > 256) return false;
    for (const ref of g.containerRefs) if (!text(ref, 20)) return false;
    if (g.dangerousGoods !== undefined && !UN_NUMBER.test(g.dangerousGoods)) return false;
  }
  if (c.containers.length > 1000) return false;
  for (const k of c.containers) {
    if (!CONTAINER.test(k.number) || !optText(k.sizeType, 8) || k.seals.length > 16) return false;
    for (const s of k.seals) if (!text(s, 64)) return false;
  }
  const t = c.totals;
  if (!optCount(t.packages) || !optNonNegative(t.grossKg) || !optNonNegative(t.volumeM3)) return false;
  return money(c.declaredValue);
}
