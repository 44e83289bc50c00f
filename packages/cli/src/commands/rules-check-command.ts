import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { type RuleSetIssue, safeLoadRuleSetFile } from '@cargorisk/core';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { type CliIo, TextSink } from '../io.js';
import { safeText } from '../output/terminal-text.js';

export const RULES_CHECK_USAGE = `Usage: cargorisk rules check <ruleset.json…> [--strict]

Loads each rule-set file (with its list files) as the scorer would and prints every problem,
one a line: file:line:column: severity code: message (JSON pointer). Warnings name HS codes
absent from HS 2022, items repeated across lists, rules that can never fire, and the like.

Options:
  --strict          count warnings as failures
  -h, --help        this help

Exit status: 0 every rule set loads (warnings allowed unless --strict); 1 a rule set is refused,
or has warnings with --strict; 2 usage error.`;

/** A path as the user would write it: relative to the working directory when inside it. */
export function shownPath(path: string, cwd: string | undefined): string {
  if (cwd === undefined || !isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** What a rule-set or rule-test issue carries: a code, a JSON pointer and, when known, its place in a file. */
export type LocatedIssue = Pick<RuleSetIssue, 'severity' | 'message' | 'path' | 'line' | 'column' | 'source'> & {
  readonly code: string;
};

/** `file:line:column: severity code: message (pointer)`, from whatever the issue knows. */
export function formatRuleSetIssue(file: string, issue: LocatedIssue, cwd?: string): string {
  const where = `${shownPath(issue.source ?? file, cwd)}${issue.line === undefined ? '' : `:${issue.line}:${issue.column ?? 1}`}`;
  return safeText(
    `${where}: ${issue.severity} ${issue.code}: ${issue.message} (${issue.path === '' ? '/' : issue.path})`,
  );
}

/** `cargorisk rules check`: every problem of every rule-set file, located. */
export async function rulesCheckCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('rules check', argv, { strict: { type: 'boolean' } });
  if (values.help) {
    io.stdout.write(`${RULES_CHECK_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name at least one rule-set file', 'rules check');
  for (const file of positionals) {
    if (!existsSync(resolve(io.cwd, file))) throw new UsageError(`cannot read ${file}: no such file`, 'rules check');
  }
  const out = new TextSink(io.stdout);
  let failed = 0;
  for (const file of positionals) {
    const result = await safeLoadRuleSetFile(resolve(io.cwd, file));
    const issues = result.success ? result.data.warnings : result.error.issues;
    for (const issue of issues) await out.write(`${formatRuleSetIssue(file, issue, io.cwd)}\n`);
    if (!result.success) {
      if (issues.length === 0)
        await out.write(`${safeText(file)}: error ${result.error.code}: ${safeText(result.error.message)}\n`);
      const errors = issues.filter((i) => i.severity === 'error').length;
      await out.write(
        `${safeText(file)}: refused, ${errors} error${errors === 1 ? '' : 's'}, ${issues.length - errors} warning${issues.length - errors === 1 ? '' : 's'}\n`,
      );
      failed++;
      continue;
    }
    const { data } = result;
    const warnings = data.warnings.length;
    if (warnings > 0 && values.strict === true) failed++;
    await out.write(
      `${safeText(file)}: ok, ${safeText(data.id)} ${safeText(data.version)}, ${data.json.rules.length} rules, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
    );
  }
  await out.flush();
  return failed > 0 ? 1 : 0;
}
