import { describe, expect, it } from 'vitest';
import { ManifestParseError, parseManifest, safeParseManifest } from '../src/index.js';

const consignment = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'direct',
  goods: [{ seq: 1, hsCode: '0901210000', description: 'ROASTED COFFEE BEANS', grossKg: 1200 }],
  ...extra,
});

const manifest = (consignments: unknown[]) =>
  JSON.stringify({ id: 'M1', transport: { mode: 'sea', departure: { location: 'BRSSZ' } }, consignments });

describe('canonical JSON reader', () => {
  it('keeps HS code 0901210000 as a string with its leading zero', () => {
    const { manifest: m } = parseManifest(manifest([consignment('BL1')]));
    expect(m.consignments[0]!.goods[0]!.hsCode).toBe('0901210000');
  });

  it('fills absent lists with empty ones and records where each consignment came from', () => {
    const { manifest: m } = parseManifest(manifest([consignment('BL1')]));
    const c = m.consignments[0]!;
    expect(c.containers).toEqual([]);
    expect(c.route).toEqual({ transshipments: [], countries: [] });
    expect(c.source).toEqual({ format: 'json', pointer: '/consignments/0' });
    expect(m.transport?.departure?.location).toBe('BRSSZ');
  });

  it('reports a bad record with its JSON pointer while its neighbours parse', () => {
    const bad = consignment('BL2', { goods: [{ seq: 1, hsCode: '09O121', description: 'X' }] });
    const result = parseManifest(manifest([consignment('BL1'), bad, consignment('BL3')]));
    expect(result.manifest.consignments.map((c) => c.id)).toEqual(['BL1', 'BL3']);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      code: 'invalid-value',
      severity: 'error',
      consignmentId: 'BL2',
      location: { pointer: '/consignments/1/goods/0/hsCode' },
    });
    expect(result.stats).toEqual({ seen: 3, accepted: 2, rejected: 1 });
  });

  it('reports every problem of a record, not only the first', () => {
    const bad = { id: 'BL9', kind: 'ship', goods: [{ seq: 0, description: 'X', origin: 'XX' }], colour: 'red' };
    const { issues } = parseManifest(manifest([bad]));
    const pointers = issues.map((i) => i.location.pointer).sort();
    expect(pointers).toEqual([
      '/consignments/0',
      '/consignments/0/goods/0/origin',
      '/consignments/0/goods/0/seq',
      '/consignments/0/kind',
    ]);
  });

  it('catches a wrong container check digit and keeps the consignment', () => {
    const c = consignment('BL1', { containers: [{ number: 'CSQU3054384' }, { number: 'CSQU3054383' }] });
    const { manifest: m, issues } = parseManifest(manifest([c]));
    expect(m.consignments).toHaveLength(1);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'container-check-digit',
        severity: 'warning',
        location: expect.objectContaining({ pointer: '/consignments/0/containers/0/number' }),
      }),
    ]);
  });

  it('refuses a non-object record without losing count of it', () => {
    const result = parseManifest(manifest([consignment('BL1'), 42, null]));
    expect(result.stats).toEqual({ seen: 3, accepted: 1, rejected: 2 });
  });

  it('warns of a consignment id that appears twice', () => {
    const { issues } = parseManifest(manifest([consignment('BL1'), consignment('BL1')]));
    expect(issues.map((i) => i.code)).toEqual(['duplicate-consignment']);
  });

  it('points at the line and column of a syntax error', () => {
    const text = '{\n  "id": "M1",\n  "consignments": [\n    { "id": "A", }\n  ]\n}';
    const r = safeParseManifest(text, { format: 'json' });
    const error = r.success ? undefined : r.error;
    expect(error).toBeInstanceOf(ManifestParseError);
    expect(error).toMatchObject({ code: 'syntax', location: { line: 4, column: 18 } });
  });

  it('refuses a deeply nested document before parsing it', () => {
    const deep = '{"id":"M","consignments":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const r = safeParseManifest(deep, { format: 'json' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.code).toBe('limit-exceeded');
  });

  it('does not let a __proto__ key reach Object.prototype', () => {
    const text = '{"id":"M","consignments":[{"id":"A","kind":"direct","goods":[],"__proto__":{"polluted":1}}]}';
    const r = parseManifest(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.stats).toEqual({ seen: 1, accepted: 0, rejected: 1 });
  });

  it('refuses an empty input and an unknown format with typed errors', () => {
    expect(safeParseManifest('')).toMatchObject({ success: false, error: { code: 'empty-input' } });
    expect(safeParseManifest('hello world')).toMatchObject({ success: false, error: { code: 'unknown-format' } });
    expect(safeParseManifest(new Uint8Array([0x7b, 0xff, 0xfe]), { format: 'json' })).toMatchObject({
      success: false,
      error: { code: 'encoding' },
    });
  });

  it('refuses an input over limits.maxBytes and says to stream it', () => {
    const r = safeParseManifest(manifest([consignment('BL1')]), { limits: { maxBytes: 10 } });
    expect(r).toMatchObject({ success: false, error: { code: 'limit-exceeded' } });
  });

  it('serialises errors to JSON with their code and location', () => {
    const r = safeParseManifest('{"id":', { format: 'json' });
    if (r.success) throw new Error('expected failure');
    expect(JSON.parse(JSON.stringify(r.error))).toMatchObject({ name: 'ManifestParseError', code: 'syntax' });
  });
});

describe('NDJSON reader', () => {
  it('reads one consignment a line with an optional header, and reports bad lines by number', () => {
    const text = [
      JSON.stringify({ manifest: { id: 'VOY-1', transport: { mode: 'sea' } } }),
      JSON.stringify(consignment('BL1')),
      '{"id": "BL2", broken',
      '',
      JSON.stringify(consignment('BL3', { kind: 'nope' })),
      JSON.stringify(consignment('BL4')),
    ].join('\n');
    const result = parseManifest(text, { sourceName: 'voyage.ndjson' });
    expect(result.manifest.id).toBe('VOY-1');
    expect(result.manifest.format).toBe('ndjson');
    expect(result.manifest.consignments.map((c) => [c.id, c.source.line])).toEqual([
      ['BL1', 2],
      ['BL4', 6],
    ]);
    expect(result.issues.map((i) => [i.code, i.location.line])).toEqual([
      ['syntax', 3],
      ['invalid-value', 5],
    ]);
    expect(result.stats).toEqual({ seen: 4, accepted: 2, rejected: 2 });
  });

  it('reports a line that nests too deep as such, with its column, however short the line', () => {
    const deep = (levels: number) =>
      `{"id":"D","kind":"direct","goods":[],"x":${'['.repeat(levels)}${']'.repeat(levels)}}`;
    const text = [JSON.stringify(consignment('BL1')), deep(100), deep(5), deep(20_000), 'x'.repeat(20_000)].join('\n');
    const result = parseManifest(text, { format: 'ndjson' });
    expect(result.manifest.consignments.map((c) => c.id)).toEqual(['BL1']);
    expect(result.issues.map((i) => [i.code, i.location.line, i.location.column, /deeper/.test(i.message)])).toEqual([
      // The object is one level, so the 64th bracket is the first too deep: column 41 (the prefix) + 64.
      ['syntax', 2, 105, true],
      // Shallow, with a key the model does not have: the model's own issue.
      ['invalid-record', 3, undefined, false],
      ['syntax', 4, 105, true],
      ['syntax', 5, 1, false],
    ]);
    expect(result.stats).toEqual({ seen: 5, accepted: 1, rejected: 4 });
  });
});
