import { foldText } from './fold-text.js';

// Legal-form words, removed from the end of a name (repeatedly) so `Acme Trading Co. Ltd` and
// `ACME TRADING` compare equal.
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'ltd',
  'limited',
  'llc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'plc',
  'pte',
  'pty',
  'oy',
  'ab',
  'as',
  'kg',
  'fze',
  'fzco',
  'fzc',
  'llp',
  'lp',
]);

/**
 * Normalises a company or person name for watch-list matching: full stops deleted (so `S.A.S.`
 * reads `SAS`), then folded as for keywords, legal-form words at the end removed repeatedly, and a
 * leading `the` removed. A name made only of such words normalises to the empty string, which
 * matches nothing.
 *
 * @example
 * normalizePartyName('SCHENKER FRANCE S.A.S.') // 'schenker france'
 * normalizePartyName('The Acme Co., Ltd')      // 'acme'
 */
export function normalizePartyName(s: string): string {
  const folded = foldText(s.replaceAll('.', ''));
  if (folded === '') return '';
  const words = folded.split(' ');
  let end = words.length;
  while (end > 0 && LEGAL_FORMS.has(words[end - 1] as string)) end--;
  const start = end > 0 && words[0] === 'the' ? 1 : 0;
  if (start === 0 && end === words.length) return folded;
  return words.slice(start, end).join(' ');
}
