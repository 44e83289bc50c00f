import { plainlyValid } from '../edifact/plainly-valid.js';
import { ManifestParseError } from '../errors.js';
import { type Consignment, type ManifestHeader, ManifestHeaderSchema, type SourceLocation } from '../model/manifest.js';
import { ISSUE_CODES, type ParseIssue } from '../model/parse-issue.js';
import { checkConsignment, containerWarnings } from '../model/validate-consignment.js';
import { finishResult, type ParseResult, type ReaderContext, ResultBuilder } from '../parse/parse-result.js';
import type { ConsignmentSink, IncrementalReader } from '../stream/incremental-reader.js';
import { ITEM_COLUMNS, KNOWN_COLUMNS, PARTY_ROLES, splitList } from './csv-columns.js';
import { type CsvProblem, type CsvRecord, CsvTokenizer, detectDelimiter } from './csv-tokenizer.js';

/*
 * The CSV reader: one row per goods item (layout in csv-columns.ts and README.md). Rows are
 * grouped into consignments as they stream past; a consignment is checked when the next id
 * starts, so memory holds one consignment at a time.
 */

const FORMAT = 'csv';

interface Row {
  record: CsvRecord;
  problem: CsvProblem | undefined;
}

// Column names per party role, made once rather than per consignment.
const PARTY_COLUMNS = PARTY_ROLES.map((role) => ({
  role,
  name: `${role}_name`,
  address: `${role}_address`,
  city: `${role}_city`,
  postcode: `${role}_postcode`,
  country: `${role}_country`,
  id: `${role}_id`,
}));

const INTEGER = /^\d+$/;
const DECIMAL_POINT = /^\d+(?:\.\d+)?$/;
const DECIMAL_EITHER = /^\d+(?:[.,]\d+)?$/;

class CsvDriver {
  private index: Map<string, number> | undefined;
  private headerRecord: CsvRecord | undefined;
  private group: Row[] = [];
  private overflow = false;
  private groupId: string | undefined;
  private headerSent = false;
  private readonly decimal: RegExp;

  constructor(
    private readonly ctx: ReaderContext,
    private readonly sink: ConsignmentSink,
    delimiter: number,
  ) {
    // With `;` between fields, European spreadsheets write a decimal comma.
    this.decimal = delimiter === 59 ? DECIMAL_EITHER : DECIMAL_POINT;
  }

  record(record: CsvRecord, problem: CsvProblem | undefined): void {
    if (this.index === undefined) {
      this.readHeader(record);
      return;
    }
    const id = this.cell(record, 'consignment_id');
    if (this.group.length > 0 && id !== this.groupId) this.flush();
    this.groupId = id;
    // Past the item limit the consignment is rejected anyway; stop holding its rows.
    if (this.group.length <= this.ctx.limits.maxItemsPerConsignment) this.group.push({ record, problem });
    else this.overflow = true;
  }

  end(): void {
    if (this.index === undefined) {
      throw new ManifestParseError('empty-input', 'the CSV input has no header row', { location: { format: FORMAT } });
    }
    this.flush();
    this.sendHeader();
  }

  private readHeader(record: CsvRecord): void {
    const index = new Map<string, number>();
    const unknown: string[] = [];
    record.fields.forEach((raw, i) => {
      const name = raw.trim().toLowerCase();
      if (name === '') return;
      if (!KNOWN_COLUMNS.has(name)) unknown.push(raw.trim());
      else if (!index.has(name)) index.set(name, i);
    });
    if (!index.has('consignment_id')) {
      throw new ManifestParseError('syntax', 'the CSV header has no consignment_id column', {
        location: { format: FORMAT, line: record.line },
      });
    }
    this.index = index;
    this.headerRecord = record;
    if (unknown.length > 0) {
      this.sink.note({
        code: ISSUE_CODES.unsupported,
        severity: 'warning',
        message: `unknown columns are ignored: ${unknown.join(', ')}`,
        location: { format: FORMAT, line: record.line },
      });
    }
  }

  /** Whether any goods item column of the row holds something. */
  private hasItem(record: CsvRecord): boolean {
    for (const c of ITEM_COLUMNS) if (this.cell(record, c) !== '') return true;
    return false;
  }

  private cell(record: CsvRecord, column: string): string {
    const i = this.index!.get(column);
    return i === undefined ? '' : (record.fields[i] ?? '').trim();
  }

