export type { CompiledRuleSet, CompileOptions, SafeCompileResult } from './compile/compile-rule-set.js';
export { compileRuleSet, safeCompileRuleSet } from './compile/compile-rule-set.js';
export type {
  EvaluationErrorCode,
  RuleSetErrorCode,
  RuleSetIssue,
  RuleSetIssueCode,
} from './errors.js';
export { EvaluationError, RuleSetError } from './errors.js';
export type { FactContext } from './facts/consignment-facts.js';
export { consignmentFacts } from './facts/consignment-facts.js';
export type { FactInfo, FactScope, FactType } from './facts/fact-catalogue.js';
export { FACTS } from './facts/fact-catalogue.js';
export { itemFacts } from './facts/item-facts.js';
export { hsDescription, isHs2022Code } from './hs/hs-nomenclature.js';
export type {
  CompileRuleSetTextOptions,
  LoadRuleSetOptions,
  SafeLoadRuleSetResult,
} from './load/load-rule-set-file.js';
export {
  compileRuleSetText,
  loadRuleSetFile,
  safeCompileRuleSetText,
  safeLoadRuleSetFile,
} from './load/load-rule-set-file.js';
export type { CompiledPattern, PatternResult } from './pattern/compile-pattern.js';
export { compilePattern } from './pattern/compile-pattern.js';
export type { ReferenceEvaluator, ReferenceEvaluatorOptions } from './reference/reference-evaluator.js';
export { createReferenceEvaluator } from './reference/reference-evaluator.js';
export type {
  Action,
  Channel as RuleChannel,
  ConditionJson,
  EventParamsJson,
  FactConditionJson,
  ListJson,
  ListKind,
  Operator,
  RuleJson,
  RuleSetJson,
} from './ruleset/ruleset-schema.js';
export { ACTIONS, LIST_KINDS, OPERATORS, RuleSetSchema, ruleSetJsonSchema } from './ruleset/ruleset-schema.js';
export type { RuleSetValidation } from './ruleset/validate-ruleset.js';
export { validateRuleSet } from './ruleset/validate-ruleset.js';
export type {
  AssembleOptions,
  Assessment,
  Channel,
  EngineFactory,
  EngineOptions,
  EvaluationContext,
  Evaluator,
  Evidence,
  FiredRule,
  FiredRules,
  Hit,
} from './score/assessment.js';
export { assembleAssessment } from './score/assessment.js';
export type { Scorer, ScorerOptions } from './score/create-scorer.js';
export { createScorer } from './score/create-scorer.js';
export { DEFAULT_SEED, isRandomlySelected, randomDraw } from './score/random-selection.js';
export type { AssessedOutcome } from './testing/check-expectations.js';
export { checkExpectations } from './testing/check-expectations.js';
export type {
  RuleTestFile,
  RunRuleTestFileOptions,
  SafeLoadRuleTestFileResult,
} from './testing/load-rule-test-file.js';
export { loadRuleTestFile, runRuleTestFile, safeLoadRuleTestFile } from './testing/load-rule-test-file.js';
export type { RuleTestIssue } from './testing/prepare-rule-test-case.js';
export type { RuleTestErrorCode } from './testing/rule-test-error.js';
export { RuleTestError } from './testing/rule-test-error.js';
export type { RuleTestCase, RuleTestExpect, RuleTestSuite } from './testing/rule-test-suite.js';
export { RuleTestSuiteSchema, ruleTestJsonSchema } from './testing/rule-test-suite.js';
export type { RuleTestResult, RunRuleTestsOptions } from './testing/run-rule-tests.js';
export { runRuleTests } from './testing/run-rule-tests.js';
export { foldText } from './text/fold-text.js';
export { normalizePartyName } from './text/normalize-party-name.js';
