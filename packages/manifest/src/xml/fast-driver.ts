import { Buffer, isAscii } from 'node:buffer';
import { ManifestParseError } from '../errors.js';
import type { ReaderContext } from '../parse/parse-result.js';
import type { ConsignmentSink, IncrementalReader } from '../stream/incremental-reader.js';
import { Assembler, type FormatBuilder } from './assembler.js';
import type { MapNode } from './mapping.js';
import {
  asciiHead,
  charsetOfHead,
  DECLARATION_HEAD,
  decodeSingleByte,
  type XmlCharset,
  XmlEncodingError,
} from './xml-encoding.js';
import { PROTOTYPE_NAMES, type ReferenceBudget, resolveReferences, XmlTextError } from './xml-text.js';

/*
 * The fast driver: a small streaming XML tokenizer written for manifests, mapping tokens straight
 * onto the compiled path tree. It checks well-formedness (names, quoting, matching end tags, one
 * root, references) but validates against no schema, and it refuses any DOCTYPE outright, so no
 * entity can be declared, expanded or fetched.
 *
 * It reads the document's code units from a typed array (an ASCII document's own bytes) and
 * matches names where they stand: a mapped child by a hash taken while its name is scanned, then
 * compared unit by unit; an end tag against its start tag in the buffer. No string is cut for a
 * name, only for text and attribute values the mapping keeps. A leaf written in one piece
 * (`<Name>text</Name>`) is read in one step; anything else takes the general path, so both give
 * the same result, errors and positions included. Elements the mapping does not name cost a name
 * scan and an end-tag comparison: no lookup, no string, no event object.
 */

// ASCII name characters (letters, digits, '-', '.', '_', ':'); anything at or above 0x80 is allowed.
const NAME_CHAR = new Uint8Array(128);
const NAME_START = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
  NAME_START[c] = letter ? 1 : 0;
  NAME_CHAR[c] = letter || (c >= 48 && c <= 57) || c === 45 || c === 46 ? 1 : 0;
}

// First characters of the refused prototype names: only a name starting with one is cut out and looked up.
const PROTOTYPE_FIRST = new Uint8Array(128);
for (const name of PROTOTYPE_NAMES) PROTOTYPE_FIRST[name.charCodeAt(0)] = 1;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** Bytes of text kept waiting for the rest of a token before the token is declared too long. */
const SLICE = 1 << 20;

const NO_CODES = new Uint8Array(0);

