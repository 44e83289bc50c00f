import type { Consignment, SourceLocation, Transport } from '@cargorisk/manifest';
import type { CompiledRuleSet } from '../compile/compile-rule-set.js';
import type { EventParamsJson } from '../ruleset/ruleset-schema.js';
import { DEFAULT_SEED, isRandomlySelected } from './random-selection.js';
import { AssessmentRecord, HitRecord, newList, RuleSetEntryRecord } from './records.js';

/** Officer's channel: `green` release, `blue` post-clearance audit, `yellow` documents, `red` examination. */
export type Channel = 'green' | 'blue' | 'yellow' | 'red';

const RANK: Readonly<Record<Channel, number>> = { green: 0, blue: 1, yellow: 2, red: 3 };
const BY_RANK: readonly Channel[] = ['green', 'blue', 'yellow', 'red'];

/** Why a rule fired: one satisfied condition (only built when the scorer explains). */
export interface Evidence {
  /** The fact, e.g. `description`. */
  fact: string;
  /** The fact's value (for item facts, that item's; after `path` when the condition has one). */
  value: unknown;
  operator: string;
  /** What in the list matched: the keyword, the HS prefix, the party, the code, as written in the list. */
  matched?: string[];
  /** The list's name (absent for inline arrays). */
  list?: string;
  /** The goods item's `seq`, for item facts. */
  item?: number;
}

/** One fired rule in an assessment. */
export interface Hit {
  ruleSet: string;
  rule: string;
  version: string;
  score: number;
  message: string;
  action?: string;
  category?: string;
  /** `[]` unless the scorer was created with `explain: true`. */
  evidence: Evidence[];
}

/** What cargorisk says about one consignment (docs/rule-sets.md, "The assessment"). */
export interface Assessment {
  consignmentId: string;
  score: number;
  channel: Channel;
  actions: string[];
  hits: Hit[];
  /** The rule sets that assessed it (those in effect), with the sha256 of their canonical JSON. */
  ruleSets: { id: string; version: string; sha256: string }[];
  source: SourceLocation;
}

/** A rule that fired, as an engine reports it: its id and (when explaining) its evidence. */
export interface FiredRule {
  readonly ruleId: string;
  readonly evidence: readonly Evidence[];
  /** The rule's index in its rule set's `rules`, when the engine knows it (saves a lookup by id). */
  readonly index?: number;
}

/**
 * What an engine hands to {@link assembleAssessment}: for each rule set, in the order given to the scorer,
 * the rules that fired on one consignment. Order within a rule set does not matter, and a rule reported
 * twice (an item-scope rule per item) is one hit whose evidence is the concatenation.
 */
export type FiredRules = readonly (readonly FiredRule[])[];

/**
 * The interface an engine implements; `createScorer` wraps it. The reference engine
 * (`reference/reference-evaluator.ts`) exports `createReferenceEvaluator` of type {@link EngineFactory}.
 */
export interface Evaluator {
  evaluate(c: Consignment, context?: EvaluationContext): Promise<FiredRules>;
}

/** Where a consignment came from, for the facts that live on the manifest. */
export interface EvaluationContext {
  readonly transport?: Transport | undefined;
}

/** Options an engine factory receives from `createScorer`. */
export interface EngineOptions {
  readonly explain: boolean;
}

export type EngineFactory = (ruleSets: readonly CompiledRuleSet[], options: EngineOptions) => Evaluator;

/** Options of {@link assembleAssessment}. */
export interface AssembleOptions {
  /**
   * Seed of random selection.
   * @default "cargorisk"
   */
  readonly seed?: string;
  /**
   * The moment rule sets' `effective` dates are checked against.
   * @default the current time
   */
  readonly now?: Date | number;
}

interface RulePlan {
  readonly index: number;
  readonly id: string;
  readonly params: EventParamsJson;
}

interface ScoringPlan {
  readonly id: string;
  readonly version: string;
  readonly entry: { id: string; version: string; sha256: string };
  readonly rules: ReadonlyMap<string, RulePlan>;
  readonly byIndex: readonly RulePlan[];
  readonly yellow: number;
  readonly red: number;
  readonly randomRate: number;
  readonly randomChannel: Channel;
  readonly fromMs: number;
  readonly untilMs: number;
}

