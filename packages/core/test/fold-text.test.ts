import { describe, expect, it } from 'vitest';
import { foldText, normalizePartyName } from '../src/index.js';

describe('foldText', () => {
  it('lower-cases and turns runs of non-letters into one space', () => {
    expect(foldText('  Ammonium--Nitrate,  50%  ')).toBe('ammonium nitrate 50');
    expect(foldText('co-caine')).toBe('co caine');
  });

  it('turns fullwidth letters into ASCII and removes accents', () => {
    expect(foldText('Ｃｏｃａｉｎｅ')).toBe('cocaine');
    expect(foldText('cocaïne')).toBe('cocaine');
    expect(foldText('CRÈME Brûlée')).toBe('creme brulee');
  });

  it('keeps non-Latin letters and digits', () => {
    expect(foldText('Кокаин 5kg')).toBe('кокаин 5kg');
    expect(foldText('硝酸铵')).toBe('硝酸铵');
  });

  it('gives the same result on the ASCII fast path and the Unicode path', () => {
    for (const s of ['A-B  c', '__x__', 'Hello, World!', '', '   ', 'a1-B2']) {
      expect(foldText(s)).toBe(
        s
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim(),
      );
    }
  });
});

describe('normalizePartyName', () => {
  it('matches names that differ only by legal form, dots and case', () => {
    expect(normalizePartyName('SCHENKER FRANCE S.A.S.')).toBe(normalizePartyName('Schenker France SAS'));
    expect(normalizePartyName('SCHENKER FRANCE S.A.S.')).toBe('schenker france');
  });

  it('removes legal forms at the end repeatedly and a leading "the"', () => {
    expect(normalizePartyName('The Acme Trading Co., Ltd')).toBe('acme trading');
    expect(normalizePartyName('Müller GmbH & Co. KG')).toBe('muller');
  });

  it('keeps legal-form words that are not at the end', () => {
    expect(normalizePartyName('AB Foods Ltd')).toBe('ab foods');
    expect(normalizePartyName('Theodor Ltd')).toBe('theodor');
  });

  it('normalises a name made only of legal forms to the empty string', () => {
    expect(normalizePartyName('Company Ltd')).toBe('');
  });
});
