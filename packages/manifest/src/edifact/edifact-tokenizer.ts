import { ManifestParseError } from '../errors.js';
import { codeKey, codeKeyOfBytes } from './code-key.js';
import { edifactNumber } from './cuscar-mapping.js';

/*
 * An incremental UN/EDIFACT tokenizer: bytes go in a chunk at a time, complete segments come
 * out. It works on the bytes: one pass over a byte-class table finds a segment's terminator and
 * notes its separators as offsets, the tag is told by its three bytes (`code`), and a value
 * becomes a string only when the reader asks for it (codes of up to four ASCII characters from
 * a cache, other short values by String.fromCharCode or a second cache, longer ones decoded on
 * their own in the interchange's character set; numbers are read from the bytes). Most bytes
 * never become a string. What the one pass does not settle takes the general path, which finds the
 * terminator with Buffer#indexOf: a segment holding a release character (whose text is decoded
 * and split), one split across chunks or too long, and UNA characters that are not four distinct
 * ASCII ones. Memory is bounded by the longest segment.
 *
 * Service characters (ISO 9735):
 * - UNA, when present, names them: component, element, decimal mark, release, reserved
 *   (repetition in syntax 4) and segment terminator, in that order.
 * - Without UNA, level A uses `:` `+` `.` `?` and `'`.
 * - Levels B and above default to the information separators IS1 (0x1F) between components,
 *   IS3 (0x1D) between elements and IS4 (0x1C) ending segments, with no release character
 *   (ISO 9735 section 7.1, as quoted in IBM's "EDIFACT envelope syntax codes UNOA through UNOF"
 *   support note and on the EDI-L list, msg01334). In practice most UNOB/UNOC senders still use
 *   the level A characters without a UNA, so the reader looks at the byte after `UNB`: 0x1D
 *   means the control separators, anything else the printable ones.
 */

/** The service characters of an interchange, as byte values; `release` is -1 when none is used. */
export interface ServiceChars {
  component: number;
  element: number;
  decimal: number;
  release: number;
  terminator: number;
}

export const LEVEL_A_CHARS: Readonly<ServiceChars> = Object.freeze({
  component: 0x3a,
  element: 0x2b,
  decimal: 0x2e,
  release: 0x3f,
  terminator: 0x27,
});

export const LEVEL_B_CONTROL_CHARS: Readonly<ServiceChars> = Object.freeze({
  component: 0x1f,
  element: 0x1d,
  decimal: 0x2e,
  release: -1,
  terminator: 0x1c,
});

/** A segment tag (three letters) as a number, for comparing tags without making a string. */
export function tagCode(tag: string): number {
  if (tag.length !== 3) return -1;
  const a = tag.charCodeAt(0);
  const b = tag.charCodeAt(1);
  const c = tag.charCodeAt(2);
  // Only ASCII tags have a code: the bytes of any other tag are not three characters.
  return (a | b | c) < 0x80 ? (a << 16) | (b << 8) | c : -1;
}

/*
 * Codes recur: qualifiers, units, currencies, countries, package and equipment types. A
 * direct-mapped cache, indexed by the code key of the bytes (a code of one to four ASCII
 * characters), hands back the string made the last time the same code was read: a code seen
 * before costs no string (and the manifest keeps one copy of it, which also spares the garbage
 * collector copying a new one). Longer values go through a second cache up to twelve characters;
 * past that, values are rarely repeated and are decoded (interning them all was measured to
 * cost more than it saved). Both caches are bounded, whatever the input.
 */
const CODE_SLOTS = 4096;
const codeKeys = new Int32Array(CODE_SLOTS).fill(-1);
const codeStrings: string[] = new Array(CODE_SLOTS).fill('');
// Values of five to twelve ASCII characters (locations, tariff codes, container numbers) recur
// too; they are cached by their bytes packed into three words (seven bits a character, the
// length in the top bits of the third), compared as numbers.
const WORD_SLOTS = 8192;
const wordKeys = new Int32Array(WORD_SLOTS * 3).fill(-1);
const wordStrings: string[] = new Array(WORD_SLOTS).fill('');
// Longer values read as Latin-1 (names, address lines, descriptions, which recur through a
// manifest: the same shipper, the same goods) are cached by a hash of their bytes, the bytes kept
// beside the string so that a hit is told by comparing bytes: no string is made, no native call,
// and the manifest holds one copy. Past LONG_MAX bytes a value is decoded on its own. The bytes
// are read and compared four at a time: the whole words from the start, then the last four
// bytes (which overlap the last whole word unless the length is a multiple of four).
const LONG_SLOTS = 4096;
const LONG_MAX = 64;
// A slot is its length, its last four bytes, then its whole words, side by side: a hit reads one
// or two cache lines.
const LONG_STRIDE = 2 + LONG_MAX / 4;
const longSlots = new Int32Array(LONG_SLOTS * LONG_STRIDE);
const longStrings: string[] = new Array(LONG_SLOTS).fill('');

