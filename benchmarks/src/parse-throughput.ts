import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { type Consignment, type ManifestFormat, type ParseResult, parseManifest } from '@cargorisk/manifest';
import { benchInput, FORMATS, MESSAGE_FORMATS, wholeDocuments, XML_FORMATS } from './harness/bench-data.js';
import type { BenchResult } from './harness/bench-result.js';
import { measure } from './harness/measure.js';
import { type Scenario, type ScenarioContext, ScenarioSkip } from './harness/scenario.js';

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

export const parseThroughput: Scenario = {
  name: 'parse',
  title: 'reader throughput by format, fast path against the fast-xml-parser reference',
  async run(ctx) {
    const count = ctx.quick ? 1000 : 3000;
    // The quick run keeps one XML format, the one that carries many consignments per document.
    const formats = ctx.quick ? (['xffm'] as const) : FORMATS;
    const results: BenchResult[] = [];
    for (const format of formats) {
      const name = `parse ${format}`;
      const perMessage = MESSAGE_FORMATS.has(format);
      let documents: Uint8Array[];
      try {
        documents = wholeDocuments(benchInput(format, count), format);
      } catch (e) {
        if (!(e instanceof ScenarioSkip)) throw e;
        results.push({ scenario: 'parse', name, format, skipped: e.reason });
        continue;
      }
      const bytes = documents.reduce((n, d) => n + d.byteLength, 0);
      const failed = (reader: NonNullable<BenchResult['reader']>, message: string) =>
        results.push({ scenario: 'parse', name, format, reader, failed: message });
      let fast: ReadAll;
      try {
        fast = readAll(documents, format, 'fast');
      } catch (e) {
        failed('fast', `the fast reader threw: ${(e as Error).message}`);
        continue;
      }
      // Every consignment the format carries must be accepted; some formats carry fewer than were
      // generated (a flight manifest lists the waybills, not their houses), which the readers'
      // own tests check against the generator.
      if (fast.accepted === 0 || fast.rejected !== 0) {
        failed(
          'fast',
          `the fast reader accepted ${fast.accepted} and rejected ${fast.rejected} consignments of a generated manifest of ${count}${fast.firstError ? ` (first: ${fast.firstError})` : ''}`,
        );
        continue;
      }
      const units = fast.accepted;
      const timing = {
        units,
        bytes,
        timeMs: ctx.quick ? 1000 : 1500,
        minIterations: 3,
        warmupMs: 100,
        warmupIterations: 1,
      };
      const fastM = await measure(`${name} fast`, () => parseEach(documents, format, 'fast'), timing);
      const notes = [
        perMessage ? `${documents.length} messages of one waybill each, parsed one by one` : undefined,
        !perMessage && units !== count
          ? `the ${format} document carries ${units} of the ${count} generated consignments`
          : undefined,
      ].filter((n) => n !== undefined);
      const row: BenchResult = {
        scenario: 'parse',
        name,
        format,
        reader: 'fast',
        consignments: units,
        bytes,
        consignmentsPerSec: fastM.unitsPerSec,
        mbPerSec: fastM.mbPerSec!,
        noise: fastM.relMad,
        ...(notes.length > 0 ? { notes: notes.join('; ') } : {}),
      };
      results.push(row);
      ctx.log(
        `  ${format} fast: ${fastM.mbPerSec!.toFixed(1)} MB/s, ${Math.round(fastM.unitsPerSec)} consignments/s (${(bytes / 1e6).toFixed(1)} MB)`,
      );
      if (XML_FORMATS.has(format)) {
        let reference: ReadAll;
        try {
          reference = readAll(documents, format, 'reference');
        } catch (e) {
          failed('fast-xml-parser', `the reference reader threw: ${(e as Error).message}`);
          continue;
        }
        const differs = fast.consignments.findIndex(
          (c, k) => !isDeepStrictEqual(withoutSource(c), withoutSource(reference.consignments[k] ?? c)),
        );
        if (reference.consignments.length !== fast.consignments.length || differs >= 0) {
          failed(
            'fast-xml-parser',
            `the fast and reference readers give different consignments (${fast.consignments.length} and ${reference.consignments.length}; first difference at ${differs}, ${fast.consignments[differs]?.id ?? ''})`,
          );
          continue;
        }
        const refM = await measure(`${name} reference`, () => parseEach(documents, format, 'reference'), timing);
        row.ratio = fastM.unitsPerSec / refM.unitsPerSec;
        row.ratioTo = 'fast ÷ fast-xml-parser';
        results.push({
          scenario: 'parse',
          name,
          format,
          reader: 'fast-xml-parser',
          consignments: units,
          bytes,
          consignmentsPerSec: refM.unitsPerSec,
          mbPerSec: refM.mbPerSec!,
          noise: refM.relMad,
          method:
            "cargorisk's reference reader: fast-xml-parser builds the tree and the same mapping walks it; it gave the same consignments as the fast path (source locations aside)",
        });
        ctx.log(`  ${format} fast-xml-parser: ${refM.mbPerSec!.toFixed(1)} MB/s (fast is ${row.ratio.toFixed(2)}×)`);
      }
      if (format === 'cuscar') results.push(...(await yardsticks(fast.consignments, fastM.unitsPerSec, timing, ctx)));
      const target = TARGETS[format];
      if (target !== undefined) {
        row.target = `≥ ${target.mbPerSec} MB/s${target.ratio ? ` and ≥ ${target.ratio}× reference` : ''}`;
        row.met = row.mbPerSec! >= target.mbPerSec && (target.ratio === undefined || (row.ratio ?? 0) >= target.ratio);
      }
    }
    return results;
  },
};

