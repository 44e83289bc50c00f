import { describe, expect, it } from 'vitest';
import { readConsignments, type StreamEvent } from '../src/index.js';

async function collect(chunks: Iterable<Uint8Array | string>, options = {}) {
  const events: StreamEvent[] = [];
  for await (const e of readConsignments(chunks, options)) events.push(e);
  return events;
}

function* split(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const line = (id: string, description = 'MACHINE PARTS') =>
  JSON.stringify({ id, kind: 'direct', goods: [{ seq: 1, hsCode: '847890', description }] });

describe('readConsignments (NDJSON)', () => {
  it('gives the same consignments whatever the chunk boundaries, multi-byte characters included', async () => {
    const text = [line('A', 'MÁQUINA DE CIGARRILLOS — 香烟机'), '{"broken', line('B'), line('C')].join('\n');
    const bytes = new TextEncoder().encode(text);
    const whole = await collect([bytes], { format: 'ndjson' });
    for (const size of [1, 3, 7, 64]) {
      expect(await collect(split(bytes, size), { format: 'ndjson' })).toEqual(whole);
    }
    const ids = whole.flatMap((e) => (e.type === 'consignment' ? [e.consignment.id] : []));
    expect(ids).toEqual(['A', 'B', 'C']);
    expect(whole.find((e) => e.type === 'consignment')).toMatchObject({
      consignment: { goods: [{ description: 'MÁQUINA DE CIGARRILLOS — 香烟机' }] },
    });
    expect(whole.at(-1)).toEqual({ type: 'end', stats: { seen: 4, accepted: 3, rejected: 1 } });
  });

  it('detects the format from the first bytes and names the manifest after its source', async () => {
    const events = await collect([line('A') + '\n', line('B')], { sourceName: 'feed.ndjson' });
    expect(events[0]).toEqual({
      type: 'header',
      header: { id: 'feed.ndjson', format: 'ndjson', sourceName: 'feed.ndjson' },
    });
    expect(events.filter((e) => e.type === 'consignment')).toHaveLength(2);
  });

  it('reports a line that never ends once and goes on with the next', async () => {
    const huge = '{"id":"X","description":"' + 'A'.repeat(2_000_000);
    const events = await collect([huge, huge, '"}\n', line('B')], { format: 'ndjson' });
    expect(events.filter((e) => e.type === 'rejected')).toHaveLength(1);
    expect(events.at(-1)).toEqual({ type: 'end', stats: { seen: 2, accepted: 1, rejected: 1 } });
  });

  it('throws a typed error on an empty stream', async () => {
    await expect(collect([])).rejects.toMatchObject({ code: 'empty-input' });
  });
});
