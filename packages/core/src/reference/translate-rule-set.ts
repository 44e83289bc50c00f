import type { RuleSetJson } from '../ruleset/ruleset-schema.js';

/*
 * Turns a validated rule set into what json-rules-engine reads. The shapes are already
 * json-rules-engine's (that is the point of the format); what changes is that `{ "list": "x" }`
 * values are replaced by the list's items, since json-rules-engine has no named lists. The list's
 * name is kept beside the condition (`listName`) so evidence can name it.
 */

/** A condition as handed to json-rules-engine. */
export type EngineCondition =
  | { all: EngineCondition[] }
  | { any: EngineCondition[] }
  | { not: EngineCondition }
  | { condition: string }
  | { fact: string; operator: string; value: unknown; path?: string; listName?: string };

type Lists = NonNullable<RuleSetJson['lists']>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Translates one condition (recursively); `lists` are the rule set's lists, files already merged. */
export function translateCondition(c: unknown, lists: Lists): EngineCondition {
  if (!isRecord(c)) throw new TypeError('a condition must be an object (the rule set was not validated)');
  if (Array.isArray(c.all)) return { all: c.all.map((x) => translateCondition(x, lists)) };
  if (Array.isArray(c.any)) return { any: c.any.map((x) => translateCondition(x, lists)) };
  if (Object.hasOwn(c, 'not')) return { not: translateCondition(c.not, lists) };
  if (typeof c.condition === 'string') return { condition: c.condition };
  const out: { fact: string; operator: string; value: unknown; path?: string; listName?: string } = {
    fact: String(c.fact),
    operator: String(c.operator),
    value: c.value,
  };
  if (typeof c.path === 'string') out.path = c.path;
  const v = c.value;
  if (isRecord(v) && !Array.isArray(v) && typeof v.list === 'string') {
    const list = Object.hasOwn(lists, v.list) ? lists[v.list] : undefined;
    if (list === undefined) throw new TypeError(`list "${v.list}" is not defined (the rule set was not validated)`);
    out.value = [...list.items];
    out.listName = v.list;
  } else if (Array.isArray(v)) {
    out.value = [...v];
  }
  return out;
}

/** The shared conditions of a rule set, translated, by name. */
export function translateSharedConditions(ruleSet: RuleSetJson): Map<string, EngineCondition> {
  const out = new Map<string, EngineCondition>();
  const lists = ruleSet.lists ?? {};
  for (const [name, c] of Object.entries(ruleSet.conditions ?? {})) {
    const t = translateCondition(c, lists);
    // json-rules-engine's setCondition refuses a single fact condition at the root of a shared
    // condition; the contract allows it. `all` of one condition means the same.
    out.set(name, 'fact' in t ? { all: [t] } : t);
  }
  return out;
}

/** Every fact name a rule set's conditions (shared ones included) read. */
export function referencedFacts(ruleSet: RuleSetJson): Set<string> {
  const out = new Set<string>();
  const walk = (c: unknown): void => {
    if (!isRecord(c)) return;
    if (Array.isArray(c.all)) c.all.forEach(walk);
    else if (Array.isArray(c.any)) c.any.forEach(walk);
    else if (Object.hasOwn(c, 'not')) walk(c.not);
    else if (typeof c.fact === 'string') out.add(c.fact);
  };
  for (const c of Object.values(ruleSet.conditions ?? {})) walk(c);
  for (const r of ruleSet.rules) walk(r.conditions);
  return out;
}
