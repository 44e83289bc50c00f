import type { z } from 'zod';
import { isCountryCode, isHsCode, isIso6346Shape, isLocationCode, isValidContainerNumber } from './codes.js';
import {
  type Consignment,
  ConsignmentSchema,
  ManifestFormatSchema,
  type ManifestHeader,
  type SourceLocation,
} from './manifest.js';
import { ISSUE_CODES, type ParseIssue } from './parse-issue.js';

/** RFC 6901 JSON pointer for a path of keys and indexes. */
export function toPointer(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1');
  return out;
}

/** Turns zod issues into ParseIssues whose pointers start at `base` (the record's own pointer). */
export function issuesFromZod(
  error: z.ZodError,
  location: SourceLocation,
  base: string,
  consignmentId?: string,
): ParseIssue[] {
  return error.issues.map((issue) => {
    const pointer = base + toPointer(issue.path);
    const where = pointer === '' ? 'record' : pointer;
    return {
      code: issue.code === 'unrecognized_keys' ? ISSUE_CODES.invalidRecord : ISSUE_CODES.invalidValue,
      severity: 'error',
      message: `${where}: ${issue.message}`,
      location: { ...location, pointer },
      ...(consignmentId === undefined ? {} : { consignmentId }),
    };
  });
}

/** Warnings for container numbers that are kept as written but fail ISO 6346. */
export function containerWarnings(consignment: Consignment, base: string): ParseIssue[] {
  const out: ParseIssue[] = [];
  consignment.containers.forEach((container, i) => {
    if (isValidContainerNumber(container.number)) return;
    const shaped = isIso6346Shape(container.number);
    out.push({
      code: shaped ? ISSUE_CODES.containerCheckDigit : ISSUE_CODES.containerNotIso6346,
      severity: 'warning',
      message: shaped
        ? `container ${container.number}: ISO 6346 check digit is wrong`
        : `container ${container.number}: not an ISO 6346 container number`,
      location: { ...consignment.source, pointer: `${base}/containers/${i}/number` },
      consignmentId: consignment.id,
    });
  });
  return out;
}

export type ConsignmentCheck =
  | { ok: true; consignment: Consignment; issues: ParseIssue[] }
  | { ok: false; issues: ParseIssue[] };

/**
 * Validates one candidate consignment as every reader must: schema errors reject it (with
 * pointers under `base`), doubtful but usable values come back as warnings.
 */
export function checkConsignment(candidate: unknown, location: SourceLocation, base: string): ConsignmentCheck {
  const plain = plainConsignment(candidate);
  if (plain !== undefined) return { ok: true, consignment: plain, issues: containerWarnings(plain, base) };
  const result = ConsignmentSchema.safeParse(candidate);
  if (!result.success) {
    const id =
      typeof candidate === 'object' && candidate !== null && typeof (candidate as { id?: unknown }).id === 'string'
        ? (candidate as { id: string }).id
        : undefined;
    return { ok: false, issues: issuesFromZod(result.error, location, base, id) };
  }
  return { ok: true, consignment: result.data, issues: containerWarnings(result.data, base) };
}

/**
 * checkConsignment for a candidate a reader built itself, where a key holding undefined means the
 * source did not carry the field: the answer is checkConsignment's for the candidate without
 * those keys. Saves the readers a copy of every object they build only to drop such keys.
 */
export function checkBuiltConsignment(candidate: Obj, location: SourceLocation, base: string): ConsignmentCheck {
  const plain = plainBuiltConsignment(candidate);
  if (plain !== undefined) return { ok: true, consignment: plain, issues: containerWarnings(plain, base) };
  return checkConsignment(withoutUndefined(candidate), location, base);
}

/** plainConsignment for a built candidate: keys holding undefined count as absent. */
export function plainBuiltConsignment(candidate: unknown): Consignment | undefined {
  undefinedIsAbsent = true;
  try {
    return plainConsignment(candidate);
  } finally {
    undefinedIsAbsent = false;
  }
}

/** A copy of plain objects (nested in objects and arrays) without their keys that hold undefined. */
export function withoutUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutUndefined);
  if (typeof v !== 'object' || v === null) return v;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  const out: Obj = {};
  for (const k in v) {
    const value = (v as Obj)[k];
    if (value !== undefined) out[k] = withoutUndefined(value);
  }
  return out;
}

/*
 * The fast path of checkConsignment. A candidate the readers built is almost always valid, and
 * zod's generic walk over it was most of a reader's time. `plainConsignment` checks exactly what
 * ConsignmentSchema checks, with the same predicates, and builds the same output (schema key
 * order, defaults filled in). It only ever answers "certainly valid, and this is what the schema
 * returns": anything unusual (an unknown key, a key present as undefined, a non-plain object, a
 * failing value) gives `undefined`, and the schema runs to name the problem. A property test holds
 * it to that (validate-consignment.test.ts).
 */

