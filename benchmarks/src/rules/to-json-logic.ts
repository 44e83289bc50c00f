import { LogicEngine } from 'json-logic-engine';
import type { CompetitorFacts } from './competitor-facts.js';
import { foldText, normaliseParty } from './fold-text.js';
import type { GeneratedCondition, GeneratedRuleSet } from './generate-rule-set.js';

/*
 * The generated rule set as JSON Logic, one expression per rule, each built with
 * json-logic-engine's compiler (`engine.build`) into a JavaScript function. Item-scope rules become
 * `some` over the items; `hsIn` becomes a `substr` prefix comparison, `mentions` a substring test on
 * the folded, space-padded text (so it is the whole-word match), `inList` and `partyMatches` an `in`
 * over the (normalised) items.
 */

type Logic = Record<string, unknown>;

function conditionLogic(ruleSet: GeneratedRuleSet, c: GeneratedCondition): Logic {
  const list = ruleSet.lists[c.value.list];
  if (list === undefined) throw new Error(`list ${c.value.list} is not defined`);
  switch (c.operator) {
    case 'hsIn':
      return { or: list.items.map((p) => ({ '===': [{ substr: [{ var: c.fact }, 0, p.length] }, p] })) };
    case 'mentions':
      return { or: list.items.map((k) => ({ in: [` ${foldText(k)} `, { var: 'text' }] })) };
    case 'inList':
      return { in: [{ var: c.fact }, list.items] };
    case 'partyMatches':
      return { in: [{ var: c.fact }, list.items.map(normaliseParty)] };
  }
}

/** JSON Logic for one rule of a generated rule set, by rule id. */
export function toJsonLogic(ruleSet: GeneratedRuleSet): { id: string; logic: Logic }[] {
  return ruleSet.rules.map((rule) => {
    const parts = 'all' in rule.conditions ? rule.conditions.all : rule.conditions.any;
    const joined = { ['all' in rule.conditions ? 'and' : 'or']: parts.map((c) => conditionLogic(ruleSet, c)) };
    return { id: rule.id, logic: rule.scope === 'item' ? { some: [{ var: 'items' }, joined] } : joined };
  });
}

/** The compiled rules: call with one consignment's facts, get the ids of the rules that fire, in order. */
export type JsonLogicRunner = (facts: CompetitorFacts) => string[];

export function buildJsonLogicRunner(ruleSet: GeneratedRuleSet): JsonLogicRunner {
  const engine = new LogicEngine();
  const compiled = toJsonLogic(ruleSet).map(({ id, logic }) => ({
    id,
    test: engine.build(logic) as (d: unknown) => unknown,
  }));
  return (facts) => {
    const hits: string[] = [];
    for (const rule of compiled) if (rule.test(facts)) hits.push(rule.id);
    return hits;
  };
}
