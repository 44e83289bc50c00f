import { parseManifest, readConsignments, safeParseManifest } from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';

const drivers = ['fast', 'reference'] as const;

/** A WCO DM declaration whose goods description holds `description`, as bytes in `encoding`. */
function declaration(prolog: string, description: string, encode: (s: string) => Uint8Array): Uint8Array {
  return encode(`${prolog}<Declaration>
<FunctionalReferenceID>LRN-1</FunctionalReferenceID><GoodsShipment>
<GovernmentAgencyGoodsItem><SequenceNumeric>1</SequenceNumeric><Commodity><Description>${description}</Description></Commodity></GovernmentAgencyGoodsItem>
</GoodsShipment></Declaration>`);
}

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const utf8 = (s: string) => new TextEncoder().encode(s);
const descriptionOf = (bytes: Uint8Array | string, reader: (typeof drivers)[number]) =>
  parseManifest(bytes, { format: 'wco-dm', reader }).manifest.consignments[0]?.goods[0]?.description;

async function streamed(bytes: Uint8Array, size: number): Promise<string[]> {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out: string[] = [];
  for await (const e of readConsignments(chunks, { format: 'wco-dm' })) {
    if (e.type === 'consignment') out.push(e.consignment.goods[0]?.description ?? '');
  }
  return out;
}

describe.each(drivers)('declared encodings through the %s driver', (reader) => {
  it('reads ISO-8859-1 byte for byte', () => {
    const doc = declaration('<?xml version="1.0" encoding="ISO-8859-1"?>\n', 'CAFÉ VERDE – SÃO PAULO', (s) =>
      latin1(s.replace('–', '-')),
    );
    expect(descriptionOf(doc, reader)).toBe('CAFÉ VERDE - SÃO PAULO');
  });

  it("reads windows-1252, whose 0x80-0x9F are not ISO-8859-1's controls", () => {
    // 0x80 is the euro sign and 0x93/0x94 curly quotes in windows-1252.
    const doc = declaration("<?xml version='1.0' encoding='windows-1252'?>", '\u0080 \u0093SPARE PARTS\u0094', latin1);
    expect(descriptionOf(doc, reader)).toBe('€ “SPARE PARTS”');
  });

  it('reads UTF-8 when the declaration says so or says nothing', () => {
    expect(descriptionOf(declaration('<?xml version="1.0" encoding="utf-8"?>', 'CAFÉ', utf8), reader)).toBe('CAFÉ');
    expect(descriptionOf(declaration('<?xml version="1.0"?>', 'CAFÉ', utf8), reader)).toBe('CAFÉ');
  });

  it('refuses an encoding it does not read, naming it, instead of guessing', () => {
    const doc = declaration('<?xml version="1.0" encoding="Shift_JIS"?>', '\u0093', latin1);
    const r = safeParseManifest(doc, { format: 'wco-dm', reader });
    expect(r).toMatchObject({
      success: false,
      error: { code: 'encoding', message: expect.stringMatching(/Shift_JIS/) },
    });
  });

  it('reads text the caller already decoded as it is, whatever the declaration says', () => {
    const text =
      '<?xml version="1.0" encoding="ISO-8859-1"?><Declaration><FunctionalReferenceID>L</FunctionalReferenceID><GoodsShipment><GovernmentAgencyGoodsItem><SequenceNumeric>1</SequenceNumeric><Commodity><Description>CAFÉ €</Description></Commodity></GovernmentAgencyGoodsItem></GoodsShipment></Declaration>';
    expect(descriptionOf(text, reader)).toBe('CAFÉ €');
  });
});

describe('declared encodings while streaming', () => {
  it('settles the encoding however the declaration and the first non-ASCII byte fall across chunks', async () => {
    const doc = declaration('<?xml version="1.0" encoding="ISO-8859-1"?>', 'CAFÉ ÑANDÚ', latin1);
    for (const size of [1, 2, 7, 40, 64, doc.length]) {
      expect(await streamed(doc, size)).toEqual(['CAFÉ ÑANDÚ']);
    }
  });

  it('a declaration of ISO-8859-1 with only ASCII bytes reads as before', async () => {
    const doc = declaration('<?xml version="1.0" encoding="ISO-8859-1"?>', 'PLAIN', latin1);
    expect(await streamed(doc, 3)).toEqual(['PLAIN']);
  });
});
