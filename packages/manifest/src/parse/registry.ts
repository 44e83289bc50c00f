import { createCsvReader } from '../csv/csv-reader.js';
import { createCuscarReader } from '../edifact/cuscar-reader.js';
import { createNdjsonReader, readCanonicalJson } from '../json/canonical-json.js';
import type { ManifestFormat } from '../model/manifest.js';
import type { IncrementalReaderFactory } from '../stream/incremental-reader.js';
import { XML_READERS } from '../xml/xml-readers.js';
import type { ParseResult, ReaderContext } from './parse-result.js';

/**
 * How one format is read. `incremental` is the fast, streaming path; `whole` reads a complete
 * document held in memory (for XML, the fast-xml-parser reference). A format may have either or
 * both; `parseManifest` prefers the one the caller asks for and falls back to the other.
 */
export interface FormatReader {
  incremental?: IncrementalReaderFactory;
  whole?: (input: string | Uint8Array, ctx: ReaderContext) => ParseResult;
  /** Whether `whole` needs text rather than bytes (JSON and XML do; EDIFACT decodes itself). */
  text?: boolean;
  /** How bytes become that text, when not plain UTF-8 (XML follows its declaration). */
  decode?: (bytes: Uint8Array) => string;
}

/** One entry per format; readers register here and nowhere else. */
export const FORMAT_READERS: Partial<Record<ManifestFormat, FormatReader>> = {
  json: { whole: (input, ctx) => readCanonicalJson(input as string, ctx), text: true },
  ndjson: { incremental: createNdjsonReader },
  cuscar: { incremental: createCuscarReader },
  csv: { incremental: createCsvReader },
  ...XML_READERS,
};
