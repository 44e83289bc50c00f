import { foldText } from '../text/fold-text.js';

/*
 * `matchesPattern` runs a small regular language on a Thompson NFA simulated with state sets: every
 * character of the text is looked at once per live state, so `(a+)+$` on 100,000 characters costs the
 * same as `a` on 100,000 characters times a small constant. No backtracking engine ever sees author text.
 */

/** A pattern that parsed: `test` takes the text already prepared (folded unless `caseSensitive`). */
export interface CompiledPattern {
  readonly source: string;
  readonly caseSensitive: boolean;
  test(prepared: string): boolean;
}

export type PatternResult =
  | { readonly ok: true; readonly pattern: CompiledPattern }
  | { readonly ok: false; readonly message: string; readonly offset: number };

type Ast =
  | { t: 'char'; m: Matcher }
  | { t: 'seq'; items: Ast[] }
  | { t: 'alt'; items: Ast[] }
  | { t: 'star' | 'plus' | 'opt'; body: Ast }
  | { t: 'bol' }
  | { t: 'eol' };

// A character test: a single code point, any character, or a set of inclusive ranges.
type Matcher = { k: 'cp'; cp: number } | { k: 'any' } | { k: 'set'; ranges: number[]; negated: boolean };

class PatternSyntax extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const COMBINING = /\p{M}+/gu;

function foldChar(ch: string): string {
  return ch.normalize('NFKD').replace(COMBINING, '').toLowerCase();
}

class Parser {
  i = 0;
  constructor(
    readonly src: string,
    readonly fold: boolean,
  ) {}

  fail(message: string, at = this.i): never {
    throw new PatternSyntax(message, at);
  }

  parseAlt(): Ast {
    const items = [this.parseSeq()];
    while (this.src[this.i] === '|') {
      this.i++;
      items.push(this.parseSeq());
    }
    return items.length === 1 ? (items[0] as Ast) : { t: 'alt', items };
  }

  parseSeq(): Ast {
    const items: Ast[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      items.push(...this.parseRepeat());
    }
    return { t: 'seq', items };
  }

  parseRepeat(): Ast[] {
    const atoms = this.parseAtom();
    const q = this.src[this.i];
    if (q !== '*' && q !== '+' && q !== '?') return atoms;
    if (atoms.length === 0 || atoms[0]?.t === 'bol' || atoms[0]?.t === 'eol')
      this.fail(`nothing to repeat before ${q}`);
    this.i++;
    const next = this.src[this.i];
    if (next === '*' || next === '+' || next === '?')
      this.fail('lazy, possessive or doubled quantifiers are not supported');
    // A folded literal may stand for several characters; the quantifier applies to all of them.
    const body: Ast = atoms.length === 1 ? (atoms[0] as Ast) : { t: 'seq', items: atoms };
    return [{ t: q === '*' ? 'star' : q === '+' ? 'plus' : 'opt', body }];
  }

  literal(ch: string): Ast[] {
    const text = this.fold ? foldChar(ch) : ch;
    const out: Ast[] = [];
    for (const c of text) out.push({ t: 'char', m: { k: 'cp', cp: c.codePointAt(0) as number } });
    return out;
  }

  parseAtom(): Ast[] {
    const src = this.src;
    const ch = String.fromCodePoint(src.codePointAt(this.i) as number);
    switch (ch) {
      case '(': {
        const open = this.i;
        this.i++;
        if (src[this.i] === '?') this.fail('(? groups (look-around, flags, non-capturing) are not supported');
        const inner = this.parseAlt();
        if (src[this.i] !== ')') this.fail('unclosed group', open);
        this.i++;
        return [inner];
      }
      case ')':
        return this.fail('unmatched )');
      case '[':
        return [this.parseClass()];
      case '.':
        this.i++;
        return [{ t: 'char', m: { k: 'any' } }];
      case '^':
        this.i++;
        return [{ t: 'bol' }];
      case '$':
        this.i++;
        return [{ t: 'eol' }];
      case '*':
      case '+':
      case '?':
        return this.fail(`nothing to repeat before ${ch}`);
      case '{':
      case '}':
        return this.fail('counted repetition {n,m} is not supported (escape a literal brace as \\{)');
      case ']':
        return this.fail('unmatched ] (escape a literal bracket as \\])');
      case '\\': {
        this.i++;
        return this.literal(this.escaped());
      }
      default:
        this.i += ch.length;
        return this.literal(ch);
    }
  }

