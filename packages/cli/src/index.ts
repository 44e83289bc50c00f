export { UsageError } from './errors.js';
export type { CliIo } from './io.js';
export type { InputIssue, ListedAssessment, RuleCount, RunSummary, TallyOptions } from './report/assessment-tally.js';
export { AssessmentTally } from './report/assessment-tally.js';
export type {
  AssessmentView,
  Channel,
  EvidenceView,
  HitView,
  RuleSetRef,
  SourceView,
} from './report/assessment-view.js';
export { toAssessmentView } from './report/assessment-view.js';
export type { ReportOptions } from './report/render-report.js';
export { renderReport } from './report/render-report.js';
export { runCli } from './run-cli.js';
