/*
 * List files let a rule author keep a long list (10,000 party names, every HS heading of a chapter)
 * out of the rule-set JSON, one item per line. They are read relative to the rule-set file and may
 * not reach outside its folder: a rule set copied from elsewhere must not read arbitrary files.
 */

import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** One item of a list file and the line it came from (1-based). */
export interface ListFileItem {
  item: string;
  line: number;
  column: number;
}

/** A list file larger than this is refused: list files are edited by people, not generated dumps. */
export const MAX_LIST_FILE_BYTES = 32 * 1024 * 1024;

/**
 * Splits a list file into items: one per line, surrounding blanks trimmed, blank lines skipped.
 * A `#` at the start of a line or after a blank starts a comment running to the end of the line
 * (`310230  # ammonium nitrate`); a `#` inside a word is part of the item (`UNIT#2` is kept whole).
 */
export function parseListFile(text: string): ListFileItem[] {
  const out: ListFileItem[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let n = 0; n < lines.length; n++) {
    let raw = lines[n] ?? '';
    if (n === 0 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    const comment = raw.search(/(?:^|\s)#/);
    const content = comment === -1 ? raw : raw.slice(0, comment);
    const item = content.trim();
    if (item === '') continue;
    out.push({ item, line: n + 1, column: content.indexOf(item) + 1 });
  }
  return out;
}

/** Why a list file could not be read; the caller turns it into a `list-file` issue. */
export class ListFileError extends Error {
  override readonly name = 'ListFileError';
}

/**
 * Resolves `file` against the rule-set file's folder and reads it, refusing absolute paths, paths
 * that climb out of the folder (also through a symbolic link) and files over the size limit.
 */
export async function readListFile(ruleSetPath: string, file: string): Promise<{ path: string; text: string }> {
  if (file === '' || isAbsolute(file) || /^[a-zA-Z]:/.test(file)) {
    throw new ListFileError(`list file "${file}" must be a path relative to the rule-set file`);
  }
  const folder = resolve(dirname(ruleSetPath));
  const target = resolve(folder, file);
  if (!isInside(folder, target)) {
    throw new ListFileError(`list file "${file}" is outside the rule set's folder`);
  }
  let real: string;
  let realFolder: string;
  try {
    [real, realFolder] = await Promise.all([realpath(target), realpath(folder)]);
  } catch (cause) {
    throw new ListFileError(`list file "${file}" cannot be read: ${(cause as Error).message}`, { cause });
  }
  if (!isInside(realFolder, real)) {
    throw new ListFileError(`list file "${file}" leads outside the rule set's folder`);
  }
  try {
    const info = await stat(real);
    if (!info.isFile()) throw new ListFileError(`list file "${file}" is not a file`);
    if (info.size > MAX_LIST_FILE_BYTES) {
      throw new ListFileError(`list file "${file}" is ${info.size} bytes, over the ${MAX_LIST_FILE_BYTES} limit`);
    }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(real));
    return { path: target, text };
  } catch (cause) {
    if (cause instanceof ListFileError) throw cause;
    throw new ListFileError(`list file "${file}" cannot be read: ${(cause as Error).message}`, { cause });
  }
}

function isInside(folder: string, target: string): boolean {
  const rel = relative(folder, target);
  return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}
