/*
 * An incremental RFC 4180 tokenizer over text: quoted fields may hold the delimiter, doubled
 * quotes and line breaks; CRLF and LF both end a record. It keeps only the record being read, so
 * memory is bounded by the longest record, which `maxRecordChars` caps.
 */

/** One record: its fields, the 1-based line it starts on and each field's 1-based column. */
export interface CsvRecord {
  fields: string[];
  columns: number[];
  line: number;
}

export interface CsvProblem {
  message: string;
  line: number;
  column: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvTokenizer {
  private fields: string[] = [];
  private columns: number[] = [];
  private field = '';
  private quoted = false;
  private inQuotes = false;
  private afterQuote = false;
  private recordChars = 0;
  private tooLong = false;
  private line = 1;
  private column = 1;
  private recordLine = 1;
  private fieldColumn = 1;
  private pendingCR = false;
  private strayQuote: CsvProblem | undefined;

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: (record: CsvRecord, problem: CsvProblem | undefined) => void,
    private readonly maxRecordChars: number,
  ) {}

  push(text: string): void {
    const delim = this.delimiter;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.append(text, start, i);
          start = i + 1;
          this.inQuotes = false;
          this.afterQuote = true;
        } else if (c === LF) {
          this.line++;
          this.column = 0;
        }
        this.column++;
        continue;
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        if (c === QUOTE) {
          // A doubled quote inside a quoted field: keep one.
          this.field += '"';
          this.inQuotes = true;
          start = i + 1;
          this.column++;
          continue;
        }
        if (c !== delim && c !== CR && c !== LF) {
          this.strayQuote ??= { message: 'text after a closing quote', line: this.line, column: this.column };
        }
      }
      if (c === delim) {
        this.append(text, start, i);
        this.endField();
        start = i + 1;
        this.column++;
        this.fieldColumn = this.column;
      } else if (c === CR || c === LF) {
        this.append(text, start, i);
        this.endRecord();
        this.line++;
        this.column = 1;
        this.recordLine = this.line;
        this.fieldColumn = 1;
        start = i + 1;
        if (c === CR) this.pendingCR = true;
      } else if (c === QUOTE) {
        if (this.field === '' && start === i && !this.quoted) {
          this.quoted = true;
          this.inQuotes = true;
          start = i + 1;
        } else {
          this.strayQuote ??= {
            message: 'a quote inside an unquoted field (RFC 4180 wants the whole field quoted)',
            line: this.line,
            column: this.column,
          };
        }
        this.column++;
      } else this.column++;
    }
    this.append(text, start, text.length);
  }

  end(): void {
    if (this.inQuotes) {
      this.strayQuote ??= {
        message: 'a quoted field is not closed before the end of the input',
        line: this.recordLine,
        column: this.fieldColumn,
      };
    }
    if (this.fields.length > 0 || this.field !== '' || this.quoted) this.endRecord();
  }

  private append(text: string, from: number, to: number): void {
    if (to <= from || this.tooLong) return;
    this.recordChars += to - from;
    if (this.recordChars > this.maxRecordChars) {
      this.tooLong = true;
      this.field = '';
      return;
    }
    this.field += text.slice(from, to);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.columns.push(this.fieldColumn);
    this.field = '';
    this.quoted = false;
  }

  private endRecord(): void {
    this.endField();
    const record: CsvRecord = { fields: this.fields, columns: this.columns, line: this.recordLine };
    let problem = this.strayQuote;
    if (this.tooLong) {
      problem = {
        message: `record is longer than ${this.maxRecordChars} characters`,
        line: this.recordLine,
        column: 1,
      };
    }
    this.fields = [];
    this.columns = [];
    this.recordChars = 0;
    this.tooLong = false;
    this.strayQuote = undefined;
    this.inQuotes = false;
    this.afterQuote = false;
    // A blank line is no record.
    if (record.fields.length === 1 && record.fields[0] === '' && problem === undefined) return;
    this.onRecord(record, problem);
  }
}

/** Picks `,` or `;` from the header line: whichever occurs more often outside quotes. */
export function detectDelimiter(headerLine: string): number {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && c === 44) commas++;
    else if (!quoted && c === 59) semicolons++;
  }
  return semicolons > commas ? 59 : 44;
}
