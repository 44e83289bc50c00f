import { describe, expect, it } from 'vitest';
import { detectFormat } from '../src/index.js';

describe('detectFormat', () => {
  it.each([
    ['<?xml version="1.0"?>\n<ns2:Waybill xmlns:ns2="iata:waybill:1">', 'xfwb'],
    ['\uFEFF<rsm:HouseWaybill xmlns:rsm="iata:housewaybill:1">', 'xfzb'],
    ['<?xml version="1.0"?><!-- x --><FlightManifest>', 'xffm'],
    ['<md:MetaData xmlns:md="urn:wco:datamodel:WCO:DocumentMetaData-DMS:2">', 'wco-dm'],
    ["UNA:+.? 'UNB+UNOC:3+SENDER+RECEIVER+261129:1200+1'", 'cuscar'],
    ["UNB+UNOA:2+SENDER+RECEIVER+261129:1200+1'", 'cuscar'],
    ['{\n  "id": "M1",\n  "consignments": []\n}', 'json'],
    ['{"id":"M1","consignments":[]}', 'json'],
    ['{"id":"BL1","kind":"direct","goods":[]}\n{"id":"BL2"}', 'ndjson'],
    ['consignment_id,kind,hs_code,description\nBL1,direct,847810,MAKER', 'csv'],
  ])('names %j as %s', (input, format) => {
    expect(detectFormat(input)).toBe(format);
    expect(detectFormat(new TextEncoder().encode(input))).toBe(format);
  });

  it.each(['', '   ', 'hello', '<html><body/></html>', 'a,b,c\n1,2,3'])('names %j as none', (input) => {
    expect(detectFormat(input)).toBeUndefined();
  });
});
