/*
 * What both XML drivers share about raw XML text: references (`&amp;`, `&#79;`) are checked and
 * resolved here, names that could reach an object prototype are refused here, and the caps on
 * both live here, so the fast and the reference driver refuse exactly the same documents.
 */

/**
 * Most numeric character references one document may use. Real manifests write non-ASCII text as
 * UTF-8; a document with more references than this is an amplification attempt.
 */
export const MAX_CHARACTER_REFERENCES = 100_000;

/**
 * Element and attribute local names refused outright: none is a name in any manifest format,
 * and each can reach or shadow an object prototype in naive tree builders.
 */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** Per-document counter of numeric references, shared by every call on one document. */
export interface ReferenceBudget {
  used: number;
}

/** Thrown from inside the text helpers; drivers add the position. */
export class XmlTextError extends Error {
  constructor(
    readonly code: 'syntax' | 'hostile-input',
    message: string,
    /** Index in the scanned string where the problem starts. */
    readonly at: number,
  ) {
    super(message);
  }
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const PREDEFINED: Readonly<Record<string, string>> = Object.freeze({
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
});

/**
 * Checks every reference in `s[start, end)` and, when `decode`, returns the text with them
 * resolved (otherwise `''`). Only the five predefined entities and numeric references exist:
 * a document may declare no others (any DOCTYPE is refused before we get here).
 */
export function resolveReferences(
  s: string,
  start: number,
  end: number,
  decode: boolean,
  budget: ReferenceBudget,
): string {
  // A bounded scan: `indexOf` would run on past `end` to the next '&' of the document.
  let amp = nextAmp(s, start, end);
  if (amp < 0) return decode ? s.slice(start, end) : '';
  let out = '';
  let from = start;
  while (amp >= 0) {
    let semi = -1;
    for (let i = amp + 1; i < end && i <= amp + 12; i++) {
      if (s.charCodeAt(i) === 59) {
        semi = i;
        break;
      }
    }
    if (semi < 0) {
      throw new XmlTextError('syntax', "'&' must start a reference such as &amp; or &#79;", amp);
    }
    let value: string;
    if (s.charCodeAt(amp + 1) === 35 /* # */) {
      if (++budget.used > MAX_CHARACTER_REFERENCES) {
        throw new XmlTextError(
          'hostile-input',
          `more than ${MAX_CHARACTER_REFERENCES} character references in one document`,
          amp,
        );
      }
      const hex = s.charCodeAt(amp + 2) === 120; /* x */
      const digits = s.slice(amp + (hex ? 3 : 2), semi);
      const valid = digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits);
      const cp = valid ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
      if (!valid) throw new XmlTextError('syntax', `malformed character reference ${s.slice(amp, semi + 1)}`, amp);
      if (!isXmlChar(cp)) {
        throw new XmlTextError(
          'hostile-input',
          `character reference ${s.slice(amp, semi + 1)} names no character XML allows`,
          amp,
        );
      }
      value = String.fromCodePoint(cp);
    } else {
      const name = s.slice(amp + 1, semi);
      const v = Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
      if (v === undefined) {
        throw new XmlTextError(
          'syntax',
          `undeclared entity &${name.slice(0, 12)}; (only &lt; &gt; &amp; &apos; &quot; exist without a DOCTYPE)`,
          amp,
        );
      }
      value = v;
    }
    if (decode) out += s.slice(from, amp) + value;
    from = semi + 1;
    amp = nextAmp(s, from, end);
  }
  return decode ? out + s.slice(from, end) : '';
}

function nextAmp(s: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (s.charCodeAt(i) === 38) return i;
  return -1;
}

/** Local part of a qualified name (`ns2:Waybill` → `Waybill`). */
export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}
