import type { Consignment, Manifest, ManifestHeader } from '@cargorisk/manifest';
import type { FormatSerializer } from './index.js';
import { el, iataItemXml, iataPartiesXml, ociXml, xmlText } from './xfwb.js';

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ns2:HouseWaybill xmlns="iata:datamodel:3" xmlns:ns2="iata:housewaybill:1">';

/**
 * One XFZB message for one house waybill: the master's number, origin and destination in the
 * master consignment, the house inside it. Loading is the house's origin, discharge the master's
 * final destination, delivery the house's own.
 */
export function xfzbMessage(header: ManifestHeader, c: Consignment): string {
  const r = c.route;
  const t = c.totals;
  const value = c.declaredValue;
  const origin = r.loading === undefined ? '' : `<OriginLocation>${el('ID', r.loading)}</OriginLocation>`;
  const houseDestination = r.delivery ?? r.discharge;
  return `${HEAD}
<ns2:MessageHeaderDocument>${el('ID', `${c.id}_${header.id}`)}<Name>House Waybill</Name><TypeCode>703</TypeCode><VersionID>3.00</VersionID></ns2:MessageHeaderDocument>
<ns2:BusinessHeaderDocument>${el('ID', c.id)}</ns2:BusinessHeaderDocument>
<ns2:MasterConsignment>${c.masterId === undefined ? '' : `<TransportContractDocument>${el('ID', c.masterId)}</TransportContractDocument>`}${origin}${r.discharge === undefined ? '' : `<FinalDestinationLocation>${el('ID', r.discharge)}</FinalDestinationLocation>`}<IncludedHouseConsignment>${el('ID', c.id)}${value === undefined ? '' : el('DeclaredValueForCustomsAmount', value.amount, ` currencyID="${xmlText(value.currency)}"`)}${el('IncludedTareGrossWeightMeasure', t.grossKg, ' unitCode="KGM"')}${el('GrossVolumeMeasure', t.volumeM3, ' unitCode="MTQ"')}${el('TotalPieceQuantity', t.packages)}${iataPartiesXml(c)}${origin}${houseDestination === undefined ? '' : `<FinalDestinationLocation>${el('ID', houseDestination)}</FinalDestinationLocation>`}${ociXml(c)}${c.goods.map((g) => iataItemXml('IncludedHouseConsignmentItem', g)).join('')}</IncludedHouseConsignment></ns2:MasterConsignment>
</ns2:HouseWaybill>
`;
}

/**
 * One XFZB message per consignment (each a separate XML document). Meant for house waybills;
 * a master or direct waybill written here reads back as a house.
 *
 * @example
 * for (const message of streamXfzb(header, houses)) send(message);
 */
export function* streamXfzb(header: ManifestHeader, consignments: Iterable<Consignment>): Iterable<string> {
  for (const c of consignments) yield xfzbMessage(header, c);
}

/** XFZB messages for a whole manifest, one per consignment, one after the other. */
export function serializeXfzb(manifest: Manifest): string {
  const { consignments, ...header } = manifest;
  return Array.from(streamXfzb(header, consignments)).join('');
}

/** IATA Cargo-XML XFZB: one message per house waybill. */
export const xfzbSerializer: FormatSerializer = { serialize: serializeXfzb, stream: streamXfzb, extension: '.xml' };
