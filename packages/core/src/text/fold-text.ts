/*
 * Folding makes hidden or decorated spellings of a word compare equal: `Ｃｏｃａｉｎｅ`, `cocaïne` and
 * `COCAINE` all fold to `cocaine`. Both the text and the keyword are folded, so matching is a plain
 * comparison of folded strings bounded by spaces.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Folds text for keyword matching: Unicode NFKD, combining marks removed, lower case, every run of
 * characters that are not letters or digits turned into one space, trimmed.
 *
 * @example
 * foldText('Co-caïne  (Ｐｕｒｅ)') // 'co caine pure'
 */
export function foldText(s: string): string {
  const ascii = foldAscii(s);
  if (ascii !== undefined) return ascii;
  return s.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_LETTER_OR_DIGIT, ' ').trim();
}

// Most manifest text is ASCII: fold it in one pass without the Unicode machinery. Returns undefined
// when a non-ASCII character is met so the general path decides.
function foldAscii(s: string): string | undefined {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return undefined;
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if ((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57)) {
      if (pendingSpace && out.length > 0) out += ' ';
      pendingSpace = false;
      out += lower === c ? s[i] : String.fromCharCode(lower);
    } else {
      pendingSpace = true;
    }
  }
  return out;
}
