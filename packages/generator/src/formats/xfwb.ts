import type { Consignment, GoodsItem, Manifest, ManifestHeader, Party, Transport } from '@cargorisk/manifest';
import type { FormatSerializer } from './index.js';

/*
 * IATA Cargo-XML 3 writers share these pieces: escaping, parties, goods (rating) lines, flight
 * movements. They write exactly the elements cargorisk's Cargo-XML readers map, in the order the
 * published schemas give them.
 */

/** Text or attribute value with the five XML special characters escaped. */
export function xmlText(value: string | number): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** A number as XML Schema's decimal writes it: never an exponent. */
export function xmlNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

/** `<name attrs>text</name>`, or nothing when the value is absent. */
export function el(name: string, value: string | number | undefined, attrs = ''): string {
  if (value === undefined) return '';
  return `<${name}${attrs}>${typeof value === 'number' ? xmlNumber(value) : xmlText(value)}</${name}>`;
}

const kg = (name: string, value: number | undefined) => el(name, value, ' unitCode="KGM"');

/** A Cargo-XML party with its structured address. */
export function iataPartyXml(
  element: string,
  party: Party | undefined,
  addressElement = 'PostalStructuredAddress',
): string {
  if (party === undefined) return '';
  const a = party.address;
  const address =
    a === undefined
      ? ''
      : `<${addressElement}>${el('PostcodeCode', a.postcode)}${a.lines.map((l) => el('StreetName', l)).join('')}${el('CityName', a.city)}${el('CountryID', a.country)}</${addressElement}>`;
  return `<${element}>${el('Name', party.name)}${el('AccountID', party.id)}${address}</${element}>`;
}

/** The parties of a waybill-like consignment. */
export function iataPartiesXml(c: Consignment): string {
  const p = c.parties;
  return (
    iataPartyXml('ConsignorParty', p.consignor) +
    iataPartyXml('ConsigneeParty', p.consignee) +
    iataPartyXml('NotifyParty', p.notify) +
    iataPartyXml('FreightForwarderParty', p.forwarder, 'FreightForwarderAddress') +
    iataPartyXml('CarrierParty', p.carrier)
  );
}

/** OCI lines identifying shipper and consignee to customs (content code T). */
export function ociXml(c: Consignment): string {
  const lines: string[] = [];
  const note = (subject: string, party: Party | undefined) => {
    if (party?.id === undefined) return;
    lines.push(
      `<IncludedCustomsNote><ContentCode>T</ContentCode>${el('Content', party.id)}${el('SubjectCode', subject)}${el('CountryID', party.address?.country)}</IncludedCustomsNote>`,
    );
  };
  note('SHP', c.parties.consignor);
  note('CNE', c.parties.consignee);
  return lines.join('');
}

/** One goods (rating) line. */
export function iataItemXml(element: string, g: GoodsItem): string {
  return `<${element}>${el('SequenceNumeric', g.seq)}${el('TypeCode', g.hsCode)}${kg('GrossWeightMeasure', g.grossKg)}${el('PieceQuantity', g.packages)}<NatureIdentificationTransportCargo>${el('Identification', g.description)}</NatureIdentificationTransportCargo>${g.origin === undefined ? '' : `<OriginCountry>${el('ID', g.origin)}</OriginCountry>`}</${element}>`;
}

/** A transport movement: the flight itself, or an onward leg known only by where it arrives. */
export function movementXml(element: string, seq: number, t: Partial<Transport>, arrival?: string): string {
  const means =
    t.carrier === undefined && t.vesselOrAircraft === undefined
      ? ''
      : `<UsedLogisticsTransportMeans>${el('Name', t.carrier)}${el('RegistrationID', t.vesselOrAircraft)}</UsedLogisticsTransportMeans>`;
  const arr = arrival ?? t.arrival?.location;
  const arrive =
    arr === undefined
      ? ''
      : `<ArrivalEvent>${el('ArrivalOccurrenceDateTime', arrival === undefined ? t.arrival?.date : undefined)}<OccurrenceArrivalLocation>${el('ID', arr)}<TypeCode>Airport</TypeCode></OccurrenceArrivalLocation></ArrivalEvent>`;
  const depart =
    t.departure?.location === undefined
      ? ''
      : `<DepartureEvent>${el('DepartureOccurrenceDateTime', t.departure.date)}<OccurrenceDepartureLocation>${el('ID', t.departure.location)}<TypeCode>Airport</TypeCode></OccurrenceDepartureLocation></DepartureEvent>`;
  return `<${element}><StageCode>Main-Carriage</StageCode><ModeCode>4</ModeCode>${el('ID', t.voyageOrFlight)}${el('SequenceNumeric', seq)}${means}${arrive}${depart}</${element}>`;
}

