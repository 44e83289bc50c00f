import { GeneratorError } from './errors.js';

/** The kinds of target the generator plants, one per rule pack typology. */
export const PLANT_PROFILES = ['pegasus', 'globalShield', 'salw', 'cites', 'cocaine', 'medicines', 'vague'] as const;
export type PlantProfile = (typeof PLANT_PROFILES)[number];

/** The awkward-but-valid variations the generator can put in on demand. */
export const AWKWARD_KINDS = [
  'accents',
  'fullwidth',
  'spacing',
  'leadingZeros',
  'badCheckDigit',
  'longDescription',
  'partyVariants',
] as const;
export type AwkwardKind = (typeof AWKWARD_KINDS)[number];

/** A rate (a probability in [0, 1] per consignment) or an exact number of consignments. */
export type PlantSetting = number | { count: number };

export interface GenerateOptions {
  /**
   * Same seed, same output, byte for byte, on any machine.
   * @default 1
   */
  seed?: string | number;
  /**
   * How many consignments. `Infinity` is allowed for the streaming forms (stop by taking fewer).
   * @default 100
   */
  consignments?: number;
  /**
   * Sea (a vessel call: bills of lading, containers, UN/LOCODEs) or air (a flight: air waybills, IATA codes).
   * @default 'sea'
   */
  mode?: 'sea' | 'air';
  /**
   * Goods items per ordinary consignment, both ends included. Planting and awkward variations may add one.
   * @default [1, 4]
   */
  itemsPerConsignment?: readonly [number, number];
  /**
   * Planted targets per profile: a rate per consignment (`0.05`) or an exact count (`{ count: 12 }`).
   * Profiles not named keep their default ({@link DEFAULT_PLANT_RATE} each); `false` plants nothing.
   * Exact counts need a finite `consignments`.
   * @default 0.02 for every profile
   */
  plant?: Partial<Record<PlantProfile, PlantSetting>> | false;
  /**
   * Awkward but valid variations: `true` for {@link DEFAULT_AWKWARD_RATE} of each kind, a number
   * for that rate of each kind, or a rate per kind.
   * @default false
   */
  awkward?: boolean | number | Partial<Record<AwkwardKind, number>>;
  /**
   * The manifest id.
   * @default derived from the seed, e.g. `GEN-SEA-1A2B3C4D`
   */
  manifestId?: string;
}

/** The rate of each planted profile when none is given. */
export const DEFAULT_PLANT_RATE = 0.02;
/** The rate of each awkward kind when `awkward: true`. */
export const DEFAULT_AWKWARD_RATE = 0.05;

export interface ResolvedOptions {
  seed: string | number;
  consignments: number;
  mode: 'sea' | 'air';
  itemsMin: number;
  itemsMax: number;
  rates: Record<PlantProfile, number>;
  counts: Partial<Record<PlantProfile, number>>;
  awkward: Record<AwkwardKind, number>;
  manifestId: string | undefined;
}

const invalid = (message: string) => new GeneratorError('invalid-options', message);
const isRate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

/** Checks and completes the options; throws GeneratorError('invalid-options'). */
export function resolveOptions(options: GenerateOptions = {}): ResolvedOptions {
  const seed = options.seed ?? 1;
  if (typeof seed !== 'string' && !(typeof seed === 'number' && Number.isFinite(seed))) {
    throw invalid('seed must be a string or a finite number');
  }
  const consignments = options.consignments ?? 100;
  if (!(consignments === Number.POSITIVE_INFINITY || (Number.isInteger(consignments) && consignments >= 0))) {
    throw invalid(`consignments must be a whole number >= 0 or Infinity, not ${String(consignments)}`);
  }
  const mode = options.mode ?? 'sea';
  if (mode !== 'sea' && mode !== 'air') throw invalid(`mode must be 'sea' or 'air', not ${String(mode)}`);
  const [itemsMin, itemsMax] = options.itemsPerConsignment ?? [1, 4];
  if (
    !Number.isInteger(itemsMin) ||
    !Number.isInteger(itemsMax) ||
    itemsMin < 1 ||
    itemsMax < itemsMin ||
    itemsMax > 1000
  ) {
    throw invalid('itemsPerConsignment must be [min, max] whole numbers with 1 <= min <= max <= 1000');
  }
  const rates = {} as Record<PlantProfile, number>;
  const counts: Partial<Record<PlantProfile, number>> = {};
  for (const profile of PLANT_PROFILES) rates[profile] = options.plant === false ? 0 : DEFAULT_PLANT_RATE;
  if (options.plant !== false && options.plant !== undefined) {
    for (const [profile, setting] of Object.entries(options.plant)) {
      if (!(PLANT_PROFILES as readonly string[]).includes(profile)) {
        throw invalid(`unknown plant profile "${profile}" (known: ${PLANT_PROFILES.join(', ')})`);
      }
      const p = profile as PlantProfile;
      if (isRate(setting)) rates[p] = setting;
      else if (
        typeof setting === 'object' &&
        setting !== null &&
        Number.isInteger(setting.count) &&
        setting.count >= 0
      ) {
        if (!Number.isFinite(consignments)) throw invalid(`plant.${p}: an exact count needs a finite consignments`);
        if (setting.count > consignments)
          throw invalid(`plant.${p}: count ${setting.count} exceeds ${consignments} consignments`);
        rates[p] = 0;
        counts[p] = setting.count;
      } else throw invalid(`plant.${p} must be a rate in [0, 1] or { count: n }`);
    }
  }
  const awkward = {} as Record<AwkwardKind, number>;
  const a = options.awkward ?? false;
  for (const kind of AWKWARD_KINDS) {
    awkward[kind] = a === true ? DEFAULT_AWKWARD_RATE : typeof a === 'number' ? a : 0;
  }
  if (typeof a === 'number' && !isRate(a)) throw invalid('awkward as a number must be a rate in [0, 1]');
  if (typeof a === 'object' && a !== null) {
    for (const [kind, rate] of Object.entries(a)) {
      if (!(AWKWARD_KINDS as readonly string[]).includes(kind)) {
        throw invalid(`unknown awkward kind "${kind}" (known: ${AWKWARD_KINDS.join(', ')})`);
      }
      if (!isRate(rate)) throw invalid(`awkward.${kind} must be a rate in [0, 1]`);
      awkward[kind as AwkwardKind] = rate;
    }
  }
  if (options.manifestId !== undefined && (options.manifestId.length === 0 || options.manifestId.length > 128)) {
    throw invalid('manifestId must be 1 to 128 characters');
  }
  return { seed, consignments, mode, itemsMin, itemsMax, rates, counts, awkward, manifestId: options.manifestId };
}
