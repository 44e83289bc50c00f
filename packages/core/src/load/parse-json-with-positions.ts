/*
 * JSON.parse says that a rule set is broken but not where, and says nothing of where a valid value
 * sits. Rule authors need both: a syntax error with its line and column, and every validation
 * issue (which names a JSON pointer) placed on the line that holds the offending value. This
 * parser is a plain recursive descent over RFC 8259 that records the position of every value by
 * its pointer. It is only used on rule-set files (kilobytes to a few megabytes), never on manifests.
 */

/** 1-based line and column of a place in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface JsonWithPositions {
  value: unknown;
  /** The position of the first character of each value, keyed by JSON pointer (`""` is the root). */
  positions: Map<string, TextPosition>;
  /** The position of each object member's key (its opening quote), keyed by the member's pointer. */
  keys: Map<string, TextPosition>;
}

/** A syntax error in a JSON text: where, and what was expected. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  readonly line: number;
  readonly column: number;
  readonly offset: number;

  constructor(message: string, offset: number, position: TextPosition) {
    super(message);
    this.offset = offset;
    this.line = position.line;
    this.column = position.column;
  }

  /** The error as the `invalid-json` issue that rule-set and rule-test loaders report, from `source`. */
  toIssue(source: string | undefined) {
    return {
      code: 'invalid-json' as const,
      severity: 'error' as const,
      message: `JSON syntax error: ${this.message}`,
      path: '',
      line: this.line,
      column: this.column,
      ...(source === undefined ? {} : { source }),
    };
  }
}

/** Nesting past this is refused: a rule set has no reason to nest deeper, and recursion must stay bounded. */
export const MAX_JSON_DEPTH = 200;

/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Parses `text` as JSON and records where every value starts.
 * Object keys become own properties even when they are `__proto__`, as with JSON.parse, so a
 * hostile key is kept as data for the validator to refuse instead of reaching a prototype.
 * A leading byte-order mark is skipped.
 */
export function parseJsonWithPositions(text: string): JsonWithPositions {
  const positions = new Map<string, TextPosition>();
  const keys = new Map<string, TextPosition>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;

  const here = (): TextPosition => ({ line, column: i - lineStart + 1 });
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, i, here());
  };
  const describe = (): string => {
    if (i >= text.length) return 'end of input';
    const c = text[i];
    return c === undefined ? 'end of input' : `character ${JSON.stringify(c)}`;
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        i++;
        line++;
        lineStart = i;
      } else if (c === 32 || c === 9 || c === 13) i++;
      else break;
    }
  };

  const parseString = (): string => {
    // Caller has checked the opening quote.
    i++;
    let out = '';
    let chunkStart = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunkStart, i);
        i++;
        return out;
      }
      if (c < 32) fail('control character in string (escape it)');
      if (c === 92) {
        out += text.slice(chunkStart, i);
        const e = text[i + 1];
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape in string');
            out += String.fromCharCode(Number.parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail('bad escape in string');
        }
        i += 2;
        chunkStart = i;
      } else i++;
    }
    return fail('unterminated string');
  };

  const parseNumber = (): number => {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const found = m.exec(text);
    if (!found) return fail(`unexpected ${describe()}`);
    i += found[0].length;
    return Number(found[0]);
  };

  const literal = (word: string, value: unknown): unknown => {
    if (!text.startsWith(word, i)) fail(`unexpected ${describe()}`);
    i += word.length;
    return value;
  };

  const parseValue = (pointer: string, depth: number): unknown => {
    ws();
    positions.set(pointer, here());
    const c = text[i];
    if (c === '{') {
      if (depth >= MAX_JSON_DEPTH) fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
        const keyAt = here();
        const key = parseString();
        const member = `${pointer}/${escapePointerToken(key)}`;
        keys.set(member, keyAt);
        ws();
        if (text[i] !== ':') fail(`expected ':' after property name, found ${describe()}`);
        i++;
        const child = parseValue(member, depth + 1);
        Object.defineProperty(obj, key, { value: child, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(`expected ',' or '}' in object, found ${describe()}`);
      }
    }
    if (c === '[') {
      if (depth >= MAX_JSON_DEPTH) fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(`${pointer}/${arr.length}`, depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(`expected ',' or ']' in array, found ${describe()}`);
      }
    }
    if (c === '"') return parseString();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber();
    return fail(`unexpected ${describe()}`);
  };

  const value = parseValue('', 0);
  ws();
  if (i < text.length) fail(`unexpected ${describe()} after the JSON value`);
  return { value, positions, keys };
}
