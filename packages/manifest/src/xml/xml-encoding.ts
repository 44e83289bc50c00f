import { Buffer } from 'node:buffer';

/*
 * The character encodings an XML manifest may declare and cargorisk reads. UTF-8 is the default
 * (and what IATA Cargo-XML and the WCO DM samples use); older customs gateways also send
 * ISO-8859-1, and documents labelled ISO-8859-1 are often windows-1252 in fact, so both are read:
 * ISO-8859-1 byte for byte (each byte is its own code point) and windows-1252 through its table.
 * Any other declared encoding is refused with a clear error rather than read as mojibake.
 */

export type XmlCharset = 'utf-8' | 'latin1' | 'windows-1252';

const CHARSETS: Readonly<Record<string, XmlCharset>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-8859-1': 'latin1',
  iso_8859_1: 'latin1',
  'iso_8859-1': 'latin1',
  'iso8859-1': 'latin1',
  latin1: 'latin1',
  'latin-1': 'latin1',
  l1: 'latin1',
  'us-ascii': 'latin1',
  ascii: 'latin1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
};

/** What an XML document's own declaration must fit in: it opens the document. */
export const DECLARATION_HEAD = 256;

// `<?xml version="1.0" encoding="…"?>`: the declaration's pseudo-attributes, in any quoting.
const ENCODING_RE = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]{0,39})\1/;

/** Thrown when a document declares an encoding cargorisk does not read. */
export class XmlEncodingError extends Error {
  constructor(readonly label: string) {
    super(`the document declares encoding "${label}"; cargorisk reads UTF-8, ISO-8859-1 and windows-1252 XML`);
    this.name = 'XmlEncodingError';
  }
}

/**
 * The encoding named by the XML declaration at the start of `head` (the document's first characters,
 * ASCII): UTF-8 when there is no declaration or it names none. Throws XmlEncodingError for others.
 *
 * @example
 * charsetOfHead('<?xml version="1.0" encoding="ISO-8859-1"?><Waybill/>'); // 'latin1'
 */
export function charsetOfHead(head: string): XmlCharset {
  const label = ENCODING_RE.exec(head)?.[2];
  if (label === undefined) return 'utf-8';
  const charset = CHARSETS[label.toLowerCase()];
  if (charset === undefined) throw new XmlEncodingError(label);
  return charset;
}

/** The ASCII characters that open `bytes`, at most `max` of them. */
export function asciiHead(bytes: Uint8Array, max: number): string {
  let n = 0;
  const end = Math.min(bytes.byteLength, max);
  while (n < end && (bytes[n] as number) < 0x80) n++;
  return Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1');
}

// windows-1252's 0x80-0x9F (the rest is ISO-8859-1). Its five unassigned bytes keep their C1 code
// points, as WHATWG's decoder does. Written out because Node 20's TextDecoder('windows-1252') decodes
// ISO-8859-1 instead.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes single-byte text (the whole of it, or one chunk: no character spans two bytes). */
export function decodeSingleByte(bytes: Uint8Array, charset: 'latin1' | 'windows-1252'): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (charset === 'latin1' || !/[\x80-\x9f]/.test(text)) return text;
  return text.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] as number));
}
