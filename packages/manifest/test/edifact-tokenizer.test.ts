import { describe, expect, it } from 'vitest';
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
