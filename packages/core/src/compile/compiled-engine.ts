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
import { EvidenceRecord, newList } from '../score/records.js';
import { foldText } from '../text/fold-text.js';
import { normalizePartyName } from '../text/normalize-party-name.js';
import type { CompiledRuleSet } from './compile-rule-set.js';
import {
  CACHE_TEXT_MAX,
  EngineState,
  evaluateWith,
  type HotProbe,
  KIND_EXACT,
  KIND_HS,
  KIND_TEXT,
  READ_CONSIGNEE_COUNTRY,
  READ_CONSIGNEE_NAME,
  READ_CONSIGNOR_COUNTRY,
  READ_CONSIGNOR_NAME,
  READ_DESCRIPTION,
  READ_GETTER,
  READ_HS_CODE,
  READ_ORIGIN,
  RULE_ANY_HIT,
  RULE_FIRED,
  RULE_FLAGS,
  RULE_ITEM,
  TEXT_SLOTS,
} from './hot-path.js';
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
 *    (its other conditions are closures over pre-resolved values); a rule that any hit makes true (one list
 *    condition, or an `any` of them) fires when touched, without its test being run.
 * So a consignment's cost follows its own facts and hits, not the number of rules.
 */

type Family = 'hs' | 'kw' | 'set' | 'party';
const FAMILY: Partial<Record<string, Family>> = { hsIn: 'hs', mentions: 'kw', inList: 'set', partyMatches: 'party' };

interface Entry {
  readonly list: number;
  readonly item: string;
  readonly order: number;
}

interface Probe extends HotProbe {
  readonly fact: string;
  readonly family: Family;
  // list id → leaves probing that list with this fact and family
  readonly byList: Map<number, number[]>;
  /** `collect(this, entry)`, made once so index walks allocate no closure. */
  onEntry: (entry: number) => void;
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
/** A condition compiled: its test, what it is with no index hit, and whether any hit on it makes it true. */
type Compiled = [test: () => boolean, tri: Tri, anyHit: boolean];
type ConsGetter = (c: Consignment, t: Transport | undefined) => unknown;

/** The compiled evaluator over a scorer's rule sets. */
export interface CompiledEvaluator {
  evaluate(c: Consignment, transport: Transport | undefined): FiredRules;
}

const CACHE_ENTRIES = 10_000;

/** Facts the per-consignment path reads with a property load of its own rather than a getter call. */
const ITEM_READS: Readonly<Record<string, number>> = {
  hsCode: READ_HS_CODE,
  description: READ_DESCRIPTION,
  origin: READ_ORIGIN,
};
const CONS_READS: Readonly<Record<string, number>> = {
  consignorName: READ_CONSIGNOR_NAME,
  consigneeName: READ_CONSIGNEE_NAME,
  consignorCountry: READ_CONSIGNOR_COUNTRY,
  consigneeCountry: READ_CONSIGNEE_COUNTRY,
};
const KIND_OF: Readonly<Record<Family, number>> = { hs: KIND_HS, set: KIND_EXACT, kw: KIND_TEXT, party: KIND_TEXT };
const NO_READ = () => undefined;

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

  // Per-consignment state, shared by the closures below and the hot path. score() is synchronous, so one
  // set of scratch arrays per evaluator is enough.
  const st = new EngineState();
  st.explain = explain;

