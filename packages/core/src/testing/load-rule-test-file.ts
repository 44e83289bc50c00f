import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CompiledRuleSet } from '../compile/compile-rule-set.js';
import type { LoadRuleSetOptions } from '../load/load-rule-set-file.js';
import { loadRuleSetFile } from '../load/load-rule-set-file.js';
import type { TextPosition } from '../load/parse-json-with-positions.js';
import { escapePointerToken, JsonSyntaxError, parseJsonWithPositions } from '../load/parse-json-with-positions.js';
import { ListFileError, parseListFile, readListFile } from '../load/read-list-file.js';
import { prepareRuleTestCase, type RuleTestIssue } from './prepare-rule-test-case.js';
import { RuleTestError } from './rule-test-error.js';
import { type RuleTestSuite, RuleTestSuiteSchema } from './rule-test-suite.js';
import { type RuleTestResult, type RunRuleTestsOptions, runRuleTests } from './run-rule-tests.js';

/** A rule-test file that passed validation. */
export interface RuleTestFile {
  /** The file, as given. */
  readonly path: string;
  /** The suite, with list files of `lists` already read into arrays. */
  readonly suite: RuleTestSuite;
  /** The rule sets it tests, as absolute paths (`ruleSets`, or `../ruleset.json` beside a pack's fixtures). */
  readonly ruleSetPaths: string[];
  /** Doubts that do not stop the file from running (container numbers failing ISO 6346, …). */
  readonly warnings: RuleTestIssue[];
}

export type SafeLoadRuleTestFileResult =
  | { success: true; data: RuleTestFile }
  | { success: false; error: RuleTestError };

/** A rule-test file larger than this is refused: fixtures are written by people. */
const MAX_TEST_FILE_BYTES = 16 * 1024 * 1024;
const DEFAULT_RULE_SETS = ['../ruleset.json'];

