/*
 * Qualifiers, units and other codes are one to four ASCII characters. Packed into one small
 * integer (seven bits a character, and the length), a code read from the input's bytes is looked
 * up in a code list without making a string of it first.
 */

/** The key of a code of one to four ASCII characters; -1 for anything else (which no table holds). */
export function codeKey(code: string): number {
  const n = code.length;
  if (n < 1 || n > 4) return -1;
  let key = 0;
  for (let i = 0; i < n; i++) {
    const c = code.charCodeAt(i);
    if (c >= 0x80) return -1;
    key = (key << 7) | c;
  }
  // At most 2^30 - 1: a small integer for V8, so Map and Set look it up without boxing.
  return ((n - 1) << 28) | key;
}

/** `codeKey` of the bytes buf[start, end). */
export function codeKeyOfBytes(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n < 1 || n > 4) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c >= 0x80) return -1;
    key = (key << 7) | c;
  }
  return ((n - 1) << 28) | key;
}

/** A code list keyed by code keys; every code in it must have a key (one to four ASCII characters). */
export function keyedTable<T>(table: Readonly<Record<string, T>>): ReadonlyMap<number, T> {
  const out = new Map<number, T>();
  for (const [code, value] of Object.entries(table)) out.set(keyOf(code), value);
  return out;
}

/** A set of codes as code keys. */
export function keyedSet(codes: ReadonlySet<string>): ReadonlySet<number> {
  const out = new Set<number>();
  for (const code of codes) out.add(keyOf(code));
  return out;
}

function keyOf(code: string): number {
  const key = codeKey(code);
  if (key < 0) throw new Error(`code list entry "${code}" is not one to four ASCII characters`);
  return key;
}
