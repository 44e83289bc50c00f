import { readFile, stat } from 'node:fs/promises';
import type { CompiledRuleSet, CompileOptions } from '../compile/compile-rule-set.js';
import { compileRuleSet } from '../compile/compile-rule-set.js';
import type { RuleSetIssue } from '../errors.js';
import { RuleSetError } from '../errors.js';
import type { TextPosition } from './parse-json-with-positions.js';
import { escapePointerToken, JsonSyntaxError, parseJsonWithPositions } from './parse-json-with-positions.js';
import { ListFileError, parseListFile, readListFile } from './read-list-file.js';

/*
 * The loader is what a rule author meets: it reads a rule-set file, merges its list files and
 * compiles it, and every problem it reports names the file, line and column of the value at fault,
 * so an editor or the command line can jump to it. Validation itself is compileRuleSet's job; the
 * loader only adds positions, by the JSON pointer each issue already carries.
 */

/** Options of {@link loadRuleSetFile}: those of `compileRuleSet`, and a size limit. */
export type LoadRuleSetOptions = CompileOptions & {
  /**
   * A rule-set file larger than this is refused before it is read.
   * @default 16 MiB
   */
  maxBytes?: number;
};

/** Options of {@link compileRuleSetText}. */
export type CompileRuleSetTextOptions = CompileOptions & {
  /** Named in every issue's `source` (a file name, an editor buffer). */
  sourceName?: string;
};

export type SafeLoadRuleSetResult = { success: true; data: CompiledRuleSet } | { success: false; error: RuleSetError };

const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** Where each value of a rule set came from: the rule-set file, or a line of a list file. */
interface Located extends TextPosition {
  source: string | undefined;
}

/**
 * Reads, merges and compiles a rule-set file. List files (`lists.*.file`) are read relative to the
 * rule-set file and their items added to the list's `items`. Every issue of the `RuleSetError` it
 * throws carries `source`, `line` and `column` beside its JSON pointer.
 *
 * @example
 * try {
 *   const ruleSet = await loadRuleSetFile('rules/global-shield.json');
 * } catch (e) {
 *   if (e instanceof RuleSetError) for (const i of e.issues) console.error(`${i.source}:${i.line}:${i.column} ${i.message}`);
 * }
 */