/**
 * One segment: its tag and its data elements, each a list of components (release characters
 * removed). The segment is kept as byte offsets into the input: nothing is decoded until the
 * reader asks for a value, and elements it never asks for are never turned into strings. The
 * tokenizer reuses one instance for every segment, to keep a gigabyte interchange from making
 * millions of short-lived objects: a segment is valid only during the `onSegment` call, and
 * whoever keeps something copies it out (`snapshot()`).
 */
export class EdifactSegment {
  /** The tag as a number (`tagCode`); -1 when the tag is not three bytes. */
  code = -1;
  /** 0-based index among the interchange's segments (UNA not counted). */
  index = 0;
  /** 1-based line where the segment starts. */
  line = 1;
  private buf: Buffer = Buffer.alloc(0);
  private from = 0;
  private to = 0;
  private decoder: Decoder = LATIN1;
  // A view of `buf` for reading long values four bytes at a time; remade when `buf` changes.
  private view: DataView = new DataView(new ArrayBuffer(0));
  private viewOf: Buffer | undefined;
  private tagText: string | undefined;
  // Slow path (the segment holds a release character): split once, as strings.
  private cached: string[][] | undefined;
  // Fast path: component i spans buf[start[i], end[i]); element e's components are
  // first[e] .. first[e + 1] - 1. Element 0 is the tag.
  private start = new Int32Array(64);
  private end = new Int32Array(64);
  private first = new Int32Array(32);
  private elementCount = 0;
  private scannedLines = 0;
  private scannedHigh = false;

  /**
   * Re-points this segment at buf[from, to) (the general path): notes its separators, or when it
   * holds a release character decodes and splits its text. Returns how many line feeds it holds.
   */
  reset(
    buf: Buffer,
    from: number,
    to: number,
    chars: ServiceChars,
    decoder: Decoder,
    index: number,
    line: number,
  ): number {
    this.buf = buf;
    this.from = from;
    this.to = to;
    this.decoder = decoder;
    this.index = index;
    this.line = line;
    this.tagText = undefined;
    this.cached = undefined;
    const el = chars.element;
    const comp = chars.component;
    const rel = chars.release;
    let start = this.start;
    let end = this.end;
    let first = this.first;
    let k = 0;
    let e = 1;
    let high = 0;
    let lines = 0;
    start[0] = from;
    first[0] = 0;
    for (let i = from; i < to; i++) {
      const c = buf[i]!;
      high |= c;
      // The release character first: a UNA may (unwisely) make it a separator too.
      if (c === rel) {
        this.slowPath(chars);
        return countLines(buf, i, to, lines);
      }
      if (c !== el && c !== comp) {
        if (c === LF) lines++;
        continue;
      }
      if (k + 2 >= start.length) {
        start = this.start = grow(start);
        end = this.end = grow(end);
      }
      end[k] = i;
      k++;
      start[k] = i + 1;
      if (c === el) {
        if (e + 2 >= first.length) first = this.first = grow(first);
        first[e++] = k;
      }
    }
    end[k] = to;
    first[e] = k + 1;
    this.elementCount = e;
    // ASCII reads the same in every supported character set, and latin1 is the cheapest decode.
    if (high < 0x80) this.decoder = LATIN1;
    const tagEnd = end[0]!;
    this.code = tagEnd - from === 3 ? (buf[from]! << 16) | (buf[from + 1]! << 8) | buf[from + 2]! : -1;
    return lines;
  }