type Obj = Record<string, unknown>;

const CURRENCY_RE = /^[A-Z]{3}$/;
const CONTAINER_NUMBER_RE = /^[A-Z0-9]{1,20}$/;
const UN_NUMBER_RE = /^\d{4}$/;

/**
 * While set (only inside {@link checkBuiltConsignment}), a key holding undefined counts as absent:
 * a reader's own candidates are then built without first copying out their undefined fields.
 */
let undefinedIsAbsent = false;

// A plain object whose own keys all belong to `allowed` and none of which holds undefined.
function plainWith(v: unknown, allowed: ReadonlySet<string>): v is Obj {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k in v) {
    if (!allowed.has(k) || ((v as Obj)[k] === undefined && !undefinedIsAbsent)) return false;
  }
  return true;
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length >= 1 && v.length <= max;
const isNonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isCountry = (v: unknown): v is string => typeof v === 'string' && isCountryCode(v);
const isLocation = (v: unknown): v is string => typeof v === 'string' && isLocationCode(v);

/** A copy of a list of strings that all pass `ok`, or undefined; absent gives []. */
function strings(v: unknown, max: number, ok: (s: unknown) => boolean): string[] | undefined {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > max) return undefined;
  const out: string[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const s = v[i];
    if (!ok(s)) return undefined;
    out[i] = s as string;
  }
  return out;
}

const MONEY_KEYS = new Set(['amount', 'currency']);
function money(v: unknown): Obj | undefined {
  if (!plainWith(v, MONEY_KEYS)) return undefined;
  const { amount, currency } = v;
  if (!isNonNegative(amount) || typeof currency !== 'string' || !CURRENCY_RE.test(currency)) return undefined;
  return { amount, currency };
}

const line512 = (s: unknown) => isText(s, 512);
const ADDRESS_KEYS = new Set(['lines', 'city', 'postcode', 'country']);
function address(v: unknown): Obj | undefined {
  if (!plainWith(v, ADDRESS_KEYS)) return undefined;
  const lines = strings(v.lines, 16, line512);
  if (lines === undefined) return undefined;
  const out: Obj = { lines };
  if (v.city !== undefined) {
    if (!isText(v.city, 256)) return undefined;
    out.city = v.city;
  }
  if (v.postcode !== undefined) {
    if (!isText(v.postcode, 64)) return undefined;
    out.postcode = v.postcode;
  }
  if (v.country !== undefined) {
    if (!isCountry(v.country)) return undefined;
    out.country = v.country;
  }
  return out;
}

const PARTY_KEYS = new Set(['name', 'address', 'id']);
function party(v: unknown): Obj | undefined {
  if (!plainWith(v, PARTY_KEYS) || !isText(v.name, 512)) return undefined;
  const out: Obj = { name: v.name };
  if (v.address !== undefined) {
    const a = address(v.address);
    if (a === undefined) return undefined;
    out.address = a;
  }
  if (v.id !== undefined) {
    if (!isText(v.id, 128)) return undefined;
    out.id = v.id;
  }
  return out;
}

const ROLES = ['consignor', 'consignee', 'notify', 'carrier', 'forwarder'] as const;
const PARTIES_KEYS: ReadonlySet<string> = new Set(ROLES);
function parties(v: unknown): Obj | undefined {
  if (v === undefined) return {};
  if (!plainWith(v, PARTIES_KEYS)) return undefined;
  const out: Obj = {};
  for (const role of ROLES) {
    if (v[role] === undefined) continue;
    const p = party(v[role]);
    if (p === undefined) return undefined;
    out[role] = p;
  }
  return out;
}

// Key lists live at module level: a literal inside a loop head is a new array on every call.
const ROUTE_PLACES = ['loading', 'discharge', 'delivery'] as const;
const ROUTE_KEYS = new Set(['loading', 'discharge', 'delivery', 'transshipments', 'countries']);
function route(v: unknown): Obj | undefined {
  if (v === undefined) return { transshipments: [], countries: [] };
  if (!plainWith(v, ROUTE_KEYS)) return undefined;
  const out: Obj = {};
  for (const key of ROUTE_PLACES) {
    if (v[key] === undefined) continue;
    if (!isLocation(v[key])) return undefined;
    out[key] = v[key];
  }
  const transshipments = strings(v.transshipments, 64, isLocation);
  const countries = strings(v.countries, 64, isCountry);
  if (transshipments === undefined || countries === undefined) return undefined;
  out.transshipments = transshipments;
  out.countries = countries;
  return out;
}