export async function loadRuleSetFile(path: string, options: LoadRuleSetOptions = {}): Promise<CompiledRuleSet> {
  const { maxBytes = DEFAULT_MAX_BYTES, ...compileOptions } = options;
  let text: string;
  try {
    const info = await stat(path);
    if (info.size > maxBytes) {
      throw new RuleSetError('read-failed', `${path} is ${info.size} bytes, over the ${maxBytes} byte limit`);
    }
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch (cause) {
    if (cause instanceof RuleSetError) throw cause;
    throw new RuleSetError('read-failed', `cannot read rule set ${path}: ${(cause as Error).message}`, { cause });
  }
  const { value, located } = parseLocated(text, path);
  const listIssues = await mergeListFiles(value, path, located);
  return compileLocated(value, located, path, compileOptions as CompileOptions, listIssues);
}

/**
 * {@link loadRuleSetFile} that returns its failure instead of throwing it.
 *
 * @example
 * const r = await safeLoadRuleSetFile('rules/salw.json');
 * if (!r.success) console.error(r.error.issues);
 */
export async function safeLoadRuleSetFile(
  path: string,
  options: LoadRuleSetOptions = {},
): Promise<SafeLoadRuleSetResult> {
  try {
    return { success: true, data: await loadRuleSetFile(path, options) };
  } catch (error) {
    if (error instanceof RuleSetError) return { success: false, error };
    throw error;
  }
}

/**
 * Compiles a rule set from its JSON text (an editor buffer, a request body), with line and column
 * in every issue. List files cannot be read from a text: a list with `file` is reported.
 *
 * @example
 * const ruleSet = compileRuleSetText(buffer, { sourceName: 'untitled.json' });
 */
export function compileRuleSetText(text: string, options: CompileRuleSetTextOptions = {}): CompiledRuleSet {
  const { sourceName, ...compileOptions } = options;
  const { value, located } = parseLocated(text, sourceName);
  const issues: RuleSetIssue[] = [];
  for (const { name, file } of listFiles(value)) {
    issues.push({
      code: 'list-file',
      severity: 'error',
      message: `list "${name}" names the file "${file}", which only loadRuleSetFile can read`,
      path: `/lists/${escapePointerToken(name)}/file`,
    });
  }
  return compileLocated(value, located, sourceName, compileOptions as CompileOptions, issues);
}

/**
 * {@link compileRuleSetText} that returns its failure instead of throwing it.
 *
 * @example
 * const r = safeCompileRuleSetText(buffer, { sourceName: 'untitled.json' });
 */
export function safeCompileRuleSetText(text: string, options: CompileRuleSetTextOptions = {}): SafeLoadRuleSetResult {
  try {
    return { success: true, data: compileRuleSetText(text, options) };
  } catch (error) {
    if (error instanceof RuleSetError) return { success: false, error };
    throw error;
  }
}

// Issues about a key itself (not its value) are placed on the key.
const KEY_ISSUES: ReadonlySet<string> = new Set(['unknown-key', 'forbidden-key']);

function parseLocated(text: string, source: string | undefined): { value: unknown; located: Map<string, Located> } {
  try {
    const { value, positions, keys } = parseJsonWithPositions(text);
    const located = new Map<string, Located>();
    for (const [pointer, position] of positions) located.set(pointer, { ...position, source });
    for (const [pointer, position] of keys) located.set(`key:${pointer}`, { ...position, source });
    return { value, located };
  } catch (cause) {
    if (!(cause instanceof JsonSyntaxError)) throw cause;
    const issue: RuleSetIssue = cause.toIssue(source);
    throw new RuleSetError(
      'invalid-rule-set',
      `${source ?? 'rule set'}:${cause.line}:${cause.column}: ${issue.message}`,
      { issues: [issue], cause },
    );
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function listFiles(ruleSet: unknown): { name: string; list: Record<string, unknown>; file: string }[] {
  if (!isRecord(ruleSet) || !isRecord(ruleSet.lists)) return [];
  const out: { name: string; list: Record<string, unknown>; file: string }[] = [];
  for (const name of Object.keys(ruleSet.lists)) {
    const list = ruleSet.lists[name];
    if (isRecord(list) && typeof list.file === 'string') out.push({ name, list, file: list.file });
  }
  return out;
}

// Appends each list file's items to its list, and records where each appended item came from so an
// issue about `/lists/x/items/812` points at the line of the list file, not at the rule set.
async function mergeListFiles(
  ruleSet: unknown,
  ruleSetPath: string,
  located: Map<string, Located>,
): Promise<RuleSetIssue[]> {
  const issues: RuleSetIssue[] = [];
  for (const { name, list, file } of listFiles(ruleSet)) {
    const pointer = `/lists/${escapePointerToken(name)}`;
    let read: { path: string; text: string };
    try {
      read = await readListFile(ruleSetPath, file);
    } catch (cause) {
      if (!(cause instanceof ListFileError)) throw cause;
      issues.push({ code: 'list-file', severity: 'error', message: cause.message, path: `${pointer}/file` });
      continue;
    }
    if (!Array.isArray(list.items)) continue; // the validator reports the missing or broken `items`
    const items = list.items as unknown[];
    for (const entry of parseListFile(read.text)) {
      located.set(`${pointer}/items/${items.length}`, { line: entry.line, column: entry.column, source: read.path });
      items.push(entry.item);
    }
  }
  return issues;
}

function compileLocated(
  value: unknown,
  located: Map<string, Located>,
  source: string | undefined,
  options: CompileOptions,
  earlier: readonly RuleSetIssue[],
): CompiledRuleSet {
  const place = (issue: RuleSetIssue): RuleSetIssue => {
    const at =
      (KEY_ISSUES.has(issue.code) ? located.get(`key:${issue.path}`) : undefined) ?? locate(located, issue.path);
    if (at === undefined) return issue;
    const where = at.source ?? source;
    return {
      ...issue,
      line: at.line,
      column: at.column,
      ...(where === undefined ? {} : { source: where }),
    };
  };
  let compiled: CompiledRuleSet;
  try {
    compiled = compileRuleSet(value, options);
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    const issues = [...earlier, ...error.issues].map(place);
    throw new RuleSetError(error.code, describe(issues, source, error.message), { issues, cause: error });
  }
  if (earlier.length > 0) {
    const issues = [...earlier, ...compiled.warnings].map(place);
    throw new RuleSetError('invalid-rule-set', describe(issues, source, 'rule set refused'), { issues });
  }
  if (compiled.warnings.length === 0) return compiled;
  // The compiled rule set is frozen: a copy carries the warnings with their places (the symbol-keyed
  // program is an own property and is copied with them).
  return Object.freeze({ ...compiled, warnings: Object.freeze(compiled.warnings.map(place)) });
}

function describe(issues: readonly RuleSetIssue[], source: string | undefined, fallback: string): string {
  const first = issues.find((i) => i.severity === 'error') ?? issues[0];
  if (first === undefined) return fallback;
  const where = `${first.source ?? source ?? 'rule set'}${first.line === undefined ? '' : `:${first.line}:${first.column}`}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where}: ${first.message}${more}`;
}

// The issue's own value if the file has it, else its nearest ancestor: a missing key is reported at
// the object that lacks it.
function locate(located: Map<string, Located>, pointer: string): Located | undefined {
  let p = pointer;
  for (;;) {
    const at = located.get(p);
    if (at !== undefined) return at;
    if (p === '') return undefined;
    const cut = p.lastIndexOf('/');
    p = cut <= 0 ? '' : p.slice(0, cut);
  }
}
