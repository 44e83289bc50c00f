import { GOODS_CATALOG } from '../data/goods-catalog.js';
import type { AwkwardKind } from '../options.js';
import type { Prng } from '../random/prng.js';
import type { GenerationContext } from './context.js';
import type { Draft, DraftItem } from './draft.js';

/*
 * Awkward but valid input, the kind real manifests are full of. Every variation keeps a keyword
 * findable after the folding rules do (NFKD, marks removed, non-alphanumerics to one space), so
 * a planted target stays a target: accents and fullwidth letters fold back, hyphens and extra
 * spaces go only between words, never inside one.
 */

const ACCENTED: Readonly<Record<string, readonly string[]>> = {
  A: ['Á', 'À', 'Â', 'Ä'],
  E: ['É', 'È', 'Ê', 'Ë'],
  I: ['Í', 'Î'],
  O: ['Ó', 'Ô', 'Ö'],
  U: ['Ú', 'Ü'],
  C: ['Ç'],
  N: ['Ñ'],
};

function accentuate(rng: Prng, text: string): string {
  let out = '';
  for (const ch of text) {
    const options = ACCENTED[ch];
    out += options !== undefined && rng.chance(0.35) ? rng.pick(options) : ch;
  }
  return out;
}

function fullwidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code === 0x20) out += '\u3000';
    else if (code > 0x20 && code < 0x7f) out += String.fromCharCode(code + 0xfee0);
    else out += ch;
  }
  return out;
}

function respace(rng: Prng, text: string): string {
  const words = text.split(' ');
  let out = words[0] ?? '';
  for (let i = 1; i < words.length; i++) {
    out += rng.chance(0.5) ? rng.pick(['  ', ' - ', '-', '   ', ' -']) : ' ';
    out += words[i];
  }
  return rng.chance(0.3) ? `${out}  ` : out;
}

function longText(rng: Prng, text: string): string {
  const target = rng.int(2_000, 8_000);
  const parts = [text, 'PACKING LIST:'];
  let length = text.length + 14;
  for (let n = 1; length < target; n++) {
    const line = `CTN ${n}: ${rng.int(6, 240)} PCS STYLE ${rng.letters(2)}${rng.digits(4)} COLOUR ${rng.pick(['BLACK', 'NAVY', 'WHITE', 'GREY', 'RED'])} SIZE ${rng.pick(['S', 'M', 'L', 'XL', '38', '40', '42'])}`;
    parts.push(line);
    length += line.length + 1;
  }
  return parts.join(' ');
}

/** Ordinary goods whose HS code starts with a zero (chapters 01 to 09). */
const LEADING_ZERO = GOODS_CATALOG.filter((g) => g.hs.startsWith('0'));

function anyItem(rng: Prng, d: Draft): DraftItem | undefined {
  return d.items.length === 0 ? undefined : rng.pick(d.items);
}

// Replacing an item comes before changing texts, and spacing before fullwidth (which has no ASCII spaces left).
const APPLY_ORDER: readonly AwkwardKind[] = [
  'leadingZeros',
  'badCheckDigit',
  'partyVariants',
  'spacing',
  'longDescription',
  'accents',
  'fullwidth',
];

/** Applies the awkward variations drawn for this consignment; returns the ones actually made. */
export function makeAwkward(ctx: GenerationContext, d: Draft, kinds: readonly AwkwardKind[]): AwkwardKind[] {
  const rng = ctx.rng;
  const applied: AwkwardKind[] = [];
  for (const kind of APPLY_ORDER) {
    if (!kinds.includes(kind)) continue;
    switch (kind) {
      case 'accents':
      case 'fullwidth':
      case 'spacing':
      case 'longDescription': {
        const item = anyItem(rng, d);
        if (item === undefined) continue;
        if (kind === 'accents') item.description = accentuate(rng, item.description);
        else if (kind === 'fullwidth') item.description = fullwidth(item.description);
        else if (kind === 'spacing') item.description = respace(rng, item.description);
        else item.description = longText(rng, item.description);
        break;
      }
      case 'leadingZeros': {
        const entries = LEADING_ZERO.filter((g) => ctx.sea || g.air === true);
        const entry = rng.pick(entries.length > 0 ? entries : LEADING_ZERO);
        const ordinary = d.items.find((i) => !i.planted);
        const origin = rng.pick(entry.origins);
        const item = ctx.ordinaryItem(entry, origin, d.items.length, d.kind === 'house');
        item.hs = `${entry.hs}0000`;
        if (ordinary !== undefined) d.items[d.items.indexOf(ordinary)] = item;
        else d.items.push(item);
        break;
      }
      case 'badCheckDigit':
        if (!ctx.sea || d.containers !== undefined) continue;
        d.badCheckDigit = true;
        break;
      case 'partyVariants': {
        const country = d.consignee.address?.country;
        // A private consignee (SALW) has no legal form to vary.
        if (
          country === undefined ||
          d.consignee.name.split(' ').length < 3 ||
          d.consignee.address?.lines[0]?.startsWith('FLAT')
        )
          continue;
        const { party, varied } = ctx.pool.company(country, true);
        if (!varied) continue;
        d.consignee = party;
        break;
      }
    }
    applied.push(kind);
  }
  return applied;
}
