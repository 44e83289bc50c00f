import type { FactType } from '../facts/fact-catalogue.js';
import type { ListKind, Operator } from '../ruleset/ruleset-schema.js';

/** What an operator takes: its value's form, the list kinds it accepts and the fact types it reads. */
export interface OperatorInfo {
  readonly value: 'scalar' | 'number' | 'list' | 'pattern';
  /** List kinds a `{ "list": … }` may name; an inline array is an anonymous list of `inlineKind`. */
  readonly listKinds: readonly ListKind[];
  readonly inlineKind?: ListKind;
  /** Fact types this operator can be true on (checked when the condition has no `path`). */
  readonly factTypes?: readonly FactType[];
  /** Whether the compiled engine answers it from a shared index. */
  readonly indexed: boolean;
}

const TEXTUAL: readonly FactType[] = ['string', 'string[]'];
const numeric: OperatorInfo = { value: 'number', listKinds: [], factTypes: ['number'], indexed: false };
const membership: OperatorInfo = {
  value: 'list',
  listKinds: ['countries', 'locations', 'codes'],
  inlineKind: 'codes',
  indexed: false,
};

export const OPERATOR_INFO: Readonly<Record<Operator, OperatorInfo>> = Object.freeze({
  equal: { value: 'scalar', listKinds: [], indexed: false },
  notEqual: { value: 'scalar', listKinds: [], indexed: false },
  lessThan: numeric,
  lessThanInclusive: numeric,
  greaterThan: numeric,
  greaterThanInclusive: numeric,
  in: membership,
  notIn: membership,
  contains: { value: 'scalar', listKinds: [], factTypes: ['string[]'], indexed: false },
  doesNotContain: { value: 'scalar', listKinds: [], factTypes: ['string[]'], indexed: false },
  hsIn: { value: 'list', listKinds: ['hs'], inlineKind: 'hs', factTypes: TEXTUAL, indexed: true },
  mentions: { value: 'list', listKinds: ['keywords'], inlineKind: 'keywords', factTypes: TEXTUAL, indexed: true },
  inList: {
    value: 'list',
    listKinds: ['countries', 'locations', 'codes'],
    inlineKind: 'codes',
    factTypes: TEXTUAL,
    indexed: true,
  },
  partyMatches: {
    value: 'list',
    listKinds: ['parties'],
    inlineKind: 'parties',
    factTypes: ['party', 'string'],
    indexed: true,
  },
  matchesPattern: { value: 'pattern', listKinds: [], factTypes: TEXTUAL, indexed: false },
});

/** Operators true on an absent fact (every other operator is false on `undefined`). */
export const TRUE_WHEN_ABSENT: ReadonlySet<string> = new Set(['notEqual', 'notIn', 'doesNotContain']);