  private where(record: CsvRecord, column?: string): SourceLocation {
    const i = column === undefined ? undefined : this.index!.get(column);
    const col = i === undefined ? undefined : record.columns[i];
    return { format: FORMAT, line: record.line, ...(col === undefined ? {} : { column: col }) };
  }

  private sendHeader(first?: CsvRecord): void {
    if (this.headerSent) return;
    this.headerSent = true;
    const base: ManifestHeader = {
      id: (first && this.cell(first, 'manifest_id')) || this.ctx.sourceName || FORMAT,
      format: FORMAT,
      ...(this.ctx.sourceName === undefined ? {} : { sourceName: this.ctx.sourceName }),
    };
    const mode = first === undefined ? '' : this.cell(first, 'transport_mode');
    if (first === undefined || mode === '') {
      this.sink.header(base);
      return;
    }
    const opt = (key: string, column: string) => {
      const v = this.cell(first, column);
      return v === '' ? {} : { [key]: v };
    };
    const endpoint = (location: string, date: string) => {
      const e = { ...opt('location', location), ...opt('date', date) };
      return Object.keys(e).length === 0 ? undefined : e;
    };
    const departure = endpoint('departure', 'departure_date');
    const arrival = endpoint('arrival', 'arrival_date');
    const header = {
      ...base,
      transport: {
        mode,
        ...opt('carrier', 'carrier'),
        ...opt('voyageOrFlight', 'voyage'),
        ...opt('vesselOrAircraft', 'vessel'),
        ...(departure === undefined ? {} : { departure }),
        ...(arrival === undefined ? {} : { arrival }),
      },
    };
    const checked = ManifestHeaderSchema.safeParse(header);
    if (checked.success) this.sink.header(checked.data);
    else {
      const detail = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      this.sink.note({
        code: ISSUE_CODES.invalidValue,
        severity: 'error',
        message: `transport columns dropped from the manifest header: ${detail}`,
        location: this.where(first),
      });
      this.sink.header(base);
    }
  }

