import type { Consignment, Manifest, ManifestFormat, ManifestHeader } from '@cargorisk/manifest';
import { csvSerializer } from './csv.js';
import { cuscarSerializer } from './cuscar.js';
import { jsonSerializer } from './json.js';
import { ndjsonSerializer } from './ndjson.js';
import { wcoDmSerializer } from './wco-dm.js';
import { xffmSerializer } from './xffm.js';
import { xfwbSerializer } from './xfwb.js';
import { xfzbSerializer } from './xfzb.js';

/** Writes a whole manifest held in memory as one document. */
export type Serializer = (manifest: Manifest) => string;

/**
 * Writes a manifest piece by piece: the header first, then each consignment as it is drawn from
 * `consignments`, so a file of any size can be written without holding the consignments in memory.
 * Joining the pieces gives exactly what the whole-manifest {@link Serializer} would.
 */
export type StreamingSerializer = (header: ManifestHeader, consignments: Iterable<Consignment>) => Iterable<string>;

/** How one format is written. */
export interface FormatSerializer {
  /** The whole-document form. */
  serialize: Serializer;
  /** The streaming form, where the format allows one (most do: a header, then records). */
  stream?: StreamingSerializer;
  /** The file extension the CLI suggests, with its dot (`.ndjson`, `.xml`, `.edi`). */
  extension: string;
}

/**
 * One entry per format the generator writes. Each serializer lives in `./<format>.ts`, exports a
 * `FormatSerializer` named `<format>Serializer` (camel case: `wcoDmSerializer`) and is registered
 * here with one line; nothing else needs to change for the CLI and `writeManifestFile` to offer it.
 *
 * @example
 * import { serializers } from '@cargorisk/generator';
 * const text = serializers.ndjson?.serialize(generateManifest({ seed: 7, consignments: 10 }).manifest);
 */
export const serializers: Partial<Record<ManifestFormat, FormatSerializer>> = {
  json: jsonSerializer,
  ndjson: ndjsonSerializer,
  cuscar: cuscarSerializer,
  csv: csvSerializer,
  xfwb: xfwbSerializer,
  xfzb: xfzbSerializer,
  xffm: xffmSerializer,
  'wco-dm': wcoDmSerializer,
};
