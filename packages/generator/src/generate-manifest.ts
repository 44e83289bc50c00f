import type { Consignment, Manifest, ManifestHeader } from '@cargorisk/manifest';
import { GeneratorError } from './errors.js';
import { makeAwkward } from './generate/awkward.js';
import { GenerationContext } from './generate/context.js';
import { type Draft, type DraftItem, finishDraft, makeContainers } from './generate/draft.js';
import { AIR_CARRIERS, buildHeader } from './generate/header.js';
import { plant } from './generate/plant.js';
import {
  AWKWARD_KINDS,
  type AwkwardKind,
  type GenerateOptions,
  PLANT_PROFILES,
  type PlantProfile,
  type ResolvedOptions,
  resolveOptions,
} from './options.js';
import { Prng } from './random/prng.js';

/** One generated consignment with its ground truth. */
export interface GeneratedRecord {
  readonly consignment: Consignment;
  /** The profiles planted in it, in the order applied; empty for ordinary trade. */
  readonly planted: readonly PlantProfile[];
  /** The awkward variations made in it. */
  readonly awkward: readonly AwkwardKind[];
}

/** A generated manifest and its ground truth, keyed by consignment id (only consignments that have some). */
export interface GeneratedManifest {
  readonly manifest: Manifest;
  readonly planted: Map<string, PlantProfile[]>;
  readonly awkward: Map<string, AwkwardKind[]>;
}

/** Picks `count` distinct indices below `n` (Floyd's algorithm: exact, no shuffle of all n). */
function choose(rng: Prng, n: number, count: number): number[] {
  const chosen = new Set<number>();
  for (let j = n - count; j < n; j++) {
    const t = rng.int(0, j);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen];
}

/** For exact counts: which profiles each index gets. */
function plannedPositions(o: ResolvedOptions): Map<number, PlantProfile[]> {
  const rng = new Prng(o.seed, 5);
  const positions = new Map<number, PlantProfile[]>();
  for (const profile of PLANT_PROFILES) {
    const count = o.counts[profile];
    if (count === undefined || count === 0) continue;
    for (const index of choose(rng, o.consignments, count)) {
      const list = positions.get(index);
      if (list === undefined) positions.set(index, [profile]);
      else list.push(profile);
    }
  }
  return positions;
}

function consignmentId(ctx: GenerationContext, index: number, kind: Draft['kind']): string {
  const n = ctx.idBase + index;
  if (ctx.sea) {
    if (kind === 'house') return `HB${ctx.arrival.slice(2)}${String(n).padStart(9, '0')}`;
    return `${ctx.carrier}${String(n).padStart(10, '0')}`;
  }
  if (kind === 'house') return `H${ctx.arrival}${String(n).padStart(8, '0')}`;
  const serial = n % 10_000_000;
  const prefix = AIR_CARRIERS[ctx.carrier]?.prefix ?? '999';
  return `${prefix}-${String(serial).padStart(7, '0')}${serial % 7}`;
}

/**
 * Consignments with their ground truth, one at a time: nothing is held beyond the current
 * consolidation, so any number can be written in constant memory.
 *
 * @example
 * for (const { consignment, planted } of generateRecords({ seed: 7, consignments: 1000 })) {
 *   if (planted.length > 0) console.log(consignment.id, planted);
 * }
 */
