import { ManifestParseError } from '../errors.js';

/*
 * An incremental UN/EDIFACT tokenizer: bytes go in a chunk at a time, complete segments come
 * out. Segment ends are found with Buffer#indexOf (native memchr), each segment is decoded once
 * in its character set and split with String#split; only a segment that holds a release
 * character takes the character-by-character path. Memory is bounded by the longest segment.
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

/**
 * One segment: its tag and its data elements, each a list of components (release characters
 * removed). Values are cut from the segment's text on demand, so elements the reader never asks
 * for cost nothing. The tokenizer reuses one instance for every segment, to keep a gigabyte
 * interchange from making millions of short-lived objects: a segment is valid only during the
 * `onSegment` call, and whoever keeps something copies it out (`snapshot()`).
 */
export class EdifactSegment {
  tag = '';
  /** 0-based index among the interchange's segments (UNA not counted). */
  index = 0;
  /** 1-based line where the segment starts. */
  line = 1;
  private text = '';
  private cached: string[][] | undefined;
  // Fast path (no release character): component i spans text[start[i], end[i]); element e's
  // components are first[e] .. first[e + 1] - 1. Element 0 is the tag.
  private start = new Int32Array(64);
  private end = new Int32Array(64);
  private first = new Int32Array(32);
  private elementCount = 0;

  /** Re-points this segment at a new segment text. */
  reset(text: string, chars: ServiceChars, index: number, line: number): this {
    this.text = text;
    this.index = index;
    this.line = line;
    if (chars.release >= 0 && text.indexOf(String.fromCharCode(chars.release)) >= 0) {
      this.cached = splitSegment(text, chars);
      this.tag = this.cached[0]?.[0] ?? '';
      return this;
    }
    this.cached = undefined;
    const el = chars.element;
    const comp = chars.component;
    let start = this.start;
    let end = this.end;
    let first = this.first;
    let k = 0;
    let e = 1;
    start[0] = 0;
    first[0] = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== el && c !== comp) continue;
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
    end[k] = text.length;
    first[e] = k + 1;
    this.elementCount = e;
    this.tag = text.slice(0, end[0]);
    return this;
  }

  /** How many data elements follow the tag. */
  get count(): number {
    return this.cached === undefined ? this.elementCount - 1 : this.cached.length - 1;
  }

  /** Component `component` of data element `element` (0-based, after the tag); `''` when absent. */
  value(element: number, component = 0): string {
    if (this.cached !== undefined) return this.cached[element + 1]?.[component] ?? '';
    const e = element + 1;
    if (e >= this.elementCount) return '';
    const k = this.first[e]! + component;
    if (k >= this.first[e + 1]!) return '';
    return this.text.slice(this.start[k], this.end[k]);
  }

  /** All components of data element `element`; empty when the element is absent. */
  components(element: number): string[] {
    if (this.cached !== undefined) return this.cached[element + 1] ?? [];
    const e = element + 1;
    if (e >= this.elementCount) return [];
    const out: string[] = [];
    for (let k = this.first[e]!; k < this.first[e + 1]!; k++) out.push(this.text.slice(this.start[k], this.end[k]));
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

// Buffer#latin1Slice and #utf8Slice are what Buffer#toString calls after checking its
// arguments; the checks cost as much as decoding a short segment, and ours are in range.
interface SliceDecoders {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}
const decodeLatin1: Decode = (buf, start, end) => (buf as unknown as SliceDecoders).latin1Slice(start, end);
const decodeUtf8: Decode = (buf, start, end) => (buf as unknown as SliceDecoders).utf8Slice(start, end);
// One decoder per interchange, not per segment: a non-streaming decode keeps no state.
const viaTextDecoder = (label: string): Decode => {
  const decoder = new TextDecoder(label);
  return (buf, start, end) => decoder.decode(buf.subarray(start, end));
};

/**
 * The decoder for a syntax identifier (UNB S001/0001). UNOA and UNOB are subsets of ASCII,
 * UNOC is ISO 8859-1 (not UTF-8: byte 0xE9 is `é`), UNOD to UNOK other ISO 8859 parts,
 * UNOW and UNOY ISO 10646 in UTF-8.
 */
export function decoderFor(syntaxId: string): Decode {
  switch (syntaxId.toUpperCase()) {
    case 'UNOW':
    case 'UNOY':
      return decodeUtf8;
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
      return decodeLatin1;
  }
}

const CR = 0x0d;
const LF = 0x0a;
const isGap = (b: number) => b === CR || b === LF || b === 0x20 || b === 0x09;

export class EdifactTokenizer {
  /** The service characters in force; settled by UNA or by the first segment. */
  chars: ServiceChars | undefined;
  private pending: Buffer | undefined;
  private scanFrom = 0;
  private decode: Decode;
  private readonly current = new EdifactSegment();
  private segmentIndex = 0;
  private line = 1;
  private started = false;
  private skipping = false;
  private skipOddRelease = false;

  constructor(
    private readonly onSegment: (segment: EdifactSegment) => void,
    private readonly onProblem: (problem: TokenizerProblem) => void,
    private readonly options: TokenizerOptions,
  ) {
    this.decode = options.decodedText === true ? decodeUtf8 : decodeLatin1;
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
    let scan = Math.max(pos, this.scanFrom);
    this.scanFrom = 0;
    for (;;) {
      while (pos < len && isGap(buf[pos]!) && buf[pos] !== term) {
        if (buf[pos] === LF) this.line++;
        pos++;
      }
      if (scan < pos) scan = pos;
      if (pos >= len) return;
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
    let text = this.decode(buf, start, end);
    // A newline used as terminator leaves the CR of a CRLF behind.
    if (chars.terminator === LF && text.endsWith('\r')) text = text.slice(0, -1);
    if (text === '') return;
    const segment = this.current.reset(text, chars, this.segmentIndex++, this.line);
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) this.line++;
    if (segment.tag === 'UNB' && this.options.decodedText !== true) this.decode = decoderFor(segment.value(0));
    this.onSegment(segment);
  }
}

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
