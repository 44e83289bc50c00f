import { describe, expect, it } from 'vitest';
import { renderLogLogChart } from '../../benchmarks/src/harness/svg-chart.js';

const options = { title: 'T & <t>', xLabel: 'rules', yLabel: 'per second' };

describe('the log-log SVG chart', () => {
  it('draws one line and one legend entry per series, escaping text', () => {
    const svg = renderLogLogChart(
      [
        {
          label: 'compiled',
          points: [
            { x: 10, y: 1e5 },
            { x: 1e4, y: 5e4 },
          ],
        },
        {
          label: 'json-rules-engine',
          points: [
            { x: 10, y: 2e4 },
            { x: 1e4, y: 6 },
          ],
        },
      ],
      options,
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('>json-rules-engine</text>');
    expect(svg).toContain('T &amp; &lt;t&gt;');
    expect(svg).not.toContain('NaN');
  });

  it('leaves out points a log scale cannot place and says when nothing is left', () => {
    expect(renderLogLogChart([{ label: 'a', points: [{ x: 0, y: 5 }] }], options)).toContain('no data');
  });
});
