import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeKey } from '../src/edifact/code-key.js';
import { edifactNumber } from '../src/edifact/cuscar-mapping.js';
import {
  type EdifactSegment,
  EdifactTokenizer,
  LEVEL_A_CHARS,
  splitSegment,
  type TokenizerProblem,
} from '../src/edifact/edifact-tokenizer.js';

function tokenize(input: string | Uint8Array, chunkSize = Number.POSITIVE_INFINITY) {
  const segments: ReturnType<EdifactSegment['snapshot']>[] = [];
  const problems: TokenizerProblem[] = [];
  const t = new EdifactTokenizer(
    (s) => segments.push(s.snapshot()),
    (p) => problems.push(p),
    { maxSegmentBytes: 1000 },
  );
  const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  for (let i = 0; i < bytes.length; i += Math.min(chunkSize, bytes.length)) {
    t.push(bytes.subarray(i, i + Math.min(chunkSize, bytes.length)));
  }
  t.end();
  return { segments, problems, chars: t.chars };
}

const UNB = "UNB+UNOA:3+S+R+261128:0930+REF'";

describe('splitSegment', () => {
  it('splits elements and components and removes release characters', () => {
    expect(splitSegment('FTX+AAA+++A?+B?:C??', LEVEL_A_CHARS)).toEqual([['FTX'], ['AAA'], [''], [''], ['A+B:C?']]);
    expect(splitSegment("NAD+CZ+++O?'BRIEN:X", LEVEL_A_CHARS)).toEqual([['NAD'], ['CZ'], [''], [''], ["O'BRIEN", 'X']]);
  });
});

describe('EdifactTokenizer', () => {
  it("ends segments only at an unreleased terminator: ?' ??' ???'", () => {
    const { segments, problems } = tokenize(`${UNB}FTX+AAA+++ONE?'TWO'FTX+AAA+++Q??'FTX+AAA+++R???'S'UNZ+1+REF'`);
    expect(problems).toEqual([]);
    expect(segments.map((s) => (s.tag === 'FTX' ? s.elements[3]?.[0] : s.tag))).toEqual([
      'UNB',
      "ONE'TWO",
      'Q?',
      "R?'S",
      'UNZ',
    ]);
  });

  it('reads the service characters from UNA, decimal comma included', () => {
    const { segments, chars } = tokenize('UNA;|,! ~UNB|UNOA;3|S|R|1;2|X~MEA|AAE|G|KGM;1,5~FTX|AAA|||A!|B!~C~');
    expect(chars).toMatchObject({ component: 0x3b, element: 0x7c, decimal: 0x2c, release: 0x21, terminator: 0x7e });
    expect(segments[1]!.elements[2]).toEqual(['KGM', '1,5']);
    expect(segments[2]!.elements[3]).toEqual(['A|B~C']);
  });

  it('uses the level A characters without UNA and the IS1/IS3/IS4 controls when UNB is followed by 0x1D', () => {
    expect(tokenize(`${UNB}BGM+85+X'`).segments[1]!.elements).toEqual([['85'], ['X']]);
    const control = 'UNB\x1dUNOB\x1f3\x1dS\x1dR\x1d261128\x1f0930\x1dREF\x1cBGM\x1d85\x1dA+B:C?\x1c';
    const { segments, chars } = tokenize(control);
    expect(chars?.release).toBe(-1);
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'BGM']);
    expect(segments[0]!.elements[0]).toEqual(['UNOB', '3']);
    expect(segments[1]!.elements[1]).toEqual(['A+B:C?']);
  });

  it('ignores CR/LF between segments and counts lines', () => {
    const { segments } = tokenize(`\r\n${UNB}\r\nBGM+85+X'\r\n\r\nCNI+1+B'\n`);
    expect(segments.map((s) => [s.tag, s.index, s.line])).toEqual([
      ['UNB', 0, 2],
      ['BGM', 1, 3],
      ['CNI', 2, 5],
    ]);
  });

  it('reports a trailing release character at the end of the input', () => {
    const { problems, segments } = tokenize(`${UNB}BGM+85+X'?`);
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'BGM']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/release character/);
  });

  it('reports a last segment with no terminator', () => {
    const { problems, segments } = tokenize(`${UNB}UNZ+1+REF`);
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'UNZ']);
    expect(problems[0]!.message).toMatch(/no segment terminator/);
  });

  it('decodes UNOC as ISO 8859-1 and UNOY as UTF-8', () => {
    const latin = Buffer.concat([
      Buffer.from("UNB+UNOC:3+S+R+1:2+X'FTX+AAA+++CAF"),
      Buffer.from([0xc9]),
      Buffer.from("'"),
    ]);
    expect(tokenize(latin).segments[1]!.elements[3]).toEqual(['CAFÉ']);
    const utf8 = Buffer.from("UNB+UNOY:3+S+R+1:2+X'FTX+AAA+++CAFÉ 香烟'", 'utf8');
    expect(tokenize(utf8).segments[1]!.elements[3]).toEqual(['CAFÉ 香烟']);
  });

  it('gives the same segments at every chunk size, release characters split across chunks included', () => {
    const input = `UNA:+.? '\r\n${UNB}\r\nFTX+AAA+++A???'B??'FTX+AAA+++C?+D?:E'UNZ+1+REF'`;
    const whole = tokenize(input);
    for (const size of [1, 2, 3, 5, 8, 13]) expect(tokenize(input, size)).toEqual(whole);
  });

  it('skips a segment longer than the limit and goes on with the next', () => {
    const { segments, problems } = tokenize(`${UNB}FTX+AAA+++${'A'.repeat(5000)}'BGM+85+X'`, 64);
    expect(problems.map((p) => p.code)).toEqual(['limit-exceeded']);
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'BGM']);
    expect(segments[1]!.index).toBe(2);
  });

  it('refuses input that is not EDIFACT', () => {
    expect(() => tokenize('{"id":"x"}')).toThrow(/UNA or UNB/);
    expect(() => tokenize('UN')).toThrow(/UNA or UNB/);
  });
});

