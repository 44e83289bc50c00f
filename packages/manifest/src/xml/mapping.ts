import type { ManifestFormat } from '../model/manifest.js';
import { CONVERTERS, type Converter, type ConverterName } from './converters.js';
import { layoutOf, type SlotLayout } from './scope-record.js';

/*
 * A format described once, as data: which element paths (local names, namespace prefixes
 * ignored) open a scope (a consignment, a goods item, a party, a container, a flight leg…) and
 * which paths fill which slot of the scope they sit in, through a named converter. Both XML
 * drivers walk the same compiled description, so they cannot disagree about a format; only the
 * way they reach the elements differs.
 */

/** Where the text of one element goes. */
export interface FieldRule {
  /** Slot of the enclosing scope record. */
  slot: string;
  convert: ConverterName;
  /** Collect every occurrence in order instead of keeping one value. */
  list?: boolean;
  /**
   * When several paths fill one slot, the lowest rank wins whatever the document order
   * (`PieceQuantity` over `PackageQuantity`); equal ranks keep the first value met.
   * @default 0
   */
  rank?: number;
  /** Attributes the converter needs beside the text (`unitCode`, `currencyID`). */
  attrs?: readonly string[];
}

export type ScopeKind =
  | 'document'
  | 'context'
  | 'consignment'
  | 'goods'
  | 'party'
  | 'container'
  | 'leg'
  | 'classification'
  | 'note'
  | 'location';

/** A scope: an element that opens a record, with its fields and nested scopes by relative path. */
export interface ScopeSpec {
  kind: ScopeKind;
  /** For parties: the model role (`consignor`…); for other kinds a free label the builder reads. */
  role?: string;
  /**
   * Among scopes of one role, the lowest rank wins (a WCO `Consignor` over an `Exporter`).
   * @default 0
   */
  rank?: number;
  /** Relative path (`A/B/C`) → rule(s) for that element's text. */
  fields?: Readonly<Record<string, FieldRule | readonly FieldRule[]>>;
  /** Relative path → nested scope. */
  scopes?: Readonly<Record<string, ScopeSpec | readonly ScopeSpec[]>>;
}

/** One node of the compiled path tree; drivers hold a stack of these. */
export interface MapNode {
  readonly name: string;
  /** The name's UTF-16 code units and their {@link nameHash}, for drivers that compare names in place. */
  readonly units: Uint16Array;
  readonly hash: number;
  /**
   * An ASCII name's bytes four to a word (little-endian), to compare with a view of a byte buffer
   * (the last `length % 4` bytes are compared one by one); undefined for any other name.
   */
  readonly words: Int32Array | undefined;
  readonly children: Map<string, MapNode>;
  /**
   * The same children by the length of their name, so a driver can match the name where it
   * stands in its buffer, without cutting a string out of it. Filled once the tree is complete.
   */
  byLength: Array<MapNode[] | undefined>;
  /** Scopes this element opens (usually none or one), and the slot layout of each. */
  scopes: ScopeSpec[];
  layouts: SlotLayout[];
  /** Rules for this element's text, each with the scope it belongs to, resolved for the assembler. */
  fields: FieldTarget[];
  /** Attributes to capture for the rules above. */
  attrs: string[];
  /** Whether the driver must collect this element's text. */
  wantsText: boolean;
}

/** A field rule placed in the tree: its converter and options looked up once, at compile time. */
export interface FieldTarget {
  readonly rule: FieldRule;
  readonly owner: ScopeSpec;
  readonly convert: Converter;
  readonly slot: string;
  /** The slot's place in the owner's records (see ScopeRecord). */
  readonly index: number;
  readonly rank: number;
  readonly list: boolean;
}

/** A compiled mapping: the root element names the format accepts and their path trees. */
export interface CompiledMapping {
  readonly format: ManifestFormat;
  readonly roots: ReadonlyMap<string, MapNode>;
}