/** JSON.parse and v8.deserialize making the consignments the CUSCAR reader made, timed as the reader was. */
async function yardsticks(
  consignments: readonly Consignment[],
  readerPerSec: number,
  timing: { units: number; timeMs: number; minIterations: number; warmupMs: number; warmupIterations: number },
  ctx: ScenarioContext,
): Promise<BenchResult[]> {
  const json = JSON.stringify(consignments);
  const cloned = serialize(consignments);
  const ways = [
    {
      reader: 'JSON.parse' as const,
      bytes: Buffer.byteLength(json),
      run: () => JSON.parse(json) as unknown[],
      method:
        "V8's JSON.parse of the CUSCAR reader's consignments as canonical JSON (a string already in memory): the model's objects made by native code, with no reading of EDIFACT, no checks and no source locations",
    },
    {
      reader: 'v8.deserialize' as const,
      bytes: cloned.byteLength,
      run: () => deserialize(cloned) as unknown[],
      method:
        "node:v8 deserialize of the same consignments' structured-clone bytes: the model's objects made by native code from a binary form",
    },
  ];
  const rows: BenchResult[] = [];
  for (const way of ways) {
    const made = way.run();
    if (!isDeepStrictEqual(made, consignments)) {
      rows.push({
        scenario: 'parse',
        name: 'parse cuscar',
        format: 'cuscar',
        reader: way.reader,
        failed: 'does not give the same consignments',
      });
      continue;
    }
    const m = await measure(`yardstick ${way.reader}`, way.run, { ...timing, bytes: way.bytes });
    rows.push({
      scenario: 'parse',
      name: 'parse cuscar',
      format: 'cuscar',
      reader: way.reader,
      consignments: consignments.length,
      bytes: way.bytes,
      consignmentsPerSec: m.unitsPerSec,
      mbPerSec: m.mbPerSec!,
      noise: m.relMad,
      ratio: readerPerSec / m.unitsPerSec,
      ratioTo: 'CUSCAR reader ÷ this, consignments per second',
      method: way.method,
    });
    ctx.log(
      `  cuscar yardstick ${way.reader}: ${Math.round(m.unitsPerSec)} consignments/s (the reader makes ${(readerPerSec / m.unitsPerSec).toFixed(2)}× as many)`,
    );
  }
  return rows;
}
