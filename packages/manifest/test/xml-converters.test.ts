import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unique } from '../src/xml/build-parts.js';
import { country, decimal, hs, iata, int, locode, mode, money, text, volume, weight } from '../src/xml/converters.js';
import { compileMapping } from '../src/xml/mapping.js';

describe('named converters', () => {
  it('text trims and collapses XML white space only', () => {
    expect(text('  SPARE\n  PARTS\t')).toBe('SPARE PARTS');
    expect(text('AS IS')).toBe('AS IS');
    expect(text(' \n ')).toBeUndefined();
    // an ideographic space is a character, not XML white space
    expect(text('Ａ\u3000Ｂ')).toBe('Ａ\u3000Ｂ');
  });

  it('hs drops dots and spaces and keeps every digit as written', () => {
    expect(hs('0901210000')).toBe('0901210000');
    expect(hs('0901.21 00')).toBe('09012100');
    expect(hs('84A1')).toBe('84A1');
    expect(hs(' ')).toBeUndefined();
  });

  it('decimal reads plain decimals and exponents, and nothing else', () => {
    expect(decimal('36.9')).toBe(36.9);
    expect(decimal('1e3')).toBe(1000);
    expect(decimal('.5')).toBe(0.5);
    expect(decimal('1,5')).toBe('1,5');
    expect(decimal('12 kg')).toBe('12 kg');
    expect(decimal('1e999')).toBe('1e999');
    expect(int('1e3')).toBe(1000);
  });

  it('weight and volume convert from their unit codes', () => {
    expect(weight('100', { unitCode: 'LBR' })).toBe(45.359);
    expect(weight('2', { unitCode: 'TNE' })).toBe(2000);
    expect(weight('7', {})).toBe(7);
    expect(weight('7', { unitCode: 'XYZ' })).toBe('7 XYZ');
    expect(volume('199000', { unitCode: 'CMQ' })).toBe(0.199);
  });

  it('codes are checked against their lists and kept as written when unknown', () => {
    expect(country('de')).toBe('DE');
    expect(country('XX')).toBe('XX');
    expect(locode('DE HAM')).toBe('DEHAM');
    expect(iata('fra')).toBe('FRA');
    expect(mode('4')).toBe('air');
    expect(mode('9')).toBeUndefined();
    expect(money('100.00', { currencyID: 'USD' })).toEqual({ amount: 100, currency: 'USD' });
  });
});

describe('compileMapping', () => {
  it('builds one path tree shared by every scope, fields marked for text and attributes', () => {
    const mapping = compileMapping('xfwb', {
      Waybill: [
        {
          kind: 'document',
          scopes: {
            'A/B': {
              kind: 'consignment',
              fields: { 'C/D': { slot: 'grossKg', convert: 'weight', attrs: ['unitCode'] } },
            },
          },
        },
      ],
    });
    const root = mapping.roots.get('Waybill')!;
    const b = root.children.get('A')!.children.get('B')!;
    expect(b.scopes.map((s) => s.kind)).toEqual(['consignment']);
    const d = b.children.get('C')!.children.get('D')!;
    expect(d.wantsText).toBe(true);
    expect(d.attrs).toEqual(['unitCode']);
    expect(root.children.get('A')!.wantsText).toBe(false);
  });
});

describe('shortcuts agree with the general case', () => {
  it('decimal reads plain digits as the pattern does', () => {
    const general = (raw: string) => {
      const t = raw.trim();
      if (t === '') return undefined;
      if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return t;
      const n = Number(t);
      return Number.isFinite(n) ? n : t;
    };
    const chars = fc.constantFrom(...'0123456789..0-+eE ,\n'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }), (cs) => {
        const raw = cs.join('');
        expect(decimal(raw)).toBe(general(raw));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,16}\.?\d{0,16}$/), (raw) => {
        expect(decimal(raw)).toBe(general(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('unique keeps first occurrences in order, short lists and long', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom('A', 'B', Number.NaN, 0, -0)), {
          maxLength: 40,
        }),
        (xs) => {
          expect(unique(xs)).toEqual([...new Set(xs)]);
        },
      ),
    );
  });
});
