import type { Consignment, GoodsItem, Transport } from '@cargorisk/manifest';
import { CONSIGNMENT_FACT_GETTERS } from '../facts/consignment-facts.js';
import { FACTS } from '../facts/fact-catalogue.js';
import { ITEM_FACT_GETTERS } from '../facts/item-facts.js';
import {
  evaluateOperator,
  matchedItems,
  type PreparedOperand,
  partyNameOf,
  prepareOperand,
  stringsOf,
} from '../operators/direct-operators.js';
import { resolveSimplePath } from '../ruleset/simple-path.js';
import type { Evidence, FiredRule, FiredRules } from '../score/assessment.js';
import { foldText } from '../text/fold-text.js';
import { normalizePartyName } from '../text/normalize-party-name.js';
import type { CompiledRuleSet } from './compile-rule-set.js';
import { HsPrefixIndex } from './hs-index.js';
import { KeywordAutomaton } from './keyword-automaton.js';
import { type CondNode, type LeafNode, PROGRAM, type ResolvedList } from './program.js';
import { TextCache } from './text-cache.js';

/*
 * The compiled engine. Built once per scorer from every rule set it loads:
 *  - every list becomes an entry in a shared index (HS prefix table, one keyword automaton, hash maps for
 *    codes and normalised party names);
 *  - every (fact, operator) pair probed by some rule becomes a probe: per consignment the fact is read
 *    once, run through its index once, and each index hit stamps the conditions (leaves) it satisfies;
 *  - a rule is visited only when a stamp touched it, or when it could be true with no index hit at all
 *    (its other conditions are closures over pre-resolved values).
 * So a consignment's cost follows its own facts and hits, not the number of rules.
 */

type Family = 'hs' | 'kw' | 'set' | 'party';
const FAMILY: Partial<Record<string, Family>> = { hsIn: 'hs', mentions: 'kw', inList: 'set', partyMatches: 'party' };

interface Entry {
  readonly list: number;
  readonly item: string;
  readonly order: number;
}

interface Probe {
  readonly fact: string;
  readonly item: boolean;
  readonly family: Family;
  // list id → leaves probing that list with this fact and family
  readonly byList: Map<number, number[]>;
  /**
   * Entry id → leaves this probe stamps when the entry is found (built once from `byList`, so a hit is one
   * array index rather than an entry and a Map lookup).
   */
  leavesOf: (Int32Array | undefined)[];
  /** `collect(this, entry)`, made once so index walks allocate no closure. */
  onEntry: (entry: number) => void;
  /** `mark(this, entry)`: HS probes stamp straight from the prefix walk. */
  onMark: (entry: number) => void;
  /** For `set` probes: every string that hits, with its (leaf, entry) pairs. */
  exact: Map<string, Int32Array> | undefined;
  /** The same for two-letter upper-case strings (country codes), by (c0 - 65) * 26 + (c1 - 65): no hashing. */
  twoLetter: (Int32Array | undefined)[] | undefined;
  /** Other probes: (leaf, entry) pairs of recently probed strings. */
  readonly cache: TextCache<Int32Array>;
  /** The last string probed and its pairs: goods items of a consignment often repeat a description. */
  lastText: string | undefined;
  lastPairs: Int32Array;
}

interface LeafInfo {
  readonly node: LeafNode;
  readonly rule: number;
  readonly item: boolean;
  readonly indexed: boolean;
  readonly operand: PreparedOperand;
}

interface RuleInfo {
  readonly set: number;
  readonly id: string;
  /** The rule's place in its rule set's file. */
  readonly index: number;
  readonly item: boolean;
  test: () => boolean;
  readonly root: CondNode;
  readonly leafIds: Map<LeafNode, number[]>;
  /** Leaves that give evidence when true: outside any `not`, in condition order. */
  readonly evidenceLeaves: Int32Array;
}

type Tri = 0 | 1 | 2; // false, true, unknown
type ConsGetter = (c: Consignment, t: Transport | undefined) => unknown;

/** The compiled evaluator over a scorer's rule sets. */
export interface CompiledEvaluator {
  evaluate(c: Consignment, transport: Transport | undefined): FiredRules;
}

const CACHE_TEXT_MAX = 2_048;
const CACHE_ENTRIES = 10_000;

