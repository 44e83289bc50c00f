import type { Consignment, ManifestFormat, ManifestHeader, ParseIssue } from '@cargorisk/manifest';
import { type InputSource, readInputs } from '../input/read-inputs.js';
import type { ProgressBar } from '../output/progress-bar.js';
import type { AssessmentTally } from '../report/assessment-tally.js';
import type { AssessmentView } from '../report/assessment-view.js';
import { consignmentContext } from '../report/consignment-context.js';

/** Whatever turns a consignment into an assessment: the scorer, wrapped. */
export type Assess = (
  consignment: Consignment,
  header: ManifestHeader | undefined,
) => AssessmentView | Promise<AssessmentView>;

export interface AssessInputsOptions {
  format?: ManifestFormat | undefined;
  stdin: AsyncIterable<Uint8Array>;
  tally: AssessmentTally;
  /** Each assessment as it is made, for outputs that stream (NDJSON). */
  onAssessment?: (assessment: AssessmentView, input: string) => Promise<void> | void;
  /** Each issue as it is met, for stderr. */
  onIssue?: (input: string, issue: ParseIssue) => Promise<void> | void;
  progress?: ProgressBar | undefined;
}

/**
 * Reads every input, assesses every consignment and reports every refused one, keeping the
 * tally's counts honest: what was read is what was assessed plus what was refused.
 */
export async function assessInputs(
  sources: readonly InputSource[],
  assess: Assess,
  options: AssessInputsOptions,
): Promise<void> {
  const { tally } = options;
  let header: ManifestHeader | undefined;
  let rejectedHere = 0;
  const issue = async (input: string, i: ParseIssue) => {
    tally.addIssue(input, i);
    await options.onIssue?.(input, i);
  };
  for (const source of sources) tally.addInput(source.name);
  const readOptions = {
    stdin: options.stdin,
    ...(options.format === undefined ? {} : { format: options.format }),
    ...(options.progress === undefined ? {} : { onBytes: (n: number) => options.progress!.addBytes(n) }),
  };
  for await (const event of readInputs(sources, readOptions)) {
    switch (event.type) {
      case 'header':
        header = event.header;
        rejectedHere = 0;
        break;
      case 'consignment': {
        const assessment = await assess(event.consignment, header);
        tally.addAssessment(assessment, event.source, () => consignmentContext(event.consignment));
        await options.onAssessment?.(assessment, event.source);
        for (const w of event.warnings) await issue(event.source, w);
        options.progress?.tick();
        break;
      }
      case 'rejected':
        tally.addRejected();
        rejectedHere++;
        for (const i of event.issues) await issue(event.source, i);
        options.progress?.tick();
        break;
      case 'issue':
        await issue(event.source, event.issue);
        break;
      case 'failed': {
        const failure: ParseIssue = {
          code: event.error.code,
          severity: 'error',
          message: event.error.message,
          location: event.error.location,
        };
        tally.addFailedInput(event.source, failure);
        await options.onIssue?.(event.source, failure);
        header = undefined;
        break;
      }
      case 'end':
        // A document read whole reports refused records only in its counts.
        if (event.stats.rejected > rejectedHere) tally.reconcileRejected(event.stats.rejected - rejectedHere);
        header = undefined;
        rejectedHere = 0;
        break;
    }
  }
}