  private flush(): void {
    const rows = this.group;
    const overflow = this.overflow;
    this.group = [];
    this.overflow = false;
    if (rows.length === 0) return;
    const first = rows[0]!.record;
    this.sendHeader(first);
    const id = this.cell(first, 'consignment_id');
    const consignmentId = id === '' ? {} : { consignmentId: id };
    const errors: ParseIssue[] = [];
    const fail = (
      record: CsvRecord,
      column: string | undefined,
      message: string,
      code: string = ISSUE_CODES.invalidValue,
    ) => errors.push({ code, severity: 'error', message, location: this.where(record, column), ...consignmentId });

    const width = this.headerRecord!.fields.length;
    for (const { record, problem } of rows) {
      if (problem !== undefined) {
        errors.push({
          code: ISSUE_CODES.syntax,
          severity: 'error',
          message: problem.message,
          location: { format: FORMAT, line: problem.line, column: problem.column },
          ...consignmentId,
        });
      }
      if (record.fields.length !== width) {
        fail(
          record,
          undefined,
          `row has ${record.fields.length} fields, the header has ${width}`,
          ISSUE_CODES.invalidRecord,
        );
      }
    }
    if (id === '') fail(first, 'consignment_id', 'consignment_id is empty', ISSUE_CODES.invalidRecord);
    if (overflow || rows.length > this.ctx.limits.maxItemsPerConsignment) {
      fail(
        first,
        undefined,
        `consignment has more than ${this.ctx.limits.maxItemsPerConsignment} goods item rows (limits.maxItemsPerConsignment)`,
        ISSUE_CODES.limitExceeded,
      );
    }

    const num = (record: CsvRecord, column: string, integer = false): number | undefined => {
      const raw = this.cell(record, column);
      if (raw === '') return undefined;
      if (!(integer ? INTEGER : this.decimal).test(raw)) {
        fail(record, column, `${column} "${raw}" is not a ${integer ? 'whole' : 'non-negative'} number`);
        return undefined;
      }
      return Number(raw.replace(',', '.'));
    };
    // Objects are built by assignment in the order the spreads they replace gave (the accepted
    // candidate is passed on as built, so its key order is what a caller sees).
    const put = (target: Record<string, unknown>, key: string, record: CsvRecord, column: string) => {
      const v = this.cell(record, column);
      if (v !== '') target[key] = v;
    };

    const parties: Record<string, unknown> = {};
    for (const cols of PARTY_COLUMNS) {
      const name = this.cell(first, cols.name);
      const lines = splitList(this.cell(first, cols.address));
      const address: Record<string, unknown> = { lines };
      put(address, 'city', first, cols.city);
      put(address, 'postcode', first, cols.postcode);
      put(address, 'country', first, cols.country);
      const hasAddress =
        lines.length > 0 ||
        address.city !== undefined ||
        address.postcode !== undefined ||
        address.country !== undefined;
      const id = this.cell(first, cols.id);
      if (name !== '') {
        const party: Record<string, unknown> = { name };
        if (hasAddress) party.address = address;
        if (id !== '') party.id = id;
        parties[cols.role] = party;
      } else if (hasAddress || id !== '') fail(first, cols.name, `${cols.role} has details but no name`);
    }

    const numbers = splitList(this.cell(first, 'container_numbers'));
    const slots = (column: string) => {
      const v = this.cell(first, column);
      return v === '' ? [] : v.split('|').map((s) => s.trim());
    };
    const seals = slots('container_seals');
    const sizeTypes = slots('container_size_types');
    const containers = numbers.map((number, i) => {
      const container: Record<string, unknown> = { number, seals: splitList(seals[i] ?? '', '+') };
      const sizeType = sizeTypes[i];
      if (sizeType) container.sizeType = sizeType;
      return container;
    });

    // A consignment without goods is written as one row whose item columns are all empty.
    const itemRows = rows.filter(({ record }) => this.hasItem(record));
    const goods = itemRows.map(({ record }, i) => {
      const seq = num(record, 'item_seq', true) ?? i + 1;
      const value = num(record, 'value');
      const currency = this.cell(record, 'currency');
      if (value !== undefined && currency === '') fail(record, 'currency', 'value without a currency');
      const packages = num(record, 'packages', true);
      const grossKg = num(record, 'gross_kg');
      const item: Record<string, unknown> = { seq };
      put(item, 'hsCode', record, 'hs_code');
      item.description = this.cell(record, 'description');
      if (packages !== undefined) item.packages = packages;
      if (grossKg !== undefined) item.grossKg = grossKg;
      put(item, 'origin', record, 'origin');
      if (value !== undefined && currency !== '') item.value = { amount: value, currency };
      item.containerRefs = splitList(this.cell(record, 'container_refs'));
      put(item, 'dangerousGoods', record, 'dangerous_goods');
      return item;
    });

    const totalPackages = num(first, 'total_packages', true);
    const totalGross = num(first, 'total_gross_kg');
    const totalVolume = num(first, 'total_volume_m3');
    const declared = num(first, 'declared_value');
    const declaredCurrency = this.cell(first, 'declared_currency');
    if (declared !== undefined && declaredCurrency === '') {
      fail(first, 'declared_currency', 'declared_value without a currency');
    }
    if (errors.length > 0) {
      this.sink.reject(errors);
      return;
    }
    const masterId = this.cell(first, 'master_id');
    const source: SourceLocation = { format: FORMAT, line: first.line };
    const route: Record<string, unknown> = {};
    put(route, 'loading', first, 'loading');
    put(route, 'discharge', first, 'discharge');
    put(route, 'delivery', first, 'delivery');
    route.transshipments = splitList(this.cell(first, 'transshipments'));
    route.countries = splitList(this.cell(first, 'route_countries'));
    const totals: Record<string, unknown> = {};
    if (totalPackages !== undefined) totals.packages = totalPackages;
    if (totalGross !== undefined) totals.grossKg = totalGross;
    if (totalVolume !== undefined) totals.volumeM3 = totalVolume;
    const candidate: Record<string, unknown> = { id };
    if (masterId !== '') candidate.masterId = masterId;
    candidate.kind = this.cell(first, 'kind') || (masterId === '' ? 'direct' : 'house');
    candidate.parties = parties;
    candidate.route = route;
    candidate.goods = goods;
    candidate.containers = containers;
    candidate.totals = totals;
    if (declared !== undefined) candidate.declaredValue = { amount: declared, currency: declaredCurrency };
    candidate.source = source;
    if (plainlyValid(candidate as Consignment)) {
      const c = candidate as Consignment;
      this.sink.accept(c, containerWarnings(c, ''));
      return;
    }
    const checked = checkConsignment(candidate, source, '');
    if (checked.ok) {
      this.sink.accept(checked.consignment, checked.issues);
      return;
    }
    this.sink.reject(checked.issues.map((issue) => this.locate(issue, itemRows, first)));
  }

