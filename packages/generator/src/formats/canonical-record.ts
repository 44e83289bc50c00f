import type { Consignment, ManifestHeader } from '@cargorisk/manifest';

/*
 * What the canonical JSON forms write for a record. `source` is left out: it says where a record
 * was read from, and a reader of the written file fills it with the record's real place in that
 * file (line, JSON pointer). The header's `format` is the format being written.
 */

/** A consignment as written to canonical JSON/NDJSON: the model without `source`. */
export function canonicalConsignment(c: Consignment): Omit<Consignment, 'source'> {
  const { source: _source, ...rest } = c;
  return rest;
}

/** A manifest header as written to canonical JSON/NDJSON, naming the format written. */
export function canonicalHeader(header: ManifestHeader, format: 'json' | 'ndjson'): ManifestHeader {
  const { sourceName: _sourceName, ...rest } = header;
  return { ...rest, format };
}
