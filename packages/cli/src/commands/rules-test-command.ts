import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type CompiledRuleSet, loadRuleSetFile, RuleTestError, runRuleTestFile } from '@cargorisk/core';
import { isPackName, packFixturePaths, packNames, packPath } from '@cargorisk/rules';
import { oneOf, parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { type CliIo, TextSink } from '../io.js';
import { safeText } from '../output/terminal-text.js';
import { formatRuleSetIssue, shownPath } from './rules-check-command.js';

export const RULES_TEST_USAGE = `Usage: cargorisk rules test <ruleset.json|pack…> [--fixtures DIR] [--engine E] [--seed S]

Runs rule unit tests, as \`opa test\` does for policies: each test file holds consignments and
the hits, channel, actions or score each must get. Prints a line per case and, for a failed
case, what fell short.

By default each rule set's own tests run: the *.json files in the fixtures folder beside it
(for a pack id, the pack's fixtures), each against the rule sets it names (its "ruleSets",
../ruleset.json when absent). With --fixtures DIR, the *.json files in DIR run against all the
rule sets given, together.

Options:
  --fixtures DIR    the folder of test files to run against the given rule sets
  --engine E        compiled (default) or reference (json-rules-engine)
  --seed S          seed of the random selection  [default: cargorisk]
  -h, --help        this help

Exit status: 0 every case passed; 1 a case failed, a test file or rule set is invalid, or no
test was found; 2 usage error.`;

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** `cargorisk rules test`: every case of every test file, a line each. */
export async function rulesTestCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('rules test', argv, {
    fixtures: { type: 'string' },
    engine: { type: 'string' },
    seed: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(`${RULES_TEST_USAGE}\n`);
    return 0;
  }
  const engine = oneOf('rules test', 'engine', values.engine, ['compiled', 'reference'], 'compiled');
  if (positionals.length === 0) throw new UsageError('name at least one rule-set file or pack', 'rules test');
  const targets = positionals.map((spec) => {
    if (isPackName(spec)) return { spec, path: packPath(spec), fixtures: () => packFixturePaths(spec) };
    const path = resolve(io.cwd, spec);
    if (!existsSync(path)) {
      throw new UsageError(
        `${spec}: no pack has that id (packs: ${packNames.join(', ')}) and no such file`,
        'rules test',
      );
    }
    const folder = join(dirname(path), 'fixtures');
    return { spec, path, fixtures: () => (existsSync(folder) ? jsonFiles(folder) : []) };
  });
  let fixturesDir: string | undefined;
  if (values.fixtures !== undefined) {
    fixturesDir = resolve(io.cwd, values.fixtures);
    if (!existsSync(fixturesDir) || !statSync(fixturesDir).isDirectory()) {
      throw new UsageError(`--fixtures ${values.fixtures}: no such folder`, 'rules test');
    }
  }

  const out = new TextSink(io.stdout);
  const show = (path: string) => shownPath(path, io.cwd);
  // Every rule set must load before anything runs: a broken one is reported like `rules check` does.
  const ruleSets: CompiledRuleSet[] = [];
  for (const target of targets) ruleSets.push(await loadRuleSetFile(target.path));

  const runs: { file: string; ruleSets?: readonly CompiledRuleSet[] }[] =
    fixturesDir === undefined
      ? targets.flatMap((t) => t.fixtures().map((file) => ({ file })))
      : jsonFiles(fixturesDir).map((file) => ({ file, ruleSets }));
  if (runs.length === 0) {
    await out.write(
      `no rule tests found (looked in ${fixturesDir === undefined ? "each rule set's fixtures folder" : show(fixturesDir)})\n`,
    );
    await out.flush();
    return 1;
  }

  let passed = 0;
  let failed = 0;
  let brokenFiles = 0;
  for (const run of runs) {
    await out.write(`${safeText(show(run.file))}\n`);
    let results: Awaited<ReturnType<typeof runRuleTestFile>>['results'];
    try {
      ({ results } = await runRuleTestFile(run.file, {
        engine,
        ...(values.seed === undefined ? {} : { seed: values.seed }),
        ...(run.ruleSets === undefined ? {} : { ruleSets: run.ruleSets }),
      }));
    } catch (error) {
      if (!(error instanceof RuleTestError)) throw error;
      brokenFiles++;
      for (const issue of error.issues) await out.write(`  ${formatRuleSetIssue(run.file, issue, io.cwd)}\n`);
      if (error.issues.length === 0) await out.write(`  error ${error.code}: ${safeText(error.message)}\n`);
      continue;
    }
    for (const result of results) {
      if (result.passed) passed++;
      else failed++;
      await out.write(`  ${result.passed ? 'ok  ' : 'FAIL'}  ${safeText(result.name)}\n`);
      for (const failure of result.failures) await out.write(`          ${safeText(failure)}\n`);
      for (const issue of result.issues)
        await out.write(`          ${issue.severity} ${issue.code} ${issue.path}: ${safeText(issue.message)}\n`);
    }
  }
  const broken = brokenFiles === 0 ? '' : `, ${brokenFiles} invalid test file${brokenFiles === 1 ? '' : 's'}`;
  await out.write(
    `\n${passed} passed, ${failed} failed${broken} (${runs.length} file${runs.length === 1 ? '' : 's'}, ${engine} engine)\n`,
  );
  await out.flush();
  return failed > 0 || brokenFiles > 0 ? 1 : 0;
}
