import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { ManifestFormat } from '@cargorisk/manifest';
import { GeneratorError } from './errors.js';
import { serializers } from './formats/index.js';
import { generateManifestHeader, generateRecords } from './generate-manifest.js';
import type { GenerateOptions, PlantProfile } from './options.js';

export interface WriteManifestOptions {
  /**
   * Stop once the file has at least this many bytes (the consignment that crosses it is the
   * last, then the format's closing). Without it, `consignments` decides.
   */
  maxBytes?: number;
  /** Called with every planted consignment's id and profiles, for a ground-truth file. */
  onPlanted?: (id: string, profiles: readonly PlantProfile[]) => void;
}

export interface WriteManifestResult {
  consignments: number;
  bytes: number;
  planted: Record<PlantProfile, number>;
}

// Many small pieces are joined before each write: one fs write per consignment costs more than generating it.
const CHUNK = 256 * 1024;

/**
 * Generates a manifest straight to a file in `format`, streaming: memory stays flat whatever the
 * size, and writing waits when the disk is slower than generation (backpressure).
 *
 * @example
 * await writeManifestFile('/tmp/big.ndjson', { seed: 7, consignments: Infinity }, 'ndjson', { maxBytes: 1e9 });
 */
export async function writeManifestFile(
  path: string,
  options: GenerateOptions,
  format: ManifestFormat,
  write: WriteManifestOptions = {},
): Promise<WriteManifestResult> {
  const serializer = serializers[format];
  if (serializer === undefined) {
    throw new GeneratorError('unsupported-format', `no serializer for "${format}" in this build`);
  }
  const maxBytes = write.maxBytes ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(options.consignments ?? 100) && !Number.isFinite(maxBytes)) {
    throw new GeneratorError('invalid-options', 'an endless stream needs maxBytes');
  }
  const header = generateManifestHeader(options);
  const planted = {} as Record<PlantProfile, number>;
  let bytes = 0;
  let consignments = 0;
  function* records() {
    for (const record of generateRecords(options)) {
      if (bytes >= maxBytes) return;
      consignments++;
      for (const p of record.planted) planted[p] = (planted[p] ?? 0) + 1;
      if (record.planted.length > 0) write.onPlanted?.(record.consignment.id, record.planted);
      yield record.consignment;
    }
  }
  const pieces = serializer.stream?.(header, records()) ?? [
    serializer.serialize({ ...header, consignments: [...records()] }),
  ];
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  try {
    let buffer = '';
    for (const piece of pieces) {
      buffer += piece;
      // `bytes` counts what is written and buffered, so the size check sees the record just made.
      bytes += Buffer.byteLength(piece);
      if (buffer.length >= CHUNK) {
        const ok = out.write(buffer);
        buffer = '';
        if (!ok) await Promise.race([once(out, 'drain'), failed]);
      }
    }
    if (buffer !== '') out.write(buffer);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (cause) {
    out.destroy();
    throw new GeneratorError('write-failed', `could not write ${path}: ${(cause as Error).message}`, { cause });
  }
  return { consignments, bytes, planted };
}
