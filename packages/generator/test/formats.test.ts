import { type Consignment, type Manifest, parseManifest } from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';
import { generateManifest, serializeJson, serializers, streamJson, streamNdjson } from '../src/index.js';

const withoutSource = (cs: readonly Consignment[]) => cs.map(({ source: _s, ...rest }) => rest);

function roundTrip(text: string, original: Manifest, format: 'json' | 'ndjson') {
  const result = parseManifest(text, { format });
  expect(result.issues).toEqual([]);
  expect(result.stats).toMatchObject({
    seen: original.consignments.length,
    accepted: original.consignments.length,
    rejected: 0,
  });
  expect(withoutSource(result.manifest.consignments)).toEqual(withoutSource(original.consignments));
  const { consignments: _a, ...header } = original;
  const { consignments: _b, ...read } = result.manifest;
  expect(read).toEqual({ ...header, format });
  return result;
}

describe('canonical JSON and NDJSON serializers', () => {
  for (const mode of ['sea', 'air'] as const) {
    const { manifest } = generateManifest({
      seed: 31,
      consignments: 250,
      mode,
      awkward: {
        accents: 0.1,
        fullwidth: 0.1,
        spacing: 0.1,
        longDescription: 0.05,
        leadingZeros: 0.1,
        partyVariants: 0.1,
      },
    });

    it(`JSON round-trips through parseManifest with zero issues (${mode})`, () => {
      const result = roundTrip(serializeJson(manifest), manifest, 'json');
      // The reader's source for a JSON record is its pointer, which is what the generator writes.
      expect(result.manifest.consignments.map((c) => c.source)).toEqual(manifest.consignments.map((c) => c.source));
      roundTrip(serializeJson(manifest, { pretty: true }), manifest, 'json');
    });

    it(`NDJSON round-trips through parseManifest with zero issues (${mode})`, () => {
      const text = serializers.ndjson!.serialize(manifest);
      expect(text.split('\n')[0]).toMatch(/^\{"manifest":\{"id":/);
      expect(text.endsWith('\n')).toBe(true);
      const result = roundTrip(text, manifest, 'ndjson');
      expect(result.manifest.consignments[0]?.source.line).toBe(2);
    });
  }

  it('streams exactly the whole-document text', () => {
    const { manifest } = generateManifest({ seed: 2, consignments: 40 });
    const { consignments, ...header } = manifest;
    expect([...streamJson(header, consignments)].join('')).toBe(serializers.json!.serialize(manifest));
    expect([...streamNdjson(header, consignments)].join('')).toBe(serializers.ndjson!.serialize(manifest));
    expect([...serializers.json!.stream!(header, consignments)].length).toBe(consignments.length + 2);
  });

  it('writes an empty manifest that still parses', () => {
    const { manifest } = generateManifest({ seed: 2, consignments: 0 });
    for (const pretty of [false, true]) {
      const result = parseManifest(serializeJson(manifest, { pretty }), { format: 'json' });
      expect(result.manifest.consignments).toEqual([]);
      expect(result.manifest.id).toBe(manifest.id);
    }
  });

  it('registers every serializer with an extension', () => {
    for (const [format, s] of Object.entries(serializers)) {
      expect(typeof s?.serialize, format).toBe('function');
      expect(s?.extension, format).toMatch(/^\./);
    }
  });
});
