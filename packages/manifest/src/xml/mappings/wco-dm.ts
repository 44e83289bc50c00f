import { isUnLocode } from '../../model/codes.js';
import type { FormatBuilder } from '../assembler.js';
import { type Candidate, defined, parties, sum, unique } from '../build-parts.js';
import { compileMapping, type FieldRule, type ScopeSpec } from '../mapping.js';
import type { ScopeRecord } from '../scope-record.js';

/*
 * WCO Data Model 3.x goods declarations as HMRC's CDS publishes them: `md:MetaData` wrapping one
 * `Declaration`, or a bare `Declaration`. One declaration is one consignment, identified by its
 * MRN (`ID`) when it has one, else by the trader's reference (`FunctionalReferenceID`).
 *
 * Commodity codes: a `Classification` of type TSP (or CN / HS) holds the 8-digit Combined
 * Nomenclature code; a TRC one holds the 2-digit TARIC suffix. Where an 8-digit code is followed
 * by a 2-digit TARIC suffix, as in TT_IM001a (85109000 + 00), the goods item carries the 10-digit
 * TARIC code (8510900000); a prefix rule on the CN code still matches it. Other types (GN, TRA,
 * NAN: national and additional codes) are not commodity codes and are left out.
 *
 * Goods location: with qualifier U, the CDS location name begins with the UN/LOCODE's three
 * place letters (`WLALONBTW` at GB is GBWLA, Wallasea); it is where goods are discharged on an
 * import declaration and loaded on an export one, unless the declaration names those itself.
 */

const address = (): Record<string, FieldRule> => ({
  'Address/Line': { slot: 'lines', convert: 'text', list: true },
  'Address/CityName': { slot: 'city', convert: 'text' },
  'Address/PostcodeID': { slot: 'postcode', convert: 'text' },
  'Address/CountryCode': { slot: 'country', convert: 'country' },
});

const party = (role: string, rank = 0): ScopeSpec => ({
  kind: 'party',
  role,
  rank,
  fields: { Name: { slot: 'name', convert: 'text' }, ID: { slot: 'id', convert: 'code' }, ...address() },
});

const CONTAINER: ScopeSpec = {
  kind: 'container',
  fields: {
    ID: { slot: 'number', convert: 'code' },
    'Seal/ID': { slot: 'seals', convert: 'code', list: true },
    CharacteristicCode: { slot: 'sizeType', convert: 'code' },
  },
};

const CLASSIFICATION: ScopeSpec = {
  kind: 'classification',
  fields: {
    ID: { slot: 'id', convert: 'hs' },
    IdentificationTypeCode: { slot: 'type', convert: 'code' },
  },
};

const GOODS: ScopeSpec = {
  kind: 'goods',
  fields: {
    SequenceNumeric: { slot: 'seq', convert: 'int' },
    'Commodity/Description': { slot: 'description', convert: 'text' },
    'Commodity/GoodsMeasure/GrossMassMeasure': { slot: 'grossKg', convert: 'weight', attrs: ['unitCode'] },
    'Commodity/InvoiceLine/ItemChargeAmount': { slot: 'value', convert: 'money', attrs: ['currencyID'] },
    StatisticalValueAmount: { slot: 'value', convert: 'money', attrs: ['currencyID'], rank: 1 },
    'Commodity/TransportEquipment/ID': { slot: 'containerRefs', convert: 'code', list: true },
    'Commodity/DangerousGoods/UNDGID': { slot: 'dangerousGoods', convert: 'code' },
    'Origin/CountryCode': { slot: 'origin', convert: 'country' },
    'Packaging/QuantityQuantity': { slot: 'packages', convert: 'int', list: true },
  },
  scopes: { 'Commodity/Classification': CLASSIFICATION },
};

const GOODS_LOCATION: ScopeSpec = {
  kind: 'location',
  role: 'goods',
  fields: {
    Name: { slot: 'name', convert: 'code' },
    ID: { slot: 'name', convert: 'code', rank: 1 },
    'Address/TypeCode': { slot: 'qualifier', convert: 'code' },
    'Address/CountryCode': { slot: 'country', convert: 'country' },
  },
};

const transportConsignment = (): Record<string, FieldRule> => ({
  'LoadingLocation/ID': { slot: 'loading', convert: 'locode' },
  'UnloadingLocation/ID': { slot: 'discharge', convert: 'locode' },
  'Itinerary/RoutingCountryCode': { slot: 'countries', convert: 'country', list: true },
  'ArrivalTransportMeans/ModeCode': { slot: 'mode', convert: 'mode', rank: 1 },
  'ArrivalTransportMeans/ID': { slot: 'vessel', convert: 'code', rank: 1 },
  'DepartureTransportMeans/ID': { slot: 'vessel', convert: 'code', rank: 1 },
  'DepartureTransportMeans/ModeCode': { slot: 'mode', convert: 'mode', rank: 1 },
});

