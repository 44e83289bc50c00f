import type { Consignment, Manifest, ManifestFormat, ManifestHeader } from '@cargorisk/manifest';
import { requireExport, ScenarioSkip } from './library-apis.js';

type GenerateConsignments = (options: { seed: number | string; consignments: number }) => Iterable<Consignment>;

const cache = new Map<string, Consignment[]>();

/**
 * `count` generated consignments (the generator's own model, as a reader would produce them), the
 * same for every scenario and every run with the same seed.
 */
export function benchConsignments(count: number, seed = 42): Consignment[] {
  const key = `${seed}:${count}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const generate = requireExport<GenerateConsignments>('@cargorisk/generator', 'generateConsignments');
  const out = Array.from(generate({ seed, consignments: count }));
  cache.set(key, out);
  return out;
}

type GenerateManifest = (options: { seed: number | string; consignments: number }) => { manifest: Manifest };
type Serializers = Partial<Record<ManifestFormat, { serialize(m: Manifest): string; stream?: unknown }>>;

/** Every format cargorisk reads, in the order results list them. */
export const FORMATS: readonly ManifestFormat[] = ['json', 'ndjson', 'csv', 'xfwb', 'xfzb', 'xffm', 'wco-dm', 'cuscar'];
export const XML_FORMATS: ReadonlySet<ManifestFormat> = new Set(['xfwb', 'xfzb', 'xffm', 'wco-dm']);

/** A generated manifest of `count` consignments written in `format`, as bytes; skips when the generator has no writer for it. */
export function benchBytes(format: ManifestFormat, count: number, seed = 42): Uint8Array {
  const serializers = requireExport<Serializers>('@cargorisk/generator', 'serializers');
  const serializer = serializers[format];
  if (serializer === undefined)
    throw new ScenarioSkip(`@cargorisk/generator has no ${format} serializer in this build`);
  const generate = requireExport<GenerateManifest>('@cargorisk/generator', 'generateManifest');
  return Buffer.from(serializer.serialize(generate({ seed, consignments: count }).manifest));
}

type StreamingSerializer = (header: ManifestHeader, consignments: Iterable<Consignment>) => Iterable<string>;

/**
 * A generated manifest of `count` consignments written in `format` with the generator's streaming
 * writer, as a list of byte chunks (so 100,000 consignments never sit in memory as objects).
 */
export function benchStreamChunks(
  format: ManifestFormat,
  count: number,
  seed = 42,
): { chunks: Buffer[]; bytes: number } {
  const serializers = requireExport<Serializers>('@cargorisk/generator', 'serializers');
  const serializer = serializers[format];
  if (serializer === undefined)
    throw new ScenarioSkip(`@cargorisk/generator has no ${format} serializer in this build`);
  if (typeof serializer.stream !== 'function')
    throw new ScenarioSkip(`@cargorisk/generator has no streaming ${format} writer`);
  const generate = requireExport<GenerateConsignments>('@cargorisk/generator', 'generateConsignments');
  const header = benchHeader(format, seed);
  const chunks: Buffer[] = [];
  let pending: string[] = [];
  let pendingLength = 0;
  let bytes = 0;
  const flush = () => {
    const chunk = Buffer.from(pending.join(''));
    chunks.push(chunk);
    bytes += chunk.byteLength;
    pending = [];
    pendingLength = 0;
  };
  for (const piece of (serializer.stream as StreamingSerializer)(header, generate({ seed, consignments: count }))) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= 1 << 20) flush();
  }
  flush();
  return { chunks, bytes };
}

/** The header the generator writes for a manifest in `format`. */
export function benchHeader(format: ManifestFormat, seed = 42): ManifestHeader {
  const generate = requireExport<GenerateManifest>('@cargorisk/generator', 'generateManifest');
  const { consignments: _none, ...header } = generate({ seed, consignments: 0 }).manifest;
  return { ...header, format };
}