const container20 = (s: unknown) => isText(s, 20);
const GOODS_KEYS = new Set([
  'seq',
  'hsCode',
  'description',
  'packages',
  'grossKg',
  'origin',
  'value',
  'containerRefs',
  'dangerousGoods',
]);
function goodsItem(v: unknown): Obj | undefined {
  if (!plainWith(v, GOODS_KEYS)) return undefined;
  const { seq, hsCode, description, packages, grossKg, origin, dangerousGoods } = v;
  if (!Number.isSafeInteger(seq) || (seq as number) <= 0) return undefined;
  const out: Obj = { seq };
  if (hsCode !== undefined) {
    if (typeof hsCode !== 'string' || !isHsCode(hsCode)) return undefined;
    out.hsCode = hsCode;
  }
  if (typeof description !== 'string' || description.length > 100_000) return undefined;
  out.description = description;
  if (packages !== undefined) {
    if (!isCount(packages)) return undefined;
    out.packages = packages;
  }
  if (grossKg !== undefined) {
    if (!isNonNegative(grossKg)) return undefined;
    out.grossKg = grossKg;
  }
  if (origin !== undefined) {
    if (!isCountry(origin)) return undefined;
    out.origin = origin;
  }
  if (v.value !== undefined) {
    const value = money(v.value);
    if (value === undefined) return undefined;
    out.value = value;
  }
  const refs = strings(v.containerRefs, 256, container20);
  if (refs === undefined) return undefined;
  out.containerRefs = refs;
  if (dangerousGoods !== undefined) {
    if (typeof dangerousGoods !== 'string' || !UN_NUMBER_RE.test(dangerousGoods)) return undefined;
    out.dangerousGoods = dangerousGoods;
  }
  return out;
}

const seal64 = (s: unknown) => isText(s, 64);
const CONTAINER_KEYS = new Set(['number', 'seals', 'sizeType']);
function container(v: unknown): Obj | undefined {
  if (!plainWith(v, CONTAINER_KEYS)) return undefined;
  const { number, sizeType } = v;
  if (typeof number !== 'string' || !CONTAINER_NUMBER_RE.test(number)) return undefined;
  const seals = strings(v.seals, 16, seal64);
  if (seals === undefined) return undefined;
  const out: Obj = { number, seals };
  if (sizeType !== undefined) {
    if (!isText(sizeType, 8)) return undefined;
    out.sizeType = sizeType;
  }
  return out;
}

function list(v: unknown, max: number, item: (v: unknown) => Obj | undefined): Obj[] | undefined {
  if (!Array.isArray(v) || v.length > max) return undefined;
  const out: Obj[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const o = item(v[i]);
    if (o === undefined) return undefined;
    out[i] = o;
  }
  return out;
}

const TOTALS_KEYS = new Set(['packages', 'grossKg', 'volumeM3']);
function totals(v: unknown): Obj | undefined {
  if (v === undefined) return {};
  if (!plainWith(v, TOTALS_KEYS)) return undefined;
  const out: Obj = {};
  if (v.packages !== undefined) {
    if (!isCount(v.packages)) return undefined;
    out.packages = v.packages;
  }
  if (v.grossKg !== undefined) {
    if (!isNonNegative(v.grossKg)) return undefined;
    out.grossKg = v.grossKg;
  }
  if (v.volumeM3 !== undefined) {
    if (!isNonNegative(v.volumeM3)) return undefined;
    out.volumeM3 = v.volumeM3;
  }
  return out;
}

const SOURCE_POSITIVE = ['line', 'column'] as const;
const SOURCE_COUNTS = ['offset', 'message', 'segment'] as const;
const SOURCE_KEYS = new Set(['format', 'line', 'column', 'offset', 'message', 'segment', 'pointer']);
function source(v: unknown): Obj | undefined {
  if (!plainWith(v, SOURCE_KEYS)) return undefined;
  const out: Obj = {};
  if (v.format !== undefined) {
    if (typeof v.format !== 'string') return undefined;
    out.format = v.format;
  }
  for (const key of SOURCE_POSITIVE) {
    if (v[key] === undefined) continue;
    if (!Number.isSafeInteger(v[key]) || (v[key] as number) <= 0) return undefined;
    out[key] = v[key];
  }
  for (const key of SOURCE_COUNTS) {
    if (v[key] === undefined) continue;
    if (!isCount(v[key])) return undefined;
    out[key] = v[key];
  }
  if (v.pointer !== undefined) {
    if (typeof v.pointer !== 'string') return undefined;
    out.pointer = v.pointer;
  }
  return out;
}