  // After a backslash: only punctuation may be escaped. `\1`, `\b`, `\d`… are refused rather than
  // silently meaning something else than in other regex dialects.
  escaped(): string {
    const cp = this.src.codePointAt(this.i);
    if (cp === undefined) this.fail('pattern ends with a lone backslash');
    const ch = String.fromCodePoint(cp);
    if (/[\p{L}\p{N}]/u.test(ch)) {
      this.fail(`\\${ch} is not supported (back-references, word boundaries and class escapes are refused)`);
    }
    this.i += ch.length;
    return ch;
  }

  classChar(): number {
    const src = this.src;
    if (this.i >= src.length) this.fail('unclosed character class');
    if (src[this.i] === '\\') {
      this.i++;
      return this.escaped().codePointAt(0) as number;
    }
    if (src[this.i] === '[') this.fail('nested [ in a character class (escape it as \\[)');
    const cp = src.codePointAt(this.i) as number;
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }

  parseClass(): Ast {
    const open = this.i;
    this.i++;
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const ranges: number[] = [];
    if (this.src[this.i] === ']') this.fail('empty character class');
    while (this.src[this.i] !== ']') {
      if (this.i >= this.src.length) this.fail('unclosed character class', open);
      const lo = this.classChar();
      let hi = lo;
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        hi = this.classChar();
        if (hi < lo) this.fail('character class range out of order');
      }
      this.addRange(ranges, lo, hi);
    }
    this.i++;
    return { t: 'char', m: { k: 'set', ranges, negated } };
  }

  addRange(ranges: number[], lo: number, hi: number): void {
    if (!this.fold) {
      ranges.push(lo, hi);
      return;
    }
    // Folded text has no upper case and no accents: map the class onto what folding leaves.
    const isUpper = (c: number) => c >= 65 && c <= 90;
    if (isUpper(lo) && isUpper(hi)) {
      ranges.push(lo + 32, hi + 32);
      return;
    }
    if (lo === hi) {
      const f = foldChar(String.fromCodePoint(lo));
      if (f.length > 0 && [...f].length === 1) {
        const c = f.codePointAt(0) as number;
        ranges.push(c, c);
        return;
      }
    }
    ranges.push(lo, hi);
  }
}

// NFA states: parallel arrays, built backwards from a continuation so no patching is needed.
const TEST = 0;
const SPLIT = 1;
const BOL = 2;
const EOL = 3;
const MATCH = 4;

interface Nfa {
  kind: number[];
  next: number[];
  next2: number[];
  matcher: (Matcher | undefined)[];
  start: number;
}

function build(ast: Ast, next: number, nfa: Nfa): number {
  const add = (kind: number, n1: number, n2 = -1, m?: Matcher) => {
    nfa.kind.push(kind);
    nfa.next.push(n1);
    nfa.next2.push(n2);
    nfa.matcher.push(m);
    return nfa.kind.length - 1;
  };
  switch (ast.t) {
    case 'char':
      return add(TEST, next, -1, ast.m);
    case 'bol':
      return add(BOL, next);
    case 'eol':
      return add(EOL, next);
    case 'seq': {
      let s = next;
      for (let i = ast.items.length - 1; i >= 0; i--) s = build(ast.items[i] as Ast, s, nfa);
      return s;
    }
    case 'alt': {
      let s = build(ast.items[ast.items.length - 1] as Ast, next, nfa);
      for (let i = ast.items.length - 2; i >= 0; i--) s = add(SPLIT, build(ast.items[i] as Ast, next, nfa), s);
      return s;
    }
    case 'opt':
      return add(SPLIT, build(ast.body, next, nfa), next);
    case 'star': {
      const loop = add(SPLIT, -1, next);
      nfa.next[loop] = build(ast.body, loop, nfa);
      return loop;
    }
    case 'plus': {
      const loop = add(SPLIT, -1, next);
      const start = build(ast.body, loop, nfa);
      nfa.next[loop] = start;
      return start;
    }
  }
}

function matches(m: Matcher, cp: number): boolean {
  if (m.k === 'cp') return m.cp === cp;
  if (m.k === 'any') return true;
  const r = m.ranges;
  let inside = false;
  for (let i = 0; i < r.length; i += 2) {
    if (cp >= (r[i] as number) && cp <= (r[i + 1] as number)) {
      inside = true;
      break;
    }
  }
  return inside !== m.negated;
}

