import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binScores, renderHistogram } from '../src/report/score-histogram.js';

describe('binScores', () => {
  it('puts every assessment in exactly one bin of at most 24', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -500, max: 5000 }), fc.integer({ min: 1, max: 1000 }))),
        (pairs) => {
          const scores = new Map<number, number>();
          for (const [s, n] of pairs) scores.set(s, (scores.get(s) ?? 0) + n);
          const bins = binScores(scores);
          const total = [...scores.values()].reduce((a, b) => a + b, 0);
          expect(bins.reduce((a, b) => a + b.count, 0)).toBe(total);
          expect(bins.length).toBeLessThanOrEqual(24);
          for (const [score, n] of scores) {
            const bin = bins.find((b) => score >= b.from && score < b.to);
            expect(bin?.count ?? 0).toBeGreaterThanOrEqual(n);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('uses one bin per score when the scores are few and close', () => {
    expect(
      binScores(
        new Map([
          [0, 3],
          [2, 1],
        ]),
      ).map((b) => [b.from, b.count]),
    ).toEqual([
      [0, 3],
      [1, 0],
      [2, 1],
    ]);
  });
});

describe('renderHistogram', () => {
  it('draws one bar per bin with its exact count, and says so when there is nothing', () => {
    const svg = renderHistogram(
      new Map([
        [0, 1000],
        [40, 2],
        [85, 1],
      ]),
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>1000<');
    expect(svg).toContain('>2<');
    expect(renderHistogram(new Map())).toContain('No consignments');
  });
});
