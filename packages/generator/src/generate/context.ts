import type { CountryCode, ManifestHeader } from '@cargorisk/manifest';
import { GOODS_CATALOG, type GoodsEntry } from '../data/goods-catalog.js';
import {
  AIR_DESTINATIONS,
  AIR_HUBS,
  AIR_ORIGINS,
  type Place,
  SEA_DESTINATIONS,
  SEA_HUBS,
  SEA_ORIGINS,
} from '../data/places.js';
import type { TargetGoods } from '../data/targets.js';
import type { ResolvedOptions } from '../options.js';
import { Prng } from '../random/prng.js';
import type { Draft, DraftItem } from './draft.js';
import { locationCountry } from './draft.js';
import { PartyPool } from './party-pool.js';

/** Where goods from a country without a port of its own are shipped from. */
const SEA_GATEWAY: Readonly<Record<string, string>> = {
  ET: 'DJJIB',
  UG: 'KEMBA',
  ZM: 'TZDAR',
  MZ: 'TZDAR',
  CM: 'NGAPP',
};

/** What every consignment of one generated manifest shares: the voyage and the random streams. */
export class GenerationContext {
  readonly sea: boolean;
  readonly rng: Prng;
  readonly pool: PartyPool;
  readonly arrival: string;
  readonly destination: CountryCode;
  readonly carrier: string;
  private readonly catalog: readonly GoodsEntry[];
  private readonly byOrigin = new Map<string, GoodsEntry[]>();
  private readonly ports = new Map<string, Place[]>();
  private readonly hubs: readonly Place[];
  /** Bases for consignment numbers, so ids are distinct within a manifest. */
  readonly idBase: number;

  constructor(
    readonly options: ResolvedOptions,
    readonly header: ManifestHeader,
  ) {
    this.sea = options.mode === 'sea';
    this.rng = new Prng(options.seed, 1);
    this.pool = new PartyPool(new Prng(options.seed, 2));
    this.arrival = header.transport?.arrival?.location ?? (this.sea ? 'GBFXT' : 'LHR');
    this.destination = locationCountry(this.arrival) ?? 'GB';
    this.carrier = header.transport?.carrier ?? 'MSCU';
    this.idBase = new Prng(options.seed, 4).int(10_000_000, 79_999_999);
    this.catalog = GOODS_CATALOG.filter(
      (g) => (this.sea || g.air === true) && g.origins.some((c) => c !== this.destination),
    );
    for (const entry of this.catalog) {
      for (const origin of entry.origins) {
        if (origin === this.destination) continue;
        const list = this.byOrigin.get(origin);
        if (list === undefined) this.byOrigin.set(origin, [entry]);
        else list.push(entry);
      }
    }
    const places = this.sea ? [...SEA_ORIGINS, ...SEA_DESTINATIONS] : [...AIR_ORIGINS, ...AIR_DESTINATIONS];
    for (const place of places) {
      if (place.code === this.arrival || place.country === this.destination) continue;
      const list = this.ports.get(place.country);
      if (list === undefined) this.ports.set(place.country, [place]);
      else if (!list.some((p) => p.code === place.code)) list.push(place);
    }
    this.hubs = (this.sea ? SEA_HUBS : AIR_HUBS).filter((h) => h.country !== this.destination);
  }

  /** The port or airport goods from `country` leave from. */
  originPlace(country: CountryCode): string {
    const own = this.ports.get(country);
    if (own !== undefined) return this.rng.pick(own).code;
    const gateway = this.sea ? SEA_GATEWAY[country] : undefined;
    return gateway ?? this.rng.pick(this.hubs).code;
  }

  /** A transit hub that is neither `loading` nor in its country. */
  hub(loading: string): string | undefined {
    const country = locationCountry(loading);
    const candidates = this.hubs.filter((h) => h.code !== loading && h.country !== country);
    return candidates.length === 0 ? undefined : this.rng.pick(candidates).code;
  }

  /** An HS code for a six-digit subheading: as is, or extended to eight or ten digits. */
  hsCode(hs6: string, extend = true): string {
    const r = this.rng.float();
    if (!extend || r < 0.6) return hs6;
    if (r < 0.85) return hs6 + this.rng.pick(['00', '10', '90', '19', '99']);
    return hs6 + this.rng.pick(['0000', '1000', '9000', '9090']);
  }

