import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ManifestParseError } from '../errors.js';
import { fallbackHeader } from '../json/canonical-json.js';
import { finishResult, type ParseResult, type ReaderContext, ResultBuilder } from '../parse/parse-result.js';
import { Assembler, type FormatBuilder } from './assembler.js';
import type { Attributes } from './converters.js';
import type { MapNode } from './mapping.js';
import { localName, PROTOTYPE_NAMES, type ReferenceBudget, resolveReferences, XmlTextError } from './xml-text.js';

/*
 * The reference driver: fast-xml-parser builds the whole tree, then the same compiled mapping is
 * walked over it. It is there to prove the fast driver right, so it takes the plain road: the
 * document is validated first (malformed XML is an error with line and column, never a half
 * tree), nesting is measured before the tree is built, values stay strings (`parseTagValue:
 * false`, so HS `0901210000` keeps its zero), references are resolved by our own code
 * (`processEntities: false`) and `preserveOrder` keeps every child list an ordered array, so one
 * element and two have the same shape.
 */

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type OrderedNode = Record<string | symbol, unknown> & { ':@'?: Record<string, string> };

function lineIndex(text: string): number[] {
  const starts = [0];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
  return starts;
}

function positionIn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Offset of a markup DOCTYPE (not one quoted inside a comment or CDATA), or -1. */
function findDoctype(text: string): number {
  for (let at = text.indexOf('<!DOCTYPE'); at >= 0; at = text.indexOf('<!DOCTYPE', at + 1)) {
    const comment = text.lastIndexOf('<!--', at);
    if (comment >= 0 && text.indexOf('-->', comment) > at) continue;
    const cdata = text.lastIndexOf('<![CDATA[', at);
    if (cdata >= 0 && text.indexOf(']]>', cdata) > at) continue;
    return at;
  }
  return -1;
}

/** Offset of the first start tag nested deeper than `max` in well-formed XML, or -1. */
function findTooDeep(text: string, max: number): number {
  const skip = (from: number, marker: string) => {
    const at = text.indexOf(marker, from);
    return at < 0 ? -1 : at + marker.length;
  };
  let depth = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i)) {
    const c = text.charCodeAt(i + 1);
    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', i)) i = skip(i + 4, '-->');
      else if (text.startsWith('<![CDATA[', i)) i = skip(i + 9, ']]>');
      else i = skip(i, '>');
    } else if (c === 63 /* ? */) i = skip(i + 2, '?>');
    else if (c === 47 /* / */) {
      depth--;
      i = skip(i, '>');
    } else {
      let j = i + 1;
      while (j >= 0 && j < text.length && text.charCodeAt(j) !== 62) {
        const ch = text.charCodeAt(j);
        if (ch === 34 || ch === 39) {
          const q = text.indexOf(ch === 34 ? '"' : "'", j + 1);
          j = q < 0 ? -1 : q + 1;
        } else j++;
      }
      if (j < 0 || j >= text.length) return -1;
      if (text.charCodeAt(j - 1) !== 47 && ++depth > max) return i;
      i = j + 1;
    }
    if (i < 0) return -1;
  }
  return -1;
}

/** First element or attribute named like a prototype member, for locating the parser's refusal. */
function findPrototypeName(text: string): number {
  let best = -1;
  for (const name of PROTOTYPE_NAMES) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const before = text.charCodeAt(at - 1);
      const after = text.charCodeAt(at + name.length);
      const ends = after === 62 || after === 47 || after === 61 || after === 32 || after === 9 || after === 10;
      if (ends && (before === 60 || before === 58 || before === 32 || before === 9 || before === 10 || before === 13)) {
        if (best < 0 || at < best) best = before === 60 ? at - 1 : at;
        break;
      }
    }
  }
  return best;
}

