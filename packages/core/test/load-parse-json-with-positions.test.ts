import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { JsonSyntaxError, parseJsonWithPositions } from '../src/load/parse-json-with-positions.js';

function syntaxError(text: string): JsonSyntaxError {
  try {
    parseJsonWithPositions(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
    throw e;
  }
  throw new Error(`no syntax error in ${JSON.stringify(text)}`);
}

describe('parseJsonWithPositions', () => {
  test('records the line and column of every value by JSON pointer', () => {
    const text = '{\n  "id": "x",\n  "rules": [\n    { "a/b": 1, "t~": [true, null] }\n  ]\n}';
    const { value, positions } = parseJsonWithPositions(text);
    expect(value).toEqual(JSON.parse(text));
    expect(positions.get('')).toEqual({ line: 1, column: 1 });
    expect(positions.get('/id')).toEqual({ line: 2, column: 9 });
    expect(positions.get('/rules')).toEqual({ line: 3, column: 12 });
    expect(positions.get('/rules/0')).toEqual({ line: 4, column: 5 });
    expect(positions.get('/rules/0/a~1b')).toEqual({ line: 4, column: 14 });
    expect(positions.get('/rules/0/t~0')).toEqual({ line: 4, column: 23 });
    expect(positions.get('/rules/0/t~0/1')).toEqual({ line: 4, column: 30 });
    const { keys } = parseJsonWithPositions(text);
    expect(keys.get('/rules/0/a~1b')).toEqual({ line: 4, column: 7 });
    expect(keys.get('/id')).toEqual({ line: 2, column: 3 });
  });

  test('agrees with JSON.parse on any JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        expect(parseJsonWithPositions(text).value).toStrictEqual(JSON.parse(text));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  test('keeps __proto__ as an own key and leaves Object.prototype alone', () => {
    const { value } = parseJsonWithPositions('{"__proto__": {"polluted": true}, "constructor": 1}');
    expect(Object.hasOwn(value as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('skips a byte-order mark', () => {
    expect(parseJsonWithPositions('\ufeff[1]').value).toEqual([1]);
  });

  test.each([
    ['{"a": 1,}', 1, 9, 'property name'],
    ['{"a": 1\n "b": 2}', 2, 2, "','"],
    ['[1, 2', 1, 6, 'end of input'],
    ['{"a": "x\n"}', 1, 9, 'control character'],
    ['{"a": "\\q"}', 1, 8, 'bad escape'],
    ['{"a": 01}', 1, 8, 'found character "1"'],
    ['{"a": tru}', 1, 7, 'unexpected'],
    ['', 1, 1, 'end of input'],
    ['{"a": 1} x', 1, 10, 'after the JSON value'],
  ])('reports %j at line %i column %i', (text, line, column, words) => {
    const e = syntaxError(text);
    expect({ line: e.line, column: e.column }).toEqual({ line, column });
    expect(e.message).toContain(words);
  });

  test('refuses deep nesting with an error, not a stack overflow', () => {
    const e = syntaxError('['.repeat(100_000));
    expect(e.message).toMatch(/nested deeper/);
  });
});
