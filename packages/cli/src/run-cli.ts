import { UsageError } from './errors.js';
import { type CliIo, OutputClosedError } from './io.js';

export const TOP_USAGE = `Usage: cargorisk <command> [options]

Commands:
  parse <file…|->           read manifests into the canonical model (JSON or NDJSON)
  score <file…|->           assess every consignment with the rule sets; list those to examine
  report <file…|-> -o F     the HTML targeting report from assessments or manifests
  rules check <file…>       load rule-set files and print every problem with file:line:column
  rules test <ruleset…>     run rule unit tests (fixture consignments and what each must get)
  generate --out FILE       write a synthetic manifest with planted targets
  -h, --help                this help; \`cargorisk <command> --help\` for a command's
  --version                 the version

Exit status: 0 success; 1 findings or validation failures (see each command); 2 usage error.`;

const RULES_USAGE = `Usage: cargorisk rules <check|test> …

  rules check <ruleset.json…>                 every problem of each rule set, with file:line:column
  rules test <ruleset|pack…> [--fixtures DIR]  run the rule sets' test cases

\`cargorisk rules check --help\` and \`cargorisk rules test --help\` say more.`;

interface Command {
  usage: string;
  run: (argv: readonly string[], io: CliIo) => Promise<number>;
}

// Each command is loaded when it runs: `parse` need not load the rule engine and its packs.
const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => {
    const m = await import('./commands/parse-command.js');
    return { usage: m.PARSE_USAGE, run: m.parseCommand };
  },
  score: async () => {
    const m = await import('./commands/score-command.js');
    return { usage: m.SCORE_USAGE, run: m.scoreCommand };
  },
  report: async () => {
    const m = await import('./commands/report-command.js');
    return { usage: m.REPORT_USAGE, run: m.reportCommand };
  },
  generate: async () => {
    const m = await import('./commands/generate-command.js');
    return { usage: m.GENERATE_USAGE, run: m.generateCommand };
  },
  'rules test': async () => {
    const m = await import('./commands/rules-test-command.js');
    return { usage: m.RULES_TEST_USAGE, run: m.rulesTestCommand };
  },
  'rules check': async () => {
    const m = await import('./commands/rules-check-command.js');
    return { usage: m.RULES_CHECK_USAGE, run: m.rulesCheckCommand };
  },
};

async function usageOf(command: string | undefined): Promise<string> {
  if (command === 'rules') return RULES_USAGE;
  const load = command === undefined ? undefined : COMMANDS[command];
  return load === undefined ? TOP_USAGE : (await load()).usage;
}

/**
 * Runs one `cargorisk` command line and resolves to its exit status; never calls process.exit,
 * so tests and other programs can run it in-process.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let name = argv[0];
  let rest = argv.slice(1);
  // `rules check` and `rules test` are one command each, named by two words.
  if (name === 'rules' && rest[0] !== undefined && !rest[0].startsWith('-')) {
    name = `rules ${rest[0]}`;
    rest = rest.slice(1);
  }
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      const topic = name === 'help' && rest.length > 0 ? rest.join(' ') : undefined;
      if (topic !== undefined && COMMANDS[topic] === undefined && topic !== 'rules') {
        throw new UsageError(`unknown command "${topic}"`);
      }
      (name === undefined ? io.stderr : io.stdout).write(`${await usageOf(topic)}\n`);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${await version()}\n`);
      return 0;
    }
    if (name === 'rules') {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout.write(`${RULES_USAGE}\n`);
        return 0;
      }
      throw new UsageError('name a rules command: check or test', 'rules');
    }
    const load = COMMANDS[name];
    if (load === undefined) {
      throw new UsageError(`unknown command "${name}"`, name.startsWith('rules ') ? 'rules' : undefined);
    }
    return await (await load()).run(rest, io);
  } catch (error) {
    if (error instanceof OutputClosedError) return 0; // the reader of the output went away: nothing to say
    if (error instanceof UsageError) {
      io.stderr.write(`cargorisk: ${error.message}\n\n${await usageOf(error.command)}\n`);
      return 2;
    }
    const known = await describeKnownError(error, name, io.cwd);
    if (known !== undefined) {
      io.stderr.write(`${known}\n\n${await usageOf(name)}\n`);
      return 1;
    }
    io.stderr.write(
      `cargorisk: unexpected failure (a bug; please report it with this trace)\n${(error as Error)?.stack ?? String(error)}\n`,
    );
    return 2;
  }
}

/** The message of an error that is about the data or the rule sets (exit 1), or undefined for a bug. */
async function describeKnownError(
  error: unknown,
  command: string | undefined,
  cwd: string,
): Promise<string | undefined> {
  const [{ RuleSetError }, { ManifestParseError }, { PackError }, { formatRuleSetIssue }] = await Promise.all([
    import('@cargorisk/core'),
    import('@cargorisk/manifest'),
    import('@cargorisk/rules'),
    import('./commands/rules-check-command.js'),
  ]);
  if (error instanceof RuleSetError) {
    // Every problem, located, as `rules check` prints them.
    const lines = error.issues.map((issue) => `\n  ${formatRuleSetIssue(command ?? 'rule set', issue, cwd)}`);
    return `cargorisk: ${error.code}: ${error.message}${lines.join('')}`;
  }
  if (error instanceof ManifestParseError || error instanceof PackError)
    return `cargorisk: ${error.code}: ${error.message}`;
  return undefined;
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
