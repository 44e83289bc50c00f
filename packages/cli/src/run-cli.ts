import { ManifestParseError } from '@cargorisk/manifest';
import { PARSE_USAGE, parseCommand } from './commands/parse-command.js';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';

export const TOP_USAGE = `Usage: cargorisk <command> [options]

Commands:
  parse <file…|->           read manifests into the canonical model (JSON or NDJSON)
  -h, --help                this help; \`cargorisk <command> --help\` for a command's
  --version                 the version

Exit status: 0 success; 1 findings or validation failures (see each command); 2 usage error.`;

interface Command {
  usage: string;
  run: (argv: readonly string[], io: CliIo) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  parse: { usage: PARSE_USAGE, run: parseCommand },
};

function usageOf(command: string | undefined): string {
  return (command === undefined ? undefined : COMMANDS[command]?.usage) ?? TOP_USAGE;
}

/** Errors that mean "the input or the rule set was wrong", printed without a stack. */
function isKnownError(error: unknown): error is Error & { code: string } {
  return error instanceof ManifestParseError;
}

/**
 * Runs one `cargorisk` command line and resolves to its exit status; never calls process.exit,
 * so tests and other programs can run it in-process.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      if (topic !== undefined && COMMANDS[topic] === undefined) throw new UsageError(`unknown command "${topic}"`);
      (name === undefined ? io.stderr : io.stdout).write(`${usageOf(topic)}\n`);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${await version()}\n`);
      return 0;
    }
    const command = COMMANDS[name];
    if (command === undefined) throw new UsageError(`unknown command "${name}"`);
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cargorisk: ${error.message}\n\n${usageOf(error.command)}\n`);
      return 2;
    }
    if (isKnownError(error)) {
      io.stderr.write(`cargorisk: ${error.code}: ${error.message}\n\n${usageOf(name)}\n`);
      return 1;
    }
    io.stderr.write(
      `cargorisk: unexpected failure (a bug; please report it with this trace)\n${(error as Error)?.stack ?? String(error)}\n`,
    );
    return 2;
  }
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
