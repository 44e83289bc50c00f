import type { ManifestFormat } from '../model/manifest.js';
import type { FormatReader } from '../parse/registry.js';
import { decodeUtf8 } from '../parse/text-position.js';
import type { FormatBuilder } from './assembler.js';
import { createFastXmlReader } from './fast-driver.js';
import { WCO_DM } from './mappings/wco-dm.js';
import { XFFM } from './mappings/xffm.js';
import { XFWB } from './mappings/xfwb.js';
import { XFZB } from './mappings/xfzb.js';
import { readXmlReference } from './reference-driver.js';
import { asciiHead, charsetOfHead, DECLARATION_HEAD, decodeSingleByte } from './xml-encoding.js';

/** A whole XML document's bytes as text, in the encoding its declaration names (UTF-8 by default). */
function decodeXml(bytes: Uint8Array): string {
  const charset = charsetOfHead(asciiHead(bytes, DECLARATION_HEAD));
  return charset === 'utf-8' ? decodeUtf8(bytes) : decodeSingleByte(bytes, charset);
}

function xmlReader(builder: FormatBuilder): FormatReader {
  return {
    incremental: (ctx, sink) => createFastXmlReader(builder, ctx, sink),
    whole: (input, ctx) => readXmlReference(builder, input as string, ctx),
    text: true,
    decode: decodeXml,
  };
}

/** The XML formats, each read by the fast streaming driver or, on request, the fast-xml-parser reference. */
export const XML_READERS: Readonly<Partial<Record<ManifestFormat, FormatReader>>> = Object.freeze({
  xfwb: xmlReader(XFWB),
  xfzb: xmlReader(XFZB),
  xffm: xmlReader(XFFM),
  'wco-dm': xmlReader(WCO_DM),
});
