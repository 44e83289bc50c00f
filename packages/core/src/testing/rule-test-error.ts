import { CoreError } from '../errors.js';
import type { RuleTestIssue } from './prepare-rule-test-case.js';

/** Codes of {@link RuleTestError}. */
export type RuleTestErrorCode = 'read-failed' | 'invalid-test-file' | 'unknown-list';

/**
 * A rule-test file could not be used: unreadable, or invalid (`issues` holds every problem found,
 * each with its JSON pointer and, when the text is known, its line and column).
 *
 * @example
 * try { await loadRuleTestFile('fixtures/free-zone.json') } catch (e) {
 *   if (e instanceof RuleTestError) for (const i of e.issues) console.error(`${i.line}:${i.column} ${i.message}`);
 * }
 */
export class RuleTestError extends CoreError<RuleTestErrorCode, RuleTestIssue> {
  override readonly name = 'RuleTestError';
}
