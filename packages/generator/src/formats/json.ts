import type { Consignment, Manifest, ManifestHeader } from '@cargorisk/manifest';
import { canonicalConsignment, canonicalHeader } from './canonical-record.js';
import type { FormatSerializer } from './index.js';

export interface JsonSerializeOptions {
  /**
   * Indent with two spaces. Compact output still puts each consignment on its own line, so a
   * large file stays readable with `head` and diffs line by line.
   * @default false
   */
  pretty?: boolean;
}

/**
 * Writes a manifest as canonical JSON, the document `parseManifest` reads as format `json`.
 *
 * @example
 * const text = serializeJson(generateManifest({ seed: 1, consignments: 3 }).manifest, { pretty: true });
 */
export function serializeJson(manifest: Manifest, options: JsonSerializeOptions = {}): string {
  const { consignments, ...header } = manifest;
  return Array.from(streamJson(header, consignments, options)).join('');
}

/**
 * Canonical JSON as a stream of pieces: the header fields, then one consignment per piece.
 *
 * @example
 * for (const piece of streamJson(header, generateConsignments({ seed: 1, consignments: 1e6 }))) out.write(piece);
 */
export function* streamJson(
  header: ManifestHeader,
  consignments: Iterable<Consignment>,
  options: JsonSerializeOptions = {},
): Iterable<string> {
  const pretty = options.pretty ?? false;
  const head = JSON.stringify(canonicalHeader(header, 'json'), null, pretty ? 2 : undefined);
  // Open the header object and add the consignments array as its last member.
  const open = head.slice(0, -1).trimEnd();
  yield pretty ? `${open},\n  "consignments": [` : `${open},"consignments":[`;
  let first = true;
  for (const c of consignments) {
    const body = pretty
      ? JSON.stringify(canonicalConsignment(c), null, 2).replace(/\n/g, '\n    ')
      : JSON.stringify(canonicalConsignment(c));
    yield `${first ? '' : ','}\n${pretty ? '    ' : ''}${body}`;
    first = false;
  }
  yield first ? ']}\n' : pretty ? '\n  ]\n}\n' : '\n]}\n';
}

/** Canonical JSON, compact (one consignment per line). */
export const jsonSerializer: FormatSerializer = {
  serialize: (manifest) => serializeJson(manifest),
  stream: (header, consignments) => streamJson(header, consignments),
  extension: '.json',
};
