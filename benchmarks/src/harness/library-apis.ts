import * as core from '@cargorisk/core';
import * as generator from '@cargorisk/generator';
import * as manifestPkg from '@cargorisk/manifest';
import * as rulesPkg from '@cargorisk/rules';

/*
 * The suite reaches each library function through here, by its public name, at run time: a
 * scenario whose function is not exported (yet, or in this build) is reported as skipped with the
 * name it missed, instead of failing the whole run or being faked.
 */

const PACKAGES = {
  '@cargorisk/core': core,
  '@cargorisk/generator': generator,
  '@cargorisk/manifest': manifestPkg,
  '@cargorisk/rules': rulesPkg,
} as const;

export type PackageName = keyof typeof PACKAGES;

/** A scenario that cannot run; the runner records `reason` as the row's `skipped`. */
export class ScenarioSkip extends Error {
  readonly code = 'scenario-skipped';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ScenarioSkip';
  }
}

/** The export `name` of `pkg`, or a {@link ScenarioSkip} naming what is missing. */
export function requireExport<T>(pkg: PackageName, name: string): T {
  const value = (PACKAGES[pkg] as Record<string, unknown>)[name];
  if (value === undefined) throw new ScenarioSkip(`${pkg} does not export ${name} in this build`);
  return value as T;
}

/** Whether `pkg` exports `name`. */
export function hasExport(pkg: PackageName, name: string): boolean {
  return (PACKAGES[pkg] as Record<string, unknown>)[name] !== undefined;
}
