import { createHash } from 'node:crypto';

/** The seed a scorer uses when none is given. */
export const DEFAULT_SEED = 'cargorisk';

/**
 * The random draw for one rule set and consignment: `sha256(seed + "\0" + ruleSetId + "\0" + consignmentId)`,
 * its first 8 hex digits read as a number and divided by 2^32, so in [0, 1). An auditor replays a selection
 * from the seed and the consignment id alone.
 *
 * @example
 * randomDraw('cargorisk', 'global-shield', 'MAEU123456789') // 0.73… (always the same)
 */
export function randomDraw(seed: string, ruleSetId: string, consignmentId: string): number {
  const hex = createHash('sha256').update(`${seed}\0${ruleSetId}\0${consignmentId}`, 'utf8').digest('hex');
  return Number.parseInt(hex.slice(0, 8), 16) / 2 ** 32;
}

/**
 * Whether a consignment is selected at random by a rule set whose `scoring.random.rate` is `rate`.
 *
 * @example
 * isRandomlySelected('cargorisk', 'global-shield', 'MAEU123456789', 0.01)
 */
export function isRandomlySelected(seed: string, ruleSetId: string, consignmentId: string, rate: number): boolean {
  if (!(rate > 0)) return false;
  return randomDraw(seed, ruleSetId, consignmentId) < rate;
}