export function createCompiledEvaluator(
  ruleSets: readonly CompiledRuleSet[],
  options: { explain: boolean },
): CompiledEvaluator {
  const explain = options.explain;
  const hsIndex = new HsPrefixIndex();
  const automaton = new KeywordAutomaton();
  const setIndex = new Map<string, number[]>();
  const partyIndex = new Map<string, number[]>();
  const entries: Entry[] = [];
  const kwEntries: number[][] = [];
  const listIds = new Map<ResolvedList, number>();
  const listNames: (string | undefined)[] = [];
  const listEntries: number[][] = [];

  const addEntry = (list: number, item: string, order: number) => {
    const e = entries.push({ list, item, order }) - 1;
    (listEntries[list] as number[]).push(e);
    return e;
  };
  const listId = (l: ResolvedList): number => {
    let id = listIds.get(l);
    if (id !== undefined) return id;
    id = listNames.length;
    listIds.set(l, id);
    listNames.push(l.name);
    listEntries.push([]);
    l.items.forEach((item, order) => {
      if (l.kind === 'hs') hsIndex.add(item, addEntry(id as number, item, order));
      else if (l.kind === 'keywords') {
        const kw = automaton.add(foldText(item));
        const forKeyword = kwEntries[kw] ?? [];
        kwEntries[kw] = forKeyword;
        forKeyword.push(addEntry(id as number, item, order));
      } else if (l.kind === 'parties') {
        const n = normalizePartyName(item);
        if (n !== '') {
          const arr = partyIndex.get(n) ?? [];
          arr.push(addEntry(id as number, item, order));
          partyIndex.set(n, arr);
        }
      } else {
        const arr = setIndex.get(item) ?? [];
        arr.push(addEntry(id as number, item, order));
        setIndex.set(item, arr);
      }
    });
    return id;
  };

  // Per-consignment state, shared by the closures below. score() is synchronous, so one set of scratch
  // arrays per evaluator is enough.
  let consignment: Consignment = undefined as unknown as Consignment;
  let transport: Transport | undefined;
  let item: GoodsItem = undefined as unknown as GoodsItem;
  let counter = 0;
  let consEpoch = 0;
  let itemEpoch = 0;

  const consFactNames = Object.keys(CONSIGNMENT_FACT_GETTERS);
  const consFactIndex = new Map(consFactNames.map((n, i) => [n, i]));
  // Getters resolved by name once, so a fact read is an array index, not a dictionary lookup.
  const consGetters = consFactNames.map((n) => CONSIGNMENT_FACT_GETTERS[n] as ConsGetter);
  const factValues: unknown[] = new Array(consFactNames.length);
  const factStamp = new Float64Array(consFactNames.length);
  const consFact = (i: number): unknown => {
    if (factStamp[i] === consEpoch) return factValues[i];
    const v = (consGetters[i] as ConsGetter)(consignment, transport);
    factValues[i] = v;
    factStamp[i] = consEpoch;
    return v;
  };
  const factReader = (name: string, path: readonly (string | number)[] | undefined): (() => unknown) => {
    let read: () => unknown;
    if (FACTS[name]?.scope === 'item') {
      const get = ITEM_FACT_GETTERS[name] as (i: GoodsItem) => unknown;
      read = () => get(item);
    } else {
      const i = consFactIndex.get(name) as number;
      read = () => consFact(i);
    }
    if (path === undefined || path.length === 0) return read;
    return () => resolveSimplePath(read(), path);
  };

  const leaves: LeafInfo[] = [];
  const leafRead: (() => unknown)[] = [];
  // The probe answering each indexed leaf (undefined for leaves evaluated directly).
  const leafProbe: (Probe | undefined)[] = [];
  const rules: RuleInfo[] = [];
  const probes = new Map<string, Probe>();
  let stamp = new Float64Array(0);

  const compileNode = (node: CondNode, rule: number, leafIds: Map<LeafNode, number[]>): [() => boolean, Tri] => {
    if (node.k === 'all' || node.k === 'any') {
      const parts = node.c.map((c) => compileNode(c, rule, leafIds));
      const fns = parts.map((p) => p[0]);
      const tris = parts.map((p) => p[1]);
      if (node.k === 'all') {
        const tri: Tri = tris.includes(0) ? 0 : tris.every((t) => t === 1) ? 1 : 2;
        if (fns.length === 1) return [fns[0] as () => boolean, tri];
        if (fns.length === 2) {
          const [a, b] = fns as [() => boolean, () => boolean];
          return [() => a() && b(), tri];
        }
        return [() => fns.every((f) => f()), tri];
      }
      const tri: Tri = tris.includes(1) ? 1 : tris.every((t) => t === 0) ? 0 : 2;
      if (fns.length === 1) return [fns[0] as () => boolean, tri];
      if (fns.length === 2) {
        const [a, b] = fns as [() => boolean, () => boolean];
        return [() => a() || b(), tri];
      }
      return [() => fns.some((f) => f()), tri];
    }
    if (node.k === 'not') {
      const [f, t] = compileNode(node.c, rule, leafIds);
      return [() => !f(), t === 2 ? 2 : t === 1 ? 0 : 1];
    }
    const id = leaves.length;
    const isItem = node.factScope === 'item';
    const family = FAMILY[node.operator];
    const indexed = family !== undefined && node.path === undefined && node.list !== undefined;
    const operand = prepareOperand(node.operator, node.value, node.list, node.members, node.pattern);
    leaves.push({ node, rule, item: isItem, indexed, operand });
    const read = factReader(node.fact, node.path);
    leafRead.push(read);
    leafProbe.push(undefined);
    const ids = leafIds.get(node) ?? [];
    ids.push(id);
    leafIds.set(node, ids);
    if (indexed) {
      const key = `${node.fact}\0${family}`;
      let probe = probes.get(key);
      if (probe === undefined) {
        probe = {
          fact: node.fact,
          item: isItem,
          family,
          byList: new Map(),
          leavesOf: [],
          onEntry: () => {},
          onMark: () => {},
          exact: undefined,
          twoLetter: undefined,
          cache: new TextCache(CACHE_ENTRIES),
          lastText: undefined,
          lastPairs: new Int32Array(0),
        };
        probes.set(key, probe);
      }
      const lid = listId(node.list as ResolvedList);
      const arr = probe.byList.get(lid) ?? [];
      arr.push(id);
      probe.byList.set(lid, arr);
      leafProbe[id] = probe;
      // Stamps are checked against the epoch of the leaf's scope (item or consignment).
      return [isItem ? () => stamp[id] === itemEpoch : () => stamp[id] === consEpoch, 0];
    }
    return [() => evaluateOperator(operand, read()), 2];
  };

  const alwaysCons: number[] = [];
  const alwaysItem: number[] = [];
  for (let s = 0; s < ruleSets.length; s++) {
    const program = (ruleSets[s] as CompiledRuleSet)[PROGRAM];
    for (const r of program.rules) {
      const index = rules.length;
      const leafIds = new Map<LeafNode, number[]>();
      const [test, tri] = compileNode(r.root, index, leafIds);
      const evidenceLeaves: number[] = [];
      const walk = (node: CondNode, negated: boolean): void => {
        if (node.k === 'all' || node.k === 'any') for (const c of node.c) walk(c, negated);
        else if (node.k === 'not') walk(node.c, !negated);
        else if (!negated) for (const id of leafIds.get(node) ?? []) evidenceLeaves.push(id);
      };
      walk(r.root, false);
      rules.push({
        set: s,
        id: r.id,
        index: r.index,
        item: r.scope === 'item',
        test,
        root: r.root,
        leafIds,
        evidenceLeaves: Int32Array.from(evidenceLeaves),
      });
      // A rule that can be true with no index hit is visited for every consignment (or item).
      if (tri !== 0) (r.scope === 'item' ? alwaysItem : alwaysCons).push(index);
    }
  }
  automaton.build();
  stamp = new Float64Array(leaves.length);
  const consProbes = [...probes.values()].filter((p) => !p.item);
  const itemProbes = [...probes.values()].filter((p) => p.item);
  for (const p of probes.values()) {
    const leavesOf: (number[] | undefined)[] = new Array(entries.length).fill(undefined);
    for (const [lid, ids] of p.byList) {
      for (const e of listEntries[lid] as number[]) {
        const at = leavesOf[e] ?? [];
        for (const id of ids) at.push(id);
        leavesOf[e] = at;
      }
    }
    p.leavesOf = leavesOf.map((a) => (a === undefined ? undefined : Int32Array.from(a)));
    p.onEntry = (e: number) => collect(p, e);
    p.onMark = (e: number) => mark(p, e);
  }
  const leafRule = Int32Array.from(leaves, (l) => l.rule);
  const ruleIsItem = Uint8Array.from(rules, (r) => (r.item ? 1 : 0));
  const probeReaders = new Map<Probe, () => unknown>();
  for (const p of probes.values()) probeReaders.set(p, factReader(p.fact, undefined));
  const hasItemRules = rules.some((r) => r.item);

  const ruleStamp = new Float64Array(rules.length);
  const firedStamp = new Float64Array(rules.length);
  // A rule may be reachable several ways (always visited, touched by a consignment fact and by an item
  // fact); it is tested once per consignment or item.
  const visitStamp = new Float64Array(rules.length);
  // Rules touched by an index hit, as typed stacks with explicit counts (no array resizing per call).
  const consTouched = new Int32Array(rules.length);
  let consTouchedCount = 0;
  const itemTouched = new Int32Array(rules.length);
  let itemTouchedCount = 0;
  const consTouchedItemRules = new Int32Array(rules.length);
  let consTouchedItemCount = 0;
  let touchedEpoch = 0;

  /*
   * What a probe does with one string is a pure function of the string: the (leaf, entry) pairs its index
   * hits give. Codes and country lists are answered by a table built here; HS codes, descriptions and party
   * names through a per-probe cache of those pairs, since a manifest repeats them (the HS walk, the fold and
   * automaton scan, and party normalisation then run once per distinct text).
   */
  const NO_PAIRS = new Int32Array(0);
  let collected: number[] = [];
  const collect = (probe: Probe, entryId: number) => {
    const ids = probe.leavesOf[entryId];
    if (ids === undefined) return;
    for (let k = 0; k < ids.length; k++) collected.push(ids[k] as number, entryId);
  };
  const takeCollected = (): Int32Array => {
    if (collected.length === 0) return NO_PAIRS;
    const out = Int32Array.from(collected);
    collected = [];
    return out;
  };

  const kwSeen = new Float64Array(automaton.keywords.length);
  let scanEpoch = 0;
  const pairsOf = (probe: Probe, s: string): Int32Array => {
    collected = [];
    if (probe.family === 'hs') hsIndex.lookup(s, probe.onEntry);
    else if (probe.family === 'party') {
      const hits = partyIndex.get(normalizePartyName(s));
      if (hits !== undefined) for (const e of hits) collect(probe, e);
    } else if (probe.family === 'set') {
      const hits = setIndex.get(s);
      if (hits !== undefined) for (const e of hits) collect(probe, e);
    } else {
      // A keyword found many times in a long text is reported once (a stamp per keyword, not a search).
      scanEpoch++;
      automaton.scan(foldText(s), (kw) => {
        if (kwSeen[kw] !== scanEpoch) {
          kwSeen[kw] = scanEpoch;
          for (const e of kwEntries[kw] as number[]) collect(probe, e);
        }
      });
    }
    return takeCollected();
  };

  const stampPairs = (probe: Probe, pairs: Int32Array) => {
    const isItemProbe = probe.item;
    const epoch = isItemProbe ? itemEpoch : consEpoch;
    for (let k = 0; k < pairs.length; k += 2) {
      const leaf = pairs[k] as number;
      if (stamp[leaf] !== epoch) {
        stamp[leaf] = epoch;
        const rule = leafRule[leaf] as number;
        if (ruleStamp[rule] !== touchedEpoch) {
          ruleStamp[rule] = touchedEpoch;
          if (isItemProbe) itemTouched[itemTouchedCount++] = rule;
          else if (ruleIsItem[rule] === 1) consTouchedItemRules[consTouchedItemCount++] = rule;
          else consTouched[consTouchedCount++] = rule;
        }
      }
    }
  };

  const mark = (probe: Probe, entryId: number) => {
    const ids = probe.leavesOf[entryId];
    if (ids === undefined) return;
    const isItemProbe = probe.item;
    const epoch = isItemProbe ? itemEpoch : consEpoch;
    for (let k = 0; k < ids.length; k++) {
      const leaf = ids[k] as number;
      if (stamp[leaf] !== epoch) {
        stamp[leaf] = epoch;
        const rule = leafRule[leaf] as number;
        if (ruleStamp[rule] !== touchedEpoch) {
          ruleStamp[rule] = touchedEpoch;
          if (isItemProbe) itemTouched[itemTouchedCount++] = rule;
          else if (ruleIsItem[rule] === 1) consTouchedItemRules[consTouchedItemCount++] = rule;
          else consTouched[consTouchedCount++] = rule;
        }
      }
    }
  };

  const probeString = (probe: Probe, s: string) => {
    if (probe.family === 'hs') {
      // A walk of at most ten digits in a flat table costs less than hashing the code for a cache.
      hsIndex.lookup(s, probe.onMark);
      return;
    }
    const exact = probe.exact;
    if (exact !== undefined) {
      if (s.length === 2) {
        const a = s.charCodeAt(0) - 65;
        const b = s.charCodeAt(1) - 65;
        if (a >= 0 && a < 26 && b >= 0 && b < 26) {
          const pairs = (probe.twoLetter as (Int32Array | undefined)[])[a * 26 + b];
          if (pairs !== undefined) stampPairs(probe, pairs);
          return;
        }
      }
      const pairs = exact.get(s);
      if (pairs !== undefined) stampPairs(probe, pairs);
      return;
    }
    if (s.length > CACHE_TEXT_MAX) {
      stampPairs(probe, pairsOf(probe, s));
      return;
    }
    let pairs: Int32Array | undefined;
    if (s === probe.lastText) pairs = probe.lastPairs;
    else {
      pairs = probe.cache.get(s);
      if (pairs === undefined) {
        pairs = pairsOf(probe, s);
        probe.cache.set(s, pairs);
      }
      probe.lastText = s;
      probe.lastPairs = pairs;
    }
    if (pairs.length > 0) stampPairs(probe, pairs);
  };

  const runProbe = (probe: Probe, value: unknown) => {
    if (value === undefined) return;
    if (probe.family === 'party') {
      const name = partyNameOf(value);
      if (name !== undefined) probeString(probe, name);
    } else if (typeof value === 'string') probeString(probe, value);
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') probeString(probe, v);
  };

  // Code and country probes answer from a table: their domain is the list items themselves.
  for (const p of probes.values()) {
    if (p.family !== 'set') continue;
    const exact = new Map<string, Int32Array>();
    for (const s of setIndex.keys()) {
      const pairs = pairsOf(p, s);
      if (pairs.length > 0) exact.set(s, pairs);
    }
    p.exact = exact;
    const twoLetter: (Int32Array | undefined)[] = new Array(26 * 26).fill(undefined);
    for (const [key, pairs] of exact) {
      const a = key.charCodeAt(0) - 65;
      const b = key.charCodeAt(1) - 65;
      if (key.length === 2 && a >= 0 && a < 26 && b >= 0 && b < 26) twoLetter[a * 26 + b] = pairs;
    }
    p.twoLetter = twoLetter;
  }

  /**
   * What an index hit matched, as written, in list order, each item once. The probe's (leaf, entry) pairs
   * for the value are asked again (usually from its cache) for the fired rules' leaves only, rather than
   * every hit recording its entries.
   */
  const pairsFor = (probe: Probe, s: string): Int32Array => {
    if (probe.exact !== undefined) return probe.exact.get(s) ?? NO_PAIRS;
    if (probe.family !== 'hs' && s.length <= CACHE_TEXT_MAX) {
      const cached = probe.cache.get(s);
      if (cached !== undefined) return cached;
    }
    return pairsOf(probe, s);
  };
  const indexedMatched = (leaf: number, value: unknown): string[] => {
    const probe = leafProbe[leaf] as Probe;
    const found: Entry[] = [];
    let strings: readonly string[];
    if (probe.family === 'party') {
      const name = partyNameOf(value);
      strings = name === undefined ? [] : [name];
    } else strings = stringsOf(value);
    for (const s of strings) {
      const pairs = pairsFor(probe, s);
      for (let k = 0; k < pairs.length; k += 2) {
        if (pairs[k] === leaf) found.push(entries[pairs[k + 1] as number] as Entry);
      }
    }
    if (found.length > 1) found.sort((x, y) => x.order - y.order);
    const out: string[] = [];
    for (const e of found) if (!out.includes(e.item)) out.push(e.item);
    return out;
  };

  const evidenceOf = (rule: RuleInfo, out: Evidence[], seenCons: Set<number>) => {
    const ids = rule.evidenceLeaves;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      const info = leaves[id] as LeafInfo;
      const truth = info.indexed
        ? stamp[id] === (info.item ? itemEpoch : consEpoch)
        : evaluateOperator(info.operand, (leafRead[id] as () => unknown)());
      if (!truth) continue;
      if (!info.item) {
        if (seenCons.has(id)) continue;
        seenCons.add(id);
      }
      const node = info.node;
      const value = (leafRead[id] as () => unknown)();
      const e: Evidence = { fact: node.fact, value, operator: node.operator };
      // Recomputed for fired rules only, rather than recorded at every index hit.
      const m = info.indexed ? indexedMatched(id, value) : matchedItems(info.operand, value);
      if (m !== undefined && m.length > 0) e.matched = m;
      if (node.list?.name !== undefined) e.list = node.list.name;
      if (info.item) e.item = item.seq;
      out.push(e);
    }
  };

  const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);
  const EMPTY: FiredRules = Object.freeze(ruleSets.map(() => Object.freeze([]) as readonly FiredRule[]));

  // Per-call state of evaluate(); kept outside it so no closure is created per consignment.
  let fired: FiredRule[][] | undefined;
  let evidenceByRule: Map<number, { ev: Evidence[]; seen: Set<number> }> | undefined;

  function fire(r: number): void {
    const rule = rules[r] as RuleInfo;
    let ev: Evidence[] | undefined;
    if (explain) {
      evidenceByRule ??= new Map();
      let slot = evidenceByRule.get(r);
      if (slot === undefined) {
        slot = { ev: [], seen: new Set() };
        evidenceByRule.set(r, slot);
      }
      evidenceOf(rule, slot.ev, slot.seen);
      ev = slot.ev;
    }
    if (firedStamp[r] === consEpoch) return;
    firedStamp[r] = consEpoch;
    fired ??= ruleSets.map(() => []);
    const list = fired[rule.set] as FiredRule[];
    const hit: FiredRule = { ruleId: rule.id, evidence: ev ?? NO_EVIDENCE, index: rule.index };
    // Kept in file order as they come (insertion; a consignment fires few rules), so assembly needs no sort.
    let at = list.length;
    while (at > 0 && ((list[at - 1] as FiredRule).index as number) > rule.index) at--;
    if (at === list.length) list.push(hit);
    else list.splice(at, 0, hit);
  }

  function visitCons(r: number): void {
    if (visitStamp[r] === consEpoch) return;
    visitStamp[r] = consEpoch;
    if ((rules[r] as RuleInfo).test()) fire(r);
  }

  function visitItem(r: number): void {
    if (!explain && firedStamp[r] === consEpoch) return;
    if (visitStamp[r] === itemEpoch) return;
    visitStamp[r] = itemEpoch;
    if ((rules[r] as RuleInfo).test()) fire(r);
  }

  const consProbeReaders = consProbes.map((p) => probeReaders.get(p) as () => unknown);
  const itemProbeReaders = itemProbes.map((p) => probeReaders.get(p) as () => unknown);

  return {
    evaluate(c: Consignment, t: Transport | undefined): FiredRules {
      consignment = c;
      transport = t;
      consEpoch = ++counter;
      itemEpoch = -1;
      touchedEpoch = consEpoch;
      consTouchedCount = 0;
      consTouchedItemCount = 0;
      fired = undefined;
      evidenceByRule = undefined;

      for (let i = 0; i < consProbes.length; i++)
        runProbe(consProbes[i] as Probe, (consProbeReaders[i] as () => unknown)());
      for (const r of alwaysCons) visitCons(r);
      for (let i = 0; i < consTouchedCount; i++) visitCons(consTouched[i] as number);

      if (hasItemRules && (alwaysItem.length > 0 || consTouchedItemCount > 0 || itemProbes.length > 0)) {
        const goods = c.goods;
        for (let gi = 0; gi < goods.length; gi++) {
          item = goods[gi] as GoodsItem;
          itemEpoch = ++counter;
          touchedEpoch = itemEpoch;
          itemTouchedCount = 0;
          for (let i = 0; i < itemProbes.length; i++) {
            runProbe(itemProbes[i] as Probe, (itemProbeReaders[i] as () => unknown)());
          }
          for (const r of alwaysItem) visitItem(r);
          for (let i = 0; i < consTouchedItemCount; i++) visitItem(consTouchedItemRules[i] as number);
          for (let i = 0; i < itemTouchedCount; i++) visitItem(itemTouched[i] as number);
        }
      }
      const out = fired ?? EMPTY;
      fired = undefined;
      evidenceByRule = undefined;
      return out;
    },
  };
}
