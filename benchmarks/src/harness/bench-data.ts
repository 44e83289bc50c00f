import {
  type GenerateOptions,
  generateConsignments,
  generateManifest,
  generateManifestHeader,
  serializers,
} from '@cargorisk/generator';
import type { Consignment, ManifestFormat, ManifestHeader } from '@cargorisk/manifest';
import { ScenarioSkip } from './scenario.js';

/*
 * The data every scenario measures: the generator's synthetic manifests (with its default planted
 * targets, so the packs fire), fixed seeds, so two runs and two machines measure the same work.
 */

/** Every format cargorisk reads, in the order results list them. */
export const FORMATS: readonly ManifestFormat[] = ['json', 'ndjson', 'csv', 'xfwb', 'xfzb', 'xffm', 'wco-dm', 'cuscar'];
export const XML_FORMATS: ReadonlySet<ManifestFormat> = new Set(['xfwb', 'xfzb', 'xffm', 'wco-dm']);

const SEED = 'cargorisk-bench';

/** The generator options for a manifest written in `format`: IATA formats carry an air manifest. */
export function generateOptionsFor(format: ManifestFormat | undefined, count: number): GenerateOptions {
  const air = format === 'xfwb' || format === 'xfzb' || format === 'xffm';
  return { seed: SEED, consignments: count, mode: air ? 'air' : 'sea' };
}

const cache = new Map<number, Consignment[]>();

/** `count` generated sea consignments, the same for every scenario and every run. */
export function benchConsignments(count: number): Consignment[] {
  let hit = cache.get(count);
  if (hit === undefined) {
    hit = Array.from(generateConsignments(generateOptionsFor(undefined, count)));
    cache.set(count, hit);
  }
  return hit;
}

function serializerFor(format: ManifestFormat) {
  const serializer = serializers[format];
  if (serializer === undefined) throw new ScenarioSkip(`@cargorisk/generator has no ${format} writer in this build`);
  return serializer;
}

/** A generated manifest of `count` consignments written in `format`, as bytes. */
export function benchBytes(format: ManifestFormat, count: number): Uint8Array {
  return Buffer.from(serializerFor(format).serialize(generateManifest(generateOptionsFor(format, count)).manifest));
}

/** The header the generator writes for a manifest in `format`. */
export function benchHeader(format: ManifestFormat, count: number): ManifestHeader {
  return { ...generateManifestHeader(generateOptionsFor(format, count)), format };
}

/**
 * The pieces the generator's streaming writer gives for `count` consignments in `format`, drawn
 * lazily: nothing but the current consignment is held.
 */
export function streamPieces(format: ManifestFormat, count: number): Iterable<string> {
  const serializer = serializerFor(format);
  if (serializer.stream === undefined) throw new ScenarioSkip(`@cargorisk/generator has no streaming ${format} writer`);
  return serializer.stream(benchHeader(format, count), generateConsignments(generateOptionsFor(format, count)));
}

/** {@link streamPieces} gathered into 1 MiB byte chunks, as a file read would give them. */
export function benchStreamChunks(format: ManifestFormat, count: number): { chunks: Buffer[]; bytes: number } {
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
  for (const piece of streamPieces(format, count)) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= 1 << 20) flush();
  }
  flush();
  return { chunks, bytes };
}

/**
 * Formats that carry one consignment per message (IATA XFWB: a master or direct air waybill; XFZB:
 * a house waybill): a gateway receives them one document at a time, so they are read that way.
 */
export const MESSAGE_FORMATS: ReadonlySet<ManifestFormat> = new Set(['xfwb', 'xfzb']);

function* takeMessages(format: ManifestFormat, count: number): Generator<Consignment> {
  const wantHouse = format === 'xfzb';
  let n = 0;
  if (count <= 0) return;
  for (const c of generateConsignments({
    ...generateOptionsFor(format, count),
    consignments: Number.POSITIVE_INFINITY,
  })) {
    if ((c.kind === 'house') !== wantHouse) continue;
    yield c;
    if (++n >= count) return;
  }
}

/** `count` generated messages of a one-consignment-per-message format, each a complete document. */
export function benchMessages(format: ManifestFormat, count: number): Buffer[] {
  const serializer = serializerFor(format);
  if (serializer.stream === undefined) throw new ScenarioSkip(`@cargorisk/generator has no streaming ${format} writer`);
  return Array.from(serializer.stream(benchHeader(format, count), takeMessages(format, count)), (m) => Buffer.from(m));
}
