import type { ManifestFormat } from '../model/manifest.js';

const HEAD_BYTES = 4096;
const latin1 = new TextDecoder('latin1');

function head(input: string | Uint8Array): string {
  const s = typeof input === 'string' ? input.slice(0, HEAD_BYTES) : latin1.decode(input.subarray(0, HEAD_BYTES));
  return s.replace(/^(\uFEFF|ï»¿)/, '').trimStart();
}

const XML_ROOTS: ReadonlyArray<[RegExp, ManifestFormat]> = [
  [/^<(?:[\w.-]+:)?Waybill[\s>/]/, 'xfwb'],
  [/^<(?:[\w.-]+:)?HouseWaybill[\s>/]/, 'xfzb'],
  [/^<(?:[\w.-]+:)?FlightManifest[\s>/]/, 'xffm'],
  [/^<(?:[\w.-]+:)?(?:MetaData|Declaration)[\s>/]/, 'wco-dm'],
];

/** First element of an XML document, after the prolog, comments and any DOCTYPE. */
function xmlRoot(text: string): string | undefined {
  let rest = text;
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) return undefined;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return undefined;
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<!')) {
      const end = rest.indexOf('>');
      if (end < 0) return undefined;
      rest = rest.slice(end + 1);
    } else return rest.startsWith('<') ? rest : undefined;
  }
}

/**
 * Names the format of a manifest from its first bytes, or `undefined` when it is none we read.
 * Cheap: it looks at no more than the first 4 KiB.
 *
 * @example
 * detectFormat(readFileSync('awb.xml')) // 'xfwb'
 */
export function detectFormat(input: string | Uint8Array): ManifestFormat | undefined {
  const text = head(input);
  if (text === '') return undefined;
  if (text.startsWith('UNA') || text.startsWith('UNB')) return 'cuscar';
  if (text.startsWith('<')) {
    const root = xmlRoot(text);
    if (root === undefined) return undefined;
    for (const [pattern, format] of XML_ROOTS) if (pattern.test(root)) return format;
    return undefined;
  }
  if (text.startsWith('{')) {
    const firstLine = text.split('\n', 1)[0]!.trim();
    try {
      const first = JSON.parse(firstLine) as unknown;
      if (typeof first === 'object' && first !== null && !('consignments' in first)) return 'ndjson';
    } catch {
      // the first line is not a whole document: a pretty-printed JSON manifest
    }
    return 'json';
  }
  const firstLine = text.split(/\r?\n/, 1)[0]!.toLowerCase();
  if (/(^|[,;])"?consignment_?id"?([,;]|$)/.test(firstLine)) return 'csv';
  return undefined;
}
