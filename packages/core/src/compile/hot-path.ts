import type { Consignment, GoodsItem, Transport } from '@cargorisk/manifest';
import type { FiredRules } from '../score/assessment.js';
import type { TextCache } from './text-cache.js';

/*
 * The per-consignment path of the compiled engine. Everything it touches lives in one EngineState object
 * of one class, and the functions here are module-level: every evaluator, whatever its rule sets, runs the
 * same code on objects of the same shape, so V8 sees one kind of state and inlines the walk. Closures made
 * per evaluator (one per probe, say) would share their feedback across evaluators, turn the call sites
 * that meet them megamorphic, and cost several times more per consignment (measured on the benchmark's
 * 100-rule set: 1.7x with two scorers in one process).
 *
 * Fact reads for the facts rules probe most are `switch` cases, one property load each; other facts go
 * through their getter.
 */

/** How a probe's fact is read: through its getter, or as one of the facts rules probe most. */
export const READ_GETTER = 0;
export const READ_HS_CODE = 1;
export const READ_DESCRIPTION = 2;
export const READ_ORIGIN = 3;
export const READ_CONSIGNOR_NAME = 4;
export const READ_CONSIGNEE_NAME = 5;
export const READ_CONSIGNOR_COUNTRY = 6;
export const READ_CONSIGNEE_COUNTRY = 7;

/** Which index answers a probe's strings: the HS prefix table walked digit by digit. */
export const KIND_HS = 0;
/** A table of every string that hits (codes, countries). */
export const KIND_EXACT = 1;
/** Free text or party names, through the probe's cache of (leaf, entry) pairs. */
export const KIND_TEXT = 2;

/** What the per-consignment path needs of a probe (the compiled engine's Probe extends it). */
export interface HotProbe {
  readonly item: boolean;
  /** A party probe: a party object stands for its name, and an array for nothing. */
  readonly party: boolean;
  readFact: number;
  kind: number;
  readItem: (i: GoodsItem) => unknown;
  readCons: (c: Consignment, t: Transport | undefined) => unknown;
  /** Entry id → leaves this probe stamps when the entry is found. */
  leavesOf: (Int32Array | undefined)[];
  /**
   * For an HS probe, per prefix-table node: 0, or 1 + the index in `hsLeaves` of the leaves stamped when a
   * code reaches that node (those of every list item ending there, merged), so a walk does one lookup per
   * digit rather than following node → entries → leaves.
   */
  hsAt: Int32Array;
  hsLeaves: Int32Array[];
  exact: Map<string, Int32Array> | undefined;
  /**
   * Two-letter upper-case strings (country codes) by (c0 - 65) * 26 + (c1 - 65): 0, or 1 + the index in
   * `twoLetterPairs` of the string's pairs. No hashing, and the table takes 1.3 KB of cache, not 5.4.
   */
  twoLetter: Int16Array | undefined;
  twoLetterPairs: Int32Array[];
  readonly cache: TextCache<Int32Array>;
  /**
   * A direct-mapped table in front of `cache`: slot k holds one recent text at 2k and its pairs at 2k + 1
   * (one cache line for both). A probe that finds `s` there costs four character reads and one comparison
   * instead of a Map lookup.
   */
  readonly slots: (string | Int32Array | undefined)[];
}

/** Offsets in `EngineState.ruleState`. */
export const RULE_TOUCHED = 0;
export const RULE_VISITED = 1;
export const RULE_FIRED = 2;
export const RULE_FLAGS = 3;
/** Flag: an item-scope rule. */
export const RULE_ITEM = 1;
/**
 * Flag: the rule's condition is true whenever one of its indexed conditions is (a single list condition, or
 * an `any` of them), so a rule touched by a hit fires without its test being run.
 */
export const RULE_ANY_HIT = 2;

/** Slots of a probe's direct-mapped text table (a power of two). */
export const TEXT_SLOTS = 2_048;

