import type { Consignment, GoodsItem, Party, Transport } from '@cargorisk/manifest';
import { isValidContainerNumber } from '@cargorisk/manifest';
import { isHs2022Code } from '../hs/hs-nomenclature.js';

/** Where a consignment was read from, beyond the consignment itself. */
export interface FactContext {
  /** The manifest's transport (mode, carrier); facts that need it are absent without it. */
  readonly transport?: Transport | undefined;
}

type Getter = (c: Consignment, t: Transport | undefined) => unknown;

const partyCountry = (p: Party | undefined) => p?.address?.country;

/**
 * ISO 6346 size and type codes (since 1995) are two size characters then a type code whose letter is its
 * group: `45R1` and `22R1` are reefers (group R, thermal: refrigerated or heated). Case and spaces are
 * forgiven, as manifests write them; older numeric codes are not read.
 */
function isReeferSizeType(code: string): boolean {
  const t = code.trim();
  return t.length === 4 && (t.charCodeAt(2) | 0x20) === 0x72;
}

function sumItems(goods: readonly GoodsItem[], pick: (i: GoodsItem) => number | undefined): number | undefined {
  if (goods.length === 0) return undefined;
  let sum = 0;
  for (const g of goods) {
    const v = pick(g);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

function itemStrings(goods: readonly GoodsItem[], pick: (i: GoodsItem) => string | undefined): string[] {
  const out: string[] = [];
  for (const g of goods) {
    const v = pick(g);
    if (v !== undefined) out.push(v);
  }
  return out;
}

function totalGrossKg(c: Consignment): number | undefined {
  return c.totals?.grossKg ?? sumItems(c.goods, (i) => i.grossKg);
}

function declared(c: Consignment): { amount: number; currency: string } | undefined {
  if (c.declaredValue !== undefined) return c.declaredValue;
  const goods = c.goods;
  const first = goods[0]?.value;
  if (first === undefined) return undefined;
  let amount = 0;
  for (const g of goods) {
    if (g.value === undefined || g.value.currency !== first.currency) return undefined;
    amount += g.value.amount;
  }
  return { amount, currency: first.currency };
}

/** How each consignment fact is read. Internal: the compiled engine calls these lazily, one at a time. */
export const CONSIGNMENT_FACT_GETTERS: Readonly<Record<string, Getter>> = Object.freeze({
  consignmentId: (c: Consignment) => c.id,
  masterId: (c: Consignment) => c.masterId,
  kind: (c: Consignment) => c.kind,
  transportMode: (_c: Consignment, t: Transport | undefined) => t?.mode,
  carrier: (c: Consignment, t: Transport | undefined) => t?.carrier ?? c.parties?.carrier?.name,
  format: (c: Consignment) => c.source?.format,
  consignor: (c: Consignment) => c.parties?.consignor,
  consignee: (c: Consignment) => c.parties?.consignee,
  notify: (c: Consignment) => c.parties?.notify,
  forwarder: (c: Consignment) => c.parties?.forwarder,
  consignorName: (c: Consignment) => c.parties?.consignor?.name,
  consigneeName: (c: Consignment) => c.parties?.consignee?.name,
  notifyName: (c: Consignment) => c.parties?.notify?.name,
  forwarderName: (c: Consignment) => c.parties?.forwarder?.name,
  consignorCountry: (c: Consignment) => partyCountry(c.parties?.consignor),
  consigneeCountry: (c: Consignment) => partyCountry(c.parties?.consignee),
  notifyCountry: (c: Consignment) => partyCountry(c.parties?.notify),
  consigneeAddress: (c: Consignment) => {
    const a = c.parties?.consignee?.address;
    if (a === undefined) return undefined;
    const parts = [...(a.lines ?? [])];
    if (a.city !== undefined) parts.push(a.city);
    if (a.postcode !== undefined) parts.push(a.postcode);
    return parts.length === 0 ? undefined : parts.join(', ');
  },
  loading: (c: Consignment) => c.route?.loading,
  discharge: (c: Consignment) => c.route?.discharge,
  delivery: (c: Consignment) => c.route?.delivery,
  transshipments: (c: Consignment) => c.route?.transshipments ?? [],
  routeLocations: (c: Consignment) => {
    const r = c.route;
    const out: string[] = [];
    if (r === undefined) return out;
    if (r.loading !== undefined) out.push(r.loading);
    for (const t of r.transshipments ?? []) out.push(t);
    if (r.discharge !== undefined) out.push(r.discharge);
    if (r.delivery !== undefined) out.push(r.delivery);
    return out;
  },
  routeCountries: (c: Consignment) => c.route?.countries ?? [],
  hsCodes: (c: Consignment) => itemStrings(c.goods, (i) => i.hsCode),
  descriptions: (c: Consignment) => itemStrings(c.goods, (i) => i.description),
  origins: (c: Consignment) => itemStrings(c.goods, (i) => i.origin),
  itemCount: (c: Consignment) => c.goods.length,
  containerNumbers: (c: Consignment) => (c.containers ?? []).map((k) => k.number),
  containerCount: (c: Consignment) => (c.containers ?? []).length,
  invalidContainerCount: (c: Consignment) => {
    let n = 0;
    for (const k of c.containers ?? []) if (!isValidContainerNumber(k.number)) n++;
    return n;
  },
  unknownHsCodeCount: (c: Consignment) => {
    let n = 0;
    for (const g of c.goods) if (g.hsCode !== undefined && !isHs2022Code(g.hsCode)) n++;
    return n;
  },
  unsealedContainerCount: (c: Consignment) => {
    let n = 0;
    for (const k of c.containers ?? []) if ((k.seals ?? []).length === 0) n++;
    return n;
  },
  containerSizeTypes: (c: Consignment) => {
    const out: string[] = [];
    for (const k of c.containers ?? []) if (k.sizeType !== undefined) out.push(k.sizeType);
    return out;
  },
  reeferCount: (c: Consignment) => {
    let n = 0;
    for (const k of c.containers ?? []) if (k.sizeType !== undefined && isReeferSizeType(k.sizeType)) n++;
    return n;
  },
  totalPackages: (c: Consignment) => c.totals?.packages ?? sumItems(c.goods, (i) => i.packages),
  totalGrossKg,
  totalVolumeM3: (c: Consignment) => c.totals?.volumeM3,
  declaredValue: (c: Consignment) => declared(c)?.amount,
  declaredCurrency: (c: Consignment) => declared(c)?.currency,
  valuePerKg: (c: Consignment) => {
    const value = declared(c)?.amount;
    const kg = totalGrossKg(c);
    return value !== undefined && kg !== undefined && kg > 0 ? value / kg : undefined;
  },
} as Record<string, Getter>);

/**
 * The consignment facts of one consignment, as every rule sees them (absent values left out).
 * `context.transport` supplies the manifest-level facts (`transportMode`, `carrier`).
 *
 * @example
 * const facts = consignmentFacts(consignment, { transport: manifest.transport });
 * facts.routeLocations // ['CNSHA', 'SGSIN', 'NLRTM']
 */
export function consignmentFacts(c: Consignment, context?: FactContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const t = context?.transport;
  for (const name of Object.keys(CONSIGNMENT_FACT_GETTERS)) {
    const value = CONSIGNMENT_FACT_GETTERS[name]?.(c, t);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
