import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CompiledRuleSet, createScorer, loadRuleSetFile } from '@cargorisk/core';
import type { Consignment, ManifestHeader } from '@cargorisk/manifest';
import { defaultPacks, isPackName, loadPack, packNames } from '@cargorisk/rules';
import type { ScoreSettings } from '../commands/score-options.js';
import { UsageError } from '../errors.js';
import type { AssessmentView } from '../report/assessment-view.js';

/** A scorer ready for the command line, and the titles of its rule sets for the report. */
export interface Scoring {
  assess: (consignment: Consignment, header: ManifestHeader | undefined) => AssessmentView | Promise<AssessmentView>;
  titles: ReadonlyMap<string, string>;
  ruleSets: readonly CompiledRuleSet[];
}

/**
 * Loads the rule sets `--rules` names (pack ids or rule-set files; the default packs when none)
 * and builds one scorer over them. An argument that is neither a pack nor a file is a usage error;
 * a rule set that does not load throws RuleSetError with every issue located.
 */
export async function loadRuleSets(
  specs: readonly string[] | undefined,
  cwd: string,
  command: string,
): Promise<CompiledRuleSet[]> {
  const out: CompiledRuleSet[] = [];
  for (const spec of specs ?? defaultPacks) {
    if (isPackName(spec)) {
      out.push(await loadPack(spec));
      continue;
    }
    const path = resolve(cwd, spec);
    if (!existsSync(path)) {
      throw new UsageError(
        `--rules ${spec}: no pack has that id (packs: ${packNames.join(', ')}) and no such file exists`,
        command,
      );
    }
    out.push(await loadRuleSetFile(path));
  }
  return out;
}

/** The scorer behind `score`, `report` and the demo. */
export async function createScoring(
  settings: ScoreSettings,
  options: { explain: boolean; cwd: string; command: string },
): Promise<Scoring> {
  const ruleSets = await loadRuleSets(settings.rules, options.cwd, options.command);
  const scorer = createScorer(ruleSets, {
    engine: settings.engine,
    explain: options.explain,
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
  });
  const context = (header: ManifestHeader | undefined) =>
    header?.transport === undefined ? {} : { transport: header.transport };
  const assess: Scoring['assess'] =
    scorer.engine === 'compiled'
      ? (c, header) => scorer.score(c, context(header))
      : (c, header) => scorer.scoreAsync(c, context(header));
  return { assess, titles: new Map(ruleSets.map((r) => [r.id, r.title])), ruleSets };
}