/** The position of the value at `pointer`, or of its nearest ancestor that has one. */
function positionOf(positions: Map<string, TextPosition>, pointer: string): TextPosition | undefined {
  let p = pointer;
  for (;;) {
    const found = positions.get(p);
    if (found !== undefined || p === '') return found;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/**
 * Reads and validates a rule-test file: its shape, every case's consignment (as a reader would check
 * it, so a bad fixture is reported with its pointer, line and column), and the list files it names.
 *
 * @example
 * const file = await loadRuleTestFile('packages/rules/packs/pegasus/fixtures/free-zone.json');
 * console.log(file.suite.cases.length, file.ruleSetPaths);
 */
export async function loadRuleTestFile(path: string): Promise<RuleTestFile> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.size > MAX_TEST_FILE_BYTES) {
      throw new RuleTestError(
        'read-failed',
        `${path} is ${info.size} bytes, over the ${MAX_TEST_FILE_BYTES} byte limit`,
      );
    }
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch (cause) {
    if (cause instanceof RuleTestError) throw cause;
    throw new RuleTestError('read-failed', `cannot read rule-test file ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }

  let value: unknown;
  let positions: Map<string, TextPosition>;
  try {
    ({ value, positions } = parseJsonWithPositions(text));
  } catch (cause) {
    if (!(cause instanceof JsonSyntaxError)) throw cause;
    const issue: RuleTestIssue = cause.toIssue(path);
    throw new RuleTestError('invalid-test-file', `${path}:${cause.line}:${cause.column}: ${issue.message}`, {
      issues: [issue],
      cause,
    });
  }
  const place = (issue: RuleTestIssue): RuleTestIssue => {
    const at = positionOf(positions, issue.path);
    return at === undefined ? { ...issue, source: path } : { ...issue, source: path, line: at.line, column: at.column };
  };

  // A key that names a prototype would be turned into one by the schema's record parsing and vanish; it
  // is refused here, while it is still data, with its place in the file.
  const forbidden = forbiddenKeys(value, '').map((pointer) =>
    place({
      code: 'forbidden-key',
      severity: 'error',
      message: `${pointer}: the key "${pointer.slice(pointer.lastIndexOf('/') + 1)}" is not allowed`,
      path: pointer,
    }),
  );
  if (forbidden.length > 0) throw fail(path, forbidden);

  const parsed = RuleTestSuiteSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) =>
      place({
        code: 'invalid-suite',
        severity: 'error',
        message: `${i.path.length === 0 ? 'file' : i.path.join('.')}: ${i.message}`,
        path: i.path.map((k) => `/${escapePointerToken(String(k))}`).join(''),
      }),
    );
    throw fail(path, issues);
  }
  const suite = parsed.data;

  const issues: RuleTestIssue[] = [];
  suite.cases.forEach((testCase, index) => {
    const prepared = prepareRuleTestCase(testCase, index);
    for (const issue of prepared.issues) issues.push(place(issue));
  });

  let lists: RuleTestSuite['lists'];
  if (suite.lists !== undefined) {
    lists = {};
    for (const [name, entry] of Object.entries(suite.lists)) {
      if (Array.isArray(entry)) {
        lists[name] = entry;
        continue;
      }
      const pointer = `/lists/${escapePointerToken(name)}/file`;
      try {
        const { text: listText } = await readListFile(path, entry.file);
        lists[name] = parseListFile(listText).map((i) => i.item);
      } catch (cause) {
        if (!(cause instanceof ListFileError)) throw cause;
        issues.push(place({ code: 'list-file', severity: 'error', message: cause.message, path: pointer }));
      }
    }
  }

  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw fail(path, issues);
  const folder = dirname(resolve(path));
  return {
    path,
    suite: lists === undefined ? suite : { ...suite, lists },
    ruleSetPaths: (suite.ruleSets ?? DEFAULT_RULE_SETS).map((p) => resolve(folder, p)),
    warnings: issues,
  };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Pointers of every object key that names a prototype, depth-first. */
function forbiddenKeys(value: unknown, pointer: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const out: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...forbiddenKeys(v, `${pointer}/${i}`));
    });
    return out;
  }
  for (const key of Object.keys(value)) {
    const here = `${pointer}/${escapePointerToken(key)}`;
    if (FORBIDDEN_KEYS.has(key)) out.push(here);
    else out.push(...forbiddenKeys((value as Record<string, unknown>)[key], here));
  }
  return out;
}

function fail(path: string, issues: RuleTestIssue[]): RuleTestError {
  const errors = issues.filter((i) => i.severity === 'error');
  const first = errors[0];
  const where = first?.line === undefined ? path : `${path}:${first.line}:${first.column}`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new RuleTestError('invalid-test-file', `${where}: ${first?.message ?? 'invalid rule-test file'}${more}`, {
    issues,
  });
}

/**
 * {@link loadRuleTestFile} that returns its failure instead of throwing it.
 *
 * @example
 * const r = await safeLoadRuleTestFile('fixtures/vague.json');
 * if (!r.success) for (const i of r.error.issues) console.error(i.line, i.column, i.message);
 */
export async function safeLoadRuleTestFile(path: string): Promise<SafeLoadRuleTestFileResult> {
  try {
    return { success: true, data: await loadRuleTestFile(path) };
  } catch (error) {
    if (error instanceof RuleTestError) return { success: false, error };
    throw error;
  }
}

/** Options of {@link runRuleTestFile}. */
export type RunRuleTestFileOptions = RunRuleTestsOptions & {
  /** The rule sets to test; by default those the file names, loaded with `loadRuleSetFile`. */
  readonly ruleSets?: readonly CompiledRuleSet[];
  /** Options for loading the rule sets the file names. */
  readonly load?: LoadRuleSetOptions;
};

/**
 * Loads a rule-test file, loads the rule sets it names (unless given) and runs its cases.
 *
 * @example
 * const { results } = await runRuleTestFile('packs/salw/fixtures/vague.json', { engine: 'reference' });
 * const failed = results.filter((r) => !r.passed);
 */
export async function runRuleTestFile(
  path: string,
  options: RunRuleTestFileOptions = {},
): Promise<{ file: RuleTestFile; results: RuleTestResult[] }> {
  const file = await loadRuleTestFile(path);
  const ruleSets =
    options.ruleSets ?? (await Promise.all(file.ruleSetPaths.map((p) => loadRuleSetFile(p, options.load))));
  const results = await runRuleTests(ruleSets, file.suite, options);
  return { file, results };
}
