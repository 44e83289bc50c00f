import type { Consignment, GoodsItem, Manifest, ManifestHeader, Party } from '@cargorisk/manifest';
import type { FormatSerializer } from './index.js';
import { el, xmlText } from './xfwb.js';

/*
 * WCO Data Model 3.6 declarations in the shape HMRC's CDS samples use: `md:MetaData` wrapping
 * one `Declaration` per consignment (one for a single consignment, exactly as CDS takes it).
 * What a declaration has no place for is not written: transshipment points, a master reference,
 * the consignment kind, volume; the manifest's transport is the border means of each declaration.
 */

const MODE_CODE: Readonly<Record<string, string>> = { sea: '1', rail: '2', road: '3', air: '4' };

function partyXml(element: string, party: Party | undefined): string {
  if (party === undefined) return '';
  const a = party.address;
  const address =
    a === undefined
      ? ''
      : `<Address>${el('CityName', a.city)}${el('CountryCode', a.country)}${a.lines.map((l) => el('Line', l)).join('')}${el('PostcodeID', a.postcode)}</Address>`;
  return `<${element}>${el('Name', party.name)}${el('ID', party.id)}${address}</${element}>`;
}

const money = (name: string, m: { amount: number; currency: string } | undefined) =>
  m === undefined ? '' : el(name, m.amount, ` currencyID="${xmlText(m.currency)}"`);

function goodsXml(g: GoodsItem): string {
  const classification =
    g.hsCode === undefined
      ? ''
      : `<Classification>${el('ID', g.hsCode)}<IdentificationTypeCode>${g.hsCode.length === 8 ? 'TSP' : 'HS'}</IdentificationTypeCode></Classification>`;
  const dangerous =
    g.dangerousGoods === undefined ? '' : `<DangerousGoods>${el('UNDGID', g.dangerousGoods)}</DangerousGoods>`;
  const measure =
    g.grossKg === undefined
      ? ''
      : `<GoodsMeasure>${el('GrossMassMeasure', g.grossKg, ' unitCode="KGM"')}</GoodsMeasure>`;
  const invoice = g.value === undefined ? '' : `<InvoiceLine>${money('ItemChargeAmount', g.value)}</InvoiceLine>`;
  const equipment = g.containerRefs
    .map((r, i) => `<TransportEquipment>${el('SequenceNumeric', i + 1)}${el('ID', r)}</TransportEquipment>`)
    .join('');
  return `<GovernmentAgencyGoodsItem>${el('SequenceNumeric', g.seq)}<Commodity>${el('Description', g.description)}${classification}${dangerous}${measure}${invoice}${equipment}</Commodity>${g.origin === undefined ? '' : `<Origin>${el('CountryCode', g.origin)}</Origin>`}${g.packages === undefined ? '' : `<Packaging><SequenceNumeric>1</SequenceNumeric>${el('QuantityQuantity', g.packages)}</Packaging>`}</GovernmentAgencyGoodsItem>`;
}

/** One `Declaration` element for one consignment. */
export function wcoDeclaration(header: ManifestHeader, c: Consignment): string {
  const t = header.transport;
  const r = c.route;
  const border =
    t === undefined
      ? ''
      : `<BorderTransportMeans>${el('ID', t.vesselOrAircraft)}${el('ModeCode', MODE_CODE[t.mode])}</BorderTransportMeans>`;
  const itinerary = r.countries
    .map((country, i) => `<Itinerary>${el('SequenceNumeric', i + 1)}${el('RoutingCountryCode', country)}</Itinerary>`)
    .join('');
  const p = c.parties;
  const transport = `${partyXml('Carrier', p.carrier)}${partyXml('Freightforwarder', p.forwarder)}${itinerary}${r.loading === undefined ? '' : `<LoadingLocation>${el('ID', r.loading)}</LoadingLocation>`}${partyXml('NotifyParty', p.notify)}`;
  const equipment = c.containers
    .map(
      (k, i) =>
        `<TransportEquipment>${el('SequenceNumeric', i + 1)}${el('CharacteristicCode', k.sizeType)}${el('ID', k.number)}${k.seals.map((s, j) => `<Seal>${el('SequenceNumeric', j + 1)}${el('ID', s)}</Seal>`).join('')}</TransportEquipment>`,
    )
    .join('');
  return `<Declaration>${el('FunctionalReferenceID', c.id)}<TypeCode>IMA</TypeCode>${el('GoodsItemQuantity', c.goods.length)}${el('TotalGrossMassMeasure', c.totals.grossKg, ' unitCode="KGM"')}${el('TotalPackageQuantity', c.totals.packages)}${money('InvoiceAmount', c.declaredValue)}${border}<Consignment>${transport}</Consignment><GoodsShipment>${partyXml('Consignee', p.consignee)}<Consignment>${r.discharge === undefined ? '' : `<UnloadingLocation>${el('ID', r.discharge)}</UnloadingLocation>`}${equipment}</Consignment>${partyXml('Consignor', p.consignor)}${c.goods.map(goodsXml).join('')}</GoodsShipment></Declaration>\n`;
}

/**
 * WCO DM as a stream: the metadata header, one declaration per consignment, the closing tag.
 *
 * @example
 * for (const piece of streamWcoDm(header, consignments)) out.write(piece);
 */
export function* streamWcoDm(header: ManifestHeader, consignments: Iterable<Consignment>): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>
<md:MetaData xmlns:md="urn:wco:datamodel:WCO:DocumentMetaData-DMS:2" xmlns="urn:wco:datamodel:WCO:DEC-DMS:2">
<md:WCODataModelVersionCode>3.6</md:WCODataModelVersionCode>
<md:WCOTypeName>DEC</md:WCOTypeName>
`;
  for (const c of consignments) yield wcoDeclaration(header, c);
  yield '</md:MetaData>\n';
}

/** A whole manifest as WCO DM declarations in one metadata document. */
export function serializeWcoDm(manifest: Manifest): string {
  const { consignments, ...header } = manifest;
  return Array.from(streamWcoDm(header, consignments)).join('');
}

/** WCO Data Model 3.6 declarations (HMRC CDS shape), streamable. */
export const wcoDmSerializer: FormatSerializer = { serialize: serializeWcoDm, stream: streamWcoDm, extension: '.xml' };
