/*
 * json-rules-engine resolves `path` with jsonpath-plus on every fact lookup; that dependency has had
 * remote-code-execution bugs. The contract only allows `$.name`, `$.name.sub` and `$.list[0]`, so the
 * reference engine passes this resolver as json-rules-engine's `pathResolver` and jsonpath-plus is
 * never called. Written apart from the compiled engine's path code on purpose: the two are compared.
 */

const STEP = /^(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\])/;

/**
 * Follows a simple path through own properties (of plain objects) and indexes (of arrays).
 * Anything it cannot follow, or a path not of the simple form, gives `undefined`.
 */
export function resolveReferencePath(value: unknown, path: string): unknown {
  if (!path.startsWith('$')) return undefined;
  let rest = path.slice(1);
  let v: unknown = value;
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (m === null) return undefined;
    rest = rest.slice(m[0].length);
    if (typeof v !== 'object' || v === null) return undefined;
    if (m[1] !== undefined) {
      const key = m[1];
      if (Array.isArray(v) || key === '__proto__' || key === 'constructor' || key === 'prototype') return undefined;
      if (!Object.hasOwn(v, key)) return undefined;
      v = (v as Record<string, unknown>)[key];
    } else {
      if (!Array.isArray(v)) return undefined;
      const index = Number(m[2]);
      if (index >= v.length) return undefined;
      v = v[index];
    }
  }
  return v;
}