/** The slot of a text: its length and three of its characters, mixed. */
function textSlot(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const h =
    Math.imul(n, 0x9e3779b1) ^ Math.imul(s.charCodeAt(0), 0x85ebca6b) ^ Math.imul(s.charCodeAt(n >> 1), 0xc2b2ae35);
  return (h ^ Math.imul(s.charCodeAt(n - 1), 0x27d4eb2f) ^ (h >>> 15)) & (TEXT_SLOTS - 1);
}

/** Texts longer than this are scanned each time rather than cached. */
export const CACHE_TEXT_MAX = 2_048;

/** The state of one evaluator: its indexes, its scratch arrays and the consignment being evaluated. */
export class EngineState {
  consignment: Consignment = undefined as unknown as Consignment;
  transport: Transport | undefined = undefined;
  item: GoodsItem = undefined as unknown as GoodsItem;
  counter = 0;
  consEpoch = 0;
  itemEpoch = -1;
  touchedEpoch = 0;
  /**
   * Per leaf, two numbers side by side (one cache line when a hit stamps a leaf): at 2 * leaf the epoch
   * (consignment or item) in which an index hit satisfied it, at 2 * leaf + 1 its rule.
   */
  leafState = new Float64Array(0);
  /**
   * Per rule, four numbers side by side: at 4 * rule + RULE_TOUCHED the epoch in which a hit touched it,
   * + RULE_VISITED the epoch it was last tested, + RULE_FIRED the consignment it last fired on, and
   * + RULE_FLAGS its flags (RULE_ITEM, RULE_ANY_HIT). A hit costs one cache line per rule, not four.
   */
  ruleState = new Float64Array(0);
  // Rules touched by an index hit, as typed stacks with explicit counts (no array resizing per call).
  consTouched = new Int32Array(0);
  consTouchedCount = 0;
  itemTouched = new Int32Array(0);
  itemTouchedCount = 0;
  consTouchedItemRules = new Int32Array(0);
  consTouchedItemCount = 0;
  alwaysCons = new Int32Array(0);
  alwaysItem = new Int32Array(0);
  hasItemRules = false;
  consProbes: HotProbe[] = [];
  itemProbes: HotProbe[] = [];
  hsChildren: Int32Array<ArrayBufferLike> = new Int32Array(0);
  explain = false;
  /** Each rule's compiled condition. */
  tests: (() => boolean)[] = [];
  /** Records a rule as fired (and its evidence when explaining). */
  fire: (rule: number) => void = () => {};
  /** The (leaf, entry) pairs of a text a probe's cache does not hold. */
  pairsOf: (probe: HotProbe, s: string) => Int32Array = () => new Int32Array(0);
  /** The fired rules of the consignment being evaluated, per rule set, when any fired. */
  fired: unknown[][] | undefined = undefined;
  /** Per-consignment scratch of `fire` (evidence by rule when explaining). */
  evidenceByRule: Map<number, unknown> | undefined = undefined;
  empty: FiredRules = [];
}

/** Stamps the leaves of a probe's (leaf, entry) pairs and records their rules as touched. */
function stampPairs(st: EngineState, isItemProbe: boolean, pairs: Int32Array, step: number): void {
  const epoch = isItemProbe ? st.itemEpoch : st.consEpoch;
  const leafState = st.leafState;
  const ruleState = st.ruleState;
  for (let k = 0; k < pairs.length; k += step) {
    const at = 2 * (pairs[k] as number);
    if (leafState[at] === epoch) continue;
    leafState[at] = epoch;
    const rule = leafState[at + 1] as number;
    const r4 = 4 * rule;
    if (ruleState[r4 + RULE_TOUCHED] === st.touchedEpoch) continue;
    ruleState[r4 + RULE_TOUCHED] = st.touchedEpoch;
    if (isItemProbe) st.itemTouched[st.itemTouchedCount++] = rule;
    else if (((ruleState[r4 + RULE_FLAGS] as number) & RULE_ITEM) !== 0) {
      st.consTouchedItemRules[st.consTouchedItemCount++] = rule;
    } else st.consTouched[st.consTouchedCount++] = rule;
  }
}

