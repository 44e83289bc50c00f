import type { CountryCode } from '@cargorisk/manifest';
import { COCAINE_SOURCE_AIRPORTS, COCAINE_SOURCE_PORTS, FREE_ZONE_AIRPORTS, FREE_ZONE_PORTS } from '../data/places.js';
import {
  CITES_GOODS,
  COCAINE_AIR_GOODS,
  COCAINE_COVER_GOODS,
  GLOBAL_SHIELD_GOODS,
  MEDICINE_GOODS,
  PEGASUS_GOODS,
  SALW_GOODS,
  SALW_MISDECLARED,
  VAGUE_DESCRIPTIONS,
} from '../data/targets.js';
import type { PlantProfile } from '../options.js';
import type { GenerationContext } from './context.js';
import { type Draft, type DraftItem, locationCountry } from './draft.js';

/*
 * Each profile turns an ordinary consignment into a target of its typology. Profiles replace
 * only ordinary goods items (never another profile's) and the first one to choose a loading
 * place keeps it, so a consignment planted with two profiles carries the marks of both.
 * Profiles are applied in PLANT_ORDER, route-defining ones first.
 */

/** The order profiles are applied in: those that fix the route before those that only add to it. */
export const PLANT_ORDER: readonly PlantProfile[] = [
  'cocaine',
  'cites',
  'globalShield',
  'pegasus',
  'salw',
  'medicines',
  'vague',
];

function dropOrdinary(d: Draft): void {
  d.items = d.items.filter((i) => i.planted);
}

function addItems(d: Draft, items: DraftItem[], replace: boolean): void {
  if (replace) dropOrdinary(d);
  d.items.push(...items);
}

function setLoading(d: Draft, loading: string): boolean {
  if (d.loadingFixed) return false;
  d.loading = loading;
  d.loadingFixed = true;
  d.transshipments = d.transshipments.filter((t) => t !== loading && t !== d.discharge);
  return true;
}

function fromCountry(ctx: GenerationContext, d: Draft, country: CountryCode): void {
  if (setLoading(d, ctx.originPlace(country))) d.consignor = ctx.pool.company(country).party;
}

function pegasus(ctx: GenerationContext, d: Draft): void {
  const rng = ctx.rng;
  const origin = rng.pick<CountryCode>(['DE', 'GB', 'IT', 'CN', 'IN', 'PL']);
  const items = [ctx.targetItem(rng.pick(PEGASUS_GOODS), origin)];
  if (rng.chance(0.4)) items.push(ctx.targetItem(rng.pick(PEGASUS_GOODS), origin));
  addItems(d, items, rng.chance(0.5));
  // Through a free zone: loaded there by a free-zone trader, or transshipped there.
  const zone = rng.pick(ctx.sea ? FREE_ZONE_PORTS : FREE_ZONE_AIRPORTS).code;
  const zoneCountry = locationCountry(zone) ?? 'AE';
  if (rng.chance(0.4) && setLoading(d, zone)) d.consignor = ctx.pool.company(zoneCountry).party;
  else if (d.loading !== zone && !d.transshipments.includes(zone)) d.transshipments.push(zone);
}

function globalShield(ctx: GenerationContext, d: Draft): void {
  const rng = ctx.rng;
  const origin = rng.pick<CountryCode>(['CN', 'IN', 'TR', 'EG', 'KR']);
  addItems(d, [ctx.targetItem(rng.pick(GLOBAL_SHIELD_GOODS), origin, rng.int(1, 4))], rng.chance(0.7));
  fromCountry(ctx, d, origin);
}

function salw(ctx: GenerationContext, d: Draft): void {
  const rng = ctx.rng;
  const origin = rng.pick<CountryCode>(['US', 'TR', 'CZ', 'AT', 'IT', 'BR', 'HR']);
  const variant = rng.int(0, 2);
  if (variant === 0) {
    // Declared as what it is (chapter 93, sights), sometimes to a private address.
    addItems(d, [ctx.targetItem(rng.pick(SALW_GOODS.slice(0, 5)), origin)], rng.chance(0.5));
    if (rng.chance(0.5)) d.consignee = ctx.pool.person(ctx.destination);
  } else if (variant === 1) {
    // Declared as something innocuous, to a private address.
    addItems(d, [ctx.targetItem(rng.pick(SALW_MISDECLARED), origin)], rng.chance(0.6));
    d.consignee = ctx.pool.person(ctx.destination);
  } else {
    // Tools whose description gives away a slide or a barrel.
    addItems(d, [ctx.targetItem(rng.pick(SALW_GOODS.slice(5)), origin)], rng.chance(0.5));
  }
  d.notify = undefined;
  fromCountry(ctx, d, origin);
}

function cites(ctx: GenerationContext, d: Draft): void {
  const rng = ctx.rng;
  const origin = rng.pick<CountryCode>(['NG', 'CD', 'MZ', 'KE', 'CM', 'UG', 'TZ']);
  addItems(d, [ctx.targetItem(rng.pick(CITES_GOODS), origin)], true);
  fromCountry(ctx, d, origin);
}

function cocaine(ctx: GenerationContext, d: Draft): void {
  const rng = ctx.rng;
  const source = rng.pick(ctx.sea ? COCAINE_SOURCE_PORTS : COCAINE_SOURCE_AIRPORTS);
  const items = [ctx.targetItem(rng.pick(ctx.sea ? COCAINE_COVER_GOODS : COCAINE_AIR_GOODS), source.country)];
  addItems(d, items, true);
  if (setLoading(d, source.code)) d.consignor = ctx.pool.company(source.country).party;
  if (ctx.sea) {
    d.forceReefer = true;
    d.unsealed = true;
    d.containers = undefined;
  }
}

function medicines(ctx: GenerationContext, d: Draft): void {
  const rng = ctx.rng;
  const origin = rng.pick<CountryCode>(['IN', 'CN', 'PK', 'BD', 'TR']);
  addItems(d, [ctx.targetItem(rng.pick(MEDICINE_GOODS), origin)], rng.chance(0.5));
  fromCountry(ctx, d, origin);
}

function vague(ctx: GenerationContext, d: Draft): void {
  const rng = ctx.rng;
  const ordinary = d.items.filter((i) => !i.planted);
  const text = rng.pick(VAGUE_DESCRIPTIONS);
  if (ordinary.length > 0) {
    for (const item of rng.chance(0.5) ? ordinary : [rng.pick(ordinary)]) {
      item.description = text.replace('{n}', String(item.packages));
      if (rng.chance(0.5)) item.hs = undefined;
      item.planted = true;
    }
    return;
  }
  const packages = rng.int(10, 900);
  d.items.push({
    hs: undefined,
    description: text.replace('{n}', String(packages)),
    packages,
    grossKg: Math.round(packages * rng.amount(5, 25, 1) * 10) / 10,
    origin: d.items[0]?.origin ?? 'CN',
    usd: rng.amount(500, 20_000, 2),
    un: undefined,
    reefer: false,
    planted: true,
  });
}

const PROFILES: Readonly<Record<PlantProfile, (ctx: GenerationContext, d: Draft) => void>> = {
  pegasus,
  globalShield,
  salw,
  cites,
  cocaine,
  medicines,
  vague,
};

/** Plants `profiles` into a draft, in {@link PLANT_ORDER}. */
export function plant(ctx: GenerationContext, d: Draft, profiles: ReadonlySet<PlantProfile>): PlantProfile[] {
  const applied: PlantProfile[] = [];
  for (const profile of PLANT_ORDER) {
    if (!profiles.has(profile)) continue;
    PROFILES[profile](ctx, d);
    applied.push(profile);
  }
  return applied;
}
