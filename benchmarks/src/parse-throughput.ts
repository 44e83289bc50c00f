import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { type Consignment, type ManifestFormat, type ParseResult, parseManifest } from '@cargorisk/manifest';
import { benchInput, FORMATS, MESSAGE_FORMATS, wholeDocuments, XML_FORMATS } from './harness/bench-data.js';
import type { BenchResult } from './harness/bench-result.js';
import { type Measurement, measure, median } from './harness/measure.js';
import { type Scenario, ScenarioSkip } from './harness/scenario.js';

/*
 * Reader throughput, format by format, on a generated manifest held in memory: the fast path
 * alone, and for the XML formats the fast path against the fast-xml-parser reference on the same
 * bytes. Before timing, both readers must accept every consignment and give the same ones.
 *
 * Beside the CUSCAR reader, two yardsticks build the same consignments from a serialised form with V8's own
 * native code: JSON.parse of their canonical JSON, and v8.deserialize of their structured-clone bytes. They
 * check nothing and map nothing; they show what materialising that many model objects costs on this machine.
 */

const TARGETS: Partial<Record<ManifestFormat, { mbPerSec: number; ratio?: number }>> = {
  xfwb: { mbPerSec: 40, ratio: 4 },
  xfzb: { mbPerSec: 40, ratio: 4 },
  xffm: { mbPerSec: 40, ratio: 4 },
  'wco-dm': { mbPerSec: 40, ratio: 4 },
  cuscar: { mbPerSec: 100 },
};

// `source` says where each reader found a record; the two readers may locate it differently.
const withoutSource = (c: Consignment) => {
  const { source: _s, ...rest } = c;
  return rest;
};

type Reader = 'fast' | 'reference';

/** What one pass over the input gives: a whole document, or each message of a message format in turn. */
interface ReadAll {
  consignments: Consignment[];
  accepted: number;
  rejected: number;
  firstError: string | undefined;
}

function readAll(documents: readonly Uint8Array[], format: ManifestFormat, reader: Reader): ReadAll {
  const out: ReadAll = { consignments: [], accepted: 0, rejected: 0, firstError: undefined };
  for (const doc of documents) {
    const r: ParseResult = parseManifest(doc, { format, reader, limits: { maxBytes: 2 ** 31 } });
    for (const c of r.manifest.consignments) out.consignments.push(c);
    out.accepted += r.stats.accepted;
    out.rejected += r.stats.rejected;
    const e = r.issues.find((i) => i.severity !== 'warning');
    if (e !== undefined && out.firstError === undefined) out.firstError = `${e.code}: ${e.message}`;
  }
  return out;
}

/** The same pass without keeping anything: what is timed. */
function parseEach(documents: readonly Uint8Array[], format: ManifestFormat, reader: Reader): void {
  for (const doc of documents) parseManifest(doc, { format, reader, limits: { maxBytes: 2 ** 31 } });
}

/** One timed thing of the scenario: a reader on a format's documents, or a yardstick. */
interface Job {
  format: ManifestFormat;
  what: 'fast' | 'reference' | 'JSON.parse' | 'v8.deserialize';
  run: () => unknown;
  units: number;
  bytes: number;
  runs: Measurement[];
}

