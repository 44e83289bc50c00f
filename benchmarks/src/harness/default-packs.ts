import { requireExport } from './library-apis.js';

type LoadPacks = (names?: readonly string[]) => unknown;

/**
 * The rule sets of the packs cargorisk ships as its default, compiled, ready for a scorer: what
 * an integrator gets with no rule set of their own.
 */
export function defaultPackRuleSets(): unknown[] {
  const loadPacks = requireExport<LoadPacks>('@cargorisk/rules', 'loadPacks');
  const defaults = requireExport<readonly string[] | (() => readonly string[])>('@cargorisk/rules', 'defaultPacks');
  const names = typeof defaults === 'function' ? defaults() : defaults;
  const loaded = loadPacks(names) as unknown[] | { ruleSets: unknown[] };
  return Array.isArray(loaded) ? loaded : loaded.ruleSets;
}
