import type { Consignment } from '@cargorisk/manifest';
import { Engine, Rule } from 'json-rules-engine';
import type { CompiledRuleSet } from '../compile/compile-rule-set.js';
import { consignmentFacts } from '../facts/consignment-facts.js';
import { FACTS } from '../facts/fact-catalogue.js';
import { itemFacts } from '../facts/item-facts.js';
import type { RuleSetJson } from '../ruleset/ruleset-schema.js';
import type { EvaluationContext, Evaluator, Evidence, FiredRule, FiredRules } from '../score/assessment.js';
import { isInEffect } from '../score/assessment.js';
import { CONTRACT_OVERRIDES, DOMAIN_OPERATORS, matchedFor } from './reference-operators.js';
import { resolveReferencePath } from './resolve-reference-path.js';
import {
  type EngineCondition,
  referencedFacts,
  translateCondition,
  translateSharedConditions,
} from './translate-rule-set.js';

/*
 * The reference engine defines what a rule set means by running it through json-rules-engine, the
 * library whose condition shape the format borrows. It is slow on purpose: one engine run per
 * consignment per rule set, and one more per goods item for item-scope rules, with every list
 * operator a plain loop. The compiled engine must give the same assessments; the equivalence
 * property test holds the two together.
 */

/** Options of {@link createReferenceEvaluator}. */
export interface ReferenceEvaluatorOptions {
  /**
   * Collect evidence for every hit, from json-rules-engine's condition results.
   * @default false
   */
  explain?: boolean;
  /**
   * Accepted for symmetry with the scorer's options; random selection is applied when the scorer
   * assembles the assessment, so the evaluator itself never reads it.
   * @default "cargorisk"
   */
  seed?: string;
  /**
   * When given, rule sets whose `effective` dates exclude this moment are not run (they report no
   * fired rules); the scorer leaves them out of the assessment in any case.
   * @default undefined: every rule set is run
   */
  now?: Date;
}

/** Runs rule sets on consignments with json-rules-engine. */
export interface ReferenceEvaluator extends Evaluator {
  evaluate(c: Consignment, context?: EvaluationContext): Promise<FiredRules>;
}

interface PreparedScope {
  engine: Engine;
  /** Rule index in the file, by the engine rule's name. */
  ruleIndex: Map<string, number>;
}

interface PreparedRuleSet {
  compiled: CompiledRuleSet;
  json: RuleSetJson;
  /** The facts its conditions read: json-rules-engine hashes every fact it is given on every run. */
  facts: readonly string[];
  consignment: PreparedScope | undefined;
  item: PreparedScope | undefined;
}

/** A fired rule and its evidence, gathered over the consignment run and every item run. */
type Firings = Map<number, { evidence: Evidence[]; seen: Set<string> }>;

function newEngine(shared: Map<string, EngineCondition>): Engine {
  const engine = new Engine([], {
    // Absent facts are `undefined` (the contract), never an "undefined fact" error.
    allowUndefinedFacts: true,
    // Simple paths are resolved here, so json-rules-engine's JSONPath dependency is never called.
    pathResolver: resolveReferencePath,
  });
  for (const [name, op] of Object.entries(CONTRACT_OVERRIDES)) engine.addOperator(name, op);
  for (const [name, op] of Object.entries(DOMAIN_OPERATORS)) engine.addOperator(name, op);
  for (const [name, condition] of shared) engine.setCondition(name, condition as never);
  return engine;
}

function prepare(compiled: CompiledRuleSet): PreparedRuleSet {
  const json = compiled.json;
  const shared = translateSharedConditions(json);
  const lists = json.lists ?? {};
  const scopes: Record<'item' | 'consignment', PreparedScope | undefined> = { item: undefined, consignment: undefined };
  json.rules.forEach((rule, index) => {
    let scope = scopes[rule.scope];
    if (scope === undefined) {
      scope = { engine: newEngine(shared), ruleIndex: new Map() };
      scopes[rule.scope] = scope;
    }
    // Rule ids are unique in a rule set, but `random` and names json-rules-engine might treat
    // specially are avoided by naming engine rules by their position.
    const name = `r${index}`;
    scope.ruleIndex.set(name, index);
    scope.engine.addRule(
      new Rule({
        name,
        conditions: translateCondition(rule.conditions, lists) as never,
        event: { type: 'target', params: { index } },
        // json-rules-engine runs rules by priority; all equal keeps every rule independent.
        priority: 1,
      }),
    );
  });
  return { compiled, json, facts: [...referencedFacts(json)], consignment: scopes.consignment, item: scopes.item };
}

interface ConditionResult {
  path?: string;
  all?: ConditionResult[];
  any?: ConditionResult[];
  not?: ConditionResult;
  fact?: string;
  operator?: string;
  value?: unknown;
  valueResult?: unknown;
  factResult?: unknown;
  result?: boolean;
  listName?: string;
}

