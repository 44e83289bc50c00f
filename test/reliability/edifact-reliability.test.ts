import { type ParseResult, parseManifest, readConsignments, safeParseManifest } from '@cargorisk/manifest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/*
 * RELIABILITY.md cases 8, 9 and 13 as they concern UN/EDIFACT CUSCAR, through the public API.
 * Each test fails if the guarantee it names breaks.
 */

const UNA = "UNA:+.? '";
const UNB = "UNB+UNOA:3+SENDER+RECEIVER+261128:0930+IC1'";

/** One CUSCAR message with one consignment per description, UNT counted right. */
function message(ref: string, descriptions: string[], firstBill = 1): string[] {
  const body = [`UNH+${ref}+CUSCAR:D:95B:UN'`, `BGM+85+DOC${ref}+9'`];
  descriptions.forEach((d, i) => {
    body.push(`CNI+${i + 1}+BL${firstBill + i}'`, "GID+1+1:CT'", `FTX+AAA+++${d}'`, "PIA+5+847989:HS'");
  });
  body.push(`UNT+${body.length + 1}+${ref}'`);
  return body;
}

const interchange = (...messages: string[][]) =>
  [UNA, UNB, ...messages.flat(), `UNZ+${messages.length}+IC1'`].join('\n');

const descriptions = (r: ParseResult) => r.manifest.consignments.map((c) => c.goods[0]?.description);

describe('case 8: EDIFACT syntax is split and decoded correctly', () => {
  it.each([
    ["A?'B", "A'B"],
    ['A??', 'A?'],
    ["A???'B", "A?'B"],
    ['A?+B', 'A+B'],
    ['A?:B', 'A:B'],
  ])('release sequence %s reads as %s', (written, read) => {
    const r = parseManifest(interchange(message('1', [written, 'NEXT'])));
    expect(r.issues).toEqual([]);
    expect(descriptions(r)).toEqual([read, 'NEXT']);
  });

  it('honours a UNA that redefines every service character', () => {
    const custom = interchange(message('1', ['DESC ?: ONE'])).replace(UNA, '');
    // Map the default characters to # * , ! and ~ (release !, decimal comma).
    const remapped = `UNA*#,! ~${custom
      .replace(/\n/g, '')
      .replaceAll('?:', '!*')
      .replaceAll(':', '*')
      .replaceAll('+', '#')
      .replaceAll("'", '~')}`.replace('PIA#5#847989*HS~', 'MEA#AAE#G#KGM*2,5~');
    const r = parseManifest(remapped, { format: 'cuscar' });
    expect(r.issues).toEqual([]);
    expect(r.manifest.consignments[0]!.goods[0]).toMatchObject({ description: 'DESC * ONE', grossKg: 2.5 });
  });

  it('reads an interchange without UNA', () => {
    const r = parseManifest(interchange(message('1', ['NO UNA'])).replace(`${UNA}\n`, ''));
    expect(descriptions(r)).toEqual(['NO UNA']);
  });

  it('reads UNOB with the IS1/IS3/IS4 control separators', () => {
    const text = interchange(message('1', ['CONTROL SEPARATORS + : ?']))
      .replace(`${UNA}\n`, '')
      .replace('UNOA', 'UNOB')
      .replaceAll("'\n", '\x1c')
      .replace(/'$/, '\x1c')
      .replace(/\+(?! : \?)/g, '\x1d')
      .replaceAll(':C', '\x1fC')
      .replace(/:(?=[0-9A-Z])/g, '\x1f');
    const r = parseManifest(text);
    expect(r.issues).toEqual([]);
    expect(descriptions(r)).toEqual(['CONTROL SEPARATORS + : ?']);
  });

  it('ignores CR/LF between segments', () => {
    const r = parseManifest(interchange(message('1', ['CRLF', 'TWO'])).replaceAll('\n', '\r\n'));
    expect(r.issues).toEqual([]);
    expect(descriptions(r)).toEqual(['CRLF', 'TWO']);
  });

  it('reports a trailing release character instead of swallowing it', () => {
    const r = parseManifest(`${interchange(message('1', ['LAST']))}?`);
    expect(descriptions(r)).toEqual(['LAST']);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'syntax', message: expect.stringMatching(/release/) })]);
  });

  it('decodes UNOC bytes as ISO 8859-1', () => {
    const text = interchange(message('1', ['CAF\u00c9 \u00d1AND\u00da'])).replace('UNOA', 'UNOC');
    const r = parseManifest(Buffer.from(text, 'latin1'));
    expect(descriptions(r)).toEqual(['CAFÉ ÑANDÚ']);
  });
});

