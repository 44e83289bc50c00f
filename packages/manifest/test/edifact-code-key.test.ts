import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeKey, codeKeyOfBytes, keyedSet, keyedTable } from '../src/edifact/code-key.js';

describe('code keys', () => {
  const code = fc.stringMatching(/^[\x00-\x7f]{1,4}$/);

  it('gives two codes the same key only when they are the same code, and a small integer', () => {
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(codeKey(a) === codeKey(b)).toBe(a === b);
        expect(Number.isInteger(codeKey(a)) && codeKey(a) >= 0 && codeKey(a) < 2 ** 30).toBe(true);
      }),
    );
  });

  it('reads the same key from the bytes as from the text', () => {
    fc.assert(
      fc.property(code, (c) => {
        const bytes = Buffer.concat([Buffer.from('+'), Buffer.from(c, 'latin1'), Buffer.from("'")]);
        expect(codeKeyOfBytes(bytes, 1, bytes.length - 1)).toBe(codeKey(c));
      }),
    );
  });

  it('has no key for an empty, long or non-ASCII code', () => {
    expect(codeKey('')).toBe(-1);
    expect(codeKey('ABCDE')).toBe(-1);
    expect(codeKey('É')).toBe(-1);
    expect(codeKeyOfBytes(Buffer.from([0xc9]), 0, 1)).toBe(-1);
    expect(codeKeyOfBytes(Buffer.from('ABCDE'), 0, 5)).toBe(-1);
  });

  it('keys a code list, and refuses one with a code that cannot have a key', () => {
    const table = keyedTable({ AAE: 'a', '9': 'b' });
    expect(table.get(codeKey('AAE'))).toBe('a');
    expect(table.get(codeKey('9'))).toBe('b');
    expect(table.get(codeKey('AA'))).toBeUndefined();
    expect(keyedSet(new Set(['CN'])).has(codeKey('CN'))).toBe(true);
    expect(() => keyedTable({ TOOLONG: 1 })).toThrow(/one to four ASCII/);
  });
});
