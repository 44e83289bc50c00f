import type { ScopeRecord } from './scope-record.js';

/*
 * Shared steps from collected records to model candidates. Candidates are plain objects checked
 * by the model's schema afterwards: a value a converter could not read is passed on as written so
 * the check rejects the record with a pointer, rather than being dropped here.
 */

export type Candidate = Record<string, unknown>;

/** Copies the defined entries only: the model says a field not carried is absent. */
export function defined(entries: Record<string, unknown>): Candidate {
  // for…in over an object literal: no entry arrays allocated, as Object.entries would.
  const out: Candidate = {};
  for (const k in entries) {
    const v = entries[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** A party candidate; one known only by an identifier is named by it (the model needs a name). */
export function party(record: ScopeRecord, extraId?: string): Candidate | undefined {
  const id = extraId ?? record.str('id');
  const name = record.str('name') ?? id;
  if (name === undefined) return undefined;
  const lines = record.list('lines');
  const city = record.get('city');
  const postcode = record.get('postcode');
  const country = record.get('country');
  const hasAddress = lines.length > 0 || city !== undefined || postcode !== undefined || country !== undefined;
  return {
    name,
    address: hasAddress ? { lines, city, postcode, country } : undefined,
    id,
  };
}

/** The parties of one record by role; of several parties for one role the lowest rank, then the first, wins. */
export function parties(record: ScopeRecord, ids: Readonly<Record<string, string>> = {}): Candidate {
  const chosen = new Map<string, ScopeRecord>();
  for (const p of record.of('party')) {
    const role = p.spec.role;
    if (role === undefined) continue;
    const held = chosen.get(role);
    if (held === undefined || (p.spec.rank ?? 0) < (held.spec.rank ?? 0)) chosen.set(role, p);
  }
  const out: Candidate = {};
  for (const [role, p] of chosen) {
    const built = party(p, ids[role]);
    if (built !== undefined) out[role] = built;
  }
  return out;
}

/** Sum of a list of numbers, or the list's only non-number as written so the schema reports it. */
export function sum(values: readonly unknown[]): unknown {
  if (values.length === 0) return undefined;
  let total = 0;
  for (const v of values) {
    if (typeof v !== 'number') return v;
    total += v;
  }
  return total;
}

/** Drops repeats, keeping the first occurrence's place. */
export function unique<T>(values: readonly T[]): T[] {
  // Lists here are short (routing countries, a goods item's containers): a scan beats a Set.
  if (values.length > 16) return [...new Set(values)];
  const out: T[] = [];
  for (let i = 0; i < values.length; i++) {
    // As a Set does, -0 is kept as 0.
    const v = (values[i] === 0 ? 0 : values[i]) as T;
    if (!out.includes(v)) out.push(v);
  }
  return out;
}