const plans = new WeakMap<CompiledRuleSet, ScoringPlan>();
const DAY_MS = 86_400_000;

function planOf(rs: CompiledRuleSet): ScoringPlan {
  let plan = plans.get(rs);
  if (plan !== undefined) return plan;
  const json = rs.json;
  const rules = new Map<string, RulePlan>();
  const byIndex = json.rules.map((r, index) => ({ index, id: r.id, params: r.event.params }));
  for (const r of byIndex) rules.set(r.id, r);
  const from = json.effective?.from;
  const until = json.effective?.until;
  plan = {
    id: rs.id,
    version: rs.version,
    entry: Object.freeze({ id: rs.id, version: rs.version, sha256: rs.sha256 }),
    rules,
    byIndex,
    yellow: json.scoring.thresholds.yellow,
    red: json.scoring.thresholds.red,
    randomRate: json.scoring.random?.rate ?? 0,
    randomChannel: json.scoring.random?.channel ?? 'yellow',
    fromMs: from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(`${from}T00:00:00Z`),
    // `until` is inclusive: the rule set assesses through the end of that day (UTC).
    untilMs: until === undefined ? Number.POSITIVE_INFINITY : Date.parse(`${until}T00:00:00Z`) + DAY_MS,
  };
  plans.set(rs, plan);
  return plan;
}

/** Whether a rule set is in effect at `nowMs` (its `effective` dates, UTC, both inclusive). */
export function isInEffect(rs: CompiledRuleSet, nowMs: number): boolean {
  const p = planOf(rs);
  return nowMs >= p.fromMs && nowMs < p.untilMs;
}

function hitOf(plan: ScoringPlan, rule: RulePlan, evidence: Evidence[]): Hit {
  const p = rule.params;
  const hit = new HitRecord(plan.id, rule.id, plan.version, p.score, p.message, evidence);
  if (p.action !== undefined) hit.action = p.action;
  if (p.category !== undefined) hit.category = p.category;
  return hit;
}

/** The fired rules of one rule set, merged per rule and in file order (for engines that report otherwise). */
function unorderedHits(plan: ScoringPlan, fired: readonly FiredRule[]): RulePlan[] {
  const byIndex = new Map<number, Evidence[]>();
  for (const f of fired) {
    const rule = plan.rules.get(f.ruleId);
    if (rule === undefined) continue;
    const ev = byIndex.get(rule.index);
    if (ev === undefined) byIndex.set(rule.index, [...f.evidence]);
    else for (const e of f.evidence) ev.push(e);
  }
  const indexes = [...byIndex.keys()].sort((a, b) => a - b);
  unorderedEvidence = byIndex;
  return indexes.map((i) => plan.byIndex[i] as RulePlan);
}
let unorderedEvidence: Map<number, Evidence[]> | undefined;

// Scratch for the rules of one rule set's hits while their order is checked (assembly is synchronous).
let scratchRules: (RulePlan | undefined)[] = [];