  const consFactNames = Object.keys(CONSIGNMENT_FACT_GETTERS);
  const consFactIndex = new Map(consFactNames.map((n, i) => [n, i]));
  // Getters resolved by name once, so a fact read is an array index, not a dictionary lookup.
  const consGetters = consFactNames.map((n) => CONSIGNMENT_FACT_GETTERS[n] as ConsGetter);
  const factValues: unknown[] = new Array(consFactNames.length);
  const factStamp = new Float64Array(consFactNames.length);
  const consFact = (i: number): unknown => {
    if (factStamp[i] === st.consEpoch) return factValues[i];
    const v = (consGetters[i] as ConsGetter)(st.consignment, st.transport);
    factValues[i] = v;
    factStamp[i] = st.consEpoch;
    return v;
  };
  const factReader = (name: string, path: readonly (string | number)[] | undefined): (() => unknown) => {
    let read: () => unknown;
    if (FACTS[name]?.scope === 'item') {
      const get = ITEM_FACT_GETTERS[name] as (i: GoodsItem) => unknown;
      read = () => get(st.item);
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

  const compileNode = (node: CondNode, rule: number, leafIds: Map<LeafNode, number[]>): Compiled => {
    if (node.k === 'all' || node.k === 'any') {
      const parts = node.c.map((c) => compileNode(c, rule, leafIds));
      const fns = parts.map((p) => p[0]);
      const tris = parts.map((p) => p[1]);
      // An `any` of conditions each made true by a hit on it is made true by any hit; an `all` only when it
      // has one condition. (An empty `any` has no hit to be made true by.)
      const anyHit = parts.length > 0 && (node.k === 'any' || parts.length === 1) && parts.every((p) => p[2]);
      if (node.k === 'all') {
        const tri: Tri = tris.includes(0) ? 0 : tris.every((t) => t === 1) ? 1 : 2;
        if (fns.length === 1) return [fns[0] as () => boolean, tri, anyHit];
        if (fns.length === 2) {
          const [a, b] = fns as [() => boolean, () => boolean];
          return [() => a() && b(), tri, anyHit];
        }
        return [() => fns.every((f) => f()), tri, anyHit];
      }
      const tri: Tri = tris.includes(1) ? 1 : tris.every((t) => t === 0) ? 0 : 2;
      if (fns.length === 1) return [fns[0] as () => boolean, tri, anyHit];
      if (fns.length === 2) {
        const [a, b] = fns as [() => boolean, () => boolean];
        return [() => a() || b(), tri, anyHit];
      }
      return [() => fns.some((f) => f()), tri, anyHit];
    }
    if (node.k === 'not') {
      const [f, t] = compileNode(node.c, rule, leafIds);
      return [() => !f(), t === 2 ? 2 : t === 1 ? 0 : 1, false];
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
        const readFact = (isItem ? ITEM_READS : CONS_READS)[node.fact] ?? READ_GETTER;
        probe = {
          fact: node.fact,
          item: isItem,
          party: family === 'party',
          family,
          readFact,
          kind: KIND_OF[family],
          readItem: isItem ? (ITEM_FACT_GETTERS[node.fact] as (i: GoodsItem) => unknown) : NO_READ,
          readCons: isItem ? NO_READ : (consGetters[consFactIndex.get(node.fact) as number] as ConsGetter),
          byList: new Map(),
          leavesOf: [],
          hsAt: new Int32Array(0),
          hsLeaves: [],
          onEntry: () => {},
          exact: undefined,
          twoLetter: undefined,
          twoLetterPairs: [],
          cache: new TextCache(CACHE_ENTRIES),
          slots: new Array(2 * TEXT_SLOTS).fill(undefined),
        };
        probes.set(key, probe);
      }
      const lid = listId(node.list as ResolvedList);
      const arr = probe.byList.get(lid) ?? [];
      arr.push(id);
      probe.byList.set(lid, arr);
      leafProbe[id] = probe;
      // Stamps are checked against the epoch of the leaf's scope (item or consignment).
      const at = 2 * id;
      return [isItem ? () => st.leafState[at] === st.itemEpoch : () => st.leafState[at] === st.consEpoch, 0, true];
    }
    return [() => evaluateOperator(operand, read()), 2, false];
  };

  const anyHitRules: boolean[] = [];
  const alwaysCons: number[] = [];
  const alwaysItem: number[] = [];
  for (let s = 0; s < ruleSets.length; s++) {
    const program = (ruleSets[s] as CompiledRuleSet)[PROGRAM];
    for (const r of program.rules) {
      const index = rules.length;
      const leafIds = new Map<LeafNode, number[]>();
      const [test, tri, anyHit] = compileNode(r.root, index, leafIds);
      anyHitRules.push(anyHit);
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
  const hsTable = hsIndex.table();
  st.hsChildren = hsTable.children;
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
    if (p.family === 'hs') {
      // Per node, the leaves of every entry ending there, merged: one lookup per digit on the hot path.
      p.hsAt = new Int32Array(hsTable.ends.length);
      hsTable.ends.forEach((ends, node) => {
        const merged: number[] = [];
        for (const e of ends ?? []) for (const id of p.leavesOf[e] ?? []) merged.push(id);
        if (merged.length > 0) p.hsAt[node] = p.hsLeaves.push(Int32Array.from(merged));
      });
    }
    p.onEntry = (e: number) => collect(p, e);
  }
  st.leafState = new Float64Array(2 * leaves.length);
  leaves.forEach((l, id) => {
    st.leafState[2 * id + 1] = l.rule;
  });
  st.hasItemRules = rules.some((r) => r.item);
  // A rule may be reachable several ways (always visited, touched by a consignment fact and by an item
  // fact); it is tested once per consignment or item (RULE_VISITED).
  st.ruleState = new Float64Array(4 * rules.length);
  rules.forEach((r, i) => {
    st.ruleState[4 * i + RULE_FLAGS] = (r.item ? RULE_ITEM : 0) | (anyHitRules[i] === true ? RULE_ANY_HIT : 0);
  });
  st.consTouched = new Int32Array(rules.length);
  st.itemTouched = new Int32Array(rules.length);
  st.consTouchedItemRules = new Int32Array(rules.length);
  st.alwaysCons = Int32Array.from(alwaysCons);
  st.alwaysItem = Int32Array.from(alwaysItem);
  st.consProbes = consProbes;
  st.itemProbes = itemProbes;
  st.tests = rules.map((r) => r.test);

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

  st.pairsOf = pairsOf as (probe: HotProbe, s: string) => Int32Array;

  // Code and country probes answer from a table: their domain is the list items themselves.
  for (const p of probes.values()) {
    if (p.family !== 'set') continue;
    const exact = new Map<string, Int32Array>();
    for (const s of setIndex.keys()) {
      const pairs = pairsOf(p, s);
      if (pairs.length > 0) exact.set(s, pairs);
    }
    p.exact = exact;
    const twoLetter = new Int16Array(26 * 26);
    for (const [key, pairs] of exact) {
      const a = key.charCodeAt(0) - 65;
      const b = key.charCodeAt(1) - 65;
      if (key.length === 2 && a >= 0 && a < 26 && b >= 0 && b < 26) {
        twoLetter[a * 26 + b] = p.twoLetterPairs.push(pairs);
      }
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
    // Kept in the assessment's evidence: made as records.ts says.
    const out = newList<string>();
    for (const e of found) if (!out.includes(e.item)) out.push(e.item);
    return out;
  };

  const evidenceOf = (rule: RuleInfo, out: Evidence[], seenCons: Set<number>) => {
    const ids = rule.evidenceLeaves;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      const info = leaves[id] as LeafInfo;
      const truth = info.indexed
        ? st.leafState[2 * id] === (info.item ? st.itemEpoch : st.consEpoch)
        : evaluateOperator(info.operand, (leafRead[id] as () => unknown)());
      if (!truth) continue;
      if (!info.item) {
        if (seenCons.has(id)) continue;
        seenCons.add(id);
      }
      const node = info.node;
      const value = (leafRead[id] as () => unknown)();
      const e = new EvidenceRecord(node.fact, value, node.operator);
      // Recomputed for fired rules only, rather than recorded at every index hit.
      const m = info.indexed ? indexedMatched(id, value) : matchedItems(info.operand, value);
      if (m !== undefined && m.length > 0) e.matched = m;
      if (node.list?.name !== undefined) e.list = node.list.name;
      if (info.item) e.item = st.item.seq;
      out.push(e);
    }
  };

  const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);
  const EMPTY: FiredRules = Object.freeze(ruleSets.map(() => Object.freeze([]) as readonly FiredRule[]));

  st.empty = EMPTY;
  type EvidenceSlot = { ev: Evidence[]; seen: Set<number> };

  st.fire = (r: number): void => {
    const rule = rules[r] as RuleInfo;
    let ev: Evidence[] | undefined;
    if (explain) {
      st.evidenceByRule ??= new Map();
      const byRule = st.evidenceByRule as Map<number, EvidenceSlot>;
      let slot = byRule.get(r);
      if (slot === undefined) {
        slot = { ev: [], seen: new Set() };
        byRule.set(r, slot);
      }
      evidenceOf(rule, slot.ev, slot.seen);
      ev = slot.ev;
    }
    if (st.ruleState[4 * r + RULE_FIRED] === st.consEpoch) return;
    st.ruleState[4 * r + RULE_FIRED] = st.consEpoch;
    // Scratch of this call (assembly copies what it keeps), so literals: see score/records.ts.
    st.fired ??= ruleSets.map(() => []);
    const fired = st.fired as FiredRule[][];
    const list = fired[rule.set] as FiredRule[];
    const hit: FiredRule = { ruleId: rule.id, evidence: ev ?? NO_EVIDENCE, index: rule.index };
    // Kept in file order as they come (insertion; a consignment fires few rules), so assembly needs no sort.
    let at = list.length;
    while (at > 0 && ((list[at - 1] as FiredRule).index as number) > rule.index) at--;
    if (at === list.length) list.push(hit);
    else list.splice(at, 0, hit);
  };

  return {
    evaluate: (c: Consignment, t: Transport | undefined): FiredRules => evaluateWith(st, c, t, partyNameOf),
  };
}