/** Walks the HS prefix table along `code`, stamping the leaves of every list item it starts with. */
function probeHs(st: EngineState, probe: HotProbe, code: string): void {
  const children = st.hsChildren;
  const hsAt = probe.hsAt;
  let node = 0;
  for (let i = 0; i < code.length; i++) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return;
    node = children[node * 10 + d] as number;
    if (node === 0) return;
    const at = hsAt[node] as number;
    if (at !== 0) stampPairs(st, probe.item, probe.hsLeaves[at - 1] as Int32Array, 1);
  }
}

function probeExact(st: EngineState, probe: HotProbe, s: string): void {
  if (s.length === 2) {
    const a = s.charCodeAt(0) - 65;
    const b = s.charCodeAt(1) - 65;
    if (a >= 0 && a < 26 && b >= 0 && b < 26) {
      const at = (probe.twoLetter as Int16Array)[a * 26 + b] as number;
      if (at !== 0) stampPairs(st, probe.item, probe.twoLetterPairs[at - 1] as Int32Array, 2);
      return;
    }
  }
  const pairs = (probe.exact as Map<string, Int32Array>).get(s);
  if (pairs !== undefined) stampPairs(st, probe.item, pairs, 2);
}

function probeText(st: EngineState, probe: HotProbe, s: string): void {
  let pairs: Int32Array | undefined;
  if (s.length > CACHE_TEXT_MAX) pairs = st.pairsOf(probe, s);
  else {
    const slot = 2 * textSlot(s);
    const slots = probe.slots;
    const held = slots[slot];
    // Typed as a string first, the comparison compiles to a string comparison rather than the generic one.
    if (typeof held === 'string' && held === s) pairs = slots[slot + 1] as Int32Array;
    else {
      pairs = probe.cache.get(s);
      if (pairs === undefined) {
        pairs = st.pairsOf(probe, s);
        probe.cache.set(s, pairs);
      }
      slots[slot] = s;
      slots[slot + 1] = pairs;
    }
  }
  if (pairs.length > 0) stampPairs(st, probe.item, pairs, 2);
}

/** Runs one string through the probe's index. */
function probeString(st: EngineState, probe: HotProbe, s: string): void {
  if (probe.kind === KIND_HS) probeHs(st, probe, s);
  else if (probe.kind === KIND_EXACT) probeExact(st, probe, s);
  else probeText(st, probe, s);
}

/** A party probe reads a party's name; other probes each string of a list fact. */
function probeValue(st: EngineState, probe: HotProbe, value: unknown, partyName: (v: unknown) => unknown): void {
  if (value === undefined) return;
  if (probe.party) {
    const name = partyName(value);
    if (typeof name === 'string') probeString(st, probe, name);
  } else if (typeof value === 'string') probeString(st, probe, value);
  else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') probeString(st, probe, v);
}

function readItemFact(probe: HotProbe, it: GoodsItem): unknown {
  switch (probe.readFact) {
    case READ_HS_CODE:
      return it.hsCode;
    case READ_DESCRIPTION:
      return it.description;
    case READ_ORIGIN:
      return it.origin;
    default:
      return probe.readItem(it);
  }
}

function readConsFact(probe: HotProbe, c: Consignment, t: Transport | undefined): unknown {
  switch (probe.readFact) {
    case READ_CONSIGNOR_NAME:
      return c.parties?.consignor?.name;
    case READ_CONSIGNEE_NAME:
      return c.parties?.consignee?.name;
    case READ_CONSIGNOR_COUNTRY:
      return c.parties?.consignor?.address?.country;
    case READ_CONSIGNEE_COUNTRY:
      return c.parties?.consignee?.address?.country;
    default:
      return probe.readCons(c, t);
  }
}

