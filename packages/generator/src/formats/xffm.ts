import type { Consignment, Manifest, ManifestHeader } from '@cargorisk/manifest';
import type { FormatSerializer } from './index.js';
import { el, iataItemXml, iataPartiesXml, movementXml, ociXml } from './xfwb.js';

/*
 * IATA Cargo-XML XFFM 3: the flight, its arrival point and every air waybill loaded for it. A
 * consignment with containers is written into a ULD named after its first container (air
 * consignments usually have none and go in bulk). House waybills are not on a flight manifest
 * (their master is) and are left out. Goods lines are written in the XFWB item structure so HS
 * codes travel too.
 */

function awbXml(c: Consignment): string {
  const r = c.route;
  const t = c.totals;
  return `<IncludedMasterConsignment>${el('GrossWeightMeasure', t.grossKg, ' unitCode="KGM"')}${el('GrossVolumeMeasure', t.volumeM3, ' unitCode="MTQ"')}${el('PieceQuantity', t.packages)}<TransportSplitDescription>T</TransportSplitDescription>${el('SummaryDescription', c.goods[0]?.description)}<TransportContractDocument>${el('ID', c.id)}</TransportContractDocument>${r.loading === undefined ? '' : `<OriginLocation>${el('ID', r.loading)}</OriginLocation>`}${r.discharge === undefined ? '' : `<FinalDestinationLocation>${el('ID', r.discharge)}</FinalDestinationLocation>`}${iataPartiesXml(c)}${ociXml(c)}${c.goods.map((g) => iataItemXml('IncludedMasterConsignmentItem', g)).join('')}</IncludedMasterConsignment>`;
}

function cargoXml(c: Consignment): string {
  const box = c.containers[0];
  const uld =
    box === undefined
      ? '<TypeCode>BLK</TypeCode>'
      : `<TypeCode>ULD</TypeCode><UtilizedUnitLoadTransportEquipment>${el('ID', box.number)}</UtilizedUnitLoadTransportEquipment>`;
  return `<AssociatedTransportCargo>${uld}${awbXml(c)}</AssociatedTransportCargo>\n`;
}

/**
 * XFFM as a stream: the flight header first, then one cargo element per air waybill, so a flight
 * manifest of any size is written without holding it.
 *
 * @example
 * for (const piece of streamXffm(header, generateConsignments({ seed: 1, consignments: 1e6, mode: 'air' }))) out.write(piece);
 */
export function* streamXffm(header: ManifestHeader, consignments: Iterable<Consignment>): Iterable<string> {
  const t = header.transport;
  const arrival = t?.arrival;
  // The flight's arrival is the manifest's ArrivalEvent, not part of the movement.
  const { arrival: _arrival, ...flight } = t ?? { mode: 'air' as const };
  yield `<?xml version="1.0" encoding="UTF-8"?>
<ns2:FlightManifest xmlns="iata:datamodel:3" xmlns:ns2="iata:flightmanifest:1">
<ns2:MessageHeaderDocument>${el('ID', header.id)}<Name>Flight Manifest</Name><TypeCode>122</TypeCode><VersionID>3.00</VersionID></ns2:MessageHeaderDocument>
<ns2:BusinessHeaderDocument>${el('ID', header.id)}</ns2:BusinessHeaderDocument>
${t === undefined ? '' : movementXml('ns2:LogisticsTransportMovement', 1, flight)}
<ns2:ArrivalEvent>${el('ArrivalOccurrenceDateTime', arrival?.date)}${arrival?.location === undefined ? '' : `<OccurrenceArrivalLocation>${el('ID', arrival.location)}<TypeCode>Airport</TypeCode></OccurrenceArrivalLocation>`}
`;
  for (const c of consignments) if (c.kind !== 'house') yield cargoXml(c);
  yield '</ns2:ArrivalEvent>\n</ns2:FlightManifest>\n';
}

/** A whole manifest as one XFFM message. */
export function serializeXffm(manifest: Manifest): string {
  const { consignments, ...header } = manifest;
  return Array.from(streamXffm(header, consignments)).join('');
}

/** IATA Cargo-XML XFFM: a flight and every air waybill on it, streamable. */
export const xffmSerializer: FormatSerializer = { serialize: serializeXffm, stream: streamXffm, extension: '.xml' };