function assembleWith(
  plans: readonly ScoringPlan[],
  fired: FiredRules,
  consignment: Consignment,
  seed: string,
  nowMs: number,
): Assessment {
  let score = 0;
  let rank = 0;
  // Records and lists made by constructors, not literals: see records.ts.
  const hits = newList<Hit>();
  const entries = newList<Assessment['ruleSets'][number]>();
  let actions: string[] | undefined;
  for (let s = 0; s < plans.length; s++) {
    const plan = plans[s] as ScoringPlan;
    if (nowMs < plan.fromMs || nowMs >= plan.untilMs) continue;
    entries.push(new RuleSetEntryRecord(plan.entry.id, plan.entry.version, plan.entry.sha256));
    const firedHere = fired[s];
    let setScore = 0;
    let setRank = 0;
    if (firedHere !== undefined && firedHere.length > 0) {
      // The compiled engine reports each rule once, in file order, with its index: no lookup by id, no sort.
      const n = firedHere.length;
      if (scratchRules.length < n) scratchRules = new Array(n);
      let ordered = true;
      let last = -1;
      for (let i = 0; i < n; i++) {
        const f = firedHere[i] as FiredRule;
        const at = f.index;
        let rule = at === undefined ? undefined : plan.byIndex[at];
        if (rule === undefined || rule.id !== f.ruleId) rule = plan.rules.get(f.ruleId);
        scratchRules[i] = rule;
        if (rule === undefined) continue;
        if (rule.index <= last) ordered = false;
        last = rule.index;
      }
      if (ordered) {
        for (let i = 0; i < n; i++) {
          const rule = scratchRules[i];
          if (rule === undefined) continue;
          const ev = (firedHere[i] as FiredRule).evidence;
          hits.push(hitOf(plan, rule, ev.length === 0 ? newList() : ev.slice()));
          setScore += rule.params.score;
          const channel = rule.params.channel;
          if (channel !== undefined && RANK[channel] > setRank) setRank = RANK[channel];
        }
      } else {
        const rules = unorderedHits(plan, firedHere);
        const byIndex = unorderedEvidence as Map<number, Evidence[]>;
        for (const r of rules) {
          hits.push(hitOf(plan, r, byIndex.get(r.index) as Evidence[]));
          setScore += r.params.score;
          const channel = r.params.channel;
          if (channel !== undefined && RANK[channel] > setRank) setRank = RANK[channel];
        }
        unorderedEvidence = undefined;
      }
      scratchRules.fill(undefined, 0, n);
    }
    if (plan.randomRate > 0 && isRandomlySelected(seed, plan.id, consignment.id, plan.randomRate)) {
      hits.push(
        new HitRecord(plan.id, 'random', plan.version, 0, `selected at random (rate ${plan.randomRate})`, newList()),
      );
      if (RANK[plan.randomChannel] > setRank) setRank = RANK[plan.randomChannel];
    }
    const byScore = setScore >= plan.red ? 3 : setScore >= plan.yellow ? 2 : 0;
    if (byScore > setRank) setRank = byScore;
    score += setScore;
    if (setRank > rank) rank = setRank;
  }
  for (let i = 0; i < hits.length; i++) {
    const action = (hits[i] as Hit).action;
    if (action === undefined) continue;
    if (actions === undefined) actions = newList();
    if (!actions.includes(action)) actions.push(action);
  }
  return new AssessmentRecord(
    consignment.id,
    score,
    BY_RANK[rank] as Channel,
    actions ?? newList(),
    hits,
    entries,
    consignment.source,
  );
}

/**
 * Builds the assessment of one consignment from the rules each rule set fired: scores summed per rule set,
 * channel from its thresholds raised by hit channels and random selection, then summed and maxed across
 * rule sets (docs/rule-sets.md, "Events and scoring"). Both engines call it, so scoring has one meaning.
 * Rule sets not in effect at `now` assess nothing and are left out of `ruleSets`.
 *
 * @example
 * const assessment = assembleAssessment(ruleSets, [[{ ruleId: 'GS-HS', evidence: [] }]], consignment);
 */
export function assembleAssessment(
  ruleSets: readonly CompiledRuleSet[],
  fired: FiredRules,
  consignment: Consignment,
  options: AssembleOptions = {},
): Assessment {
  const now = options.now;
  const nowMs = now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime();
  return assembleWith(ruleSets.map(planOf), fired, consignment, options.seed ?? DEFAULT_SEED, nowMs);
}

/**
 * {@link assembleAssessment} bound to a scorer's rule sets and options, with their scoring plans resolved
 * once rather than per consignment. Internal: `createScorer` uses it.
 */
export function createAssembler(
  ruleSets: readonly CompiledRuleSet[],
  options: AssembleOptions = {},
): (fired: FiredRules, consignment: Consignment) => Assessment {
  const plans = ruleSets.map(planOf);
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now;
  if (now === undefined) return (fired, c) => assembleWith(plans, fired, c, seed, Date.now());
  if (typeof now === 'number') return (fired, c) => assembleWith(plans, fired, c, seed, now);
  // Read per call, as assembleAssessment does: the caller's Date may be moved.
  return (fired, c) => assembleWith(plans, fired, c, seed, now.getTime());
}
