import { readFileSync } from 'node:fs';

/*
 * HS 2022 (packages/core/data/hs2022.csv, public domain, see data/README.md): read once, on first use,
 * so importing the package costs nothing until a rule set is validated or a hit explained.
 */

let nomenclature: Map<string, string> | undefined;

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i++];
      }
      fields.push(value);
      i++;
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}

function load(): Map<string, string> {
  if (nomenclature !== undefined) return nomenclature;
  const text = readFileSync(new URL('../../data/hs2022.csv', import.meta.url), 'utf8');
  const map = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n];
    if (line === undefined || line === '') continue;
    const [section, code, description] = parseCsvLine(line);
    // Rows of section TOTAL (99, 9999, 999999: "commodities not specified according to kind") are
    // UN Comtrade's reporting placeholders, not headings of the Harmonized System.
    if (section !== 'TOTAL' && code !== undefined && /^\d{2,6}$/.test(code)) map.set(code, description ?? '');
  }
  nomenclature = map;
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
  return load().has(code.length > 6 ? code.slice(0, 6) : code);
}

/**
 * The HS 2022 description of a code (chapter, heading or subheading), for explanations; for codes longer
 * than six digits the subheading's; undefined when HS 2022 does not know it.
 *
 * @example
 * hsDescription('3102') // 'Fertilizers; mineral or chemical, nitrogenous'
 */
export function hsDescription(code: string): string | undefined {
  return load().get(code.length > 6 ? code.slice(0, 6) : code);
}