  /** A goods item of ordinary trade. `share` divides the quantity among the consignment's items. */
  ordinaryItem(entry: GoodsEntry, origin: CountryCode, share: number, lcl: boolean): DraftItem {
    const rng = this.rng;
    const divisor = (this.sea ? 1 : 20) * (lcl ? 8 : 1) * share;
    const packages = Math.max(1, Math.round(rng.int(entry.packages[0], entry.packages[1]) / divisor));
    const grossKg = Math.round(packages * rng.amount(entry.kgPerPackage[0], entry.kgPerPackage[1], 2) * 10) / 10;
    return {
      hs: this.hsCode(entry.hs),
      description: rng.pick(entry.texts),
      packages,
      grossKg,
      origin,
      usd: Math.round(grossKg * rng.amount(entry.usdPerKg[0], entry.usdPerKg[1], 2) * 100) / 100,
      un: entry.un,
      reefer: entry.reefer === true,
      planted: false,
    };
  }

  /** A planted goods item from a target table. `bulk` multiplies the quantity (large shipments). */
  targetItem(target: TargetGoods, origin: CountryCode, bulk = 1): DraftItem {
    const rng = this.rng;
    const divisor = this.sea ? 1 : 10;
    const packages = Math.max(1, Math.round((rng.int(target.packages[0], target.packages[1]) * bulk) / divisor));
    const grossKg = Math.round(packages * rng.amount(target.kgPerPackage[0], target.kgPerPackage[1], 2) * 10) / 10;
    return {
      hs: target.hs === undefined ? undefined : rng.chance(0.7) ? target.hs : `${target.hs}00`,
      description: rng.pick(target.texts),
      packages,
      grossKg,
      origin,
      usd: Math.round(grossKg * rng.amount(target.usdPerKg[0], target.usdPerKg[1], 2) * 100) / 100,
      un: target.un !== undefined && rng.chance(0.7) ? target.un : undefined,
      reefer: false,
      planted: true,
    };
  }

  /** An ordinary consignment: goods of one origin country (`from`, if given), shipped to this manifest's destination. */
  ordinaryDraft(
    id: string,
    kind: Draft['kind'],
    masterId: string | undefined,
    lcl: boolean,
    from?: CountryCode,
  ): Draft {
    const rng = this.rng;
    const fromEntries = from === undefined ? undefined : this.byOrigin.get(from);
    const first = rng.pick(fromEntries ?? this.catalog);
    const origin =
      fromEntries !== undefined && from !== undefined
        ? from
        : rng.pick(first.origins.filter((c) => c !== this.destination));
    const count = rng.int(this.options.itemsMin, this.options.itemsMax);
    const sameOrigin = this.byOrigin.get(origin) ?? [first];
    const items: DraftItem[] = [this.ordinaryItem(first, origin, count, lcl)];
    for (let i = 1; i < count; i++) items.push(this.ordinaryItem(rng.pick(sameOrigin), origin, count, lcl));
    const loading = this.originPlace(origin);
    const transshipments: string[] = [];
    if (rng.chance(this.sea ? 0.3 : 0.25)) {
      const hub = this.hub(loading);
      if (hub !== undefined) transshipments.push(hub);
    }
    const consignee = this.pool.company(this.destination).party;
    const eu = !['GB', 'US'].includes(this.destination);
    const r = rng.float();
    return {
      id,
      masterId,
      kind,
      consignor: this.pool.company(origin).party,
      consignee,
      notify: rng.chance(0.3)
        ? rng.chance(0.5)
          ? structuredClone(consignee)
          : this.pool.company(this.destination).party
        : undefined,
      loading,
      discharge: this.arrival,
      transshipments,
      items,
      containers: undefined,
      forceReefer: false,
      unsealed: false,
      badCheckDigit: false,
      currency: r < 0.7 ? 'USD' : eu ? 'EUR' : this.destination === 'GB' ? 'GBP' : 'USD',
      withValues: rng.chance(0.6),
      loadingFixed: false,
    };
  }
}