/**
 * Whether rule `r` holds now. A rule visited is either always visited (never RULE_ANY_HIT: with no hit it
 * could not hold) or touched by a hit on it, so for a RULE_ANY_HIT rule the hit is enough and its test is
 * not run.
 */
function holds(st: EngineState, r4: number, r: number): boolean {
  return ((st.ruleState[r4 + RULE_FLAGS] as number) & RULE_ANY_HIT) !== 0 || (st.tests[r] as () => boolean)();
}

function visitCons(st: EngineState, r: number): void {
  const r4 = 4 * r;
  const ruleState = st.ruleState;
  if (ruleState[r4 + RULE_VISITED] === st.consEpoch) return;
  ruleState[r4 + RULE_VISITED] = st.consEpoch;
  if (holds(st, r4, r)) st.fire(r);
}

function visitItem(st: EngineState, r: number): void {
  const r4 = 4 * r;
  const ruleState = st.ruleState;
  if (!st.explain && ruleState[r4 + RULE_FIRED] === st.consEpoch) return;
  if (ruleState[r4 + RULE_VISITED] === st.itemEpoch) return;
  ruleState[r4 + RULE_VISITED] = st.itemEpoch;
  if (holds(st, r4, r)) st.fire(r);
}

/**
 * Evaluates one consignment: consignment probes, the rules they touched (and those always visited), then
 * per goods item the item probes and the item rules touched by either.
 */
export function evaluateWith(
  st: EngineState,
  c: Consignment,
  t: Transport | undefined,
  partyName: (v: unknown) => unknown,
): FiredRules {
  st.consignment = c;
  st.transport = t;
  st.consEpoch = ++st.counter;
  st.itemEpoch = -1;
  st.touchedEpoch = st.consEpoch;
  st.consTouchedCount = 0;
  st.consTouchedItemCount = 0;
  st.fired = undefined;
  st.evidenceByRule = undefined;

  const consProbes = st.consProbes;
  for (let i = 0; i < consProbes.length; i++) {
    const probe = consProbes[i] as HotProbe;
    const v = readConsFact(probe, c, t);
    if (typeof v === 'string') probeString(st, probe, v);
    else probeValue(st, probe, v, partyName);
  }
  const alwaysCons = st.alwaysCons;
  for (let i = 0; i < alwaysCons.length; i++) visitCons(st, alwaysCons[i] as number);
  for (let i = 0; i < st.consTouchedCount; i++) visitCons(st, st.consTouched[i] as number);

  const itemProbes = st.itemProbes;
  const alwaysItem = st.alwaysItem;
  if (st.hasItemRules && (alwaysItem.length > 0 || st.consTouchedItemCount > 0 || itemProbes.length > 0)) {
    const goods = c.goods;
    for (let gi = 0; gi < goods.length; gi++) {
      const it = goods[gi] as GoodsItem;
      st.item = it;
      st.itemEpoch = ++st.counter;
      st.touchedEpoch = st.itemEpoch;
      st.itemTouchedCount = 0;
      for (let i = 0; i < itemProbes.length; i++) {
        const probe = itemProbes[i] as HotProbe;
        const v = readItemFact(probe, it);
        if (typeof v === 'string') probeString(st, probe, v);
        else probeValue(st, probe, v, partyName);
      }
      for (let i = 0; i < alwaysItem.length; i++) visitItem(st, alwaysItem[i] as number);
      for (let i = 0; i < st.consTouchedItemCount; i++) visitItem(st, st.consTouchedItemRules[i] as number);
      for (let i = 0; i < st.itemTouchedCount; i++) visitItem(st, st.itemTouched[i] as number);
    }
  }
  const out = (st.fired as FiredRules | undefined) ?? st.empty;
  st.fired = undefined;
  st.evidenceByRule = undefined;
  return out;
}
