/** Stable codes of {@link RuleSetIssue}s. Integrators and editors may switch on them. */
export type RuleSetIssueCode =
  | 'invalid-json'
  | 'invalid-type'
  | 'missing-key'
  | 'unknown-key'
  | 'forbidden-key'
  | 'invalid-value'
  | 'invalid-id'
  | 'reserved-rule-id'
  | 'duplicate-rule-id'
  | 'duplicate-rule-set-id'
  | 'unknown-operator'
  | 'unknown-fact'
  | 'fact-not-in-scope'
  | 'operator-fact-mismatch'
  | 'undefined-list'
  | 'list-kind-mismatch'
  | 'invalid-list-item'
  | 'undefined-condition'
  | 'condition-cycle'
  | 'empty-condition'
  | 'invalid-path'
  | 'invalid-pattern'
  | 'string-value-for-in'
  | 'non-numeric-value'
  | 'thresholds-not-ordered'
  | 'invalid-date'
  | 'hs-not-in-nomenclature'
  | 'duplicate-list-item'
  | 'rule-never-fires'
  | 'list-file';

/**
 * A problem found in a rule set. `error` refuses the rule set at load; `warning` lets it through
 * with a doubt. `path` is a JSON pointer into the rule-set file; `line` and `column` are added by
 * `loadRuleSetFile` when the file's text is known.
 */
export interface RuleSetIssue {
  readonly code: RuleSetIssueCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  readonly source?: string;
}

/**
 * What every failure class of the core shares: a stable `code`, the `issues` found (data problems,
 * each with its location; empty where there are none), an optional `cause`, and `toJSON()`.
 */
export class CoreError<Code extends string, Issue = never> extends Error {
  readonly code: Code;
  readonly issues: readonly Issue[];

  constructor(code: Code, message: string, options: { issues?: readonly Issue[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.issues.length > 0 ? { issues: this.issues } : {}),
      ...(this.cause instanceof Error ? { cause: this.cause.message } : {}),
    };
  }
}

/** Codes of {@link RuleSetError}. */
export type RuleSetErrorCode = 'invalid-rule-set' | 'read-failed' | 'duplicate-rule-set-id';

/**
 * A rule set was refused: `issues` holds every problem found (not only the first), each with its
 * JSON pointer.
 *
 * @example
 * try { compileRuleSet(json) } catch (e) {
 *   if (e instanceof RuleSetError) for (const i of e.issues) console.error(i.path, i.code, i.message);
 * }
 */
export class RuleSetError extends CoreError<RuleSetErrorCode, RuleSetIssue> {
  override readonly name = 'RuleSetError';
}

/** Codes of {@link EvaluationError}. */
export type EvaluationErrorCode = 'engine-unavailable' | 'sync-unsupported' | 'invalid-consignment' | 'internal';

/**
 * Scoring failed for a reason that is not in the data: an engine that cannot run, or a synchronous
 * call on an engine that only answers asynchronously.
 *
 * @example
 * try { scorer.score(c) } catch (e) { if (e instanceof EvaluationError && e.code === 'sync-unsupported') await scorer.scoreAsync(c) }
 */
export class EvaluationError extends CoreError<EvaluationErrorCode> {
  override readonly name = 'EvaluationError';
}