/** Reads a whole XML document held in memory through fast-xml-parser's tree. */
export function readXmlReference(builder: FormatBuilder, text: string, ctx: ReaderContext): ParseResult {
  const starts = lineIndex(text);
  const fail = (
    code: 'syntax' | 'hostile-input' | 'limit-exceeded',
    message: string,
    offset: number,
    cause?: unknown,
  ) => {
    const { line, column } = positionIn(starts, offset);
    return new ManifestParseError(code, `${message} at ${line}:${column}`, {
      location: { format: ctx.format, line, column, offset },
      ...(cause === undefined ? {} : { cause }),
    });
  };

  const doctype = findDoctype(text);
  if (doctype >= 0) {
    throw fail(
      'hostile-input',
      'DOCTYPE declarations are refused: a manifest needs no DTD, and entities declared in one can expand without bound or reach outside files',
      doctype,
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new ManifestParseError('syntax', `${msg} at ${line}:${col}`, {
      location: { format: ctx.format, line, column: col },
    });
  }
  const deep = findTooDeep(text, ctx.limits.maxDepth);
  if (deep >= 0) {
    throw fail('limit-exceeded', `elements nest deeper than limits.maxDepth (${ctx.limits.maxDepth})`, deep);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    trimValues: false,
    cdataPropName: '#cdata',
    captureMetaData: true,
    maxNestedTags: ctx.limits.maxDepth + 1,
    // fast-xml-parser renames some prototype names (`toString` → `__toString`); refuse them instead.
    onDangerousProperty: (name: string) => {
      throw new Error(`[SECURITY] ${name}`);
    },
  });
  let tree: OrderedNode[];
  try {
    tree = parser.parse(text) as OrderedNode[];
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (message.includes('SECURITY')) {
      throw fail(
        'hostile-input',
        'a name that can reach an object prototype is refused',
        Math.max(0, findPrototypeName(text)),
        cause,
      );
    }
    throw new ManifestParseError('syntax', `the XML parser failed: ${message}`, {
      location: { format: ctx.format },
      cause,
    });
  }

  const out = new ResultBuilder();
  const assembler = new Assembler(builder, ctx, out, (offset) => positionIn(starts, offset));
  const budget: ReferenceBudget = { used: 0 };
  const maxText = ctx.limits.maxTextLength;

  const refs = (value: string, decode: boolean, offset: number): string => {
    try {
      return resolveReferences(value, 0, value.length, decode, budget);
    } catch (e) {
      // The tree holds the text without its place; the element's start is the nearest we know.
      if (e instanceof XmlTextError) throw fail(e.code, e.message, offset);
      throw e;
    }
  };

  let roots = 0;
  const walk = (entries: OrderedNode[], parent: MapNode | null, depth: number): void => {
    for (const entry of entries) {
      const key = Object.keys(entry).find((k) => k !== ':@');
      if (key === undefined || key.startsWith('?')) continue;
      const offset = (entry[META] as { startIndex?: number } | undefined)?.startIndex ?? 0;
      if (key === '#text' || key === '#cdata') continue;
      // The validator lets a second, empty root element through.
      if (depth === 0 && ++roots > 1) throw fail('syntax', 'a second root element', offset);
      const local = localName(key);
      if (PROTOTYPE_NAMES.has(local)) {
        throw fail('hostile-input', `element <${key}> is refused: its name can reach an object prototype`, offset);
      }
      let node: MapNode | null;
      if (depth === 0) {
        node = builder.mapping.roots.get(local) ?? null;
        if (node === null) throw fail('syntax', `root element <${key}> is not a ${ctx.format} message`, offset);
      } else node = parent === null ? null : (parent.children.get(local) ?? null);
      if (node !== null) assembler.enter(node, offset);

      let attrs: Record<string, string> | undefined;
      const rawAttrs = entry[':@'];
      if (rawAttrs !== undefined) {
        for (const [aName, aValue] of Object.entries(rawAttrs)) {
          const aLocal = localName(aName);
          if (PROTOTYPE_NAMES.has(aLocal)) {
            throw fail(
              'hostile-input',
              `attribute ${aName} is refused: its name can reach an object prototype`,
              offset,
            );
          }
          const keep = node?.attrs.includes(aLocal) === true;
          const value = refs(String(aValue), keep, offset);
          if (keep) {
            attrs ??= {};
            attrs[aLocal] = value;
          }
        }
      }

      const children = entry[key] as OrderedNode[];
      const capture = node?.wantsText === true;
      let collected = '';
      let over = false;
      for (const child of children) {
        if ('#text' in child) {
          const value = refs(String(child['#text']), capture && !over, offset);
          if (capture && !over) collected += value;
        } else if ('#cdata' in child) {
          const inner = child['#cdata'] as Array<Record<string, unknown>>;
          if (capture && !over) for (const piece of inner) collected += String(piece['#text'] ?? '');
        }
        if (collected.length > maxText) {
          over = true;
          collected = '';
        }
      }
      walk(children, node, depth + 1);
      if (node !== null) {
        if (capture) assembler.field(node, collected, attrs as Attributes | undefined, over, offset);
        assembler.exit(node);
      }
    }
  };
  walk(tree, null, 0);
  assembler.end();
  return finishResult(out, fallbackHeader(ctx));
}