/** Consignment totals: gross weight, volume and pieces. */
export function totalsXml(c: Consignment, weightElement = 'IncludedTareGrossWeightMeasure'): string {
  const t = c.totals;
  return `${kg(weightElement, t.grossKg)}${el('GrossVolumeMeasure', t.volumeM3, ' unitCode="MTQ"')}${el('TotalPieceQuantity', t.packages)}`;
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ns2:Waybill xmlns="iata:datamodel:3" xmlns:ns2="iata:waybill:1">';

/**
 * One XFWB message for one consignment (a master or direct air waybill). The manifest's flight is
 * the first movement; each transshipment point is an onward leg arriving there.
 */
export function xfwbMessage(header: ManifestHeader, c: Consignment): string {
  const flight = header.transport;
  const legs = [
    flight === undefined ? '' : movementXml('SpecifiedLogisticsTransportMovement', 1, flight),
    ...c.route.transshipments.map((t, i) => movementXml('SpecifiedLogisticsTransportMovement', i + 2, {}, t)),
  ].join('');
  const value = c.declaredValue;
  return `${HEAD}
<ns2:MessageHeaderDocument>${el('ID', `${c.id}_${header.id}`)}<Name>Master Air Waybill</Name><TypeCode>741</TypeCode><VersionID>3.00</VersionID></ns2:MessageHeaderDocument>
<ns2:BusinessHeaderDocument>${el('ID', c.id)}${c.kind === 'master' ? '<IncludedHeaderNote><ContentCode>C</ContentCode><Content>Consolidation Shipment</Content></IncludedHeaderNote>' : ''}</ns2:BusinessHeaderDocument>
<ns2:MasterConsignment>${totalsXml(c)}${value === undefined ? '' : el('DeclaredValueForCustomsAmount', value.amount, ` currencyID="${xmlText(value.currency)}"`)}${iataPartiesXml(c)}${c.route.loading === undefined ? '' : `<OriginLocation>${el('ID', c.route.loading)}</OriginLocation>`}${c.route.discharge === undefined ? '' : `<FinalDestinationLocation>${el('ID', c.route.discharge)}</FinalDestinationLocation>`}${legs}${ociXml(c)}<ApplicableRating><TypeCode>F</TypeCode>${c.goods.map((g) => iataItemXml('IncludedMasterConsignmentItem', g)).join('')}</ApplicableRating></ns2:MasterConsignment>
</ns2:Waybill>
`;
}

/**
 * XFWB carries one air waybill per message: the stream yields one complete message per
 * consignment (each a separate XML document; a reader takes them one at a time). House waybills
 * belong in XFZB and are written as direct waybills here; for many consignments in one document,
 * prefer XFFM.
 *
 * @example
 * for (const message of streamXfwb(header, consignments)) send(message);
 */
export function* streamXfwb(header: ManifestHeader, consignments: Iterable<Consignment>): Iterable<string> {
  for (const c of consignments) yield xfwbMessage(header, c);
}

/** XFWB messages for a whole manifest, one per consignment, one after the other. */
export function serializeXfwb(manifest: Manifest): string {
  const { consignments, ...header } = manifest;
  return Array.from(streamXfwb(header, consignments)).join('');
}

/** IATA Cargo-XML XFWB: one message per air waybill. */
export const xfwbSerializer: FormatSerializer = { serialize: serializeXfwb, stream: streamXfwb, extension: '.xml' };
