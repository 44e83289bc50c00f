import { describe, expect, it } from 'vitest';
import {
  containerCheckDigit,
  isCountryCode,
  isHsCode,
  isLocationCode,
  isUnLocode,
  isValidContainerNumber,
} from '../src/model/codes.js';

describe('ISO 6346 container numbers', () => {
  it.each(['CSQU3054383', 'MSKU1234565', 'TGHU8792534'])('accepts %s with its right check digit', (n) => {
    expect(isValidContainerNumber(n)).toBe(true);
  });

  it('computes the check digit from owner code, category and serial', () => {
    expect(containerCheckDigit('CSQU305438')).toBe(3);
  });

  it.each([
    ['CSQU3054384', 'wrong check digit'],
    ['CONU1234567', 'wrong check digit (the HMRC export sample)'],
    ['AD12345', 'not ISO 6346 at all'],
    ['csqu3054383', 'lower case'],
    ['CSQX3054383', 'category letter not U, J, Z or R'],
  ])('rejects %s: %s', (n) => {
    expect(isValidContainerNumber(n)).toBe(false);
  });
});

describe('codes', () => {
  it('knows ISO 3166 alpha-2 countries and refuses reserved ones', () => {
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('HK')).toBe(true);
    expect(isCountryCode('UK')).toBe(false);
    expect(isCountryCode('EU')).toBe(false);
    expect(isCountryCode('XK')).toBe(false);
    expect(isCountryCode('de')).toBe(false);
  });

  it('tells UN/LOCODEs and IATA codes apart from junk', () => {
    expect(isUnLocode('NLRTM')).toBe(true);
    expect(isUnLocode('AEJEA')).toBe(true);
    expect(isUnLocode('ZZRTM')).toBe(false);
    expect(isUnLocode('NLRT1')).toBe(false);
    expect(isLocationCode('FRA')).toBe(true);
    expect(isLocationCode('FR')).toBe(false);
  });

  it('accepts HS codes of 2 to 10 digits only', () => {
    expect(isHsCode('0901210000')).toBe(true);
    expect(isHsCode('93')).toBe(true);
    expect(isHsCode('9')).toBe(false);
    expect(isHsCode('84781000001')).toBe(false);
    expect(isHsCode('8478.10')).toBe(false);
    expect(isHsCode('847A10')).toBe(false);
  });
});
