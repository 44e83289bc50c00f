import type { CompiledRuleSet } from '@cargorisk/core';
import { defaultPacks, loadPacks } from '@cargorisk/rules';

/**
 * The packs cargorisk loads when given none (`defaultPacks`), compiled: what an integrator scores
 * with before writing a rule set of their own.
 */
export function defaultPackRuleSets(): Promise<CompiledRuleSet[]> {
  return loadPacks(defaultPacks);
}
