import { isDeepStrictEqual } from 'node:util';
import { type Consignment, type ManifestFormat, type ParseResult, parseManifest } from '@cargorisk/manifest';
import { benchBytes, FORMATS, XML_FORMATS } from './harness/bench-data.js';
import type { BenchResult } from './harness/bench-result.js';
import { measure } from './harness/measure.js';
import { type Scenario, ScenarioSkip } from './harness/scenario.js';

/*
 * Reader throughput, format by format, on a generated manifest held in memory: the fast path
 * alone, and for the XML formats the fast path against the fast-xml-parser reference on the same
 * bytes. Before timing, both readers must accept every consignment and give the same ones.
 */

const TARGETS: Partial<Record<ManifestFormat, { mbPerSec: number; ratio?: number }>> = {
  xfwb: { mbPerSec: 40, ratio: 4 },
  xfzb: { mbPerSec: 40, ratio: 4 },
  xffm: { mbPerSec: 40, ratio: 4 },
  'wco-dm': { mbPerSec: 40, ratio: 4 },
  cuscar: { mbPerSec: 100 },
};

// `source` says where each reader found a record; the two readers may locate it differently.
const withoutSource = (cs: readonly Consignment[]) => cs.map(({ source: _s, ...rest }) => rest);

export const parseThroughput: Scenario = {
  name: 'parse',
  title: 'reader throughput by format, fast path against the fast-xml-parser reference',
  async run(ctx) {
    const parse = parseManifest;
    const count = ctx.quick ? 2000 : 10_000;
    const formats = ctx.quick ? FORMATS.filter((f) => f === 'xffm' || f === 'wco-dm' || f === 'xfwb') : FORMATS;
    const results: BenchResult[] = [];
    let xmlMeasured = false;
    for (const format of formats) {
      if (ctx.quick && xmlMeasured) break; // the quick run keeps one XML format
      const name = `parse ${format}`;
      let bytes: Uint8Array;
      try {
        bytes = benchBytes(format, count);
      } catch (e) {
        if (!(e instanceof ScenarioSkip)) throw e;
        results.push({ scenario: 'parse', name, format, skipped: e.reason });
        continue;
      }
      const options = (reader: 'fast' | 'reference') => ({ format, reader, limits: { maxBytes: 2 ** 31 } });
      let fast: ParseResult;
      try {
        fast = parse(bytes, options('fast'));
      } catch (e) {
        results.push({
          scenario: 'parse',
          name,
          format,
          reader: 'fast',
          failed: `the fast reader threw: ${(e as Error).message}`,
        });
        continue;
      }
      if (fast.stats.accepted !== count || fast.stats.rejected !== 0) {
        const first = fast.issues.find((i) => i.severity !== 'warning');
        results.push({
          scenario: 'parse',
          name,
          format,
          reader: 'fast',
          failed: `the fast reader accepted ${fast.stats.accepted} and rejected ${fast.stats.rejected} of ${count} generated consignments${first ? ` (first: ${first.code} ${first.message})` : ''}`,
        });
        continue;
      }
      const units = fast.stats.accepted;
      const timeMs = ctx.quick ? 1500 : 2500;
      const fastM = await measure(`${name} fast`, () => parse(bytes, options('fast')), {
        units,
        bytes: bytes.byteLength,
        timeMs,
        minIterations: 3,
      });
      const target = TARGETS[format];
      const row: BenchResult = {
        scenario: 'parse',
        name,
        format,
        reader: 'fast',
        consignments: units,
        bytes: bytes.byteLength,
        consignmentsPerSec: fastM.unitsPerSec,
        mbPerSec: fastM.mbPerSec!,
        noise: fastM.relMad,
      };
      ctx.log(
        `  ${format} fast: ${fastM.mbPerSec!.toFixed(1)} MB/s, ${Math.round(fastM.unitsPerSec)} consignments/s (${(bytes.byteLength / 1e6).toFixed(1)} MB)`,
      );
      results.push(row);
      if (XML_FORMATS.has(format)) {
        xmlMeasured = true;
        let reference: ParseResult;
        try {
          reference = parse(bytes, options('reference'));
        } catch (e) {
          results.push({
            scenario: 'parse',
            name,
            format,
            reader: 'fast-xml-parser',
            failed: `the reference reader threw: ${(e as Error).message}`,
          });
          continue;
        }
        if (
          !isDeepStrictEqual(withoutSource(reference.manifest.consignments), withoutSource(fast.manifest.consignments))
        ) {
          const i = fast.manifest.consignments.findIndex(
            (c, k) =>
              !isDeepStrictEqual(withoutSource([c]), withoutSource(reference.manifest.consignments.slice(k, k + 1))),
          );
          results.push({
            scenario: 'parse',
            name,
            format,
            reader: 'fast-xml-parser',
            failed: `the fast and reference readers give different consignments (first at index ${i}, ${fast.manifest.consignments[i]?.id})`,
          });
          continue;
        }
        const refM = await measure(`${name} reference`, () => parse(bytes, options('reference')), {
          units,
          bytes: bytes.byteLength,
          timeMs,
          minIterations: 3,
        });
        row.ratio = fastM.unitsPerSec / refM.unitsPerSec;
        row.ratioTo = 'fast ÷ fast-xml-parser';
        results.push({
          scenario: 'parse',
          name,
          format,
          reader: 'fast-xml-parser',
          consignments: units,
          bytes: bytes.byteLength,
          consignmentsPerSec: refM.unitsPerSec,
          mbPerSec: refM.mbPerSec!,
          noise: refM.relMad,
          notes:
            "cargorisk's reference reader: fast-xml-parser builds the tree, the same mapping walks it; same consignments as the fast path",
        });
        ctx.log(`  ${format} fast-xml-parser: ${refM.mbPerSec!.toFixed(1)} MB/s (fast is ${row.ratio.toFixed(2)}×)`);
      }
      if (target !== undefined) {
        row.target = `≥ ${target.mbPerSec} MB/s${target.ratio ? ` and ≥ ${target.ratio}× reference` : ''}`;
        row.met = row.mbPerSec! >= target.mbPerSec && (target.ratio === undefined || (row.ratio ?? 0) >= target.ratio);
      }
    }
    return results;
  },
};