  /**
   * The one-pass form of `reset` for the tokenizer's common case: scans buf from `from` (before
   * `limit`) for the segment terminator, noting separators and line feeds on the way. Returns the
   * terminator's offset, the segment then being buf[from, terminator) less a CR before a newline
   * terminator (`adopt` finishes it); or -1 when there is none before `limit` or a release
   * character comes first, and the caller takes the general path. `classes` is the byte table of
   * `byteClasses`.
   */
  scan(buf: Buffer, from: number, limit: number, classes: Uint8Array): number {
    let start = this.start;
    let end = this.end;
    let first = this.first;
    let k = 0;
    let e = 1;
    let high = 0;
    let lines = 0;
    start[0] = from;
    first[0] = 0;
    for (let i = from; i < limit; i++) {
      let c = classes[buf[i]!]!;
      if (c === PLAIN) {
        // A run of plain bytes (a name, a description) in a loop of its own, which holds no
        // store and no branch on the byte's class but one (past the limit: no terminator here).
        do {
          i++;
          c = i < limit ? classes[buf[i]!]! : RELEASE;
        } while (c === PLAIN);
        if (i >= limit) break;
      }
      if (c <= ELEMENT) {
        if (k + 2 >= start.length) {
          start = this.start = grow(start);
          end = this.end = grow(end);
        }
        end[k] = i;
        k++;
        start[k] = i + 1;
        if (c === ELEMENT) {
          if (e + 2 >= first.length) first = this.first = grow(first);
          first[e++] = k;
        }
      } else if (c === NEWLINE) lines++;
      else if (c === HIGH) high = 1;
      else if (c === TERMINATOR) {
        // A newline used as terminator leaves the CR of a CRLF behind.
        const to = buf[i] === LF && i > from && buf[i - 1] === CR ? i - 1 : i;
        end[k] = to;
        first[e] = k + 1;
        this.elementCount = e;
        this.buf = buf;
        this.from = from;
        this.to = to;
        this.scannedLines = lines;
        this.scannedHigh = high !== 0;
        return i;
      } else return -1;
    }
    return -1;
  }

  /** Finishes a segment `scan` found; returns how many line feeds it holds. */
  adopt(decoder: Decoder, index: number, line: number): number {
    const buf = this.buf;
    const from = this.from;
    this.index = index;
    this.line = line;
    this.tagText = undefined;
    this.cached = undefined;
    this.decoder = this.scannedHigh ? decoder : LATIN1;
    this.code = this.end[0]! - from === 3 ? (buf[from]! << 16) | (buf[from + 1]! << 8) | buf[from + 2]! : -1;
    return this.scannedLines;
  }

  /** Bytes in the segment `scan` found (0 for an empty one, which is no segment). */
  get size(): number {
    return this.to - this.from;
  }

  private slowPath(chars: ServiceChars): void {
    const cached = splitSegment(this.decoder.decode(this.buf, this.from, this.to), chars);
    this.cached = cached;
    const tag = cached[0]?.[0] ?? '';
    this.tagText = tag;
    this.code = tagCode(tag);
  }

  /** The segment tag. */
  get tag(): string {
    if (this.tagText === undefined) this.tagText = this.value(-1, 0);
    return this.tagText;
  }

  /** How many data elements follow the tag. */
  get count(): number {
    return this.cached === undefined ? this.elementCount - 1 : this.cached.length - 1;
  }

  /** How many components data element `element` has; 0 when the element is absent. */
  componentCount(element: number): number {
    if (this.cached !== undefined) return this.cached[element + 1]?.length ?? 0;
    const e = element + 1;
    if (e >= this.elementCount) return 0;
    return this.first[e + 1]! - this.first[e]!;
  }

  /** Component `component` of data element `element` (0-based, after the tag); `''` when absent. */
  value(element: number, component = 0): string {
    if (this.cached !== undefined) return this.cached[element + 1]?.[component] ?? '';
    const e = element + 1;
    if (e >= this.elementCount) return '';
    const k = this.first[e]! + component;
    if (k >= this.first[e + 1]!) return '';
    return this.text(this.start[k]!, this.end[k]!);
  }

  /** The bytes buf[s, t) of the segment as a string. */
  private text(s: number, t: number): string {
    if (s === t) return '';
    if (t - s <= 12 && this.decoder === LATIN1) {
      if (t - s <= 4) {
        const key = codeKeyOfBytes(this.buf, s, t);
        if (key >= 0) return this.codeString(key, s, t);
        return shortLatin1(this.buf, s, t);
      }
      return this.wordString(s, t);
    }
    if (t - s <= LONG_MAX && this.decoder === LATIN1) return this.longString(s, t);
    // Each value decoded on its own: slices of the segment's text would keep the whole text alive
    // for as long as the manifest holds one of them (measured: a native call per value costs less
    // than the garbage collector copying the kept texts).
    return this.decoder.decode(this.buf, s, t);
  }