// The leaves json-rules-engine found true on the way to the rule's success (it stops at the first
// true branch of an `any`, so an explanation names what decided, not every true condition). Leaves
// under `not` are left out: a true leaf there argued against the rule. A consignment-fact leaf is
// named once per rule even when several items' runs found it true.
function collectEvidence(c: ConditionResult, itemSeq: number | undefined, out: Evidence[], seen: Set<string>): void {
  if (Array.isArray(c.all)) {
    for (const x of c.all) collectEvidence(x, itemSeq, out, seen);
    return;
  }
  if (Array.isArray(c.any)) {
    for (const x of c.any) collectEvidence(x, itemSeq, out, seen);
    return;
  }
  if (c.not !== undefined || c.result !== true || typeof c.fact !== 'string' || typeof c.operator !== 'string') return;
  const isItemFact = itemSeq !== undefined && FACTS[c.fact]?.scope === 'item';
  if (!isItemFact) {
    const key = JSON.stringify([c.fact, c.path ?? '', c.operator, c.valueResult ?? c.value ?? null]);
    if (seen.has(key)) return;
    seen.add(key);
  }
  const evidence: Evidence = { fact: c.fact, value: c.factResult, operator: c.operator };
  const matched = matchedFor(c.operator, c.factResult, c.valueResult ?? c.value);
  if (matched !== undefined && matched.length > 0) evidence.matched = matched;
  if (c.listName !== undefined) evidence.list = c.listName;
  if (isItemFact) evidence.item = itemSeq;
  out.push(evidence);
}

async function runScope(
  scope: PreparedScope,
  facts: Record<string, unknown>,
  itemSeq: number | undefined,
  explain: boolean,
  fired: Firings,
): Promise<void> {
  const { results } = await scope.engine.run(facts);
  for (const r of results) {
    const index = scope.ruleIndex.get(String(r.name));
    if (index === undefined) continue;
    let firing = fired.get(index);
    if (firing === undefined) {
      firing = { evidence: [], seen: new Set() };
      fired.set(index, firing);
    }
    if (explain) collectEvidence(r.conditions as unknown as ConditionResult, itemSeq, firing.evidence, firing.seen);
  }
}

// In file order, one entry per fired rule: the scorer sorts anyway, but the reference should not
// depend on that.
function toFiredRules(p: PreparedRuleSet, fired: Firings): FiredRule[] {
  return [...fired.keys()]
    .sort((a, b) => a - b)
    .map((index) => ({
      ruleId: (p.json.rules[index] as { id: string }).id,
      evidence: fired.get(index)?.evidence ?? [],
    }));
}

// A fact no condition names is never looked up, so leaving it out changes nothing but the cost.
function pick(facts: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) if (Object.hasOwn(facts, name)) out[name] = facts[name];
  return out;
}

/**
 * Creates the json-rules-engine reference evaluator over compiled rule sets (it reads their
 * validated JSON, not their indexes). `createScorer(…, { engine: 'reference' })` uses it; call it
 * directly to see which rules fired before scoring.
 *
 * @example
 * const evaluator = createReferenceEvaluator([compileRuleSet(json)], { explain: true });
 * const fired = await evaluator.evaluate(consignment, { transport: manifest.transport });
 */
export function createReferenceEvaluator(
  ruleSets: readonly CompiledRuleSet[],
  options: ReferenceEvaluatorOptions = {},
): ReferenceEvaluator {
  const prepared = ruleSets.map(prepare);
  const explain = options.explain === true;
  const run = async (c: Consignment, context: EvaluationContext | undefined): Promise<FiredRules> => {
    const now = options.now?.getTime();
    const cFacts = consignmentFacts(c, context);
    const items = c.goods.map((g) => ({ seq: g.seq, facts: { ...cFacts, ...itemFacts(g) } }));
    const out: FiredRule[][] = [];
    for (const p of prepared) {
      const fired: Firings = new Map();
      if (now === undefined || isInEffect(p.compiled, now)) {
        if (p.consignment !== undefined) {
          await runScope(p.consignment, pick(cFacts, p.facts), undefined, explain, fired);
        }
        if (p.item !== undefined) {
          for (const g of items) await runScope(p.item, pick(g.facts, p.facts), g.seq, explain, fired);
        }
      }
      out.push(toFiredRules(p, fired));
    }
    return out;
  };
  // json-rules-engine keeps one running/finished status per engine: a run that finishes while
  // another is between its start and its first rule makes that one skip every rule. Evaluations
  // are therefore queued, one at a time per evaluator, whatever the caller does.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    evaluate(c, context) {
      const result = queue.then(() => run(c, context));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
