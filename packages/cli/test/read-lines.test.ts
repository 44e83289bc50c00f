import { describe, expect, it } from 'vitest';
import { readLines } from '../src/input/read-lines.js';

async function collect(chunks: string[], max?: number) {
  const out: unknown[] = [];
  const source = (async function* () {
    for (const c of chunks) yield Buffer.from(c);
  })();
  for await (const line of readLines(source, max)) out.push(line);
  return out;
}

describe('readLines', () => {
  it('splits lines across chunk boundaries, LF or CRLF, numbering them', async () => {
    expect(await collect(['ab', 'c\r\nd', 'e\n', 'f'])).toEqual([
      { text: 'abc', number: 1 },
      { text: 'de', number: 2 },
      { text: 'f', number: 3 },
    ]);
  });

  it('keeps a multi-byte character split between chunks', async () => {
    const bytes = Buffer.from('é\n');
    const source = (async function* () {
      yield bytes.subarray(0, 1);
      yield bytes.subarray(1);
    })();
    const lines = [];
    for await (const line of readLines(source)) lines.push(line);
    expect(lines).toEqual([{ text: 'é', number: 1 }]);
  });

  it('reports a line past the limit instead of holding it, and goes on', async () => {
    expect(await collect(['ok\n', 'x'.repeat(50), 'y'.repeat(50), '\nnext\n'], 64)).toEqual([
      { text: 'ok', number: 1 },
      { tooLong: true, number: 2 },
      { text: 'next', number: 3 },
    ]);
  });
});
