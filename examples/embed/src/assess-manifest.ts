import { createReadStream } from 'node:fs';
import { type Assessment, createScorer, loadRuleSetFile, type Scorer } from '@cargorisk/core';
import {
  type ManifestHeader,
  type ManifestParseError,
  type ParseIssue,
  type ParseStats,
  readConsignments,
  safeParseManifest,
} from '@cargorisk/manifest';
import { defaultPacks, loadPacks } from '@cargorisk/rules';

/**
 * One scorer for the life of the program: loading and compiling rule sets is the expensive part,
 * scoring a consignment is cheap. The shipped default packs, plus any rule-set files of your own.
 * A rule set that does not load throws RuleSetError, whose `issues` say where (file, line, column,
 * JSON pointer) and what.
 *
 * @example
 * const scorer = await createDefaultScorer(['rules/our-watch-list.json']);
 */
export async function createDefaultScorer(ownRuleSetFiles: readonly string[] = []): Promise<Scorer> {
  const packs = await loadPacks(defaultPacks);
  const own = await Promise.all(ownRuleSetFiles.map((file) => loadRuleSetFile(file)));
  return createScorer([...packs, ...own], { explain: true });
}

/** What assessing one manifest gives: every accepted consignment's assessment, and what was refused. */
export type ManifestOutcome =
  | { ok: true; manifestId: string; assessments: Assessment[]; issues: ParseIssue[]; stats: ParseStats }
  | { ok: false; error: ManifestParseError };

/**
 * Parses a manifest held in memory (any format cargorisk reads) and scores each consignment.
 * Record-level problems come back as issues beside the assessments; an input that cannot be read
 * at all comes back as `{ ok: false, error }` — nothing here throws for bad data.
 *
 * @example
 * const outcome = assessManifest(await readFile('voyage.edi'), scorer, 'voyage.edi');
 * if (!outcome.ok) console.error(outcome.error.code, outcome.error.location);
 */
export function assessManifest(bytes: Uint8Array, scorer: Scorer, sourceName?: string): ManifestOutcome {
  const parsed = safeParseManifest(bytes, sourceName === undefined ? {} : { sourceName });
  if (!parsed.success) return { ok: false, error: parsed.error };
  const { manifest, issues, stats } = parsed.data;
  // Facts such as transportMode and carrier live on the manifest, not the consignment.
  const context = manifest.transport === undefined ? {} : { transport: manifest.transport };
  const assessments = manifest.consignments.map((c) => scorer.score(c, context));
  return { ok: true, manifestId: manifest.id, assessments, issues, stats };
}

/** An event of {@link streamAssessments}. */
export type StreamedOutcome =
  | { type: 'assessment'; assessment: Assessment }
  | { type: 'issue'; issue: ParseIssue }
  | { type: 'end'; stats: ParseStats };

/**
 * Scores a manifest file of any size in constant memory: consignments are assessed as the reader
 * completes them. A file that cannot be read at all throws ManifestParseError (after yielding what
 * came before the fault, if anything did).
 *
 * @example
 * for await (const e of streamAssessments('big.ndjson', scorer)) if (e.type === 'assessment') publish(e.assessment);
 */
export async function* streamAssessments(path: string, scorer: Scorer): AsyncGenerator<StreamedOutcome> {
  let header: ManifestHeader | undefined;
  for await (const event of readConsignments(createReadStream(path), { sourceName: path })) {
    switch (event.type) {
      case 'header':
        header = event.header;
        break;
      case 'consignment': {
        const context = header?.transport === undefined ? {} : { transport: header.transport };
        yield { type: 'assessment', assessment: scorer.score(event.consignment, context) };
        for (const issue of event.warnings) yield { type: 'issue', issue };
        break;
      }
      case 'rejected':
        for (const issue of event.issues) yield { type: 'issue', issue };
        break;
      case 'issue':
        yield { type: 'issue', issue: event.issue };
        break;
      case 'end':
        yield { type: 'end', stats: event.stats };
        break;
    }
  }
}