  /** Moves a schema issue from its JSON pointer to the row and column the value came from. */
  private locate(issue: ParseIssue, rows: readonly Row[], first: CsvRecord): ParseIssue {
    const pointer = issue.location.pointer ?? '';
    const item = /^\/goods\/(\d+)\/(\w+)/.exec(pointer);
    let record = first;
    let column: string | undefined;
    if (item !== null) {
      record = rows[Number(item[1])]?.record ?? first;
      column = ITEM_FIELD_COLUMN[item[2]!];
    } else {
      const party = /^\/parties\/(\w+)\/(?:address\/)?(\w+)/.exec(pointer);
      if (party !== null) column = `${party[1]}_${party[2] === 'lines' ? 'address' : party[2]}`;
      else {
        const route = /^\/route\/(\w+)/.exec(pointer);
        const top = /^\/(\w+)/.exec(pointer);
        column = route !== null ? ROUTE_FIELD_COLUMN[route[1]!] : TOP_FIELD_COLUMN[top?.[1] ?? ''];
      }
    }
    return { ...issue, location: { ...this.where(record, column), pointer } };
  }
}

const ITEM_FIELD_COLUMN: Readonly<Record<string, string>> = {
  seq: 'item_seq',
  hsCode: 'hs_code',
  description: 'description',
  packages: 'packages',
  grossKg: 'gross_kg',
  origin: 'origin',
  value: 'value',
  containerRefs: 'container_refs',
  dangerousGoods: 'dangerous_goods',
};
const ROUTE_FIELD_COLUMN: Readonly<Record<string, string>> = {
  loading: 'loading',
  discharge: 'discharge',
  delivery: 'delivery',
  transshipments: 'transshipments',
  countries: 'route_countries',
};
const TOP_FIELD_COLUMN: Readonly<Record<string, string>> = {
  id: 'consignment_id',
  masterId: 'master_id',
  kind: 'kind',
  containers: 'container_numbers',
  declaredValue: 'declared_currency',
  totals: 'total_gross_kg',
};

/**
 * The streaming CSV reader: push UTF-8 bytes (a BOM is dropped), consignments come out as
 * their rows end. The delimiter (`,` or `;`) is taken from the header row.
 *
 * @example
 * const reader = createCsvReader({ format: 'csv', limits: DEFAULT_LIMITS }, sink);
 * reader.push(bytes);
 * reader.end();
 */
export function createCsvReader(ctx: ReaderContext, sink: ConsignmentSink): IncrementalReader {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let tokenizer: CsvTokenizer | undefined;
  let driver: CsvDriver | undefined;
  let head = '';
  const maxRecord = ctx.limits.maxTextLength * 8;
  const decode = (chunk: Uint8Array, stream: boolean) => {
    try {
      return decoder.decode(chunk, { stream });
    } catch (cause) {
      throw new ManifestParseError('encoding', 'CSV input is not valid UTF-8', { location: { format: FORMAT }, cause });
    }
  };
  const feed = (text: string, final: boolean) => {
    if (tokenizer === undefined) {
      head += text;
      // The delimiter is read from the header line, so wait for it to end.
      if (!final && !/[\r\n]/.test(head) && head.length < maxRecord) return;
      const delimiter = detectDelimiter(head.split(/\r?\n/, 1)[0] ?? '');
      const d = new CsvDriver(ctx, sink, delimiter);
      driver = d;
      tokenizer = new CsvTokenizer(delimiter, (r, p) => d.record(r, p), maxRecord);
      text = head;
      head = '';
    }
    tokenizer.push(text);
  };
  return {
    push(chunk) {
      feed(decode(chunk, true), false);
    },
    end() {
      feed(decode(new Uint8Array(0), false), true);
      tokenizer!.end();
      driver!.end();
    },
  };
}

/** Reads a whole CSV manifest held in memory. */
export function readCsv(input: string | Uint8Array, ctx: ReaderContext): ParseResult {
  const out = new ResultBuilder();
  const reader = createCsvReader(ctx, out);
  reader.push(typeof input === 'string' ? new TextEncoder().encode(input) : input);
  reader.end();
  return finishResult(out, { id: ctx.sourceName ?? FORMAT, format: FORMAT });
}
