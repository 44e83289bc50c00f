import { describe, expect, it } from 'vitest';
import { parsePlant, parseSize } from '../src/cli-args.js';

describe('generate command arguments', () => {
  it('reads sizes in decimal and binary units', () => {
    expect(parseSize('1GB')).toBe(1_000_000_000);
    expect(parseSize('500 kb')).toBe(500_000);
    expect(parseSize('2MiB')).toBe(2 * 1024 * 1024);
    expect(parseSize('1.5MB')).toBe(1_500_000);
    expect(parseSize('12345')).toBe(12_345);
    expect(() => parseSize('big')).toThrow(/--size/);
  });

  it('reads plant specs: a point makes a rate, a whole number a count', () => {
    expect(parsePlant('pegasus=0.05,cites=3')).toEqual({ pegasus: 0.05, cites: { count: 3 } });
    expect(parsePlant('salw=1.0')).toEqual({ salw: 1 });
    expect(parsePlant('none')).toBe(false);
    expect(() => parsePlant('tobacco=0.1')).toThrow(/profile/);
    expect(() => parsePlant('cites=x')).toThrow(/number/);
  });
});