describe('case 9: trailer counts and references are checked, good messages still come through', () => {
  const good = message('1', ['GOOD'], 1);
  const cases: Array<[string, () => string, string]> = [
    [
      'UNT count off by one',
      () =>
        interchange(
          good,
          message('2', ['B'], 2).map((s) => s.replace(/^UNT\+(\d+)/, (_, n) => `UNT+${+n + 1}`)),
        ),
      'count-mismatch',
    ],
    [
      'UNT reference mismatch',
      () =>
        interchange(
          good,
          message('2', ['B'], 2).map((s) => s.replace(/^UNT\+(\d+)\+2/, 'UNT+$1+9')),
        ),
      'reference-mismatch',
    ],
    [
      'UNZ count off by one',
      () => interchange(good, message('2', ['B'], 2)).replace("UNZ+2+IC1'", "UNZ+3+IC1'"),
      'count-mismatch',
    ],
    [
      'UNZ reference mismatch',
      () => interchange(good, message('2', ['B'], 2)).replace("UNZ+2+IC1'", "UNZ+2+IC2'"),
      'reference-mismatch',
    ],
    ['missing UNZ', () => interchange(good, message('2', ['B'], 2)).replace("UNZ+2+IC1'", ''), 'missing-segment'],
    [
      'a message without UNT',
      () =>
        interchange(
          good.filter((s) => !s.startsWith('UNT')),
          message('2', ['B'], 2),
        ),
      'missing-segment',
    ],
  ];
  it.each(cases)('%s', (_name, build, code) => {
    const r = parseManifest(build());
    expect(r.issues.map((i) => i.code)).toEqual([code]);
    expect(r.issues[0]!.location).toMatchObject({ format: 'cuscar', segment: expect.any(Number) });
    expect(descriptions(r)).toEqual(['GOOD', 'B']);
    expect(r.stats).toEqual({ seen: 2, accepted: 2, rejected: 0 });
  });
});

describe('case 13: empty, wrong-format and large inputs', () => {
  it('refuses an empty file with a clear error', async () => {
    expect(safeParseManifest('', { format: 'cuscar' })).toMatchObject({
      success: false,
      error: { code: 'empty-input' },
    });
    expect(safeParseManifest('\r\n  \n', { format: 'cuscar' })).toMatchObject({
      success: false,
      error: { code: 'empty-input' },
    });
    const drain = async () => {
      for await (const _ of readConsignments([], { format: 'cuscar' })) void _;
    };
    await expect(drain()).rejects.toMatchObject({ code: 'empty-input' });
  });

  it('refuses a file in the wrong format before any work, even when told it is CUSCAR', () => {
    const json = '{"id":"M1","consignments":[]}';
    expect(safeParseManifest(json, { format: 'cuscar' })).toMatchObject({ success: false, error: { code: 'syntax' } });
    expect(safeParseManifest('hello,world\n1,2\n')).toMatchObject({
      success: false,
      error: { code: 'unknown-format' },
    });
    expect(safeParseManifest(`${UNA}BGM+85+X'`, { format: 'cuscar' })).toMatchObject({
      success: false,
      error: { code: 'syntax', message: expect.stringMatching(/begins with UNB/) },
    });
  });

  it('streams a large interchange: consignments come out before the input ends', async () => {
    let produced = 0;
    const endless = function* () {
      yield `${UNA}\n${UNB}\nUNH+1+CUSCAR:D:95B:UN'\n`;
      for (;;) {
        produced++;
        yield `CNI+${produced}+BL${produced}'GID+1+1:CT'FTX+AAA+++${'X'.repeat(200)}'PIA+5+847989:HS'\n`;
      }
    };
    let seen = 0;
    for await (const e of readConsignments(endless(), { format: 'cuscar' })) {
      if (e.type === 'consignment') seen++;
      if (seen === 2000) break;
    }
    expect(seen).toBe(2000);
    // The reader kept up with the input: it never needed more than a chunk of look-ahead.
    expect(produced - seen).toBeLessThanOrEqual(30);
  });

  it('refuses an input over limits.maxBytes in memory and points at the streaming reader', () => {
    const text = interchange(message('1', ['A', 'B', 'C']));
    const r = safeParseManifest(text, { limits: { maxBytes: 100 } });
    expect(r).toMatchObject({
      success: false,
      error: { code: 'limit-exceeded', message: expect.stringMatching(/readConsignments/) },
    });
  });
});

