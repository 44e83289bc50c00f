import { type GenerateOptions, generateConsignments, generateManifestHeader, serializers } from '@cargorisk/generator';
import type { Consignment, ManifestFormat, ManifestHeader } from '@cargorisk/manifest';
import { ScenarioSkip } from './scenario.js';

/*
 * The data every scenario measures: the generator's synthetic manifests (with its default planted
 * targets, so the packs fire), one fixed seed, so two runs and two machines measure the same work.
 * Consignments are generated once per transport mode and kept for the run; each format is written
 * from them with the generator's own writers.
 */

/** Every format cargorisk reads, in the order results list them. */
export const FORMATS: readonly ManifestFormat[] = ['json', 'ndjson', 'csv', 'xfwb', 'xfzb', 'xffm', 'wco-dm', 'cuscar'];
export const XML_FORMATS: ReadonlySet<ManifestFormat> = new Set(['xfwb', 'xfzb', 'xffm', 'wco-dm']);
/**
 * Formats that carry one consignment per message (IATA XFWB: a master or direct air waybill; XFZB:
 * a house waybill): a gateway receives them one document at a time, so they are read that way.
 */
export const MESSAGE_FORMATS: ReadonlySet<ManifestFormat> = new Set(['xfwb', 'xfzb']);

const SEED = 'cargorisk-bench';
type Mode = 'sea' | 'air';

/** IATA formats carry an air manifest; the others a sea one. */
export function modeOf(format: ManifestFormat | undefined): Mode {
  return format === 'xfwb' || format === 'xfzb' || format === 'xffm' ? 'air' : 'sea';
}

export function generateOptionsFor(format: ManifestFormat | undefined, count: number): GenerateOptions {
  return { seed: SEED, consignments: count, mode: modeOf(format) };
}

const cache = new Map<Mode, Consignment[]>();

/** The first `count` generated consignments of a mode (sea unless said), the same in every scenario and run. */
export function benchConsignments(count: number, mode: Mode = 'sea'): Consignment[] {
  let held = cache.get(mode);
  if (held === undefined || held.length < count) {
    held = Array.from(generateConsignments({ seed: SEED, consignments: count, mode }));
    cache.set(mode, held);
  }
  return held.length === count ? held : held.slice(0, count);
}

/** Lets the held consignments go (before the memory-hungry scenarios). */
export function releaseBenchConsignments(): void {
  cache.clear();
}

function serializerFor(format: ManifestFormat) {
  const serializer = serializers[format];
  if (serializer === undefined) throw new ScenarioSkip(`@cargorisk/generator has no ${format} writer in this build`);
  if (serializer.stream === undefined) throw new ScenarioSkip(`@cargorisk/generator has no streaming ${format} writer`);
  return { ...serializer, stream: serializer.stream };
}

/** The header the generator writes for a manifest in `format`. */
export function benchHeader(format: ManifestFormat, count: number): ManifestHeader {
  return { ...generateManifestHeader(generateOptionsFor(format, count)), format };
}

/** What a format's input is: one document, or for the message formats one document per consignment. */
export interface BenchInput {
  documents: Buffer[];
  bytes: number;
  /** Consignments written (for message formats, those of the kind the format carries). */
  written: number;
}

/**
 * The first `count` generated consignments written in `format`: a document formats as 1 MiB byte
 * chunks of one document (as a file read would give them), a message format as one message per
 * consignment it carries (XFWB the waybills, XFZB the houses).
 */
export function benchInput(format: ManifestFormat, count: number): BenchInput {
  const serializer = serializerFor(format);
  const header = benchHeader(format, count);
  let consignments = benchConsignments(count, modeOf(format));
  if (MESSAGE_FORMATS.has(format)) {
    consignments = consignments.filter((c) => (c.kind === 'house') === (format === 'xfzb'));
    const documents = Array.from(serializer.stream(header, consignments), (m) => Buffer.from(m));
    return { documents, bytes: documents.reduce((n, d) => n + d.byteLength, 0), written: consignments.length };
  }
  const documents = chunked(serializer.stream(header, consignments));
  return { documents, bytes: documents.reduce((n, d) => n + d.byteLength, 0), written: consignments.length };
}

/** The same input as one document (message formats: unchanged, one per consignment). */
export function wholeDocuments(input: BenchInput, format: ManifestFormat): Buffer[] {
  return MESSAGE_FORMATS.has(format) ? input.documents : [Buffer.concat(input.documents)];
}

/**
 * The pieces the generator's streaming writer gives for `count` freshly generated consignments in
 * `format`, drawn lazily: nothing but the current consignment is held (for files larger than memory).
 */
export function streamPieces(format: ManifestFormat, count: number): Iterable<string> {
  return serializerFor(format).stream(
    benchHeader(format, count),
    generateConsignments(generateOptionsFor(format, count)),
  );
}

function chunked(pieces: Iterable<string>): Buffer[] {
  const chunks: Buffer[] = [];
  let pending: string[] = [];
  let pendingLength = 0;
  for (const piece of pieces) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= 1 << 20) {
      chunks.push(Buffer.from(pending.join('')));
      pending = [];
      pendingLength = 0;
    }
  }
  chunks.push(Buffer.from(pending.join('')));
  return chunks;
}
