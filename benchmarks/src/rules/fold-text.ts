/*
 * The folding and party normalisation of docs/rule-sets.md, written here again so the competing
 * engines (zen-engine, json-logic-engine) receive text prepared exactly as cargorisk sees it: they
 * have no Unicode folding of their own, and a user moving to them would prepare facts this way.
 * Kept independent of @cargorisk/core on purpose: if the two ever disagree, the hit-set check fails.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** NFKD, combining marks removed, lower case, runs of other characters to one space, trimmed. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_LETTER_OR_DIGIT, ' ').trim();
}

const LEGAL_FORMS = new Set([
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
 * Full stops deleted (so `S.A.S.` reads `SAS`), folding, then legal-form words removed from the end
 * repeatedly and a leading `the` removed. A name made only of such words normalises to the empty
 * string, which matches nothing.
 */
export function normaliseParty(name: string): string {
  const words = foldText(name.replaceAll('.', ''))
    .split(' ')
    .filter((w) => w !== '');
  while (words.length > 0 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  if (words[0] === 'the') words.shift();
  return words.join(' ');
}
