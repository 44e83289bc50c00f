import { ManifestParseError } from '../errors.js';
import { type ManifestHeader, ManifestHeaderSchema, type SourceLocation } from '../model/manifest.js';
import { ISSUE_CODES, type ParseIssue } from '../model/parse-issue.js';
import { checkBuiltConsignment, issuesFromZod, plainHeader } from '../model/validate-consignment.js';
import type { ReaderContext } from '../parse/parse-result.js';
import type { ConsignmentSink } from '../stream/incremental-reader.js';
import type { Attributes } from './converters.js';
import type { CompiledMapping, MapNode } from './mapping.js';
import { ScopeRecord } from './scope-record.js';

/** The format-specific step from collected records to model candidates (validated afterwards). */
export interface FormatBuilder {
  readonly mapping: CompiledMapping;
  /** A consignment candidate from its record; enclosing records are reachable through `parent`. */
  consignment(record: ScopeRecord): Record<string, unknown>;
  /** The manifest header from the document record, once the first consignment is complete. */
  header(
    document: ScopeRecord,
    first: Record<string, unknown> | undefined,
    ctx: ReaderContext,
  ): Record<string, unknown>;
}

export type PositionOf = (offset: number) => { line: number; column: number };

const NO_ATTRS: Attributes = Object.freeze({});

/**
 * Turns the mapped elements either driver meets into consignments for the sink. Drivers call
 * `enter` / `field` / `exit` for mapped elements only, in document order; everything the
 * mapping does not name never reaches here.
 */
export class Assembler {
  private readonly stack: ScopeRecord[] = [];
  private document: ScopeRecord | undefined;
  private headerSent = false;
  private readonly maxItems: number;

  constructor(
    private readonly builder: FormatBuilder,
    private readonly ctx: ReaderContext,
    private readonly sink: ConsignmentSink,
    private readonly positionOf: PositionOf,
  ) {
    this.maxItems = ctx.limits.maxItemsPerConsignment;
  }

  /** A mapped element opens; `offset` is where its `<` stands. */
  enter(node: MapNode, offset: number): void {
    const scopes = node.scopes;
    for (let i = 0; i < scopes.length; i++) {
      const spec = scopes[i]!;
      const parent = this.stack[this.stack.length - 1];
      const record = new ScopeRecord(spec, parent, offset, node.layouts[i]);
      if (spec.kind === 'document') this.document ??= record;
      else if (spec.kind === 'consignment') record.location = this.location(offset);
      else if (spec.kind === 'goods') record.discard = this.countItem();
      else if (parent?.discard === true) record.discard = true;
      this.stack.push(record);
    }
  }

  /** Counts a goods item; past the limit its consignment is marked and the item is not kept. */
  private countItem(): boolean {
    const owner = this.nearest('consignment');
    if (owner === undefined) return false;
    const n = ++owner.items;
    if (n <= this.maxItems) return false;
    owner.overLimit ??= `more than ${this.maxItems} goods items (limits.maxItemsPerConsignment)`;
    return true;
  }

  private nearest(kind: string): ScopeRecord | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.spec.kind === kind) return this.stack[i];
    return undefined;
  }

  /**
   * The complete text of a mapped element. `overLong` says the driver stopped collecting it at
   * `limits.maxTextLength`.
   */
  field(node: MapNode, text: string, attrs: Attributes | undefined, overLong: boolean, offset: number): void {
    if (overLong) {
      const owner = this.nearest('consignment');
      const message = `<${node.name}> text is longer than limits.maxTextLength (${this.ctx.limits.maxTextLength})`;
      if (owner === undefined) {
        throw new ManifestParseError('limit-exceeded', message, { location: this.location(offset) });
      }
      owner.overLimit ??= message;
      return;
    }
    const fields = node.fields;
    for (let i = 0; i < fields.length; i++) {
      const target = fields[i]!;
      const owner = target.owner;
      let record: ScopeRecord | undefined;
      for (let j = this.stack.length - 1; j >= 0; j--) {
        if (this.stack[j]!.spec === owner) {
          record = this.stack[j];
          break;
        }
      }
      if (record === undefined) continue;
      record.setAt(target.index, target.convert(text, attrs ?? NO_ATTRS), target.rank, target.list);
    }
  }

  /** A mapped element closes: the scopes it opened are complete. */
  exit(node: MapNode): void {
    for (let i = node.scopes.length - 1; i >= 0; i--) {
      const record = this.stack.pop()!;
      if (record.spec.kind === 'consignment') this.finish(record);
      // Context records (a ULD, a master) are read through `parent` while open and then dropped,
      // so a streamed manifest holds no more than the consignment in hand.
      else if (record.spec.kind !== 'document' && record.spec.kind !== 'context' && !record.discard) {
        record.parent?.children.push(record);
      }
    }
  }

  location(offset: number): SourceLocation {
    const { line, column } = this.positionOf(offset);
    return { format: this.ctx.format, line, column };
  }

  private finish(record: ScopeRecord): void {
    const location = record.location ?? this.location(record.offset);
    if (record.overLimit !== undefined) {
      this.sendHeader(undefined);
      const id = consignmentIdHint(record);
      this.sink.reject([
        {
          code: ISSUE_CODES.limitExceeded,
          severity: 'error',
          message: `consignment${id === undefined ? '' : ` ${id}`}: ${record.overLimit}`,
          location,
          ...(id === undefined ? {} : { consignmentId: id }),
        },
      ]);
      return;
    }
    const candidate = this.builder.consignment(record);
    candidate.source = location;
    this.sendHeader(candidate);
    const checked = checkBuiltConsignment(candidate, location, '');
    if (checked.ok) this.sink.accept(checked.consignment, checked.issues);
    else this.sink.reject(checked.issues);
  }

  private sendHeader(first: Record<string, unknown> | undefined): void {
    if (this.headerSent || this.document === undefined) return;
    this.headerSent = true;
    // The builder's header is made for this call, so it is completed in place.
    const candidate = this.builder.header(this.document, first, this.ctx);
    candidate.format = this.ctx.format;
    if (this.ctx.sourceName !== undefined) candidate.sourceName = this.ctx.sourceName;
    candidate.id ??= this.ctx.sourceName ?? this.ctx.format;
    const plain = plainHeader(candidate);
    if (plain !== undefined) {
      this.sink.header(plain);
      return;
    }
    let parsed = ManifestHeaderSchema.safeParse(candidate);
    if (!parsed.success) {
      // A header value we cannot use (a bad airport code, say) must not cost the consignments.
      const issues: ParseIssue[] = issuesFromZod(parsed.error, { format: this.ctx.format }, '/manifest').map((i) => ({
        ...i,
        severity: 'warning',
      }));
      for (const issue of issues) this.sink.note(issue);
      const { transport: _dropped, ...rest } = candidate;
      parsed = ManifestHeaderSchema.safeParse(rest);
      if (!parsed.success)
        parsed = ManifestHeaderSchema.safeParse({
          id: this.ctx.sourceName ?? this.ctx.format,
          format: this.ctx.format,
        });
    }
    this.sink.header(parsed.data as ManifestHeader);
  }

  /** The document is complete: a header still goes out when no consignment carried it. */
  end(): void {
    this.sendHeader(undefined);
  }
}

function consignmentIdHint(record: ScopeRecord): string | undefined {
  const id = record.get('id');
  return typeof id === 'string' ? id : undefined;
}
