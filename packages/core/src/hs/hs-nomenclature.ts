import { readFileSync } from 'node:fs';

/*
 * HS 2022 (packages/core/data/hs2022.csv, public domain, see data/README.md): read on first use, so
 * importing the package costs nothing until a rule set is validated or a consignment scored. Scoring
 * only asks whether a code exists, so the codes and the descriptions are two separate lazy tables:
 * the set of codes is about half a megabyte of heap, where building the descriptions too (one
 * string per row, 6,940 rows) cost a scorer that never explains a code some 19 MB when each
 * description was put together a character at a time.
 */

const DATA = new URL('../../data/hs2022.csv', import.meta.url);
const CODE = /^\d{2,6}$/;

let codes: Set<string> | undefined;
let descriptions: Map<string, string> | undefined;

/**
 * Calls `row` with the first three fields of every data row. The section and the code are never
 * quoted; a description is, when it holds a comma (`""` inside stands for one quote).
 */
function eachRow(withDescription: boolean, row: (section: string, code: string, description: string) => void): void {
  const text = readFileSync(DATA, 'utf8');
  // Past the header line.
  let at = text.indexOf('\n') + 1;
  while (at > 0 && at < text.length) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    const lineEnd = text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const c1 = text.indexOf(',', at);
    const c2 = c1 < 0 || c1 >= lineEnd ? -1 : text.indexOf(',', c1 + 1);
    if (c2 >= 0 && c2 < lineEnd) {
      row(text.slice(at, c1), text.slice(c1 + 1, c2), withDescription ? field(text, c2 + 1, lineEnd) : '');
    }
    at = eol + 1;
  }
}

/** The CSV field that starts at `start`, quoted or not, ending at the next separator or `end`. */
function field(text: string, start: number, end: number): string {
  if (text.charCodeAt(start) !== 34) {
    const comma = text.indexOf(',', start);
    return text.slice(start, comma < 0 || comma > end ? end : comma);
  }
  let value = '';
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0 || quote >= end) return value + text.slice(from, end);
    if (text.charCodeAt(quote + 1) !== 34) return value + text.slice(from, quote);
    value += text.slice(from, quote + 1);
    from = quote + 2;
  }
}

// Rows of section TOTAL (99, 9999, 999999: "commodities not specified according to kind") are UN
// Comtrade's reporting placeholders, not headings of the Harmonized System.
const isHeading = (section: string, code: string) => section !== 'TOTAL' && CODE.test(code);

function codeSet(): Set<string> {
  if (codes !== undefined) return codes;
  const set = new Set<string>();
  eachRow(false, (section, code) => {
    if (isHeading(section, code)) set.add(code);
  });
  codes = set;
  return set;
}

function descriptionMap(): Map<string, string> {
  if (descriptions !== undefined) return descriptions;
  const map = new Map<string, string>();
  eachRow(true, (section, code, description) => {
    if (isHeading(section, code)) map.set(code, description);
  });
  descriptions = map;
  return map;
}

/**
 * Whether an HS code or prefix exists in HS 2022 at its first six digits or fewer (`31023000` is checked
 * as `310230`; national digits beyond six are not in the international nomenclature).
 *
 * @example
 * isHs2022Code('310230') // true
 * isHs2022Code('999999') // false
 */
export function isHs2022Code(code: string): boolean {
  return codeSet().has(code.length > 6 ? code.slice(0, 6) : code);
}

/**
 * The HS 2022 description of a code (chapter, heading or subheading), for explanations; for codes longer
 * than six digits the subheading's; undefined when HS 2022 does not know it.
 *
 * @example
 * hsDescription('3102') // 'Fertilizers; mineral or chemical, nitrogenous'
 */
export function hsDescription(code: string): string | undefined {
  return descriptionMap().get(code.length > 6 ? code.slice(0, 6) : code);
}
