import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledRuleSet, LoadRuleSetOptions } from '@cargorisk/core';
import { loadRuleSetFile } from '@cargorisk/core';
import { PackError } from './pack-error.js';

/*
 * The packs ship as JSON files beside the code (the `packs` folder is in the published package), so a
 * rule author can copy one, edit its lists and load the copy with core's loadRuleSetFile. The paths are
 * resolved from this module's URL: `src/` and `dist/` both sit one level below the package root.
 */

/**
 * The ids of the shipped rule packs, in the order they are documented.
 *
 * @example
 * const everything = await loadPacks(packNames);
 */
export const packNames = Object.freeze([
  'pegasus',
  'global-shield',
  'salw',
  'cites-wildlife',
  'cocaine-containers',
  'vague-descriptions',
  'medicines',
  'cultural-objects',
] as const);

/** The id of a shipped rule pack. */
export type PackName = (typeof packNames)[number];

/**
 * The packs loaded when none are named: illicit tobacco production, IED precursors, small arms.
 *
 * @example
 * const scorer = createScorer(await loadPacks(defaultPacks));
 */
export const defaultPacks: readonly PackName[] = Object.freeze(['pegasus', 'global-shield', 'salw'] as const);

/**
 * Whether `id` names a shipped pack.
 *
 * @example
 * isPackName('salw'); // true
 */
export function isPackName(id: string): id is PackName {
  return (packNames as readonly string[]).includes(id);
}

function checked(id: string): PackName {
  if (!isPackName(id)) {
    throw new PackError('unknown-pack', id, `no rule pack named "${id}"; the packs are ${packNames.join(', ')}`);
  }
  return id;
}

function packFolder(id: PackName): URL {
  return new URL(`../packs/${id}/`, import.meta.url);
}

/**
 * The absolute path of a pack's `ruleset.json`.
 *
 * @example
 * packPath('global-shield'); // '/…/node_modules/@cargorisk/rules/packs/global-shield/ruleset.json'
 */
export function packPath(id: string): string {
  return fileURLToPath(new URL('ruleset.json', packFolder(checked(id))));
}

/**
 * The absolute paths of a pack's rule-test files (`fixtures/*.json`), sorted, for `runRuleTestFile`.
 *
 * @example
 * for (const file of packFixturePaths('salw')) console.log(file);
 */
export function packFixturePaths(id: string): string[] {
  const folder = new URL('fixtures/', packFolder(checked(id)));
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => fileURLToPath(new URL(name, folder)));
}

/**
 * Loads and compiles one pack with core's `loadRuleSetFile`, so its list files are merged.
 *
 * @example
 * const pegasus = await loadPack('pegasus');
 * const scorer = createScorer([pegasus]);
 */
export async function loadPack(id: string, options: LoadRuleSetOptions = {}): Promise<CompiledRuleSet> {
  return loadRuleSetFile(packPath(id), options);
}

/**
 * Loads several packs, in the order given.
 *
 * @example
 * const ruleSets = await loadPacks(); // the default packs
 * const all = await loadPacks(packNames);
 */
export async function loadPacks(
  ids: readonly string[] = defaultPacks,
  options: LoadRuleSetOptions = {},
): Promise<CompiledRuleSet[]> {
  for (const id of ids) checked(id);
  return Promise.all(ids.map((id) => loadPack(id, options)));
}