// Drivers collect the text of one element at a time, so an element whose text is mapped may not
// hold another whose text is mapped too; a mapping that asks for it is a bug, caught at load.
function checkTextNesting(at: MapNode, insideText: boolean): void {
  if (insideText && at.wantsText) throw new Error(`mapping error: <${at.name}> has text inside mapped text`);
  for (const child of at.children.values()) checkTextNesting(child, insideText || at.wantsText);
}

function indexByLength(at: MapNode): void {
  for (const child of at.children.values()) {
    const n = child.name.length;
    let list = at.byLength[n];
    if (list === undefined) {
      // Holes would make the array sparse (a dictionary); fill them.
      while (at.byLength.length < n) at.byLength.push(undefined);
      list = [];
      at.byLength[n] = list;
    }
    list.push(child);
    indexByLength(child);
  }
}

/** A cheap hash of `units[start, end)`, the one drivers keep while they scan a name. */
export function nameHash(units: ArrayLike<number>, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + units[i]!) | 0;
  return h;
}

function wordsOf(units: Uint16Array): Int32Array | undefined {
  if (units.some((u) => u > 127)) return undefined;
  const words = new Int32Array(units.length >> 2);
  for (let w = 0; w < words.length; w++) {
    const k = w * 4;
    words[w] = units[k]! | (units[k + 1]! << 8) | (units[k + 2]! << 16) | (units[k + 3]! << 24);
  }
  return words;
}

function node(name: string): MapNode {
  const units = new Uint16Array(name.length);
  for (let i = 0; i < name.length; i++) units[i] = name.charCodeAt(i);
  return {
    name,
    units,
    hash: nameHash(units, 0, units.length),
    words: wordsOf(units),
    children: new Map(),
    byLength: [],
    scopes: [],
    layouts: [],
    fields: [],
    attrs: [],
    wantsText: false,
  };
}

function descend(from: MapNode, path: string): MapNode {
  let at = from;
  for (const step of path.split('/')) {
    if (step === '') continue;
    let next = at.children.get(step);
    if (next === undefined) {
      next = node(step);
      at.children.set(step, next);
    }
    at = next;
  }
  return at;
}

function place(at: MapNode, spec: ScopeSpec): void {
  for (const [path, rules] of Object.entries(spec.fields ?? {})) {
    const target = descend(at, path);
    for (const rule of Array.isArray(rules) ? (rules as FieldRule[]) : [rules as FieldRule]) {
      target.fields.push({
        rule,
        owner: spec,
        convert: CONVERTERS[rule.convert],
        slot: rule.slot,
        index: layoutOf(spec).index.get(rule.slot)!,
        rank: rule.rank ?? 0,
        list: rule.list === true,
      });
      target.wantsText = true;
      for (const a of rule.attrs ?? []) if (!target.attrs.includes(a)) target.attrs.push(a);
    }
  }
  for (const [path, specs] of Object.entries(spec.scopes ?? {})) {
    const target = descend(at, path);
    for (const inner of Array.isArray(specs) ? (specs as ScopeSpec[]) : [specs as ScopeSpec]) {
      target.scopes.push(inner);
      target.layouts.push(layoutOf(inner));
      place(target, inner);
    }
  }
}

/**
 * Compiles a format description into a path tree: for each accepted root element name, the
 * scopes that root opens (the document first); their relative paths start below the root.
 */
export function compileMapping(
  format: ManifestFormat,
  roots: Readonly<Record<string, readonly ScopeSpec[]>>,
): CompiledMapping {
  const map = new Map<string, MapNode>();
  for (const [name, specs] of Object.entries(roots)) {
    const root = node(name);
    for (const spec of specs) {
      root.scopes.push(spec);
      root.layouts.push(layoutOf(spec));
      place(root, spec);
    }
    checkTextNesting(root, false);
    indexByLength(root);
    map.set(name, root);
  }
  return { format, roots: map };
}