  /** buf[s, t) (five to twelve bytes) as Latin-1, from the cache when ASCII read before. */
  private wordString(s: number, t: number): string {
    const buf = this.buf;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    for (let i = s; i < t; i++) {
      const b = buf[i]!;
      if (b >= 0x80) return shortLatin1(buf, s, t);
      const at = i - s;
      if (at < 4) w0 = (w0 << 7) | b;
      else if (at < 8) w1 = (w1 << 7) | b;
      else w2 = (w2 << 7) | b;
    }
    w2 |= (t - s - 5) << 28;
    const h = Math.imul(w0 ^ Math.imul(w1, 0x9e3779b1) ^ Math.imul(w2, 0x85ebca6b), 0x27d4eb2d);
    const slot = h >>> 19;
    const k = slot * 3;
    if (wordKeys[k] === w0 && wordKeys[k + 1] === w1 && wordKeys[k + 2] === w2) return wordStrings[slot]!;
    const made = shortLatin1(buf, s, t);
    wordKeys[k] = w0;
    wordKeys[k + 1] = w1;
    wordKeys[k + 2] = w2;
    wordStrings[slot] = made;
    return made;
  }

  /** buf[s, t) (13 to LONG_MAX bytes) as Latin-1, from the cache when the same bytes were read before. */
  private longString(s: number, t: number): string {
    const buf = this.buf;
    if (this.viewOf !== buf) {
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      this.viewOf = buf;
    }
    const view = this.view;
    const n = t - s;
    const tail = view.getInt32(t - 4, true);
    // The slot from the length and a sample of the bytes: the comparison that follows reads
    // them all anyway, and values that share the sample only take turns in the slot.
    let h = Math.imul(n ^ view.getInt32(s, true), 0x9e3779b1);
    h = Math.imul(h ^ tail, 0x85ebca6b) ^ view.getInt32(s + (n >> 1) - 2, true);
    const slot = (h ^ (h >>> 13) ^ (h >>> 22)) & (LONG_SLOTS - 1);
    const words = n >> 2;
    const at = slot * LONG_STRIDE;
    const base = at + 2;
    if (longSlots[at] === n && longSlots[at + 1] === tail) {
      let w = 0;
      while (w < words && longSlots[base + w] === view.getInt32(s + 4 * w, true)) w++;
      if (w === words) return longStrings[slot]!;
    }
    const made = LATIN1.decode(buf, s, t);
    for (let w = 0; w < words; w++) longSlots[base + w] = view.getInt32(s + 4 * w, true);
    longSlots[at + 1] = tail;
    longSlots[at] = n;
    longStrings[slot] = made;
    return made;
  }

  /** The string of code `key` (the bytes buf[s, t)), from the cache when it was read before. */
  private codeString(key: number, s: number, t: number): string {
    const slot = (key ^ (key >>> 12) ^ (key >>> 21)) & (CODE_SLOTS - 1);
    if (codeKeys[slot] === key) return codeStrings[slot]!;
    const made = shortLatin1(this.buf, s, t);
    codeKeys[slot] = key;
    codeStrings[slot] = made;
    return made;
  }

  /**
   * The `codeKey` of component `component` of data element `element`: a qualifier or unit looked
   * up in a code list without making a string (-1 when absent or not a one-to-four ASCII code).
   */
  key(element: number, component = 0): number {
    if (this.cached !== undefined) return codeKey(this.cached[element + 1]?.[component] ?? '');
    const e = element + 1;
    if (e >= this.elementCount) return -1;
    const k = this.first[e]! + component;
    if (k >= this.first[e + 1]!) return -1;
    return codeKeyOfBytes(this.buf, this.start[k]!, this.end[k]!);
  }

  /**
   * Component `component` of data element `element`, trimmed (as `String#trim`); undefined when
   * absent, empty or only white space.
   */
  trimmed(element: number, component = 0): string | undefined {
    if (this.cached === undefined) {
      const e = element + 1;
      if (e >= this.elementCount) return undefined;
      const k = this.first[e]! + component;
      if (k >= this.first[e + 1]!) return undefined;
      const s = this.start[k]!;
      const t = this.end[k]!;
      if (s === t) return undefined;
      // Printable ASCII at both ends: nothing to trim.
      const a = this.buf[s]!;
      const b = this.buf[t - 1]!;
      if (a > 0x20 && a < 0x7f && b > 0x20 && b < 0x7f) return this.text(s, t);
    }
    const v = this.value(element, component).trim();
    return v === '' ? undefined : v;
  }

