import { readFileSync } from 'node:fs';
import type { Consignment } from '@cargorisk/manifest';
import type { PlantProfile } from '../src/index.js';

/*
 * What each planted profile must leave in a consignment, written from the brief and
 * docs/rule-sets.md, independently of the generator's tables: a planted consignment must show
 * its profile's marks, an ordinary one must show none.
 */

/** Folding as docs/rule-sets.md defines it for `mentions`. */
export function fold(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

const mentions = (text: string, words: readonly string[]) => {
  const folded = fold(text);
  return words.some((w) => folded.includes(` ${w} `));
};
const hsIn = (c: Consignment, prefixes: readonly string[]) =>
  c.goods.some((g) => g.hsCode !== undefined && prefixes.some((p) => g.hsCode!.startsWith(p)));
const anyText = (c: Consignment, words: readonly string[]) => c.goods.some((g) => mentions(g.description, words));
const places = (c: Consignment) => [c.route.loading, ...c.route.transshipments, c.route.discharge];

const SOURCES = ['ECGYE', 'COBUN', 'COCTG', 'PAONX', 'PECLL', 'BRSSZ', 'BOG', 'UIO', 'GYE', 'LIM'];

export const SIGNATURES: Record<PlantProfile, (c: Consignment) => boolean> = {
  pegasus: (c) =>
    hsIn(c, ['847810', '847890', '481320', '550210', '560122', '2401', '842240']) &&
    places(c).some((p) => p === 'AEJEA' || p === 'DWC'),
  globalShield: (c) => hsIn(c, ['310230', '310240', '282911', '283421', '280800', '284700', '760310', '3603']),
  salw: (c) =>
    hsIn(c, ['93', '901310']) ||
    c.goods.some((g) => /^820[57]/.test(g.hsCode ?? '') && mentions(g.description, ['slide', 'barrel'])) ||
    ((c.parties.consignee?.address?.lines[0] ?? '').startsWith('FLAT') &&
      anyText(c, ['steel pin samples', 'conversion kit', 'gift', 'sporting goods', 'spare parts', 'machine parts'])),
  cites: (c) => hsIn(c, ['0507', '9601']) && anyText(c, ['ivory', 'rhino horn', 'pangolin scales', 'pangolin']),
  cocaine: (c) =>
    SOURCES.includes(c.route.loading ?? '') &&
    hsIn(c, ['0803', '0804', '0603']) &&
    (c.containers.length === 0 ||
      (c.containers.every((k) => /^(45|22)R1$/.test(k.sizeType ?? '')) &&
        c.containers.some((k) => k.seals.length === 0))),
  medicines: (c) => hsIn(c, ['3004']),
  vague: (c) =>
    anyText(c, ['fak', 'freight all kinds', 'general cargo', 'consolidated cargo', 'said to contain', 'stc']),
};

/** The six-digit subheadings of HS 2022, from the project's copy of the nomenclature. */
export function hs2022Subheadings(): Set<string> {
  const csv = readFileSync(new URL('../../core/data/hs2022.csv', import.meta.url), 'utf8');
  const out = new Set<string>();
  for (const line of csv.split('\n')) {
    const code = line.split(',')[1];
    if (code !== undefined && /^\d{6}$/.test(code)) out.add(code);
  }
  return out;
}
