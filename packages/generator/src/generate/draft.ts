import type { Consignment, ConsignmentKind, Container, CountryCode, GoodsItem, Party } from '@cargorisk/manifest';
import { containerCheckDigit } from '@cargorisk/manifest';
import { airportCountry } from '../data/places.js';
import type { Prng } from '../random/prng.js';

/*
 * A consignment under construction. Goods items remember whether they were planted, so a
 * profile replaces only ordinary items and never another profile's; containers are made last,
 * from the goods' weight and the profiles' demands (a reefer, a missing seal).
 */

export interface DraftItem {
  hs: string | undefined;
  description: string;
  packages: number;
  grossKg: number;
  origin: CountryCode;
  usd: number;
  un: string | undefined;
  reefer: boolean;
  planted: boolean;
}

export interface Draft {
  id: string;
  masterId: string | undefined;
  kind: ConsignmentKind;
  consignor: Party;
  consignee: Party;
  notify: Party | undefined;
  loading: string;
  discharge: string;
  transshipments: string[];
  items: DraftItem[];
  /** Containers given from outside (a house in a consolidation shares its master's). */
  containers: Container[] | undefined;
  forceReefer: boolean;
  unsealed: boolean;
  badCheckDigit: boolean;
  currency: 'USD' | 'EUR' | 'GBP';
  withValues: boolean;
  /** A profile has chosen the loading place; later profiles route through hubs instead. */
  loadingFixed: boolean;
}

const OWNER_CODES = [
  'MSCU',
  'MSKU',
  'MRKU',
  'CMAU',
  'HLXU',
  'CSQU',
  'TGHU',
  'TCNU',
  'FCIU',
  'SEGU',
  'BMOU',
  'OOLU',
  'EGHU',
  'ONEU',
  'CAIU',
  'TRHU',
  'BEAU',
  'GESU',
];
const REEFER_OWNER_CODES = ['CXRU', 'SZLU', 'MWCU', 'TRIU', 'MNBU', 'CGMU', 'SEGU'];

/** An ISO 6346 container number with its right check digit (or, with `wrong`, a wrong one). */
export function containerNumber(rng: Prng, reefer: boolean, wrong = false): string {
  const head = rng.pick(reefer ? REEFER_OWNER_CODES : OWNER_CODES) + rng.digits(6);
  const check = containerCheckDigit(head);
  return head + String(wrong ? (check + rng.int(1, 9)) % 10 : check);
}

function seal(rng: Prng): string {
  return rng.chance(0.5) ? `${rng.letters(2)}${rng.digits(7)}` : `${rng.letters(1)}${rng.digits(6)}`;
}

/** Containers for a draft's goods: one per ~24 t, reefer when anything needs it. */
export function makeContainers(rng: Prng, draft: Draft): Container[] {
  const kg = draft.items.reduce((sum, item) => sum + item.grossKg, 0);
  const reefer = draft.forceReefer || draft.items.some((i) => i.reefer);
  const count = Math.min(6, Math.max(1, Math.ceil(kg / 24_000)));
  const out: Container[] = [];
  for (let i = 0; i < count; i++) {
    const sizeType = reefer ? (rng.chance(0.8) ? '45R1' : '22R1') : rng.pick(['22G1', '42G1', '45G1', '45G1']);
    const seals =
      draft.unsealed && (i === 0 || rng.chance(0.5)) ? [] : rng.chance(0.15) ? [seal(rng), seal(rng)] : [seal(rng)];
    out.push({ number: containerNumber(rng, reefer, draft.badCheckDigit && i === 0), seals, sizeType });
  }
  return out;
}

/** The country of a UN/LOCODE or known IATA code. */
export function locationCountry(code: string): CountryCode | undefined {
  return code.length === 5 ? (code.slice(0, 2) as CountryCode) : airportCountry(code);
}

/** Turns a draft into a consignment of the model. */
export function finishDraft(rng: Prng, draft: Draft, sea: boolean, index: number): Consignment {
  // A consolidation's houses share their master's containers: each gets its own copies, so no two
  // consignments share an object a consumer might change.
  // A house whose planted goods outweigh the shared boxes (bulk precursors) travels in its own.
  let kg = 0;
  for (const item of draft.items) kg += item.grossKg;
  const shared =
    draft.containers !== undefined && kg <= 26_000 * draft.containers.length ? draft.containers : undefined;
  const containers = !sea
    ? []
    : shared === undefined
      ? makeContainers(rng, draft)
      : shared.map((k) => ({ ...k, seals: [...k.seals] }));
  // Optional fields are assigned in model order rather than spread: this runs once per item on
  // million-record benchmarks, and spreads of conditional objects cost more than the rest together.
  const goods: GoodsItem[] = [];
  for (let i = 0; i < draft.items.length; i++) {
    const item = draft.items[i] as DraftItem;
    const g = { seq: i + 1 } as GoodsItem;
    if (item.hs !== undefined) g.hsCode = item.hs;
    g.description = item.description;
    g.packages = item.packages;
    g.grossKg = item.grossKg;
    g.origin = item.origin;
    if (draft.withValues) g.value = { amount: item.usd, currency: draft.currency };
    g.containerRefs = containers.length === 0 ? [] : [(containers[i % containers.length] as Container).number];
    if (item.un !== undefined) g.dangerousGoods = item.un;
    goods.push(g);
  }
  const countries: CountryCode[] = [];
  for (const code of [draft.loading, ...draft.transshipments, draft.discharge]) {
    const c = locationCountry(code);
    if (c !== undefined && countries[countries.length - 1] !== c) countries.push(c);
  }
  let packages = 0;
  let grossKg = 0;
  for (const item of draft.items) {
    packages += item.packages;
    grossKg += item.grossKg;
  }
  const consignment = { id: draft.id } as Consignment;
  if (draft.masterId !== undefined) consignment.masterId = draft.masterId;
  consignment.kind = draft.kind;
  const parties: Consignment['parties'] = { consignor: draft.consignor, consignee: draft.consignee };
  if (draft.notify !== undefined) parties.notify = draft.notify;
  consignment.parties = parties;
  consignment.route = {
    loading: draft.loading,
    discharge: draft.discharge,
    transshipments: draft.transshipments,
    countries,
  };
  consignment.goods = goods;
  consignment.containers = containers;
  consignment.totals = { packages, grossKg: Math.round(grossKg * 10) / 10 };
  if (draft.withValues) {
    let usd = 0;
    for (const item of draft.items) usd += item.usd;
    consignment.declaredValue = { amount: Math.round(usd * 100) / 100, currency: draft.currency };
  }
  consignment.source = { format: 'json', pointer: `/consignments/${index}` };
  return consignment;
}
