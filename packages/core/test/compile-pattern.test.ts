import { describe, expect, it } from 'vitest';
import { compilePattern, foldText } from '../src/index.js';

const test = (pattern: string, text: string) => {
  const r = compilePattern(pattern);
  if (!r.ok) throw new Error(r.message);
  return r.pattern.test(r.pattern.caseSensitive ? text : foldText(text));
};

describe('compilePattern', () => {
  it('matches literals, classes, alternation, groups and quantifiers anywhere in the text', () => {
    expect(test('nitrate', 'Ammonium NITRATE bags')).toBe(true);
    expect(test('co(ca)?ine', 'cocaine')).toBe(true);
    expect(test('co(ca)?ine', 'coine')).toBe(true);
    expect(test('(a|b)+c', 'xxababc')).toBe(true);
    expect(test('(a|b)+c', 'xxabab')).toBe(false);
    expect(test('[0-9][0-9][0-9]', 'un 1234')).toBe(true);
    expect(test('[^a-z ]', 'abc def')).toBe(false);
    expect(test('a.c', 'abc')).toBe(true);
    expect(test('x*', '')).toBe(true);
  });

  it('honours anchors', () => {
    expect(test('^parts', 'parts of machines')).toBe(true);
    expect(test('^parts', 'spare parts')).toBe(false);
    expect(test('parts$', 'spare parts')).toBe(true);
    expect(test('parts$', 'parts of machines')).toBe(false);
    expect(test('^$', '')).toBe(true);
  });

  it('folds the pattern like the text unless (?c) asks for a case-sensitive match on raw text', () => {
    expect(test('NITRATE', 'nitrate')).toBe(true);
    expect(test('[A-Z]+', 'abc')).toBe(true);
    expect(test('(?c)ABC', 'xABC')).toBe(true);
    expect(test('(?c)ABC', 'abc')).toBe(false);
  });

  it('runs (a+)+$ on 100,000 characters without backtracking', () => {
    const r = compilePattern('(a+)+$');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pattern.test(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(r.pattern.test('a'.repeat(100_000))).toBe(true);
    const nested = compilePattern('((a*)*b|(a|aa)+c)');
    expect(nested.ok && nested.pattern.test('a'.repeat(100_000))).toBe(false);
  });

  it.each([
    ['(a)\\1', 4],
    ['(?=a)', 1],
    ['(?:a)', 1],
    ['a{2,3}', 1],
    ['\\d+', 1],
    ['\\bword', 1],
    ['(ab', 0],
    ['ab)', 2],
    ['[abc', 0],
    ['*a', 0],
    ['a**', 2],
    ['a+?', 2],
    ['[z-a]', 4],
    ['[]', 1],
  ])('refuses %s with the offset of the problem', (pattern, offset) => {
    const r = compilePattern(pattern);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.offset).toBe(offset);
  });

  it('accepts escaped punctuation as literals', () => {
    expect(test('(?c)a\\.b\\(c\\)', 'a.b(c)')).toBe(true);
    expect(test('(?c)a\\.b', 'axb')).toBe(false);
  });
});
