import type { Consignment } from '@cargorisk/manifest';
import type { CompiledRuleSet } from '../compile/compile-rule-set.js';
import { createCompiledEvaluator } from '../compile/compiled-engine.js';
import { EvaluationError, RuleSetError } from '../errors.js';
import { createReferenceEvaluator } from '../reference/reference-evaluator.js';
import { type Assessment, assembleAssessment, createAssembler, type EvaluationContext } from './assessment.js';
import { DEFAULT_SEED } from './random-selection.js';

/** Options of {@link createScorer}. */
export interface ScorerOptions {
  /**
   * `compiled`: the indexed evaluator (synchronous, fast). `reference`: json-rules-engine, which defines
   * the meaning (asynchronous only, slow).
   * @default "compiled"
   */
  readonly engine?: 'compiled' | 'reference';
  /**
   * Build evidence for every hit (what fact, value and list item made it fire).
   * @default false
   */
  readonly explain?: boolean;
  /**
   * Seed of random selection; an auditor replays a selection from it and the consignment id.
   * @default "cargorisk"
   */
  readonly seed?: string;
  /**
   * The moment rule sets' `effective` dates are checked against.
   * @default the time of each call
   */
  readonly now?: Date;
}

/** Scores consignments against a fixed set of compiled rule sets. */
export interface Scorer {
  readonly engine: 'compiled' | 'reference';
  /** Assesses one consignment synchronously (compiled engine only). */
  score(c: Consignment, context?: EvaluationContext): Assessment;
  /** Assesses one consignment on either engine. */
  scoreAsync(c: Consignment, context?: EvaluationContext): Promise<Assessment>;
}

function checkIds(ruleSets: readonly CompiledRuleSet[]): void {
  const seen = new Set<string>();
  for (const rs of ruleSets) {
    if (seen.has(rs.id)) {
      throw new RuleSetError('duplicate-rule-set-id', `two rule sets have the id "${rs.id}"`, {
        issues: [
          {
            code: 'duplicate-rule-set-id',
            severity: 'error',
            message: `rule set id "${rs.id}" is loaded twice`,
            path: '/id',
          },
        ],
      });
    }
    seen.add(rs.id);
  }
}

/**
 * Creates a scorer over compiled rule sets. With the compiled engine (the default) every list of every rule
 * set becomes one shared index, built here once; `score` is then synchronous and its cost follows the
 * consignment, not the number of rules.
 *
 * @example
 * const scorer = createScorer([compileRuleSet(json)], { explain: true });
 * const assessment = scorer.score(consignment, { transport: manifest.transport });
 * console.log(assessment.channel, assessment.hits.map((h) => h.rule));
 */
export function createScorer(ruleSets: readonly CompiledRuleSet[], options: ScorerOptions = {}): Scorer {
  checkIds(ruleSets);
  const sets = Object.freeze([...ruleSets]);
  const engine = options.engine ?? 'compiled';
  const explain = options.explain === true;
  const assemble = { seed: options.seed ?? DEFAULT_SEED, ...(options.now === undefined ? {} : { now: options.now }) };
  if (engine === 'reference') {
    const evaluator = createReferenceEvaluator(sets, { explain, ...assemble });
    return Object.freeze({
      engine,
      score(): Assessment {
        throw new EvaluationError(
          'sync-unsupported',
          'the reference engine only scores asynchronously: use scoreAsync',
        );
      },
      async scoreAsync(c: Consignment, context?: EvaluationContext): Promise<Assessment> {
        const fired = await evaluator.evaluate(c, context);
        return assembleAssessment(sets, fired, c, assemble);
      },
    });
  }
  if (engine !== 'compiled') throw new EvaluationError('engine-unavailable', `unknown engine "${String(engine)}"`);
  const evaluator = createCompiledEvaluator(sets, { explain });
  const assembleFired = createAssembler(sets, assemble);
  const score = (c: Consignment, context?: EvaluationContext): Assessment => {
    let fired: ReturnType<typeof evaluator.evaluate>;
    try {
      fired = evaluator.evaluate(c, context?.transport);
    } catch (e) {
      throw new EvaluationError('invalid-consignment', `consignment ${String(c?.id)} could not be evaluated`, {
        cause: e,
      });
    }
    return assembleFired(fired, c);
  };
  return Object.freeze({
    engine,
    score,
    async scoreAsync(c: Consignment, context?: EvaluationContext): Promise<Assessment> {
      return score(c, context);
    },
  });
}