  /** Whether the component is absent, empty or only white space (what `.trim() === ''` says). */
  blank(element: number, component = 0): boolean {
    if (this.cached === undefined) {
      const e = element + 1;
      if (e >= this.elementCount) return true;
      const k = this.first[e]! + component;
      if (k >= this.first[e + 1]!) return true;
      const s = this.start[k]!;
      if (s === this.end[k]!) return true;
      const b = this.buf[s]!;
      if (b > 0x20 && b < 0x7f) return false;
    }
    return this.value(element, component).trim() === '';
  }

  /**
   * Component `component` of data element `element` read as an EDIFACT number (`edifactNumber`
   * of the trimmed value): `.` or `,` as decimal mark; NaN when it is not a number, or absent.
   */
  number(element: number, component = 0): number {
    if (this.cached !== undefined) return edifactNumber((this.cached[element + 1]?.[component] ?? '').trim());
    const e = element + 1;
    if (e >= this.elementCount) return Number.NaN;
    const k = this.first[e]! + component;
    if (k >= this.first[e + 1]!) return Number.NaN;
    const n = parseDecimal(this.buf, this.start[k]!, this.end[k]!);
    return n === SLOW ? edifactNumber(this.value(element, component).trim()) : n;
  }

  /** All components of data element `element`; empty when the element is absent. */
  components(element: number): string[] {
    const n = this.componentCount(element);
    const out: string[] = new Array(n);
    for (let c = 0; c < n; c++) out[c] = this.value(element, c);
    return out;
  }

  /** Every data element after the tag, split into components. */
  get elements(): string[][] {
    const out: string[][] = [];
    for (let e = 0; e < this.count; e++) out.push(this.components(e));
    return out;
  }

  /** A copy that stays valid after the `onSegment` call. */
  snapshot(): { tag: string; elements: string[][]; index: number; line: number } {
    return { tag: this.tag, elements: this.elements, index: this.index, line: this.line };
  }
}

/**
 * buf[s, t) as Latin-1, for at most 12 bytes: String.fromCharCode is a builtin the JIT calls
 * directly, where Buffer's decoders cross into C++ (which costs more than the copy at this size).
 */
function shortLatin1(buf: Buffer, s: number, t: number): string {
  switch (t - s) {
    case 1:
      return String.fromCharCode(buf[s]!);
    case 2:
      return String.fromCharCode(buf[s]!, buf[s + 1]!);
    case 3:
      return String.fromCharCode(buf[s]!, buf[s + 1]!, buf[s + 2]!);
    case 4:
      return String.fromCharCode(buf[s]!, buf[s + 1]!, buf[s + 2]!, buf[s + 3]!);
    case 5:
      return String.fromCharCode(buf[s]!, buf[s + 1]!, buf[s + 2]!, buf[s + 3]!, buf[s + 4]!);
    case 6:
      return String.fromCharCode(buf[s]!, buf[s + 1]!, buf[s + 2]!, buf[s + 3]!, buf[s + 4]!, buf[s + 5]!);
    default: {
      const a = String.fromCharCode(buf[s]!, buf[s + 1]!, buf[s + 2]!, buf[s + 3]!, buf[s + 4]!, buf[s + 5]!);
      return a + shortLatin1(buf, s + 6, t);
    }
  }
}

function countLines(buf: Buffer, from: number, to: number, lines: number): number {
  let n = lines;
  for (let i = buf.indexOf(LF, from); i >= 0 && i < to; i = buf.indexOf(LF, i + 1)) n++;
  return n;
}

// parseDecimal's answer when the bytes need the general path (edifactNumber on the string).
const SLOW = -2;
// Exact powers of ten: a mantissa below 2^53 divided by one of them is correctly rounded, so it
// equals what Number() makes of the same digits.
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The common number shapes (digits, one `.` or `,`, at most 15 digits, no sign or spaces) read
 * straight from the bytes; NaN for bytes that cannot be a number; SLOW for anything else.
 */
