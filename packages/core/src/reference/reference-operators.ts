import type { CompiledPattern } from '../pattern/compile-pattern.js';
import { compilePattern, matchesPatternText } from '../pattern/compile-pattern.js';
import { foldText } from '../text/fold-text.js';
import { normalizePartyName } from '../text/normalize-party-name.js';

/*
 * The reference engine's operators are written to be obviously right, not fast: every one loops
 * over the list items and compares them one by one, with none of the compiled engine's indexes
 * (prefix tables, keyword automaton, hash sets). Where the two engines disagree, the plain loop here
 * is the one to believe first.
 *
 * `matched` returns what in the list matched, for explanations; `test` is the operator itself and
 * is what json-rules-engine calls. Every operator is false on an absent fact except the three the
 * contract names (notEqual, notIn, doesNotContain).
 */

/** One operator as json-rules-engine calls it: (fact value, condition value) → boolean. */
export type OperatorTest = (factValue: unknown, value: unknown) => boolean;

const strings = (v: unknown): string[] => {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
};

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** HS list items that are a prefix of some HS code in the fact. */
export function matchedHs(factValue: unknown, items: unknown): string[] {
  const codes = strings(factValue);
  return strings(items).filter((item) => codes.some((code) => code.startsWith(item)));
}

/** Keywords that occur as whole words in some text of the fact, after folding both. */
export function matchedKeywords(factValue: unknown, items: unknown): string[] {
  const texts = strings(factValue).map((t) => ` ${foldText(t)} `);
  return strings(items).filter((keyword) => {
    const folded = foldText(keyword);
    // A keyword that folds to nothing (only punctuation) would otherwise "occur" in an empty text.
    return folded !== '' && texts.some((t) => t.includes(` ${folded} `));
  });
}

/** List items equal to some value of the fact. */
export function matchedItems(factValue: unknown, items: unknown): string[] {
  const values = strings(factValue);
  return strings(items).filter((item) => values.includes(item));
}

/** Party list items whose normalised name equals the fact's (a Party's `name`, or a name string). */
export function matchedParties(factValue: unknown, items: unknown): string[] {
  let name: unknown = factValue;
  if (typeof factValue === 'object' && factValue !== null && !Array.isArray(factValue)) {
    name = (factValue as { name?: unknown }).name;
  }
  const names = strings(name)
    .map(normalizePartyName)
    .filter((n) => n !== '');
  return strings(items).filter((item) => names.includes(normalizePartyName(item)));
}

const patternCache = new Map<string, CompiledPattern | null>();

function pattern(source: string): CompiledPattern | null {
  let p = patternCache.get(source);
  if (p === undefined) {
    const r = compilePattern(source);
    p = r.ok ? r.pattern : null;
    if (patternCache.size > 10_000) patternCache.clear();
    patternCache.set(source, p);
  }
  return p;
}

/** The texts of the fact that the pattern matches. */
export function matchedByPattern(factValue: unknown, source: unknown): string[] {
  if (typeof source !== 'string') return [];
  const p = pattern(source);
  if (p === null) return [];
  return strings(factValue).filter((text) => matchesPatternText(p, text));
}

const numeric =
  (compare: (a: number, b: number) => boolean): OperatorTest =>
  (a, b) =>
    isFiniteNumber(a) && isFiniteNumber(b) && compare(a, b);

/**
 * Operators that replace json-rules-engine's own, where the contract differs from it:
 * - the four numeric operators: json-rules-engine accepts any fact that `parseFloat` reads
 *   (`"12abc"` > 5); the contract wants finite numbers on both sides;
 * - `doesNotContain`: json-rules-engine is false on a fact that is not an array, absent included;
 *   the contract makes it true on an absent fact (and still false on a present non-array).
 * `equal`, `notEqual`, `in`, `notIn` and `contains` keep json-rules-engine's implementation: they
 * already behave as the contract says (a string `value` for `in` is refused at load).
 */
export const CONTRACT_OVERRIDES: Readonly<Record<string, OperatorTest>> = {
  lessThan: numeric((a, b) => a < b),
  lessThanInclusive: numeric((a, b) => a <= b),
  greaterThan: numeric((a, b) => a > b),
  greaterThanInclusive: numeric((a, b) => a >= b),
  doesNotContain: (a, b) => (a === undefined ? true : Array.isArray(a) && a.indexOf(b) === -1),
};

/** The domain operators, each true when something in the list matched. */
export const DOMAIN_OPERATORS: Readonly<Record<string, OperatorTest>> = {
  hsIn: (a, b) => matchedHs(a, b).length > 0,
  mentions: (a, b) => matchedKeywords(a, b).length > 0,
  inList: (a, b) => matchedItems(a, b).length > 0,
  partyMatches: (a, b) => matchedParties(a, b).length > 0,
  matchesPattern: (a, b) => matchedByPattern(a, b).length > 0,
};

/** What matched, for evidence: the list items of a domain operator, the value found by `in`. */
export function matchedFor(operator: string, factValue: unknown, value: unknown): string[] | undefined {
  switch (operator) {
    case 'hsIn':
      return matchedHs(factValue, value);
    case 'mentions':
      return matchedKeywords(factValue, value);
    case 'inList':
      return matchedItems(factValue, value);
    case 'partyMatches':
      return matchedParties(factValue, value);
    case 'matchesPattern':
      return matchedByPattern(factValue, value);
    case 'in':
      return Array.isArray(value) && value.indexOf(factValue) !== -1 ? [String(factValue)] : undefined;
    default:
      return undefined;
  }
}