describe('EdifactSegment accessors on the bytes', () => {
  /** The one segment after UNB, as the reader sees it during onSegment. */
  function withSegment<T>(segment: string | Uint8Array, read: (s: EdifactSegment) => T, syntax = 'UNOC'): T {
    let out: T | undefined;
    let seen = 0;
    const t = new EdifactTokenizer(
      (s) => {
        if (seen++ === 1) out = read(s);
      },
      () => {},
      { maxSegmentBytes: 1000 },
    );
    const head = Buffer.from(`UNB+${syntax}:3+S+R+1:2+X'`, 'latin1');
    t.push(Buffer.concat([head, typeof segment === 'string' ? Buffer.from(segment, 'latin1') : segment]));
    t.end();
    return out as T;
  }

  it('reads numbers from the bytes exactly as edifactNumber reads the trimmed text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9., \-eE]{0,20}$/), (raw) => {
        const [n, text] = withSegment(`MEA+AAE+G+KGM:${raw}'`, (s) => [s.number(2, 1), s.value(2, 1)] as const);
        expect(text).toBe(raw);
        expect(Object.is(n, edifactNumber(raw.trim()))).toBe(true);
      }),
    );
    expect(withSegment("MEA+AAE+G+KGM:1234567890.12345'", (s) => s.number(2, 1))).toBe(1234567890.12345);
    expect(withSegment("MEA+AAE+G+KGM:12345678901234567'", (s) => s.number(2, 1))).toBe(Number('12345678901234567'));
    expect(withSegment("MEA+AAE+G+KGM'", (s) => s.number(2, 1))).toBeNaN();
    expect(withSegment("MEA+AAE+G+KGM:?+5'", (s) => s.number(2, 1))).toBe(5);
  });

  it('trims as String#trim does, Latin-1 no-break space included', () => {
    const nbsp = Buffer.from([
      0x46, 0x54, 0x58, 0x2b, 0x41, 0x2b, 0xa0, 0x20, 0x58, 0x20, 0xa0, 0x3a, 0x20, 0xa0, 0x27,
    ]);
    expect(withSegment(nbsp, (s) => [s.trimmed(0, 0), s.trimmed(1, 0), s.trimmed(1, 1), s.trimmed(5, 0)])).toEqual([
      'A',
      'X',
      undefined,
      undefined,
    ]);
    expect(withSegment(nbsp, (s) => [s.blank(1, 1), s.blank(1, 0)])).toEqual([true, false]);
  });

  it('hands out every short value right, however many distinct values share the caches', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const codes: string[] = [];
    for (let i = 0; codes.length < 20_000; i += 7919) {
      const n = 1 + (i % 14);
      let code = '';
      for (let k = 0, x = i; k < n; k++, x = Math.floor(x / alphabet.length)) code += alphabet[x % alphabet.length];
      codes.push(code);
    }
    const input = `UNB+UNOA:3+S+R+1:2+X'${codes.map((c) => `LOC+${c}+${c}X'`).join('')}`;
    const values: string[] = [];
    const read: string[] = [];
    const keys: number[] = [];
    const t = new EdifactTokenizer(
      (s) => {
        if (s.tag !== 'LOC') return;
        read.push(s.value(0));
        keys.push(s.key(0));
        values.push(s.value(1));
      },
      () => {},
      { maxSegmentBytes: 100 },
    );
    t.push(Buffer.from(input, 'latin1'));
    t.end();
    expect(read).toEqual(codes);
    expect(keys).toEqual(codes.map(codeKey));
    expect(values).toEqual(codes.map((c) => `${c}X`));
  });

  it('hands out every long value right: values that share a length and a sample of bytes, Latin-1 and UTF-8', () => {
    // Values of 13 to 80 bytes, many alike but for one byte anywhere, each read twice (a hit
    // must be the same text), under UNOC (Latin-1, bytes above 0x7F included) and UNOY.
    const values: Buffer[] = [];
    for (let i = 0; values.length < 6000; i++) {
      const n = 13 + (i % 68);
      const v = Buffer.alloc(n, 0x41 + (i % 26));
      v[(i * 7919) % n] = 0x30 + (i % 10);
      if (i % 5 === 0) v[(i * 31) % n] = 0xc0 + (i % 40);
      values.push(v);
    }
    for (const syntax of ['UNOC', 'UNOY']) {
      const segments = values.flatMap((v) => [Buffer.from('FTX+AAA+++'), v, Buffer.from("'")]);
      const input = Buffer.concat([Buffer.from(`UNB+${syntax}:3+S+R+1:2+X'`), ...segments, ...segments]);
      const read: string[] = [];
      const t = new EdifactTokenizer(
        (s) => {
          if (s.tag === 'FTX') read.push(s.value(3));
        },
        () => {},
        { maxSegmentBytes: 1000 },
      );
      t.push(input);
      t.end();
      const expected = values.map((v) => v.toString(syntax === 'UNOC' ? 'latin1' : 'utf8'));
      expect(read).toEqual([...expected, ...expected]);
    }
  });

  it('decodes a short non-ASCII value in the character set each time, not from the code cache', () => {
    const latin = Buffer.from([0x46, 0x54, 0x58, 0x2b, 0xc9, 0x2b, 0xc3, 0x89, 0x27]);
    expect(withSegment(latin, (s) => [s.value(0), s.value(1), s.key(0)])).toEqual(['É', 'Ã\u0089', -1]);
    expect(withSegment(latin, (s) => [s.value(0), s.value(1)], 'UNOY')).toEqual(['\ufffd', 'É']);
  });

  it('takes the general path for a UNA that names one character twice or a non-ASCII one', () => {
    // Release and element separator both `+`: the release reading wins, as it always has.
    const same = tokenize("UNA:+.+ 'UNB+UNOA:3+S+R+1:2+X'FTX+AAA+B'UNZ+1+X'");
    expect(same.segments.map((s) => s.tag)).toEqual(['UNBUNOA', 'FTXAAAB', 'UNZ1X']);
    expect(same.segments[0]!.elements).toEqual([]);
    const high = Buffer.concat([
      Buffer.from('UNA', 'latin1'),
      Buffer.from([0xb7, 0xa7, 0x2e, 0x3f, 0x20, 0x27]),
      Buffer.from("UNB\xa7UNOC\xb73\xa7S\xa7R\xa71\xb72\xa7X'FTX\xa7AAA\xa7\xa7\xa7A?\xa7B\xb7C'", 'latin1'),
    ]);
    const { segments } = tokenize(high);
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'FTX']);
    expect(segments[1]!.elements).toEqual([['AAA'], [''], [''], ['A\xa7B', 'C']]);
  });
});

describe('EdifactTokenizer with a newline as segment terminator', () => {
  it('drops the CR of a CRLF at every chunk size', () => {
    const input = 'UNA:+.? \nUNB+UNOA:3+S+R+1:2+X\r\nFTX+AAA+++A:B\r\nFTX+AAA+++C?\r\nUNZ+1+X\r\n';
    const whole = tokenize(input);
    expect(whole.problems).toEqual([]);
    expect(whole.segments.map((s) => [s.tag, s.elements.at(-1)])).toEqual([
      ['UNB', ['X']],
      ['FTX', ['A', 'B']],
      ['FTX', ['C']],
      ['UNZ', ['X']],
    ]);
    for (const size of [1, 2, 3, 5, 8]) expect(tokenize(input, size)).toEqual(whole);
  });
});
