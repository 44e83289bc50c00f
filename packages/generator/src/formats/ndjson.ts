import type { Consignment, Manifest, ManifestHeader } from '@cargorisk/manifest';
import { canonicalConsignment, canonicalHeader } from './canonical-record.js';
import type { FormatSerializer } from './index.js';

/**
 * NDJSON as a stream of lines: a header line `{"manifest":{...}}`, then one consignment per line.
 *
 * @example
 * for (const line of streamNdjson(header, generateConsignments({ seed: 1, consignments: 1e6 }))) out.write(line);
 */
export function* streamNdjson(header: ManifestHeader, consignments: Iterable<Consignment>): Iterable<string> {
  yield `${JSON.stringify({ manifest: canonicalHeader(header, 'ndjson') })}\n`;
  for (const c of consignments) yield `${JSON.stringify(canonicalConsignment(c))}\n`;
}

/**
 * Writes a manifest as NDJSON, exactly what the NDJSON reader reads.
 *
 * @example
 * const text = serializeNdjson(generateManifest({ seed: 1, consignments: 3 }).manifest);
 */
export function serializeNdjson(manifest: Manifest): string {
  const { consignments, ...header } = manifest;
  return Array.from(streamNdjson(header, consignments)).join('');
}

/** NDJSON: header line, then one consignment per line. */
export const ndjsonSerializer: FormatSerializer = {
  serialize: serializeNdjson,
  stream: streamNdjson,
  extension: '.ndjson',
};
