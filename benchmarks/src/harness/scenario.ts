import type { BenchResult } from './bench-result.js';

export interface ScenarioContext {
  quick: boolean;
  /** Rows the scenarios before this one produced (scaling reads the score rows). */
  earlier: readonly BenchResult[];
  /** Where results go (benchmarks/results). */
  resultsDir: string;
  /** The rule counts the score scenario runs (`--rules`), instead of its own. */
  rules?: readonly number[];
  log(message: string): void;
}

/** One benchmark file's entry point. */
export interface Scenario {
  name: BenchResult['scenario'];
  /** What the scenario measures, for the log. */
  title: string;
  run(ctx: ScenarioContext): Promise<BenchResult[]>;
}

/** Thrown when engines or readers that must agree do not: the run reports it and exits non-zero. */
export class EquivalenceError extends Error {
  readonly code = 'equivalence-failed';
  constructor(
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'EquivalenceError';
  }
  toJSON() {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/** A scenario (or one row of it) that cannot run in this build; the runner records `reason` as `skipped`. */
export class ScenarioSkip extends Error {
  readonly code = 'scenario-skipped';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ScenarioSkip';
  }
}
