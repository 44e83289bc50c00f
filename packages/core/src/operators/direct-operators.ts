import type { CompiledPattern } from '../pattern/compile-pattern.js';
import type { ListKind, Operator } from '../ruleset/ruleset-schema.js';
import { foldText } from '../text/fold-text.js';
import { normalizePartyName } from '../text/normalize-party-name.js';

/*
 * Each operator's meaning, evaluated directly on one value (docs/rule-sets.md, "Operators"). The compiled
 * engine answers the domain operators from shared indexes and uses these for everything else (and for
 * domain operators reached through a `path`); tests hold the indexes to these.
 */

/** An operator's right-hand side, prepared once at compile time. */
export interface PreparedOperand {
  readonly operator: Operator;
  readonly value: unknown;
  readonly kind?: ListKind;
  /** List items as written. */
  readonly items?: readonly string[];
  /** `in` / `notIn` / `inList`: the members; `partyMatches`: normalised names. */
  readonly set?: ReadonlySet<unknown>;
  /** `mentions`: folded keywords, parallel to `items`. */
  readonly folded?: readonly string[];
  readonly pattern?: CompiledPattern;
}

/** The strings a textual operator looks at: the string itself, or the strings of an array. */
export function stringsOf(v: unknown): readonly string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** The name a `partyMatches` fact carries: a string, or a Party's `name`. */
export function partyNameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'name')) {
    const name = (v as { name: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

/** Whether folded `keyword` occurs in folded `text` bounded by spaces or the ends. */
export function mentionsFolded(text: string, keyword: string): boolean {
  if (keyword === '') return false;
  let at = text.indexOf(keyword);
  while (at >= 0) {
    const end = at + keyword.length;
    if ((at === 0 || text.charCodeAt(at - 1) === 32) && (end === text.length || text.charCodeAt(end) === 32))
      return true;
    at = text.indexOf(keyword, at + 1);
  }
  return false;
}

/** Prepares an operand: lists to sets, keywords folded, party names normalised. */
export function prepareOperand(
  operator: Operator,
  value: unknown,
  list?: { kind: ListKind; items: readonly string[] },
  members?: readonly unknown[],
  pattern?: CompiledPattern,
): PreparedOperand {
  const items = list?.items;
  switch (operator) {
    case 'in':
    case 'notIn':
      return { operator, value, set: new Set<unknown>(members ?? items ?? []) };
    case 'inList':
      return { operator, value, set: new Set<unknown>(items ?? []) };
    case 'hsIn':
      return { operator, value, items: items ?? [] };
    case 'mentions':
      return { operator, value, items: items ?? [], folded: (items ?? []).map(foldText) };
    case 'partyMatches':
      return {
        operator,
        value,
        items: items ?? [],
        set: new Set((items ?? []).map(normalizePartyName).filter((s) => s !== '')),
      };
    case 'matchesPattern':
      return pattern === undefined ? { operator, value } : { operator, value, pattern };
    default:
      return { operator, value };
  }
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Evaluates one operator on a fact value (`undefined` when the fact is absent).
 *
 * @example
 * evaluateOperator(prepareOperand('lessThan', 10), '5') // false: a string is not a number
 */
export function evaluateOperator(op: PreparedOperand, fact: unknown): boolean {
  const value = op.value;
  switch (op.operator) {
    case 'equal':
      return fact !== undefined && fact === value;
    case 'notEqual':
      return fact !== value;
    case 'lessThan':
      return isFiniteNumber(fact) && fact < (value as number);
    case 'lessThanInclusive':
      return isFiniteNumber(fact) && fact <= (value as number);
    case 'greaterThan':
      return isFiniteNumber(fact) && fact > (value as number);
    case 'greaterThanInclusive':
      return isFiniteNumber(fact) && fact >= (value as number);
    case 'in':
      return fact !== undefined && (op.set as ReadonlySet<unknown>).has(fact);
    case 'notIn':
      return fact === undefined || !(op.set as ReadonlySet<unknown>).has(fact);
    case 'contains':
      return Array.isArray(fact) && fact.includes(value);
    case 'doesNotContain':
      return fact === undefined || (Array.isArray(fact) && !fact.includes(value));
    case 'hsIn': {
      const items = op.items as readonly string[];
      return stringsOf(fact).some((code) => items.some((p) => code.startsWith(p)));
    }
    case 'mentions': {
      const keywords = op.folded as readonly string[];
      return stringsOf(fact).some((t) => {
        const text = foldText(t);
        return keywords.some((k) => mentionsFolded(text, k));
      });
    }
    case 'inList': {
      const set = op.set as ReadonlySet<unknown>;
      return stringsOf(fact).some((s) => set.has(s));
    }
    case 'partyMatches': {
      const name = partyNameOf(fact);
      if (name === undefined) return false;
      const n = normalizePartyName(name);
      return n !== '' && (op.set as ReadonlySet<unknown>).has(n);
    }
    case 'matchesPattern': {
      const p = op.pattern;
      if (p === undefined) return false;
      return stringsOf(fact).some((s) => p.test(p.caseSensitive ? s : foldText(s)));
    }
  }
}

/** What in the operand matched the fact, for evidence (list items as written). */
export function matchedItems(op: PreparedOperand, fact: unknown): string[] | undefined {
  switch (op.operator) {
    case 'in':
      return fact !== undefined && (op.set as ReadonlySet<unknown>).has(fact) ? [String(fact)] : undefined;
    case 'inList': {
      const set = op.set as ReadonlySet<unknown>;
      const out = [...new Set(stringsOf(fact).filter((s) => set.has(s)))];
      return out.length > 0 ? out : undefined;
    }
    case 'hsIn': {
      const items = op.items as readonly string[];
      const out = items.filter((p) => stringsOf(fact).some((code) => code.startsWith(p)));
      return out.length > 0 ? [...new Set(out)] : undefined;
    }
    case 'mentions': {
      const texts = stringsOf(fact).map(foldText);
      const folded = op.folded as readonly string[];
      const items = op.items as readonly string[];
      const out = items.filter((_, i) => texts.some((t) => mentionsFolded(t, folded[i] as string)));
      return out.length > 0 ? [...new Set(out)] : undefined;
    }
    case 'partyMatches': {
      const name = partyNameOf(fact);
      if (name === undefined) return undefined;
      const n = normalizePartyName(name);
      const out = (op.items as readonly string[]).filter((i) => n !== '' && normalizePartyName(i) === n);
      return out.length > 0 ? [...new Set(out)] : undefined;
    }
    default:
      return undefined;
  }
}