export const parseThroughput: Scenario = {
  name: 'parse',
  title: 'reader throughput by format, fast path against the fast-xml-parser reference',
  async run(ctx) {
    const count = ctx.quick ? 1000 : 3000;
    // The quick run keeps one XML format, the one that carries many consignments per document.
    const formats = ctx.quick ? (['xffm'] as const) : FORMATS;
    const results: BenchResult[] = [];
    const failed = (format: ManifestFormat, reader: NonNullable<BenchResult['reader']>, message: string) =>
      results.push({ scenario: 'parse', name: `parse ${format}`, format, reader, failed: message });
    // Checked first, format by format; then every reader and yardstick is timed once per round, the rounds
    // one after the other, and each figure is the median of its rounds: a slow spell of the shared machine
    // then lands on one round of every format rather than on all rounds of one.
    const jobs: Job[] = [];
    const docsOf = new Map<ManifestFormat, Uint8Array[]>();
    for (const format of formats) {
      const name = `parse ${format}`;
      let documents: Uint8Array[];
      try {
        documents = wholeDocuments(benchInput(format, count), format);
      } catch (e) {
        if (!(e instanceof ScenarioSkip)) throw e;
        results.push({ scenario: 'parse', name, format, skipped: e.reason });
        continue;
      }
      const bytes = documents.reduce((n, d) => n + d.byteLength, 0);
      let fast: ReadAll;
      try {
        fast = readAll(documents, format, 'fast');
      } catch (e) {
        failed(format, 'fast', `the fast reader threw: ${(e as Error).message}`);
        continue;
      }
      // Every consignment the format carries must be accepted; some formats carry fewer than were
      // generated (a flight manifest lists the waybills, not their houses), which the readers'
      // own tests check against the generator.
      if (fast.accepted === 0 || fast.rejected !== 0) {
        failed(
          format,
          'fast',
          `the fast reader accepted ${fast.accepted} and rejected ${fast.rejected} consignments of a generated manifest of ${count}${fast.firstError ? ` (first: ${fast.firstError})` : ''}`,
        );
        continue;
      }
      docsOf.set(format, documents);
      const units = fast.accepted;
      jobs.push({ format, what: 'fast', run: () => parseEach(documents, format, 'fast'), units, bytes, runs: [] });
      if (XML_FORMATS.has(format)) {
        let reference: ReadAll;
        try {
          reference = readAll(documents, format, 'reference');
        } catch (e) {
          failed(format, 'fast-xml-parser', `the reference reader threw: ${(e as Error).message}`);
          continue;
        }
        const differs = fast.consignments.findIndex(
          (c, k) => !isDeepStrictEqual(withoutSource(c), withoutSource(reference.consignments[k] ?? c)),
        );
        if (reference.consignments.length !== fast.consignments.length || differs >= 0) {
          failed(
            format,
            'fast-xml-parser',
            `the fast and reference readers give different consignments (${fast.consignments.length} and ${reference.consignments.length}; first difference at ${differs}, ${fast.consignments[differs]?.id ?? ''})`,
          );
          continue;
        }
        jobs.push({
          format,
          what: 'reference',
          run: () => parseEach(documents, format, 'reference'),
          units,
          bytes,
          runs: [],
        });
      }
      if (format === 'cuscar') {
        for (const y of yardsticks(fast.consignments)) {
          if (y.failed !== undefined) failed(format, y.what, y.failed);
          else jobs.push({ format, what: y.what, run: y.run, units, bytes: y.bytes, runs: [] });
        }
      }
    }

    const rounds = ctx.quick ? 1 : 3;
    const timeMs = (ctx.quick ? 1000 : 1500) / rounds;
    for (let r = 0; r < rounds; r++) {
      for (const job of jobs) {
        const timing = {
          units: job.units,
          bytes: job.bytes,
          timeMs,
          minIterations: 3,
          warmupMs: r === 0 ? 100 : 20,
          warmupIterations: 1,
        };
        job.runs.push(await measure(`parse ${job.format} ${job.what}`, job.run, timing));
      }
    }

    const at = (format: ManifestFormat, what: Job['what']) => {
      const job = jobs.find((j) => j.format === format && j.what === what);
      if (job === undefined) return undefined;
      return {
        job,
        unitsPerSec: median(job.runs.map((m) => m.unitsPerSec)),
        mbPerSec: median(job.runs.map((m) => m.mbPerSec!)),
        noise: median(job.runs.map((m) => m.relMad)),
      };
    };
    const roundsNote = rounds > 1 ? `median of ${rounds} rounds spread over the scenario` : undefined;
    for (const format of formats) {
      const fast = at(format, 'fast');
      if (fast === undefined) continue;
      const { units, bytes } = fast.job;
      const documents = docsOf.get(format) ?? [];
      const perMessage = MESSAGE_FORMATS.has(format);
      const notes = [
        perMessage ? `${documents.length} messages of one waybill each, parsed one by one` : undefined,
        !perMessage && units !== count
          ? `the ${format} document carries ${units} of the ${count} generated consignments`
          : undefined,
        roundsNote,
      ].filter((n) => n !== undefined);
      const row: BenchResult = {
        scenario: 'parse',
        name: `parse ${format}`,
        format,
        reader: 'fast',
        consignments: units,
        bytes,
        consignmentsPerSec: fast.unitsPerSec,
        mbPerSec: fast.mbPerSec,
        noise: fast.noise,
        ...(notes.length > 0 ? { notes: notes.join('; ') } : {}),
      };
      results.push(row);
      ctx.log(
        `  ${format} fast: ${fast.mbPerSec.toFixed(1)} MB/s, ${Math.round(fast.unitsPerSec)} consignments/s (${(bytes / 1e6).toFixed(1)} MB)`,
      );
      const ref = at(format, 'reference');
      if (ref !== undefined) {
        row.ratio = fast.unitsPerSec / ref.unitsPerSec;
        row.ratioTo = 'fast ÷ fast-xml-parser';
        results.push({
          scenario: 'parse',
          name: `parse ${format}`,
          format,
          reader: 'fast-xml-parser',
          consignments: units,
          bytes,
          consignmentsPerSec: ref.unitsPerSec,
          mbPerSec: ref.mbPerSec,
          noise: ref.noise,
          method:
            "cargorisk's reference reader: fast-xml-parser builds the tree and the same mapping walks it; it gave the same consignments as the fast path (source locations aside)",
        });
        ctx.log(`  ${format} fast-xml-parser: ${ref.mbPerSec.toFixed(1)} MB/s (fast is ${row.ratio.toFixed(2)}×)`);
      }
      for (const what of ['JSON.parse', 'v8.deserialize'] as const) {
        const y = at(format, what);
        if (y === undefined) continue;
        results.push({
          scenario: 'parse',
          name: `parse ${format}`,
          format,
          reader: what,
          consignments: units,
          bytes: y.job.bytes,
          consignmentsPerSec: y.unitsPerSec,
          mbPerSec: y.mbPerSec,
          noise: y.noise,
          ratio: fast.unitsPerSec / y.unitsPerSec,
          ratioTo: 'CUSCAR reader ÷ this, consignments per second',
          method: YARDSTICK_METHODS[what],
        });
        ctx.log(
          `  ${format} yardstick ${what}: ${Math.round(y.unitsPerSec)} consignments/s (the reader makes ${(fast.unitsPerSec / y.unitsPerSec).toFixed(2)}× as many)`,
        );
      }
      const target = TARGETS[format];
      if (target !== undefined) {
        row.target = `≥ ${target.mbPerSec} MB/s${target.ratio ? ` and ≥ ${target.ratio}× reference` : ''}`;
        row.met = row.mbPerSec! >= target.mbPerSec && (target.ratio === undefined || (row.ratio ?? 0) >= target.ratio);
      }
    }
    return results;
  },
};

const YARDSTICK_METHODS = {
  'JSON.parse':
    "V8's JSON.parse of the CUSCAR reader's consignments as canonical JSON (a string already in memory): the model's objects made by native code, with no reading of EDIFACT, no checks and no source locations",
  'v8.deserialize':
    "node:v8 deserialize of the same consignments' structured-clone bytes: the model's objects made by native code from a binary form",
} as const;

/**
 * JSON.parse and v8.deserialize making the consignments the CUSCAR reader made, each checked to give them
 * back exactly before it is timed.
 */
function yardsticks(
  consignments: readonly Consignment[],
): { what: 'JSON.parse' | 'v8.deserialize'; run: () => unknown; bytes: number; failed?: string }[] {
  const json = JSON.stringify(consignments);
  const cloned = serialize(consignments);
  const ways = [
    { what: 'JSON.parse' as const, bytes: Buffer.byteLength(json), run: () => JSON.parse(json) as unknown },
    { what: 'v8.deserialize' as const, bytes: cloned.byteLength, run: () => deserialize(cloned) as unknown },
  ];
  return ways.map((way) =>
    isDeepStrictEqual(way.run(), consignments) ? way : { ...way, failed: 'does not give the same consignments back' },
  );
}
