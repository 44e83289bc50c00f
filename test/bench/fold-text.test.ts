import { describe, expect, it } from 'vitest';
import { foldText, normaliseParty } from '../../benchmarks/src/rules/fold-text.js';

describe('the folding the competing engines are given', () => {
  it('folds as docs/rule-sets.md says', () => {
    expect(foldText('Ｃｏｃａｉｎｅ')).toBe('cocaine');
    expect(foldText('cocaïne')).toBe('cocaine');
    expect(foldText('  co-caine!! ')).toBe('co caine');
  });

  it('normalises party names as docs/rule-sets.md says', () => {
    expect(normaliseParty('SCHENKER FRANCE S.A.S.')).toBe(normaliseParty('Schenker France SAS'));
    expect(normaliseParty('The Acme Co., Ltd')).toBe('acme');
    expect(normaliseParty('Ltd')).toBe('');
  });
});