describe('untrusted CUSCAR and CSV never crash the reader', () => {
  const pieces = [
    "UNA:+.? '",
    "UNB+UNOC:3+S+R+1:2+IC1'",
    "UNH+1+CUSCAR:D:95B:UN'",
    "UNT+5+1'",
    "UNZ+1+IC1'",
    "CNI+1+BL1'",
    "CNI++'",
    "RFF+BH:H1'",
    "GID+1+5:CT'",
    "GID+x+y'",
    "FTX+AAA+++TEXT'",
    "PIA+5+0901:HS'",
    "MEA+AAE+G+KGM:1,5'",
    "MEA+AAE+G+XXX:1'",
    "MOA+39:10'",
    "LOC+9+NLRTM'",
    "LOC+11+XX'",
    "NAD+CN+++NAME+++++ZZ'",
    "EQD+CN+CSQU3054383'",
    "SEL+S1'",
    "SGP+C1'",
    "DGS+IMD++19'",
    '?',
    '??',
    "'",
    '+',
    ':',
    '\r\n',
    '\u00e9',
    '\u0000',
  ];
  const envelope = "UNA:+.? 'UNB+UNOC:3+S+R+1:2+IC1'UNH+1+CUSCAR:D:95B:UN'";
  const soup = fc
    .tuple(fc.boolean(), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }))
    .map(([wrapped, p]) => (wrapped ? envelope : '') + p.join(''));

  it('CUSCAR: every input is read with reconciled counts or refused with a ManifestParseError', () => {
    let read = 0;
    fc.assert(
      fc.property(soup, (text) => {
        const r = safeParseManifest(text, { format: 'cuscar' });
        if (!r.success) {
          expect(r.error.name).toBe('ManifestParseError');
          expect(r.error.message).not.toMatch(/the reader failed/);
          return;
        }
        read++;
        const { stats, issues } = r.data;
        expect(stats.seen).toBe(stats.accepted + stats.rejected);
        expect(r.data.manifest.consignments).toHaveLength(stats.accepted);
        // Every rejected consignment is named by at least one error.
        expect(issues.filter((i) => i.severity === 'error').length).toBeGreaterThanOrEqual(stats.rejected);
      }),
      { seed: 9735, numRuns: 400 },
    );
    expect(read).toBeGreaterThan(150);
  });

  it('CSV: every input is read with reconciled counts or refused with a ManifestParseError', () => {
    const cells = fc.array(
      fc.constantFrom('A', '1', '"', '""', ',', ';', '\n', '\r\n', '847810', 'XX', ' ', '|', 'é'),
      {
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(cells, (parts) => {
        const text = `consignment_id,item_seq,hs_code,description,consignee_name,consignee_country\n${parts.join('')}`;
        const r = safeParseManifest(text, { format: 'csv' });
        if (!r.success) {
          expect(r.error.message).not.toMatch(/the reader failed/);
          return;
        }
        expect(r.data.stats.seen).toBe(r.data.stats.accepted + r.data.stats.rejected);
        expect(r.data.manifest.consignments).toHaveLength(r.data.stats.accepted);
      }),
      { seed: 4180, numRuns: 400 },
    );
  });
});
