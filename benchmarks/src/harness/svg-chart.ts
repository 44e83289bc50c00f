/*
 * A log-log line chart as a standalone SVG, written by hand so the suite carries no chart library:
 * one line per series, decade grid lines, axis labels and a legend.
 */

export interface ChartSeries {
  label: string;
  points: { x: number; y: number }[];
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

const COLOURS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#17becf',
  '#7f7f7f',
  '#bcbd22',
  '#e377c2',
  '#000000',
  '#aec7e8',
];

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function decadeLabel(v: number): string {
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e3) return `${v / 1e3}k`;
  return String(v);
}

/** Renders the series on log scales; points with x or y ≤ 0 are left out (a log scale has no place for them). */
export function renderLogLogChart(series: readonly ChartSeries[], options: ChartOptions): string {
  const width = options.width ?? 980;
  const height = options.height ?? 440;
  const margin = { left: 80, right: 380, top: 44, bottom: 56 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const points = series.flatMap((s) => s.points).filter((p) => p.x > 0 && p.y > 0);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(options.title)}</text>`,
  ];
  if (points.length === 0) {
    out.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle">no data</text>`, '</svg>');
    return `${out.join('\n')}\n`;
  }
  const decades = (values: number[]) => {
    const lo = Math.floor(Math.log10(Math.min(...values)));
    const hi = Math.ceil(Math.log10(Math.max(...values)));
    return [lo, hi === lo ? lo + 1 : hi] as const;
  };
  const [x0, x1] = decades(points.map((p) => p.x));
  const [y0, y1] = decades(points.map((p) => p.y));
  const sx = (x: number) => margin.left + ((Math.log10(x) - x0) / (x1 - x0)) * plotW;
  const sy = (y: number) => margin.top + plotH - ((Math.log10(y) - y0) / (y1 - y0)) * plotH;

  for (let d = x0; d <= x1; d++) {
    const x = sx(10 ** d).toFixed(1);
    out.push(`<line x1="${x}" y1="${margin.top}" x2="${x}" y2="${margin.top + plotH}" stroke="#dddddd"/>`);
    out.push(`<text x="${x}" y="${margin.top + plotH + 18}" text-anchor="middle">${decadeLabel(10 ** d)}</text>`);
  }
  for (let d = y0; d <= y1; d++) {
    const y = sy(10 ** d).toFixed(1);
    out.push(`<line x1="${margin.left}" y1="${y}" x2="${margin.left + plotW}" y2="${y}" stroke="#dddddd"/>`);
    out.push(
      `<text x="${margin.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${decadeLabel(10 ** d)}</text>`,
    );
  }
  out.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333333"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text transform="translate(18 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const pts = s.points.filter((p) => p.x > 0 && p.y > 0).sort((a, b) => a.x - b.x);
    if (pts.length > 1) {
      const d = pts.map((p, j) => `${j === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    }
    for (const p of pts) {
      out.push(
        `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3.5" fill="${colour}"><title>${escapeXml(`${s.label}: ${Math.round(p.y)} at ${p.x}`)}</title></circle>`,
      );
    }
    const ly = margin.top + 10 + i * 20;
    const lx = margin.left + plotW + 16;
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 22}" y2="${ly}" stroke="${colour}" stroke-width="2"/>`);
    out.push(`<text x="${lx + 28}" y="${ly}" dominant-baseline="middle">${escapeXml(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
