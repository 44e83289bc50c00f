import { readFileSync } from 'node:fs';
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

describe('readConsignments with chunks larger than a reader is fed at once', () => {
  // The XFFM fixture's header and its first waybill repeated to about 150 KB, one chunk.
  const lines = readFileSync(new URL('./fixtures/xml/xffm-flight-manifest.xml', import.meta.url), 'utf8').split('\n');
  const open = lines.findIndex((l) => l.trim() === '<IncludedMasterConsignment>');
  const close = lines.findIndex((l) => l.trim() === '</IncludedMasterConsignment>');
  const head = lines.slice(0, open).join('\n');
  const waybill = lines.slice(open, close + 1).join('\n');
  const copies = Math.ceil(150_000 / waybill.length);
  const body = `${head}\n${Array(copies).fill(waybill).join('\n')}\n`;

  it('hands on the consignments read before a fatal error later in the same chunk', async () => {
    const bytes = new TextEncoder().encode(`${body}<broken <\n`);
    const events: StreamEvent[] = [];
    await expect(
      (async () => {
        for await (const e of readConsignments([bytes])) events.push(e);
      })(),
    ).rejects.toMatchObject({ code: 'syntax' });
    const read = events.filter((e) => e.type === 'consignment').length;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(copies);
  });

  it('reads a large chunk as it reads the same bytes in small ones', async () => {
    const tail = lines.slice(lines.findLastIndex((l) => l.trim() === '</IncludedMasterConsignment>') + 1).join('\n');
    const bytes = new TextEncoder().encode(body + tail);
    const whole = await collect([bytes]);
    expect(await collect(split(bytes, 4096))).toEqual(whole);
    expect(whole.at(-1)).toEqual({ type: 'end', stats: { seen: copies, accepted: copies, rejected: 0 } });
  });
});
