import type { SourceLocation } from '../model/manifest.js';
import type { ScopeKind, ScopeSpec } from './mapping.js';

/** Where each slot of a scope's records lives: one index per slot name its field rules fill. */
export interface SlotLayout {
  readonly index: ReadonlyMap<string, number>;
  readonly size: number;
}

const layouts = new WeakMap<ScopeSpec, SlotLayout>();

/** The slot layout of a scope, the same for every place the scope is used in a mapping. */
export function layoutOf(spec: ScopeSpec): SlotLayout {
  let layout = layouts.get(spec);
  if (layout === undefined) {
    const index = new Map<string, number>();
    for (const rules of Object.values(spec.fields ?? {})) {
      for (const rule of Array.isArray(rules) ? rules : [rules]) {
        if (!index.has(rule.slot)) index.set(rule.slot, index.size);
      }
    }
    layout = { index, size: index.size };
    layouts.set(spec, layout);
  }
  return layout;
}

/**
 * What one open scope has collected: slot values filled by its field rules and the records of
 * its nested scopes, in document order. Slots are indexed by the mapping's slot names, never by
 * anything from the document, so no element or attribute name can reach a prototype. The slots
 * a scope's rules fill live in an array laid out when the mapping compiles; the few a builder
 * adds (`#leg`…) in a Map made when first needed.
 */
export class ScopeRecord {
  private readonly values: unknown[];
  private readonly layout: SlotLayout;
  /** Rank of the value held per slot, once a ranked rule has been met. */
  private ranks: number[] | undefined;
  private extra: Map<string, unknown> | undefined;
  readonly children: ScopeRecord[] = [];
  /** Set when a limit was passed inside this record: it is reported, not accepted. */
  overLimit: string | undefined;
  /** Not kept once complete (a goods item past the item limit): memory stays bounded. */
  discard = false;
  /** Where a consignment's element starts, taken when it opens (a streaming driver moves on). */
  location: SourceLocation | undefined;
  /** Goods items met inside this record (counted against limits.maxItemsPerConsignment). */
  items = 0;

  constructor(
    readonly spec: ScopeSpec,
    readonly parent: ScopeRecord | undefined,
    readonly offset: number,
    layout?: SlotLayout,
  ) {
    this.layout = layout ?? layoutOf(spec);
    // Pushed one by one, the array stays packed (no holes) without a call to fill.
    const values: unknown[] = [];
    for (let i = 0; i < this.layout.size; i++) values.push(undefined);
    this.values = values;
  }

  get kind(): ScopeKind {
    return this.spec.kind;
  }

  /**
   * Stores `value` in the slot at `index` of this record's layout: a lower rank replaces a
   * higher one, an equal rank keeps the first; a list slot collects every value.
   */
  setAt(index: number, value: unknown, rank: number, list: boolean): void {
    if (value === undefined) return;
    const values = this.values;
    const held = values[index];
    if (list) {
      if (Array.isArray(held)) held.push(value);
      else values[index] = [value];
      return;
    }
    if (rank === 0 && this.ranks === undefined) {
      // The common case (no ranked alternatives met yet): first value wins.
      if (held === undefined) values[index] = value;
      return;
    }
    this.ranks ??= new Array(values.length).fill(0);
    if (held !== undefined && this.ranks[index]! <= rank) return;
    this.ranks[index] = rank;
    values[index] = value;
  }

  /** Stores a value the builder derived (not from a field rule), replacing any held. */
  put(slot: string, value: unknown): void {
    const index = this.layout.index.get(slot);
    if (index !== undefined) this.values[index] = value;
    else {
      this.extra ??= new Map();
      this.extra.set(slot, value);
    }
  }

  get(slot: string): unknown {
    const index = this.layout.index.get(slot);
    return index !== undefined ? this.values[index] : this.extra?.get(slot);
  }

  str(slot: string): string | undefined {
    const v = this.get(slot);
    return typeof v === 'string' ? v : undefined;
  }

  list(slot: string): unknown[] {
    const v = this.get(slot);
    return Array.isArray(v) ? v : [];
  }

  /** Nested records of one kind, in document order. */
  of(kind: ScopeKind): ScopeRecord[] {
    return this.children.filter((c) => c.spec.kind === kind);
  }

  /** The value of `slot` here or in the nearest enclosing record that holds it. */
  inherited(slot: string): unknown {
    for (let r: ScopeRecord | undefined = this; r !== undefined; r = r.parent) {
      const v = r.get(slot);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}
