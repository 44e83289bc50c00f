import { escapeHtml } from './html-escape.js';

const NICE_WIDTHS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];
const MAX_BINS = 24;

export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** Groups exact scores into at most 24 bins of a round width. */
export function binScores(scores: ReadonlyMap<number, number>): Bin[] {
  if (scores.size === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const score of scores.keys()) {
    min = Math.min(min, score);
    max = Math.max(max, score);
  }
  const span = max - min;
  const width =
    NICE_WIDTHS.find((w) => Math.floor(max / w) - Math.floor(min / w) + 1 <= MAX_BINS) ??
    Math.ceil(span / MAX_BINS) + 1;
  const start = Math.floor(min / width) * width;
  const count = Math.floor((max - start) / width) + 1;
  const bins: Bin[] = Array.from({ length: count }, (_, i) => ({
    from: start + i * width,
    to: start + (i + 1) * width,
    count: 0,
  }));
  for (const [score, n] of scores) bins[Math.min(count - 1, Math.floor((score - start) / width))]!.count += n;
  return bins;
}

/**
 * The score distribution as an inline SVG bar chart. Bar heights follow a logarithmic scale, since
 * the green mass would otherwise flatten the few consignments that matter; each bar carries its
 * exact count.
 */
export function renderHistogram(scores: ReadonlyMap<number, number>): string {
  const bins = binScores(scores);
  if (bins.length === 0) return '<p class="empty">No consignments were assessed.</p>';
  const W = 760;
  const H = 240;
  const left = 40;
  const bottom = 40;
  const top = 24;
  const plotH = H - bottom - top;
  const barW = (W - left - 10) / bins.length;
  const maxCount = Math.max(...bins.map((b) => b.count));
  const scale = (n: number) => (n === 0 ? 0 : (Math.log10(1 + n) / Math.log10(1 + maxCount)) * plotH);
  const parts: string[] = [];
  const labelEvery = bins.length > 12 ? 2 : 1;
  bins.forEach((bin, i) => {
    const h = scale(bin.count);
    const x = left + i * barW;
    const y = top + plotH - h;
    const label = bin.to - bin.from === 1 ? `${bin.from}` : `${bin.from} to ${bin.to - 1}`;
    parts.push(
      `<g><title>${escapeHtml(`score ${label}: ${bin.count}`)}</title>` +
        `<rect x="${(x + 2).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, barW - 4).toFixed(1)}" height="${h.toFixed(1)}" class="${bin.from >= 0 ? 'bar' : 'bar mitigated'}"/>` +
        (bin.count > 0
          ? `<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" class="count">${bin.count}</text>`
          : '') +
        (i % labelEvery === 0
          ? `<text x="${(x + barW / 2).toFixed(1)}" y="${(top + plotH + 16).toFixed(1)}" class="tick">${bin.from}</text>`
          : '') +
        '</g>',
    );
  });
  return (
    `<svg class="histogram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Number of consignments by score">` +
    `<line x1="${left}" y1="${top + plotH}" x2="${W - 10}" y2="${top + plotH}" class="axis"/>` +
    parts.join('') +
    `<text x="${W / 2}" y="${H - 6}" class="axis-label">score (bars on a logarithmic scale; numbers are exact counts)</text>` +
    '</svg>'
  );
}
