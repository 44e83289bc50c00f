import type { CompiledPattern } from '../pattern/compile-pattern.js';
import type { ListKind, Operator } from '../ruleset/ruleset-schema.js';

/*
 * The lowered form of a validated rule set: shared conditions inlined, paths parsed, lists resolved to
 * their items, patterns compiled. The scorer builds its shared indexes and closures from this; nothing
 * here is looked up by name again per consignment.
 */

export interface ResolvedList {
  /** The list's name; undefined for an inline array. */
  readonly name: string | undefined;
  readonly kind: ListKind;
  readonly items: readonly string[];
}

export interface LeafNode {
  readonly k: 'leaf';
  readonly fact: string;
  readonly factScope: 'item' | 'consignment';
  readonly path: readonly (string | number)[] | undefined;
  readonly operator: Operator;
  /** The value for scalar and numeric operators. */
  readonly value: unknown;
  /** For list operators (`in`, `notIn` and the domain operators). */
  readonly list: ResolvedList | undefined;
  /** For `in` / `notIn` with inline arrays of non-strings: the raw members. */
  readonly members: readonly unknown[] | undefined;
  readonly pattern: CompiledPattern | undefined;
}

export type CondNode =
  | { readonly k: 'all'; readonly c: readonly CondNode[] }
  | { readonly k: 'any'; readonly c: readonly CondNode[] }
  | { readonly k: 'not'; readonly c: CondNode }
  | LeafNode;

export interface RuleProgram {
  readonly id: string;
  readonly index: number;
  readonly scope: 'item' | 'consignment';
  readonly root: CondNode;
}

export interface Program {
  readonly rules: readonly RuleProgram[];
}

/** Where the lowered program hangs on a CompiledRuleSet (not part of the public shape). */
export const PROGRAM: unique symbol = Symbol('cargorisk.program');