const DECLARATION: ScopeSpec = {
  kind: 'consignment',
  fields: {
    ID: { slot: 'id', convert: 'code' },
    FunctionalReferenceID: { slot: 'id', convert: 'code', rank: 1 },
    TypeCode: { slot: 'type', convert: 'code' },
    TotalPackageQuantity: { slot: 'packages', convert: 'int' },
    TotalGrossMassMeasure: { slot: 'grossKg', convert: 'weight', attrs: ['unitCode'] },
    InvoiceAmount: { slot: 'declaredValue', convert: 'money', attrs: ['currencyID'] },
    'BorderTransportMeans/ModeCode': { slot: 'mode', convert: 'mode' },
    'BorderTransportMeans/ID': { slot: 'vessel', convert: 'code' },
    ...prefixed('Consignment', transportConsignment()),
    ...prefixed('GoodsShipment/Consignment', transportConsignment()),
    'GoodsShipment/ExportCountry/ID': { slot: 'exportCountry', convert: 'country' },
    'GoodsShipment/Destination/CountryCode': { slot: 'destination', convert: 'country' },
  },
  scopes: {
    Exporter: party('consignor', 2),
    Importer: party('consignee', 2),
    'GoodsShipment/Exporter': party('consignor', 2),
    'GoodsShipment/Importer': party('consignee', 2),
    'GoodsShipment/Consignor': party('consignor', 1),
    'GoodsShipment/Consignee': party('consignee', 1),
    'Consignment/Consignor': party('consignor', 1),
    'Consignment/Consignee': party('consignee', 1),
    'GoodsShipment/Consignment/Consignor': party('consignor', 1),
    'GoodsShipment/Consignment/Consignee': party('consignee', 1),
    'Consignment/Carrier': party('carrier'),
    'Consignment/NotifyParty': party('notify'),
    'GoodsShipment/Consignment/NotifyParty': party('notify'),
    'Consignment/Freightforwarder': party('forwarder'),
    'GoodsShipment/Consignment/Freightforwarder': party('forwarder'),
    'GoodsShipment/Consignment/Carrier': party('carrier'),
    'GoodsShipment/Consignment/TransportEquipment': CONTAINER,
    'Consignment/TransportEquipment': CONTAINER,
    'GoodsShipment/Consignment/GoodsLocation': GOODS_LOCATION,
    'GoodsShipment/GovernmentAgencyGoodsItem': GOODS,
  },
};

function prefixed(prefix: string, fields: Record<string, FieldRule>): Record<string, FieldRule> {
  const out: Record<string, FieldRule> = {};
  for (const [k, v] of Object.entries(fields)) out[`${prefix}/${k}`] = v;
  return out;
}

const DOCUMENT: ScopeSpec = { kind: 'document' };

const CN_TYPES = new Set(['TSP', 'CN', 'HS', 'HTS', 'CV']);

function commodityCode(item: ScopeRecord): unknown {
  let base: unknown;
  let taric: unknown;
  for (const c of item.of('classification')) {
    const type = c.str('type');
    if (type !== undefined && CN_TYPES.has(type)) base ??= c.get('id');
    else if (type === 'TRC') taric ??= c.get('id');
  }
  if (typeof base === 'string' && typeof taric === 'string' && /^\d{8}$/.test(base) && /^\d{2}$/.test(taric)) {
    return base + taric;
  }
  return base;
}

function goods(record: ScopeRecord): Candidate[] {
  return record.of('goods').map((item, i) => ({
    seq: item.get('seq') ?? i + 1,
    hsCode: commodityCode(item),
    description: item.get('description') ?? '',
    packages: sum(item.list('packages')),
    grossKg: item.get('grossKg'),
    origin: item.get('origin'),
    value: item.get('value'),
    containerRefs: unique(item.list('containerRefs')),
    dangerousGoods: item.get('dangerousGoods'),
  }));
}

function goodsLocode(record: ScopeRecord): string | undefined {
  const at = record.of('location')[0];
  if (at === undefined || at.str('qualifier') !== 'U') return undefined;
  const name = at.str('name');
  const country = at.str('country');
  if (name === undefined || country === undefined) return undefined;
  const code = country + name.slice(0, 3);
  return isUnLocode(code) ? code : undefined;
}

/** The WCO DM reader's mapping and builder. */
export const WCO_DM: FormatBuilder = {
  mapping: compileMapping('wco-dm', {
    MetaData: [{ kind: 'document', scopes: { Declaration: DECLARATION } }],
    Declaration: [DOCUMENT, DECLARATION],
  }),
  consignment(record) {
    const type = record.str('type') ?? '';
    const located = goodsLocode(record);
    const exporting = type.startsWith('EX') || type.startsWith('CO');
    const itinerary = record.list('countries');
    const countries =
      itinerary.length > 0
        ? itinerary
        : [record.get('exportCountry'), record.get('destination')].filter((c) => c !== undefined);
    let doc = record;
    while (doc.parent !== undefined) doc = doc.parent;
    if (doc.get('#id') === undefined) {
      doc.put('#mode', record.get('mode'));
      doc.put('#vessel', record.get('vessel'));
      doc.put('#id', record.get('id'));
    }
    return {
      id: record.get('id'),
      kind: 'direct',
      parties: parties(record),
      route: {
        loading: record.get('loading') ?? (exporting ? located : undefined),
        discharge: record.get('discharge') ?? (exporting ? undefined : located),
        transshipments: [],
        countries: unique(countries),
      },
      goods: goods(record),
      containers: record
        .of('container')
        .map((c) => ({ number: c.get('number'), seals: c.list('seals'), sizeType: c.get('sizeType') })),
      totals: { packages: record.get('packages'), grossKg: record.get('grossKg') },
      declaredValue: record.get('declaredValue'),
    };
  },
  header(document, _first, ctx) {
    const mode = document.get('#mode');
    return defined({
      id: ctx.sourceName ?? document.get('#id'),
      transport: mode === undefined ? undefined : defined({ mode, vesselOrAircraft: document.get('#vessel') }),
    });
  },
};
