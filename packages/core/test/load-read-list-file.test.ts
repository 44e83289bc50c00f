import { describe, expect, test } from 'vitest';
import { parseListFile } from '../src/load/read-list-file.js';

describe('parseListFile', () => {
  test('one item per line, trimmed, with comments, blank lines, CRLF and a BOM', () => {
    const text = '\ufeff# header\r\n  310230  # ammonium nitrate\r\n\r\nACME #2 LTD\nUNIT#2\n\t#indented comment\nlast';
    expect(parseListFile(text)).toEqual([
      { item: '310230', line: 2, column: 3 },
      { item: 'ACME', line: 4, column: 1 },
      { item: 'UNIT#2', line: 5, column: 1 },
      { item: 'last', line: 7, column: 1 },
    ]);
  });

  test('an empty or comment-only file has no items', () => {
    expect(parseListFile('')).toEqual([]);
    expect(parseListFile('# nothing\n\n   \n')).toEqual([]);
  });
});
