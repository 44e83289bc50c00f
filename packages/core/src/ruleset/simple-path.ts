/*
 * json-rules-engine resolves `path` with JSONPath on every fact lookup (and its JSONPath dependency has
 * had code-execution bugs). cargorisk accepts only the simple form and resolves it at compile time into
 * a list of own-property names and array indexes.
 */

const SIMPLE_PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d{1,6}\])*$/;
const SEGMENT = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d{1,6})\]/g;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses `$.name.sub[0]` into `['name', 'sub', 0]`; undefined when the path is not of the simple form. */
export function parseSimplePath(path: string): (string | number)[] | undefined {
  if (!SIMPLE_PATH.test(path)) return undefined;
  const out: (string | number)[] = [];
  for (const m of path.matchAll(SEGMENT)) {
    if (m[1] !== undefined) {
      if (FORBIDDEN.has(m[1])) return undefined;
      out.push(m[1]);
    } else out.push(Number(m[2]));
  }
  return out;
}

/** Follows parsed path segments through own properties and array indexes only. */
export function resolveSimplePath(value: unknown, segments: readonly (string | number)[]): unknown {
  let v = value;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    if (typeof s === 'number') {
      if (!Array.isArray(v) || s >= v.length) return undefined;
      v = v[s];
    } else {
      if (Array.isArray(v) || !Object.hasOwn(v, s)) return undefined;
      v = (v as Record<string, unknown>)[s];
    }
  }
  return v;
}
