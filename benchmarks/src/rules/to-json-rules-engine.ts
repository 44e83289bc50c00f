import { Engine, type RuleProperties } from 'json-rules-engine';
import type { CompetitorFacts } from './competitor-facts.js';
import { foldText, normaliseParty } from './fold-text.js';
import type { GeneratedCondition, GeneratedRuleSet } from './generate-rule-set.js';

/*
 * The generated rule set on json-rules-engine used directly, the way a team already on it would
 * write it: two engines (item-scope rules run once per goods item with that item's facts, the
 * consignment-scope rules once per consignment), two small custom operators (`hsIn` a prefix test,
 * `mentions` a substring test on folded, space-padded text, which is the whole-word match) and the
 * built-in `in` for countries and normalised party names.
 */

function condition(ruleSet: GeneratedRuleSet, c: GeneratedCondition) {
  const list = ruleSet.lists[c.value.list];
  if (list === undefined) throw new Error(`list ${c.value.list} is not defined`);
  switch (c.operator) {
    case 'hsIn':
      return { fact: 'hsCode', operator: 'hsIn', value: list.items };
    case 'mentions':
      return { fact: 'text', operator: 'mentions', value: list.items.map((k) => ` ${foldText(k)} `) };
    case 'inList':
      return { fact: c.fact, operator: 'in', value: list.items };
    case 'partyMatches':
      return { fact: c.fact, operator: 'in', value: list.items.map(normaliseParty) };
  }
}

function engineFor(rules: RuleProperties[]): Engine {
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  engine.addOperator(
    'hsIn',
    (fact: unknown, prefixes: string[]) => typeof fact === 'string' && prefixes.some((p) => fact.startsWith(p)),
  );
  engine.addOperator(
    'mentions',
    (fact: unknown, keys: string[]) => typeof fact === 'string' && keys.some((k) => fact.includes(k)),
  );
  return engine;
}

/** Resolves to the ids of the rules that fire on one consignment's facts, sorted. */
export type JsonRulesEngineRunner = (facts: CompetitorFacts) => Promise<string[]>;

export function buildJsonRulesEngineRunner(ruleSet: GeneratedRuleSet): JsonRulesEngineRunner {
  const item: RuleProperties[] = [];
  const consignment: RuleProperties[] = [];
  for (const rule of ruleSet.rules) {
    const parts = 'all' in rule.conditions ? rule.conditions.all : rule.conditions.any;
    const mapped = parts.map((c) => condition(ruleSet, c));
    const props: RuleProperties = {
      name: rule.id,
      conditions: 'all' in rule.conditions ? { all: mapped } : { any: mapped },
      event: { type: rule.id },
    };
    (rule.scope === 'item' ? item : consignment).push(props);
  }
  const itemEngine = engineFor(item);
  const consignmentEngine = engineFor(consignment);
  return async (facts) => {
    const fired = new Set<string>();
    const { items, ...consignmentFacts } = facts;
    for (const e of (await consignmentEngine.run(consignmentFacts)).events) fired.add(e.type);
    for (const i of items) for (const e of (await itemEngine.run(i)).events) fired.add(e.type);
    return [...fired].sort();
  };
}