function parseDecimal(buf: Buffer, from: number, to: number): number {
  if (from === to) return Number.NaN;
  let m = 0;
  let digits = 0;
  let point = -1;
  for (let i = from; i < to; i++) {
    const b = buf[i]!;
    if (b >= 0x30 && b <= 0x39) {
      m = m * 10 + (b - 0x30);
      digits++;
    } else if ((b === 0x2e || b === 0x2c) && point < 0) point = i;
    else return SLOW;
  }
  if (digits === 0 || digits > 15) return digits === 0 ? Number.NaN : SLOW;
  return point < 0 ? m : m / POW10[to - point - 1]!;
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** A problem the tokenizer found in the byte stream; the reader decides what it costs. */
export interface TokenizerProblem {
  code: 'syntax' | 'limit-exceeded';
  message: string;
  segment: number;
  line: number;
}

export interface TokenizerOptions {
  /** Longest segment in bytes; a longer one is reported and skipped to its terminator. */
  maxSegmentBytes: number;
  /**
   * The bytes are UTF-8 for text the caller had already decoded (a JS string): they are read as
   * UTF-8 whatever character set UNB's syntax identifier names.
   * @default false
   */
  decodedText?: boolean;
}

type Decode = (buf: Buffer, start: number, end: number) => string;

/** How to turn a character set's bytes into text. */
export interface Decoder {
  decode: Decode;
}

// Buffer#latin1Slice and #utf8Slice are what Buffer#toString calls after checking its
// arguments; the checks cost as much as decoding a short segment, and ours are in range.
interface SliceDecoders {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}
const LATIN1: Decoder = {
  decode: (buf, start, end) => (buf as unknown as SliceDecoders).latin1Slice(start, end),
};
const UTF8: Decoder = {
  decode: (buf, start, end) => (buf as unknown as SliceDecoders).utf8Slice(start, end),
};
// One decoder per interchange, not per segment: a non-streaming decode keeps no state.
const viaTextDecoder = (label: string): Decoder => {
  const decoder = new TextDecoder(label);
  return { decode: (buf, start, end) => decoder.decode(buf.subarray(start, end)) };
};

/**
 * The decoder for a syntax identifier (UNB S001/0001). UNOA and UNOB are subsets of ASCII,
 * UNOC is ISO 8859-1 (not UTF-8: byte 0xE9 is `é`), UNOD to UNOK other ISO 8859 parts,
 * UNOW and UNOY ISO 10646 in UTF-8.
 */
export function decoderFor(syntaxId: string): Decoder {
  switch (syntaxId.toUpperCase()) {
    case 'UNOW':
    case 'UNOY':
      return UTF8;
    case 'UNOD':
      return viaTextDecoder('iso-8859-2');
    case 'UNOE':
      return viaTextDecoder('iso-8859-5');
    case 'UNOF':
      return viaTextDecoder('iso-8859-7');
    case 'UNOG':
      return viaTextDecoder('iso-8859-3');
    case 'UNOH':
      return viaTextDecoder('iso-8859-4');
    case 'UNOI':
      return viaTextDecoder('iso-8859-6');
    case 'UNOJ':
      return viaTextDecoder('iso-8859-8');
    case 'UNOK':
      return viaTextDecoder('iso-8859-9');
    default:
      return LATIN1;
  }
}

// Byte classes of the one-pass scan (EdifactSegment#scan); separators first, so `<= ELEMENT` is one test.
const PLAIN = 0;
const COMPONENT = 1;
const ELEMENT = 2;
const NEWLINE = 3;
const HIGH = 4;
const TERMINATOR = 5;
const RELEASE = 6;

/**
 * The byte table for `scan`, or undefined when the service characters are not four distinct
 * ASCII characters (a UNA may name the same one twice, or a non-ASCII one): the general path
 * settles what such an interchange means.
 */
function byteClasses(chars: ServiceChars): Uint8Array | undefined {
  const { component, element, release, terminator } = chars;
  const service = [component, element, terminator, ...(release >= 0 ? [release] : [])];
  if (new Set(service).size !== service.length || service.some((c) => c >= 0x80)) return undefined;
  const classes = new Uint8Array(256);
  for (let b = 0x80; b < 256; b++) classes[b] = HIGH;
  classes[LF] = NEWLINE;
  classes[component] = COMPONENT;
  classes[element] = ELEMENT;
  classes[terminator] = TERMINATOR;
  if (release >= 0) classes[release] = RELEASE;
  return classes;
}

const CR = 0x0d;
const LF = 0x0a;
const isGap = (b: number) => b === CR || b === LF || b === 0x20 || b === 0x09;

export class EdifactTokenizer {
  /** The service characters in force; settled by UNA or by the first segment. */
  chars: ServiceChars | undefined;
  private pending: Buffer | undefined;
  private scanFrom = 0;
  private decoder: Decoder;
  private readonly current = new EdifactSegment();
  private segmentIndex = 0;
  private line = 1;
  private started = false;
  private skipping = false;
  private skipOddRelease = false;
  // The byte table of the one-pass scan; null when the service characters rule it out.
  private classes: Uint8Array | null | undefined;

  constructor(
    private readonly onSegment: (segment: EdifactSegment) => void,
    private readonly onProblem: (problem: TokenizerProblem) => void,
    private readonly options: TokenizerOptions,
  ) {
    this.decoder = options.decodedText === true ? UTF8 : LATIN1;
  }

  push(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    const incoming = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buf = this.pending === undefined ? incoming : Buffer.concat([this.pending, incoming]);
    this.pending = undefined;
    this.process(buf, false);
  }

  end(): void {
    const buf = this.pending ?? Buffer.alloc(0);
    this.pending = undefined;
    this.process(buf, true);
  }

  private keep(buf: Buffer, from: number, scanFrom: number): void {
    // Copy the tail so a large chunk is not kept alive by a small remainder.
    this.pending = from < buf.length ? Buffer.from(buf.subarray(from)) : undefined;
    this.scanFrom = Math.max(0, scanFrom - from);
  }

  private process(buf: Buffer, final: boolean): void {
    let pos = 0;
    if (this.skipping) {
      pos = this.skipOversized(buf, 0, final);
      if (pos < 0) return;
    }
    if (!this.started) {
      pos = this.start(buf, pos, final);
      if (pos < 0) return;
    }
    const chars = this.chars!;
    const term = chars.terminator;
    const release = chars.release;
    const len = buf.length;
    const max = this.options.maxSegmentBytes;
    if (this.classes === undefined) this.classes = byteClasses(chars) ?? null;
    const classes = this.classes;
    const segment = this.current;
    let scan = Math.max(pos, this.scanFrom);
    this.scanFrom = 0;
    for (;;) {
      while (pos < len && isGap(buf[pos]!) && buf[pos] !== term) {
        if (buf[pos] === LF) this.line++;
        pos++;
      }
      if (scan < pos) scan = pos;
      if (pos >= len) return;
      // The common case in one pass; anything unusual (a release character, a segment not
      // complete in this buffer or too long, a part already searched) takes the general path.
      if (classes !== null && scan === pos) {
        const end = segment.scan(buf, pos, Math.min(len, pos + max + 1), classes);
        if (end >= 0) {
          if (segment.size > 0) {
            this.line += segment.adopt(this.decoder, this.segmentIndex++, this.line);
            this.emit(segment);
          }
          pos = end + 1;
          scan = pos;
          continue;
        }
      }
      let end = buf.indexOf(term, scan);
      while (end >= 0 && release >= 0 && oddReleaseRun(buf, pos, end, release)) end = buf.indexOf(term, end + 1);
      if (end < 0) {
        if (final) {
          this.finalSegment(buf, pos, len);
          return;
        }
        if (len - pos > this.options.maxSegmentBytes) {
          this.oversized();
          this.skipOddRelease = release >= 0 && oddReleaseRun(buf, pos, len, release);
          this.skipping = true;
          return;
        }
        this.keep(buf, pos, len);
        return;
      }
      if (end - pos > this.options.maxSegmentBytes) this.oversized();
      else this.segment(buf, pos, end);
      pos = end + 1;
      scan = pos;
    }
  }

  /** Drops bytes up to the end of an oversized segment; returns where to resume, or -1 when none is left. */
  private skipOversized(buf: Buffer, from: number, final: boolean): number {
    const { terminator, release } = this.chars!;
    let end = buf.indexOf(terminator, from);
    if (end === 0 && this.skipOddRelease) end = buf.indexOf(terminator, 1);
    while (end > 0 && release >= 0 && oddReleaseRun(buf, from, end, release)) end = buf.indexOf(terminator, end + 1);
    if (end < 0) {
      if (!final) this.skipOddRelease = release >= 0 && oddReleaseRun(buf, from, buf.length, release);
      return -1;
    }
    this.skipping = false;
    return end + 1;
  }

  private oversized(): void {
    this.onProblem({
      code: 'limit-exceeded',
      message: `segment ${this.segmentIndex} is longer than ${this.options.maxSegmentBytes} bytes; skipped`,
      segment: this.segmentIndex,
      line: this.line,
    });
    this.segmentIndex++;
  }

  /** Settles the service characters from UNA or the UNB that opens the interchange. */
  private start(buf: Buffer, from: number, final: boolean): number {
    let pos = from;
    this.line = 1;
    if (pos === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    while (pos < buf.length && isGap(buf[pos]!)) {
      if (buf[pos] === LF) this.line++;
      pos++;
    }
    const need = (n: number) => {
      if (buf.length - pos >= n) return true;
      if (final) throw notEdifact();
      this.keep(buf, from, from);
      return false;
    };
    if (!need(3)) return -1;
    const tag = buf.toString('latin1', pos, pos + 3);
    if (tag === 'UNA') {
      if (!need(9)) return -1;
      this.chars = {
        component: buf[pos + 3]!,
        element: buf[pos + 4]!,
        decimal: buf[pos + 5]!,
        release: buf[pos + 6] === 0x20 ? -1 : buf[pos + 6]!,
        terminator: buf[pos + 8]!,
      };
      this.started = true;
      return pos + 9;
    }
    if (tag !== 'UNB') throw notEdifact();
    if (!need(4)) return -1;
    this.chars = buf[pos + 3] === LEVEL_B_CONTROL_CHARS.element ? { ...LEVEL_B_CONTROL_CHARS } : { ...LEVEL_A_CHARS };
    this.started = true;
    return pos;
  }

  private finalSegment(buf: Buffer, start: number, end: number): void {
    let stop = end;
    while (stop > start && isGap(buf[stop - 1]!)) stop--;
    if (stop === start) return;
    const { release } = this.chars!;
    if (release >= 0 && oddReleaseRun(buf, start, stop, release)) {
      this.onProblem({
        code: 'syntax',
        message: 'the input ends with a release character that releases nothing',
        segment: this.segmentIndex,
        line: this.line,
      });
      stop--;
    } else {
      this.onProblem({
        code: 'syntax',
        message: `segment ${this.segmentIndex} has no segment terminator at the end of the input`,
        segment: this.segmentIndex,
        line: this.line,
      });
    }
    if (stop > start) this.segment(buf, start, stop);
  }

  private segment(buf: Buffer, start: number, end: number): void {
    const chars = this.chars!;
    // A newline used as terminator leaves the CR of a CRLF behind.
    const stop = chars.terminator === LF && end > start && buf[end - 1] === CR ? end - 1 : end;
    if (stop === start) return;
    const segment = this.current;
    this.line += segment.reset(buf, start, stop, chars, this.decoder, this.segmentIndex++, this.line);
    this.emit(segment);
  }

  private emit(segment: EdifactSegment): void {
    if (segment.code === UNB && this.options.decodedText !== true) this.decoder = decoderFor(segment.value(0));
    this.onSegment(segment);
  }
}

const UNB = tagCode('UNB');

function notEdifact(): ManifestParseError {
  return new ManifestParseError('syntax', 'not a UN/EDIFACT interchange: it must begin with UNA or UNB', {
    location: { format: 'cuscar', segment: 0, line: 1 },
  });
}

/** Whether the bytes just before `end` (from `start`) are an odd run of release characters. */
function oddReleaseRun(buf: Buffer, start: number, end: number, release: number): boolean {
  let n = 0;
  for (let i = end - 1; i >= start && buf[i] === release; i--) n++;
  return (n & 1) === 1;
}

/** Splits a segment's text into elements of components, honouring the release character. */
export function splitSegment(text: string, chars: ServiceChars): string[][] {
  const el = String.fromCharCode(chars.element);
  const comp = String.fromCharCode(chars.component);
  if (chars.release < 0 || text.indexOf(String.fromCharCode(chars.release)) < 0) {
    const parts = text.split(el);
    const out: string[][] = new Array(parts.length);
    for (let i = 0; i < parts.length; i++) out[i] = parts[i]!.split(comp);
    return out;
  }
  const out: string[][] = [];
  let element: string[] = [];
  let value = '';
  let from = 0;
  const { release, element: elCode, component: compCode } = chars;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === release) {
      value += text.slice(from, i);
      i++;
      from = i;
    } else if (c === elCode || c === compCode) {
      element.push(value + text.slice(from, i));
      value = '';
      from = i + 1;
      if (c === elCode) {
        out.push(element);
        element = [];
      }
    }
  }
  element.push(value + text.slice(from));
  out.push(element);
  return out;
}
