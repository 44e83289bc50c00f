import type { SourceLocation } from '../model/manifest.js';
import type { ScopeKind, ScopeSpec } from './mapping.js';

/**
 * What one open scope has collected: slot values filled by its field rules and the records of
 * its nested scopes, in document order. Slots live in a Map keyed by the mapping's slot names,
 * never by anything from the document, so no element or attribute name can reach a prototype.
 */
export class ScopeRecord {
  private readonly slots = new Map<string, unknown>();
  private ranks: Map<string, number> | undefined;
  readonly children: ScopeRecord[] = [];
  /** Set when a limit was passed inside this record: it is reported, not accepted. */
  overLimit: string | undefined;
  /** Not kept once complete (a goods item past the item limit): memory stays bounded. */
  discard = false;
  /** Where a consignment's element starts, taken when it opens (a streaming driver moves on). */
  location: SourceLocation | undefined;

  constructor(
    readonly spec: ScopeSpec,
    readonly parent: ScopeRecord | undefined,
    readonly offset: number,
  ) {}

  get kind(): ScopeKind {
    return this.spec.kind;
  }

  /** Stores `value` in `slot`: a lower rank replaces a higher one, an equal rank keeps the first. */
  set(slot: string, value: unknown, rank: number, list: boolean): void {
    if (value === undefined) return;
    if (list) {
      const existing = this.slots.get(slot);
      if (Array.isArray(existing)) existing.push(value);
      else this.slots.set(slot, [value]);
      return;
    }
    if (rank === 0 && this.ranks === undefined) {
      // The common case (no ranked alternatives met yet): first value wins.
      if (!this.slots.has(slot)) this.slots.set(slot, value);
      return;
    }
    this.ranks ??= new Map();
    const held = this.ranks.get(slot) ?? (this.slots.has(slot) ? 0 : undefined);
    if (held !== undefined && held <= rank) return;
    this.ranks.set(slot, rank);
    this.slots.set(slot, value);
  }

  /** Stores a value the builder derived (not from a field rule), replacing any held. */
  put(slot: string, value: unknown): void {
    this.slots.set(slot, value);
  }

  get(slot: string): unknown {
    return this.slots.get(slot);
  }

  str(slot: string): string | undefined {
    const v = this.slots.get(slot);
    return typeof v === 'string' ? v : undefined;
  }

  list(slot: string): unknown[] {
    const v = this.slots.get(slot);
    return Array.isArray(v) ? v : [];
  }

  /** Nested records of one kind, in document order. */
  of(kind: ScopeKind): ScopeRecord[] {
    return this.children.filter((c) => c.spec.kind === kind);
  }

  /** The value of `slot` here or in the nearest enclosing record that holds it. */
  inherited(slot: string): unknown {
    for (let r: ScopeRecord | undefined = this; r !== undefined; r = r.parent) {
      const v = r.slots.get(slot);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}
