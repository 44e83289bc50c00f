import { describe, expect, it } from 'vitest';
import { hsDescription, isHs2022Code } from '../src/index.js';

describe('HS 2022 nomenclature', () => {
  it('reads the first and the last rows of the table', () => {
    expect(isHs2022Code('01')).toBe(true);
    expect(hsDescription('01')).toBe('Animals; live');
    expect(isHs2022Code('970690')).toBe(true);
    expect(hsDescription('970690')).toBe('Antiques; of an age exceeding 100 years but not exceeding 250 years');
  });

  it('reads a quoted description whole, commas included, without its quotes', () => {
    expect(hsDescription('0101')).toBe('Horses, asses, mules and hinnies; live');
    expect(hsDescription('010121')).toBe('Horses; live, pure-bred breeding animals');
  });

  it('does not take the header or the TOTAL rows for codes', () => {
    for (const code of ['hscode', 'TOTAL', '99', '9999', '999999']) {
      expect(isHs2022Code(code)).toBe(false);
      expect(hsDescription(code)).toBeUndefined();
    }
  });

  it('knows a description for every code it accepts, and only for those', () => {
    for (const code of ['0102', '010221', '8471', '847130', '930190', '3102', '310230']) {
      expect(isHs2022Code(code)).toBe(true);
      expect(hsDescription(code)).toMatch(/\S/);
    }
    for (const code of ['0100', '010100', '8499', '1']) {
      expect(isHs2022Code(code)).toBe(false);
      expect(hsDescription(code)).toBeUndefined();
    }
  });
});