export function* generateRecords(options: GenerateOptions = {}): Generator<GeneratedRecord, void, undefined> {
  const o = resolveOptions(options);
  const ctx = new GenerationContext(o, buildHeader(o));
  const rng = ctx.rng;
  const plan = new Prng(o.seed, 3);
  const positions = plannedPositions(o);
  const awkwardOn = AWKWARD_KINDS.some((k) => o.awkward[k] > 0);
  // Profiles whose position fell on a consolidation's master wait for the next consignment.
  const pending = new Set<PlantProfile>();
  const group: Draft[] = [];

  for (let index = 0; index < o.consignments; index++) {
    let draft: Draft;
    const remaining = o.consignments - index;
    if (group.length > 0) {
      draft = group.shift() as Draft;
    } else if (pending.size === 0 && remaining >= 4 && rng.chance(0.1)) {
      // A consolidation: a master, then its houses, which share its containers (LCL).
      const houses = Math.min(rng.int(2, 4), remaining - 2);
      const masterId = consignmentId(ctx, index, 'master');
      draft = ctx.ordinaryDraft(masterId, 'master', undefined, false);
      // Houses of one consolidation ship from the master's country, loaded where it is.
      const from = draft.items[0]?.origin;
      for (let h = 1; h <= houses; h++) {
        group.push(ctx.ordinaryDraft(consignmentId(ctx, index + h, 'house'), 'house', masterId, true, from));
      }
      // The master lists its houses' goods, one line per house. Not "CONSOLIDATION": the vague
      // description pack rightly flags that word, and a master is not a planted target.
      draft.items = group.map((house) => {
        const first = house.items[0] as DraftItem;
        let packages = 0;
        let grossKg = 0;
        for (const item of house.items) {
          packages += item.packages;
          grossKg += item.grossKg;
        }
        return { ...first, packages, grossKg: Math.round(grossKg * 10) / 10, usd: 0, planted: false };
      });
      draft.withValues = false;
      if (ctx.sea) {
        const shared = makeContainers(rng, draft);
        draft.containers = shared;
        for (const house of group) {
          house.containers = shared;
          house.loading = draft.loading;
          house.transshipments = [...draft.transshipments];
        }
      }
    } else {
      draft = ctx.ordinaryDraft(consignmentId(ctx, index, 'direct'), 'direct', undefined, false);
    }

    const wanted = new Set<PlantProfile>();
    for (const profile of positions.get(index) ?? []) {
      if (wanted.has(profile)) pending.add(profile);
      else wanted.add(profile);
    }
    for (const profile of PLANT_PROFILES) {
      if (plan.chance(o.rates[profile])) wanted.add(profile);
    }
    let planted: PlantProfile[] = [];
    let awkward: AwkwardKind[] = [];
    if (draft.kind === 'master') {
      for (const profile of wanted) pending.add(profile);
    } else {
      for (const profile of [...pending]) {
        if (!wanted.has(profile)) {
          wanted.add(profile);
          pending.delete(profile);
        }
      }
      if (wanted.size > 0) planted = plant(ctx, draft, wanted);
      if (awkwardOn) {
        const kinds = AWKWARD_KINDS.filter((k) => plan.chance(o.awkward[k]));
        if (kinds.length > 0) awkward = makeAwkward(ctx, draft, kinds);
      }
    }
    yield { consignment: finishDraft(rng, draft, ctx.sea, index), planted, awkward };
  }
}

/**
 * The consignments alone, streamed.
 *
 * @example
 * let n = 0;
 * for (const c of generateConsignments({ seed: 'bench', consignments: 1_000_000 })) n += c.goods.length;
 */
export function* generateConsignments(options: GenerateOptions = {}): Generator<Consignment, void, undefined> {
  for (const record of generateRecords(options)) yield record.consignment;
}

/**
 * The manifest header (id, format, transport) that goes with `generateConsignments(options)`.
 *
 * @example
 * const header = generateManifestHeader({ seed: 7, mode: 'air' }); // { id: 'GEN-AIR-…', transport: { mode: 'air', … } }
 */
export function generateManifestHeader(options: GenerateOptions = {}): ManifestHeader {
  return buildHeader(resolveOptions(options));
}

/**
 * A whole manifest in memory, with the ground truth: which consignments were planted with which
 * profiles, and which carry awkward variations.
 *
 * @example
 * const { manifest, planted } = generateManifest({ seed: 7, consignments: 200, plant: { pegasus: { count: 3 } } });
 * console.log(manifest.consignments.length, [...planted].filter(([, p]) => p.includes('pegasus')).length); // 200 3
 */
export function generateManifest(options: GenerateOptions = {}): GeneratedManifest {
  const o = resolveOptions(options);
  if (!Number.isFinite(o.consignments)) {
    throw new GeneratorError(
      'invalid-options',
      'generateManifest needs a finite consignments; stream with generateConsignments',
    );
  }
  const consignments: Consignment[] = [];
  const planted = new Map<string, PlantProfile[]>();
  const awkward = new Map<string, AwkwardKind[]>();
  for (const record of generateRecords(options)) {
    consignments.push(record.consignment);
    if (record.planted.length > 0) planted.set(record.consignment.id, [...record.planted]);
    if (record.awkward.length > 0) awkward.set(record.consignment.id, [...record.awkward]);
  }
  return { manifest: { ...buildHeader(o), consignments }, planted, awkward };
}

export type SafeGenerateManifestResult =
  | { success: true; data: GeneratedManifest }
  | { success: false; error: GeneratorError };

/**
 * {@link generateManifest} that returns bad options as `error` instead of throwing.
 *
 * @example
 * const result = safeGenerateManifest({ consignments: -1 });
 * if (!result.success) console.log(result.error.code); // 'invalid-options'
 */
export function safeGenerateManifest(options: GenerateOptions = {}): SafeGenerateManifestResult {
  try {
    return { success: true, data: generateManifest(options) };
  } catch (e) {
    if (e instanceof GeneratorError) return { success: false, error: e };
    throw e;
  }
}
