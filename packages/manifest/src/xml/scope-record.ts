import type { SourceLocation } from '../model/manifest.js';
import type { ScopeKind, ScopeSpec } from './mapping.js';

/**
 * What one open scope has collected: slot values filled by its field rules and the records of
 * its nested scopes, in document order. Slots live in a prototype-less object whose keys come
 * from the mapping, never from the document, so no element or attribute name can reach a
 * prototype.
 */
export class ScopeRecord {
  readonly slots: Record<string, unknown> = Object.create(null);
  private ranks: Record<string, number> | undefined;
  readonly children: ScopeRecord[] = [];
  /** Set when a limit was passed inside this record: it is reported, not accepted. */
  overLimit: string | undefined;
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
      const existing = this.slots[slot];
      if (Array.isArray(existing)) existing.push(value);
      else this.slots[slot] = [value];
      return;
    }
    this.ranks ??= Object.create(null) as Record<string, number>;
    const held = this.ranks[slot];
    if (held !== undefined && held <= rank) return;
    this.ranks[slot] = rank;
    this.slots[slot] = value;
  }

  get(slot: string): unknown {
    return this.slots[slot];
  }

  str(slot: string): string | undefined {
    const v = this.slots[slot];
    return typeof v === 'string' ? v : undefined;
  }

  list(slot: string): unknown[] {
    const v = this.slots[slot];
    return Array.isArray(v) ? v : [];
  }

  /** Nested records of one kind, in document order. */
  of(kind: ScopeKind): ScopeRecord[] {
    return this.children.filter((c) => c.spec.kind === kind);
  }

  /** The value of `slot` here or in the nearest enclosing record that holds it. */
  inherited(slot: string): unknown {
    for (let r: ScopeRecord | undefined = this; r !== undefined; r = r.parent) {
      const v = r.slots[slot];
      if (v !== undefined) return v;
    }
    return undefined;
  }
}