/** The UTF-16 code units of `text`. */
function unitsOf(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function joinUnits(a: Uint8Array | Uint16Array, b: Uint8Array | Uint16Array): Uint8Array | Uint16Array {
  const out =
    a instanceof Uint8Array && b instanceof Uint8Array
      ? new Uint8Array(a.length + b.length)
      : new Uint16Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

class FastXmlReader implements IncrementalReader {
  private buf = '';
  /**
   * The code units of `buf`, one for one, for the scanning loops: reading a typed array costs a
   * fraction of `charCodeAt`. An ASCII document's own bytes serve while a push lasts; a copy is
   * kept when input must wait for the next chunk, so the caller may reuse its buffer.
   */
  private codes: Uint8Array | Uint16Array = NO_CODES;
  /** A view of `codes` when they are bytes, to compare names four characters at a time. */
  private view: DataView | undefined;
  /** The bytes of the chunk being pushed when it was ASCII (its bytes are its code units). */
  private asciiChunk: Uint8Array | undefined;
  private pos = 0;
  /** Absolute offset (UTF-16 units of the decoded document) of `buf[0]`. */
  private base = 0;
  /** Made on the first chunk that is not plain ASCII: most documents never need one. */
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  /** Whether the decoder holds the start of a character split across chunks. */
  private pending = false;
  /**
   * The document's encoding, settled at its first non-ASCII byte from the XML declaration (ASCII
   * reads the same in every encoding read here, and the declaration comes before any other byte).
   */
  private charset: XmlCharset | undefined;
  /** The document's first characters while its encoding is unsettled, for the declaration. */
  private head = '';
  private started = false;
  private readonly assembler: Assembler;
  // Open elements: where each name starts (absolute offset) and how long it is. The name itself is
  // cut out of the buffer only when the buffer is about to move past it (see `append`).
  private readonly nameAt: number[] = [];
  private readonly nameLen: number[] = [];
  private readonly names: Array<string | undefined> = [];
  private readonly nodes: Array<MapNode | null> = [];
  private depth = 0;
  private rootSeen = false;
  private rootClosed = false;
  private readonly budget: ReferenceBudget = { used: 0 };
  private readonly maxDepth: number;
  private readonly maxText: number;
  private readonly maxToken: number;
  // The element whose text is being collected, if any.
  private capNode: MapNode | null = null;
  private capDepth = -1;
  private capText = '';
  private capOver = false;
  private capAttrs: Record<string, string> | undefined;
  private capOffset = 0;
  // Line counting, advanced lazily and only forward.
  private line = 1;
  private lineStart = 0;
  private counted = 0;
  // Where each attribute name of the tag being read starts, and its length (repeats are refused).
  private readonly attrAt: number[] = [];
  private readonly attrLen: number[] = [];

  constructor(
    private readonly builder: FormatBuilder,
    private readonly ctx: ReaderContext,
    sink: ConsignmentSink,
  ) {
    this.assembler = new Assembler(builder, ctx, sink, (offset) => this.positionOf(offset));
    this.maxDepth = ctx.limits.maxDepth;
    this.maxText = ctx.limits.maxTextLength;
    this.maxToken = Math.max(SLICE, ctx.limits.maxTextLength * 4);
    // Text the caller decoded itself is read as it is, whatever the declaration says.
    if (ctx.decodedText === true) this.charset = 'utf-8';
  }

  push(chunk: Uint8Array): void {
    let text: string;
    try {
      text = this.decode(chunk);
    } catch (cause) {
      const message = cause instanceof XmlEncodingError ? cause.message : 'input is not valid UTF-8';
      throw this.error('encoding', message, this.base + this.buf.length, cause);
    }
    this.append(text, this.asciiChunk);
    this.asciiChunk = undefined;
    this.run(false);
    if (this.codes === chunk) this.compact();
  }

  /**
   * Most manifests are ASCII: such a chunk becomes a string by a plain byte copy, several times
   * faster than UTF-8 decoding, unless the decoder holds part of a character from the chunk before.
   */
  private decode(chunk: Uint8Array): string {
    if (chunk.byteLength === 0) return '';
    if (!this.pending && isAscii(chunk)) {
      if (this.charset === undefined && this.head.length < DECLARATION_HEAD) {
        this.head += asciiHead(chunk, DECLARATION_HEAD - this.head.length);
      }
      this.started = true;
      this.asciiChunk = chunk;
      return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    }
    this.charset ??= charsetOfHead(this.head + asciiHead(chunk, DECLARATION_HEAD));
    if (this.charset !== 'utf-8') {
      this.started = true;
      // ISO-8859-1 bytes are their own code units, as ASCII's are.
      if (this.charset === 'latin1') this.asciiChunk = chunk;
      return decodeSingleByte(chunk, this.charset);
    }
    // The BOM is only dropped at the start of the stream; a decoder first used later must
    // keep a U+FEFF as the character it then is.
    this.decoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: this.started });
    this.started = true;
    const text = this.decoder.decode(chunk, { stream: true });
    this.pending = chunk[chunk.byteLength - 1]! >= 0x80;
    return text;
  }

  end(): void {
    let text: string;
    try {
      text = this.decoder === undefined ? '' : this.decoder.decode();
    } catch (cause) {
      throw this.error('encoding', 'input is not valid UTF-8', this.base + this.buf.length, cause);
    }
    this.append(text, undefined);
    this.run(true);
    if (!this.rootSeen) throw this.error('syntax', 'no root element', this.base + this.buf.length);
    if (this.depth > 0) {
      throw this.error(
        'syntax',
        `the document ends inside <${this.nameOf(this.depth - 1)}> (truncated?)`,
        this.base + this.buf.length,
      );
    }
    this.assembler.end();
  }

  /** Adds decoded text to the buffer; `bytes` are its code units when the chunk was ASCII. */
  private append(text: string, bytes: Uint8Array | undefined): void {
    if (text === '') return;
    if (this.pos > 0) this.dropConsumed();
    if (this.buf === '') {
      this.buf = text;
      this.setCodes(bytes ?? unitsOf(text));
    } else {
      this.buf += text;
      this.setCodes(joinUnits(this.codes, bytes ?? unitsOf(text)));
    }
  }

  /** Lets go of the text already read, once lines are counted and open names kept. */
  private dropConsumed(): void {
    this.positionOf(this.base + this.pos);
    for (let d = 0; d < this.depth; d++) this.names[d] ??= this.nameOf(d);
    this.buf = this.buf.slice(this.pos);
    this.codes = this.codes.subarray(this.pos);
    this.view = undefined;
    this.base += this.pos;
    this.pos = 0;
  }

  /**
   * Keeps the buffer's code units in a copy of our own, not in the caller's bytes, past a push:
   * only what is still unread, so a whole document read in one push is not copied.
   */
  private compact(): void {
    if (this.pos > 0) this.dropConsumed();
    // What waits for the next chunk is short: it is compared without a view until then.
    this.codes = this.codes.slice();
    this.view = undefined;
  }

  private setCodes(codes: Uint8Array | Uint16Array): void {
    this.codes = codes;
    this.view =
      codes instanceof Uint8Array ? new DataView(codes.buffer, codes.byteOffset, codes.byteLength) : undefined;
  }

  /** The name of the open element at `depth` (0-based). */
  private nameOf(depth: number): string {
    const at = this.nameAt[depth]! - this.base;
    return this.names[depth] ?? this.buf.slice(at, at + this.nameLen[depth]!);
  }

  /** 1-based line and column (UTF-16 units) of an absolute offset at or after the last asked. */
  positionOf(offset: number): { line: number; column: number } {
    // Callers ask in document order; an earlier offset (never expected) gets the line known so far.
    if (offset < this.lineStart) return { line: this.line, column: 1 };
    const buf = this.buf;
    const end = offset - this.base;
    let i = this.counted - this.base;
    if (i < 0) i = 0;
    for (let nl = buf.indexOf('\n', i); nl >= 0 && nl < end; nl = buf.indexOf('\n', nl + 1)) {
      this.line++;
      this.lineStart = this.base + nl + 1;
    }
    if (offset > this.counted) this.counted = offset;
    return { line: this.line, column: offset - this.lineStart + 1 };
  }

  private error(
    code: 'syntax' | 'hostile-input' | 'limit-exceeded' | 'encoding',
    message: string,
    offset: number,
    cause?: unknown,
  ): ManifestParseError {
    const { line, column } = this.positionOf(offset);
    return new ManifestParseError(code, `${message} at ${line}:${column}`, {
      location: { format: this.ctx.format, line, column, offset },
      ...(cause === undefined ? {} : { cause }),
    });
  }

  private refs(start: number, end: number, decode: boolean): string {
    try {
      return resolveReferences(this.buf, start, end, decode, this.budget);
    } catch (e) {
      if (e instanceof XmlTextError) throw this.error(e.code, e.message, this.base + e.at);
      throw e;
    }
  }

  private run(final: boolean): void {
    const buf = this.buf;
    const codes = this.codes;
    const len = buf.length;
    let pos = this.pos;
    while (pos < len) {
      if (codes[pos]! !== 60 /* < */) {
        // One pass to the next '<', noting whether a reference needs resolving on the way:
        // most runs of text are short, and most hold none.
        let lt = pos;
        let amp = false;
        for (; lt < len; lt++) {
          const c = codes[lt]!;
          if (c === 60) break;
          if (c === 38) amp = true;
        }
        if (lt === len && !final) {
          // Text with no end in sight: hand over what is safe (up to a last '&') and wait.
          if (len - pos < SLICE) break;
          const last = buf.lastIndexOf('&', len - 1);
          const cut = last > pos && buf.indexOf(';', last) < 0 ? last : len;
          this.text(pos, cut, amp);
          pos = cut;
          break;
        }
        this.text(pos, lt, amp);
        pos = lt;
        continue;
      }
      const next = pos + 1 < len ? codes[pos + 1]! : -1;
      let end: number;
      if (next === 47 /* / */) end = this.endTag(pos);
      else if (next === 63 /* ? */) end = this.instruction(pos);
      else if (next === 33 /* ! */) end = this.bang(pos, final);
      else if (next === -1) end = -1;
      else end = this.startTag(pos);
      if (end < 0) {
        if (final) throw this.error('syntax', 'the document ends inside markup (truncated?)', this.base + pos);
        if (len - pos > this.maxToken) {
          throw this.error('limit-exceeded', `markup longer than ${this.maxToken} characters`, this.base + pos);
        }
        break;
      }
      pos = end;
    }
    this.pos = pos;
  }

  /** Text between markup; `amp` says it holds a '&' (a reference to check, or resolve when kept). */
  private text(start: number, end: number, amp: boolean): void {
    const buf = this.buf;
    const codes = this.codes;
    if (this.depth === 0) {
      for (let i = start; i < end; i++) {
        if (!isSpace(codes[i]!)) {
          throw this.error('syntax', 'text outside the root element', this.base + i);
        }
      }
      return;
    }
    if (this.capNode !== null && this.capDepth === this.depth) {
      if (this.capOver) {
        if (amp) this.refs(start, end, false);
        return;
      }
      this.capText += amp ? this.refs(start, end, true) : buf.slice(start, end);
      if (this.capText.length > this.maxText) {
        this.capOver = true;
        this.capText = '';
      }
    } else if (amp) this.refs(start, end, false);
  }

  private instruction(pos: number): number {
    const close = this.buf.indexOf('?>', pos + 2);
    if (close < 0) return -1;
    // The XML declaration: at the start, a target that begins with a letter is all there is to check.
    const first = this.codes[pos + 2]!;
    if (this.base + pos === 0 && ((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return close + 2;
    const target = /^[^\s?]*/.exec(this.buf.slice(pos + 2, Math.min(close, pos + 40)))?.[0] ?? '';
    if (target === '') throw this.error('syntax', 'processing instruction without a target', this.base + pos);
    if (target.toLowerCase() === 'xml' && this.base + pos !== 0) {
      throw this.error('syntax', 'the XML declaration must come first in the document', this.base + pos);
    }
    return close + 2;
  }

  private bang(pos: number, final: boolean): number {
    const buf = this.buf;
    if (buf.startsWith('<!--', pos)) {
      const close = buf.indexOf('-->', pos + 4);
      return close < 0 ? -1 : close + 3;
    }
    if (buf.startsWith('<![CDATA[', pos)) {
      const close = buf.indexOf(']]>', pos + 9);
      if (close < 0) return -1;
      if (this.depth === 0) throw this.error('syntax', 'CDATA outside the root element', this.base + pos);
      if (this.capNode !== null && this.capDepth === this.depth && !this.capOver) {
        this.capText += buf.slice(pos + 9, close);
        if (this.capText.length > this.maxText) {
          this.capOver = true;
          this.capText = '';
        }
      }
      return close + 3;
    }
    if (buf.startsWith('<!DOCTYPE', pos)) {
      throw this.error(
        'hostile-input',
        'DOCTYPE declarations are refused: a manifest needs no DTD, and entities declared in one can expand without bound or reach outside files',
        this.base + pos,
      );
    }
    if (!final && buf.length - pos < 9) return -1;
    throw this.error('syntax', "'<!' starts neither a comment, CDATA nor a DOCTYPE", this.base + pos);
  }

  private startTag(pos: number): number {
    const buf = this.buf;
    const codes = this.codes;
    const len = buf.length;
    const abs = this.base + pos;
    // One pass: the name, then attributes, up to '>' or '/>'. Nothing is acted on until the
    // tag is complete; an incomplete tag returns -1 and is read again with more input.
    let i = pos + 1;
    const first = codes[i]!;
    if (first < 128 && NAME_START[first] !== 1) throw this.error('syntax', 'invalid element name', abs);
    let colon = -1;
    let c = 0;
    let hash = 0;
    for (;;) {
      if (i >= len) return -1;
      c = codes[i]!;
      if (c < 128 && NAME_CHAR[c] !== 1) break;
      // The hash is of the local name (what follows the first colon), as the mapping's are.
      if (c === 58 && colon < 0) {
        colon = i;
        hash = 0;
      } else hash = (Math.imul(hash, 31) + c) | 0;
      i++;
    }
    if (c !== 62 && c !== 47 && !isSpace(c)) {
      throw this.error('syntax', 'invalid character in an element name', this.base + i);
    }
    const nameEnd = i;
    const localStart = colon < 0 ? pos + 1 : colon + 1;
    const depth = this.depth;
    // Names are matched where they stand in the buffer; a string is cut only to refuse a name
    // that could reach a prototype (one starting as they do) or to report one.
    const lc = codes[localStart]!;
    if (lc < 128 && PROTOTYPE_FIRST[lc] === 1) {
      const local = buf.slice(localStart, nameEnd);
      if (PROTOTYPE_NAMES.has(local)) {
        throw this.error(
          'hostile-input',
          `element <${buf.slice(pos + 1, nameEnd)}> is refused: its name can reach an object prototype`,
          abs,
        );
      }
    }
    if (depth === 0 && this.rootClosed) throw this.error('syntax', 'a second root element', abs);
    if (depth + 1 > this.maxDepth) {
      throw this.error('limit-exceeded', `elements nest deeper than limits.maxDepth (${this.maxDepth})`, abs);
    }
    let node: MapNode | null = null;
    if (depth === 0) {
      node = this.builder.mapping.roots.get(buf.slice(localStart, nameEnd)) ?? null;
      if (node === null) {
        throw this.error(
          'syntax',
          `root element <${buf.slice(pos + 1, nameEnd)}> is not a ${this.ctx.format} message`,
          abs,
        );
      }
    } else {
      // Only a mapped parent can have a mapped child: unmapped subtrees are skipped without lookups.
      const parent = this.nodes[depth - 1]!;
      if (parent !== null) node = childNamed(parent, codes, this.view, localStart, nameEnd, hash);
    }

    // Attributes: always checked, kept only when the mapping asks for them.
    const want = node !== null && node.attrs.length > 0 ? node.attrs : undefined;
    let attrs: Record<string, string> | undefined;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      const ws = i;
      while (i < len && isSpace(codes[i]!)) i++;
      if (i >= len) return -1;
      c = codes[i]!;
      if (c === 62) break;
      if (c === 47) {
        if (i + 1 >= len) return -1;
        if (codes[i + 1]! !== 62) throw this.error('syntax', "'/' must be followed by '>'", this.base + i);
        selfClosing = true;
        i++;
        break;
      }
      if (i === ws) throw this.error('syntax', 'attributes must be separated by white space', this.base + i);
      const aStart = i;
      if (c < 128 && NAME_START[c] !== 1) throw this.error('syntax', 'invalid attribute name', this.base + i);
      let aColon = -1;
      for (;;) {
        if (i >= len) return -1;
        const a = codes[i]!;
        if (a < 128 && NAME_CHAR[a] !== 1) break;
        if (a === 58 && aColon < 0) aColon = i;
        i++;
      }
      const aEnd = i;
      while (i < len && isSpace(codes[i]!)) i++;
      if (i >= len) return -1;
      if (codes[i]! !== 61 /* = */) {
        throw this.error('syntax', 'attribute without a value', this.base + aStart);
      }
      i++;
      while (i < len && isSpace(codes[i]!)) i++;
      if (i >= len) return -1;
      const q = codes[i]!;
      if (q !== 34 && q !== 39) throw this.error('syntax', 'attribute value must be quoted', this.base + i);
      let close = i + 1;
      let lt = -1;
      let amp = false;
      for (; close < len; close++) {
        const v = codes[close]!;
        if (v === q) break;
        if (v === 60 && lt < 0) lt = close;
        else if (v === 38) amp = true;
      }
      if (close >= len) return -1;
      if (lt >= 0) throw this.error('syntax', "'<' in an attribute value", this.base + lt);
      // Names are compared in place; a string is cut only for a name that could reach a
      // prototype (one starting as they do) or to report one.
      const aLocalStart = aColon < 0 ? aStart : aColon + 1;
      const alc = codes[aLocalStart]!;
      if (alc < 128 && PROTOTYPE_FIRST[alc] === 1) {
        if (PROTOTYPE_NAMES.has(buf.slice(aLocalStart, aEnd))) {
          throw this.error(
            'hostile-input',
            `attribute ${buf.slice(aStart, aEnd)} is refused: its name can reach an object prototype`,
            this.base + aStart,
          );
        }
      }
      const n = aEnd - aStart;
      for (let k = 0; k < count; k++) {
        const at = this.attrAt[k]!;
        if (this.attrLen[k] !== n) continue;
        let same = 0;
        while (same < n && codes[at + same] === codes[aStart + same]) same++;
        if (same === n) {
          throw this.error('syntax', `attribute ${buf.slice(aStart, aEnd)} is repeated`, this.base + aStart);
        }
      }
      this.attrAt[count] = aStart;
      this.attrLen[count++] = n;
      const keep = want === undefined ? undefined : wantedName(want, codes, aLocalStart, aEnd);
      if (keep !== undefined) {
        // Only attribute names the mapping lists are stored, so a plain object is safe here.
        attrs ??= {};
        attrs[keep] = amp ? this.refs(i + 1, close, true) : buf.slice(i + 1, close);
      } else if (amp) this.refs(i + 1, close, false);
      i = close + 1;
    }

    if (!selfClosing && depth > 0) {
      const end = this.leaf(node, attrs, abs, pos + 1, nameEnd, i + 1);
      if (end >= 0) return end;
    }
    if (depth === 0) this.rootSeen = true;
    this.nameAt[depth] = abs + 1;
    this.nameLen[depth] = nameEnd - pos - 1;
    this.names[depth] = undefined;
    this.nodes[depth] = node;
    this.depth = depth + 1;
    if (node !== null) {
      this.assembler.enter(node, abs);
      if (node.wantsText) {
        this.capNode = node;
        this.capDepth = depth + 1;
        this.capText = '';
        this.capOver = false;
        this.capAttrs = attrs;
        this.capOffset = abs;
      }
    }
    if (selfClosing) this.close(node);
    return i + 1;
  }

  /**
   * Most elements are leaves written in one piece: `<Name>text</Name>`. When the buffer holds
   * exactly that from `from` on (plain text, no markup, then the matching end tag), the whole
   * element is read here at once, as the general path would read it, and the offset after its end
   * tag returned; anything else (markup inside, a CDATA section, a comment, a tag cut by the end
   * of a chunk) returns -1 and the general path takes the element.
   */
  private leaf(
    node: MapNode | null,
    attrs: Record<string, string> | undefined,
    abs: number,
    nameStart: number,
    nameEnd: number,
    from: number,
  ): number {
    const buf = this.buf;
    const codes = this.codes;
    const len = buf.length;
    let lt = from;
    let amp = false;
    for (; lt < len; lt++) {
      const c = codes[lt]!;
      if (c === 60) break;
      if (c === 38) amp = true;
    }
    const n = nameEnd - nameStart;
    let i = lt + 2;
    if (i + n >= len || codes[lt + 1]! !== 47) return -1;
    if (!sameRun(codes, this.view, i, nameStart, n)) return -1;
    i += n;
    while (i < len && isSpace(codes[i]!)) i++;
    if (i >= len || codes[i]! !== 62) return -1;
    if (node === null) {
      if (amp) this.refs(from, lt, false);
      return i + 1;
    }
    this.assembler.enter(node, abs);
    if (node.wantsText) {
      const text = amp ? this.refs(from, lt, true) : buf.slice(from, lt);
      if (text.length > this.maxText) this.assembler.field(node, '', attrs, true, abs);
      else this.assembler.field(node, text, attrs, false, abs);
    } else if (amp) this.refs(from, lt, false);
    this.assembler.exit(node);
    return i + 1;
  }

  private close(node: MapNode | null): void {
    const depth = this.depth;
    if (node !== null) {
      if (this.capNode === node && this.capDepth === depth) {
        this.assembler.field(node, this.capText, this.capAttrs, this.capOver, this.capOffset);
        this.capNode = null;
        this.capDepth = -1;
        this.capText = '';
        this.capAttrs = undefined;
      }
      this.assembler.exit(node);
    }
    this.depth = depth - 1;
    if (this.depth === 0) this.rootClosed = true;
  }

  private endTag(pos: number): number {
    // The usual case, checked in place: the open element's name, maybe white space, then '>'.
    const depth = this.depth;
    if (depth > 0) {
      const codes = this.codes;
      const len = codes.length;
      const n = this.nameLen[depth - 1]!;
      let i = pos + 2;
      if (i + n < len && this.isOpenName(depth - 1, i)) {
        i += n;
        while (i < len && isSpace(codes[i]!)) i++;
        if (i < len && codes[i]! === 62) {
          this.close(this.nodes[depth - 1] ?? null);
          return i + 1;
        }
      }
    }
    return this.otherEndTag(pos);
  }

  /** Whether the buffer at `at` repeats the name of the open element at `depth`. */
  private isOpenName(depth: number, at: number): boolean {
    const codes = this.codes;
    const n = this.nameLen[depth]!;
    const name = this.names[depth];
    if (name === undefined) {
      const from = this.nameAt[depth]! - this.base;
      return sameRun(codes, this.view, at, from, n);
    } else {
      for (let k = 0; k < n; k++) if (codes[at + k]! !== name.charCodeAt(k)) return false;
    }
    return true;
  }

  /** Any other end tag: incomplete (-1), or an error naming what was expected. */
  private otherEndTag(pos: number): number {
    const buf = this.buf;
    const codes = this.codes;
    const gt = buf.indexOf('>', pos + 2);
    if (gt < 0) return -1;
    let nameEnd = gt;
    while (nameEnd > pos + 2 && isSpace(codes[nameEnd - 1]!)) nameEnd--;
    const depth = this.depth;
    const expected = depth > 0 ? this.nameOf(depth - 1) : undefined;
    if (expected === undefined) throw this.error('syntax', 'end tag with no open element', this.base + pos);
    if (nameEnd - (pos + 2) !== expected.length || !buf.startsWith(expected, pos + 2)) {
      throw this.error(
        'syntax',
        `expected </${expected}> but found </${buf.slice(pos + 2, Math.min(nameEnd, pos + 66))}>`,
        this.base + pos,
      );
    }
    this.close(this.nodes[depth - 1] ?? null);
    return gt + 1;
  }
}

/** Whether `codes` hold the same `n` units at `a` and at `b` (four at a time through `view`). */
function sameRun(
  codes: Uint8Array | Uint16Array,
  view: DataView | undefined,
  a: number,
  b: number,
  n: number,
): boolean {
  let k = 0;
  if (view !== undefined) {
    for (; k + 4 <= n; k += 4) if (view.getInt32(a + k, true) !== view.getInt32(b + k, true)) return false;
  }
  for (; k < n; k++) if (codes[a + k] !== codes[b + k]) return false;
  return true;
}

/** The name in `want` that `codes[start, end)` spells, if any. */
function wantedName(
  want: readonly string[],
  codes: Uint8Array | Uint16Array,
  start: number,
  end: number,
): string | undefined {
  next: for (let w = 0; w < want.length; w++) {
    const name = want[w]!;
    if (name.length !== end - start) continue;
    for (let k = 0; k < name.length; k++) if (name.charCodeAt(k) !== codes[start + k]) continue next;
    return name;
  }
  return undefined;
}

/** The child of a mapped element named `codes[start, end)` (local name), if the mapping has one. */
function childNamed(
  parent: MapNode,
  codes: Uint8Array | Uint16Array,
  view: DataView | undefined,
  start: number,
  end: number,
  hash: number,
): MapNode | null {
  const candidates = parent.byLength[end - start];
  if (candidates === undefined) return null;
  next: for (let j = 0; j < candidates.length; j++) {
    const candidate = candidates[j]!;
    if (candidate.hash !== hash) continue;
    const n = end - start;
    let k = 0;
    const words = candidate.words;
    if (view !== undefined && words !== undefined) {
      for (; k + 4 <= n; k += 4) if (view.getInt32(start + k, true) !== words[k >> 2]) continue next;
    }
    const name = candidate.units;
    for (; k < n; k++) if (name[k] !== codes[start + k]) continue next;
    return candidate;
  }
  return null;
}

/** The fast, streaming driver for one format. */
export function createFastXmlReader(
  builder: FormatBuilder,
  ctx: ReaderContext,
  sink: ConsignmentSink,
): IncrementalReader {
  return new FastXmlReader(builder, ctx, sink);
}