const CONSIGNMENT_KEYS = new Set([
  'id',
  'masterId',
  'kind',
  'parties',
  'route',
  'goods',
  'containers',
  'totals',
  'declaredValue',
  'source',
]);

/**
 * What ConsignmentSchema.parse returns for `candidate` when the candidate is plainly valid, or
 * undefined when the schema must decide (see the comment above).
 */
export function plainConsignment(candidate: unknown): Consignment | undefined {
  const c = candidate;
  if (!plainWith(c, CONSIGNMENT_KEYS)) return undefined;
  if (!isText(c.id, 64)) return undefined;
  const out: Obj = { id: c.id };
  if (c.masterId !== undefined) {
    if (!isText(c.masterId, 64)) return undefined;
    out.masterId = c.masterId;
  }
  if (c.kind !== 'direct' && c.kind !== 'house' && c.kind !== 'master') return undefined;
  out.kind = c.kind;
  const p = parties(c.parties);
  if (p === undefined) return undefined;
  out.parties = p;
  const r = route(c.route);
  if (r === undefined) return undefined;
  out.route = r;
  const goods = list(c.goods, 10_000, goodsItem);
  if (goods === undefined) return undefined;
  out.goods = goods;
  const containers = c.containers === undefined ? [] : list(c.containers, 1_000, container);
  if (containers === undefined) return undefined;
  out.containers = containers;
  const t = totals(c.totals);
  if (t === undefined) return undefined;
  out.totals = t;
  if (c.declaredValue !== undefined) {
    const value = money(c.declaredValue);
    if (value === undefined) return undefined;
    out.declaredValue = value;
  }
  const s = source(c.source);
  if (s === undefined) return undefined;
  out.source = s;
  return out as Consignment;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const ENDPOINT_KEYS = new Set(['location', 'date']);
function endpoint(v: unknown): Obj | undefined {
  if (!plainWith(v, ENDPOINT_KEYS)) return undefined;
  const out: Obj = {};
  if (v.location !== undefined) {
    if (!isLocation(v.location)) return undefined;
    out.location = v.location;
  }
  if (v.date !== undefined) {
    if (typeof v.date !== 'string' || !DATE_RE.test(v.date)) return undefined;
    out.date = v.date;
  }
  return out;
}

const MODES: ReadonlySet<unknown> = new Set(['sea', 'air', 'road', 'rail']);
const TRANSPORT_TEXTS = ['carrier', 'voyageOrFlight', 'vesselOrAircraft'] as const;
const TRANSPORT_TEXT_MAX = [128, 64, 128] as const;
const TRANSPORT_ENDPOINTS = ['departure', 'arrival'] as const;
const TRANSPORT_KEYS = new Set(['mode', 'carrier', 'voyageOrFlight', 'vesselOrAircraft', 'departure', 'arrival']);
function transport(v: unknown): Obj | undefined {
  if (!plainWith(v, TRANSPORT_KEYS) || !MODES.has(v.mode)) return undefined;
  const out: Obj = { mode: v.mode };
  for (let i = 0; i < TRANSPORT_TEXTS.length; i++) {
    const key = TRANSPORT_TEXTS[i]!;
    if (v[key] === undefined) continue;
    if (!isText(v[key], TRANSPORT_TEXT_MAX[i]!)) return undefined;
    out[key] = v[key];
  }
  for (const key of TRANSPORT_ENDPOINTS) {
    if (v[key] === undefined) continue;
    const e = endpoint(v[key]);
    if (e === undefined) return undefined;
    out[key] = e;
  }
  return out;
}

const FORMATS: ReadonlySet<unknown> = new Set(ManifestFormatSchema.options);
const HEADER_KEYS = new Set(['id', 'format', 'sourceName', 'transport']);

/**
 * What ManifestHeaderSchema.parse returns for `candidate` when the candidate is plainly valid, or
 * undefined when the schema must decide. A reader of one waybill per message checks a header per
 * message, and the schema's walk was a sizeable part of reading a small one.
 */
export function plainHeader(candidate: unknown): ManifestHeader | undefined {
  const c = candidate;
  if (!plainWith(c, HEADER_KEYS) || !isText(c.id, 128) || !FORMATS.has(c.format)) return undefined;
  const out: Obj = { id: c.id, format: c.format };
  if (c.sourceName !== undefined) {
    if (typeof c.sourceName !== 'string' || c.sourceName.length > 1024) return undefined;
    out.sourceName = c.sourceName;
  }
  if (c.transport !== undefined) {
    const t = transport(c.transport);
    if (t === undefined) return undefined;
    out.transport = t;
  }
  return out as ManifestHeader;
}
