import { readdirSync, readFileSync } from 'node:fs';
import type { Transport } from '@cargorisk/manifest';
import { ConsignmentSchema, TransportSchema } from '@cargorisk/manifest';
import { describe, expect, test } from 'vitest';
import { compileRuleSet } from '../../src/compile/compile-rule-set.js';
import { createScorer } from '../../src/score/create-scorer.js';

/*
 * The shared case suite: every `*.cases.json` file in this folder holds one rule set (or several,
 * scored together) and consignments with the hits, score, channel and (optionally) actions the
 * contract gives them. The same files run on the reference engine (reference-cases.test.ts) and on
 * the compiled engine (compiled-cases.test.ts): one suite, two engines.
 *
 * A case's consignment may leave out `kind` (direct), `goods` ([]) and `source`; it is parsed with
 * the manifest's schema, so a case cannot hold a consignment a reader would not produce. A hit is
 * named by its rule id, or `ruleSet/rule` when the file scores several rule sets.
 */

interface CaseFile {
  description?: string;
  ruleSet?: unknown;
  ruleSets?: unknown[];
  /** Scorer options for every case of the file. */
  seed?: string;
  cases: {
    name: string;
    /** The scorer's clock for this case (ISO date-time). */
    now?: string;
    transport?: unknown;
    consignment: Record<string, unknown>;
    expect: { hits: string[]; score: number; channel: string; actions?: string[] };
  }[];
}

/** A fixed clock for cases that do not name one, so no case depends on the day it runs. */
const DEFAULT_NOW = '2026-11-30T12:00:00Z';

const folder = new URL('./', import.meta.url);

export function caseFiles(): { name: string; file: CaseFile }[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.cases.json'))
    .sort()
    .map((name) => ({ name, file: JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as CaseFile }));
}

/** Registers the whole suite, run on one engine. */
export function defineCaseSuite(engine: 'reference' | 'compiled'): void {
  const files = caseFiles();

  test('the suite is not empty', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const { name, file } of files) {
    describe(`${name} (${engine})`, () => {
      const ruleSets = (file.ruleSets ?? [file.ruleSet]).map((json) => compileRuleSet(json));
      const qualified = ruleSets.length > 1;
      for (const c of file.cases) {
        test(c.name, async () => {
          const scorer = createScorer(ruleSets, {
            engine,
            now: new Date(c.now ?? DEFAULT_NOW),
            ...(file.seed === undefined ? {} : { seed: file.seed }),
          });
          const consignment = ConsignmentSchema.parse({
            kind: 'direct',
            goods: [],
            source: { format: 'json' },
            ...c.consignment,
          });
          const transport: Transport | undefined =
            c.transport === undefined ? undefined : TransportSchema.parse(c.transport);
          const a = await scorer.scoreAsync(consignment, transport === undefined ? {} : { transport });
          const got = {
            hits: a.hits.map((h) => (qualified ? `${h.ruleSet}/${h.rule}` : h.rule)),
            score: a.score,
            channel: a.channel,
            ...(c.expect.actions === undefined ? {} : { actions: a.actions }),
          };
          expect(got).toEqual(c.expect);
        });
      }
    });
  }
}
