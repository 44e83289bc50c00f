import { ZenEngine } from '@gorules/zen-engine';
import type { CompetitorFacts } from './competitor-facts.js';
import { foldText, normaliseParty } from './fold-text.js';
import type { GeneratedCondition, GeneratedRuleSet } from './generate-rule-set.js';

/*
 * The generated rule set as a GoRules JDM document: input → one decision table (hit policy
 * `collect`, one row per rule, the row's condition as a zen expression in a field-less input
 * column, the rule id as output) → output. Item-scope rules become `some(items, …)`; `hsIn` becomes
 * `startsWith`, `mentions` a `contains` on the folded, space-padded text (the whole-word match),
 * `inList` and `partyMatches` an `in` over the (normalised) items.
 */

const quote = (s: string) => JSON.stringify(s);

function conditionExpression(ruleSet: GeneratedRuleSet, c: GeneratedCondition, itemScope: boolean): string {
  const list = ruleSet.lists[c.value.list];
  if (list === undefined) throw new Error(`list ${c.value.list} is not defined`);
  const field = itemScope ? `#.${c.fact === 'description' ? 'text' : c.fact}` : c.fact;
  switch (c.operator) {
    case 'hsIn':
      return list.items.map((p) => `startsWith(${field}, ${quote(p)})`).join(' or ');
    case 'mentions':
      return list.items.map((k) => `contains(${field}, ${quote(` ${foldText(k)} `)})`).join(' or ');
    case 'inList':
      return `${field} in [${list.items.map(quote).join(', ')}]`;
    case 'partyMatches':
      return `${field} in [${list.items.map((p) => quote(normaliseParty(p))).join(', ')}]`;
  }
}

/** The JDM decision document for a generated rule set. */
export function toZenDecision(ruleSet: GeneratedRuleSet): Record<string, unknown> {
  const rows = ruleSet.rules.map((rule) => {
    const itemScope = rule.scope === 'item';
    const parts = 'all' in rule.conditions ? rule.conditions.all : rule.conditions.any;
    const joiner = 'all' in rule.conditions ? ' and ' : ' or ';
    const body = parts.map((c) => `(${conditionExpression(ruleSet, c, itemScope)})`).join(joiner);
    return { _id: rule.id, condition: itemScope ? `some(items, ${body})` : body, rule: quote(rule.id) };
  });
  return {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'rules',
        type: 'decisionTableNode',
        name: ruleSet.id,
        position: { x: 300, y: 0 },
        content: {
          hitPolicy: 'collect',
          inputs: [{ id: 'condition', name: 'condition', field: '' }],
          outputs: [{ id: 'rule', name: 'rule', field: 'rule' }],
          rules: rows,
        },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'e1', type: 'edge', sourceId: 'request', targetId: 'rules' },
      { id: 'e2', type: 'edge', sourceId: 'rules', targetId: 'response' },
    ],
  };
}

/** Evaluates one consignment's facts; resolves to the ids of the rules that fire, in table order. */
export type ZenRunner = ((facts: CompetitorFacts) => Promise<string[]>) & { dispose(): void };

export function buildZenRunner(ruleSet: GeneratedRuleSet): ZenRunner {
  const engine = new ZenEngine();
  const decision = engine.createDecision(toZenDecision(ruleSet));
  const run = async (facts: CompetitorFacts) => {
    const response = await decision.evaluate(facts);
    const rows = response.result as { rule: string }[] | { rule: string } | null;
    if (rows === null || rows === undefined) return [];
    return (Array.isArray(rows) ? rows : [rows]).map((r) => r.rule);
  };
  return Object.assign(run, { dispose: () => engine.dispose() });
}
