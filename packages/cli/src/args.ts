import { statSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs<T extends Options> {
  values: {
    [K in keyof T]?: T[K] extends { type: 'boolean' } ? boolean : T[K] extends { multiple: true } ? string[] : string;
  } & { help?: boolean };
  positionals: string[];
}

/**
 * node:util's parseArgs, strict, with its errors turned into UsageErrors naming the command, so an
 * unknown option or a missing value exits 2 with the command's usage.
 */
export function parseCommandArgs<T extends Options>(
  command: string,
  argv: readonly string[],
  options: T,
): ParsedArgs<T> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs<T>['values'], positionals };
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error);
    throw new UsageError(message, command, { cause: error });
  }
}

/** The one value of an option that admits a fixed set, or a UsageError naming the set. */
export function oneOf<const V extends string>(
  command: string,
  option: string,
  value: string | undefined,
  allowed: readonly V[],
  fallback: V,
): V {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as V;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`, command);
}

/** A positive integer option, or a UsageError. */
export function positiveInt(command: string, option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${option} must be a positive integer (got "${value}")`, command);
  }
  return Number(value);
}

/** The absolute path of an output file, or a UsageError when its folder does not exist. */
export function outputPath(command: string, option: string, value: string, cwd: string): string {
  const path = resolvePath(cwd, value);
  let folder: ReturnType<typeof statSync> | undefined;
  try {
    folder = statSync(dirname(path));
  } catch {
    folder = undefined;
  }
  if (folder === undefined || !folder.isDirectory()) {
    throw new UsageError(`${option} ${value}: the folder ${dirname(value) || '.'} does not exist`, command);
  }
  return path;
}