function simulator(nfa: Nfa): (text: string) => boolean {
  const n = nfa.kind.length;
  const kind = Int8Array.from(nfa.kind);
  const next = Int32Array.from(nfa.next);
  const next2 = Int32Array.from(nfa.next2);
  const matcher = nfa.matcher;
  const start = nfa.start;
  return (text: string) => {
    // Fresh scratch per call keeps a compiled pattern safe to share; sizes are the pattern's, not the text's.
    let current = new Int32Array(n);
    let following = new Int32Array(n);
    const mark = new Int32Array(n);
    const stack = new Int32Array(n * 2 + 2);
    let gen = 0;
    let curLen = 0;
    let nextLen = 0;
    const len = text.length;
    // Adds state s and everything reachable from it without reading a character; true on MATCH.
    const close = (s: number, pos: number, list: Int32Array, count: number): number => {
      let sp = 0;
      stack[sp++] = s;
      while (sp > 0) {
        const st = stack[--sp] as number;
        if (mark[st] === gen) continue;
        mark[st] = gen;
        const k = kind[st];
        if (k === SPLIT) {
          stack[sp++] = next2[st] as number;
          stack[sp++] = next[st] as number;
        } else if (k === BOL) {
          if (pos === 0) stack[sp++] = next[st] as number;
        } else if (k === EOL) {
          if (pos === len) stack[sp++] = next[st] as number;
        } else {
          if (k === MATCH) return -1;
          list[count++] = st;
        }
      }
      return count;
    };
    gen++;
    curLen = close(start, 0, current, 0);
    if (curLen < 0) return true;
    let pos = 0;
    while (pos < len) {
      const cp = text.codePointAt(pos) as number;
      const step = cp > 0xffff ? 2 : 1;
      const after = pos + step;
      gen++;
      nextLen = 0;
      for (let i = 0; i < curLen; i++) {
        const st = current[i] as number;
        if (matches(matcher[st] as Matcher, cp)) {
          nextLen = close(next[st] as number, after, following, nextLen);
          if (nextLen < 0) return true;
        }
      }
      // Unanchored search: a match may start at every position.
      nextLen = close(start, after, following, nextLen);
      if (nextLen < 0) return true;
      const swap = current;
      current = following;
      following = swap;
      curLen = nextLen;
      pos = after;
    }
    return false;
  };
}

/**
 * Parses a `matchesPattern` pattern. Supported: literals, `.`, `[a-z0-9]`, `[^…]`, `*`, `+`, `?`, `|`,
 * `( )`, `^`, `$`, and `\` before punctuation; a leading `(?c)` makes the match case-sensitive on the
 * raw text (otherwise the text is folded and the pattern's letters are lower-cased and stripped of
 * accents). Anything else is refused with the offset of the problem.
 *
 * @example
 * const r = compilePattern('^ammonium (nitrate|perchlorate)$');
 * if (r.ok) r.pattern.test(foldText('AMMONIUM NITRATE')) // true
 */
export function compilePattern(source: string): PatternResult {
  let body = source;
  let caseSensitive = false;
  if (body.startsWith('(?c)')) {
    caseSensitive = true;
    body = body.slice(4);
  }
  const offsetBase = source.length - body.length;
  try {
    const parser = new Parser(body, !caseSensitive);
    const ast = parser.parseAlt();
    if (parser.i < body.length) parser.fail(body[parser.i] === ')' ? 'unmatched )' : 'unexpected character');
    const nfa: Nfa = { kind: [MATCH], next: [-1], next2: [-1], matcher: [undefined], start: 0 };
    nfa.start = build(ast, 0, nfa);
    const test = simulator(nfa);
    return { ok: true, pattern: Object.freeze({ source, caseSensitive, test }) };
  } catch (e) {
    if (e instanceof PatternSyntax) return { ok: false, message: e.message, offset: e.offset + offsetBase };
    throw e;
  }
}

/**
 * Whether a compiled pattern matches raw text (folding it first unless the pattern is case-sensitive).
 *
 * @example
 * matchesPatternText(pattern, 'Ammonium-Nitrate')
 */
export function matchesPatternText(pattern: CompiledPattern, text: string): boolean {
  return pattern.test(pattern.caseSensitive ? text : foldText(text));
}
