import type { FormatBuilder } from '../assembler.js';
import { defined } from '../build-parts.js';
import { compileMapping, type ScopeSpec } from '../mapping.js';
import {
  IATA_ITEM,
  IATA_LEG,
  IATA_NOTE,
  IATA_PARTIES,
  iataGoods,
  iataParties,
  transportFromLeg,
} from './iata-common.js';

/*
 * IATA Cargo-XML XFFM 3 (`FlightManifest`): one flight (`LogisticsTransportMovement`), its
 * arrival point (`ArrivalEvent`) and the cargo loaded for it (`AssociatedTransportCargo`): each
 * unit load device (or bulk) with the air waybills in it (`IncludedMasterConsignment`). Every
 * waybill becomes a consignment linked to the flight; a waybill split over several ULDs appears
 * once per ULD (and the duplicate is reported as a warning, as for any repeated id).
 *
 * ULDs are not ISO 6346 containers, but they are the unit an officer examines, so a ULD becomes
 * the consignment's container, numbered as IATA writes it (type, serial, owner: `AKE12345LH`)
 * with the type as its size/type code; the model's check then reports it as not ISO 6346.
 * Goods lines are not part of the published XFFM consignment; a manifest may still carry the
 * XFWB item structure (`IncludedMasterConsignmentItem`, HS code in `TypeCode`), which is read
 * when present; otherwise the summary description is the one goods line.
 */

const CONSIGNMENT: ScopeSpec = {
  kind: 'consignment',
  fields: {
    'TransportContractDocument/ID': { slot: 'id', convert: 'code' },
    GrossWeightMeasure: { slot: 'grossKg', convert: 'weight', attrs: ['unitCode'] },
    IncludedTareGrossWeightMeasure: { slot: 'grossKg', convert: 'weight', attrs: ['unitCode'], rank: 1 },
    GrossVolumeMeasure: { slot: 'volumeM3', convert: 'volume', attrs: ['unitCode'] },
    PieceQuantity: { slot: 'packages', convert: 'int' },
    TotalPieceQuantity: { slot: 'packages', convert: 'int', rank: 1 },
    SummaryDescription: { slot: 'summary', convert: 'text' },
    TransportSplitDescription: { slot: 'split', convert: 'code' },
    'OriginLocation/ID': { slot: 'loading', convert: 'iata' },
    'FinalDestinationLocation/ID': { slot: 'discharge', convert: 'iata' },
  },
  scopes: {
    ...IATA_PARTIES,
    IncludedCustomsNote: IATA_NOTE,
    IncludedMasterConsignmentItem: IATA_ITEM,
  },
};

const CARGO: ScopeSpec = {
  kind: 'context',
  fields: {
    TypeCode: { slot: 'cargoType', convert: 'code' },
    'UtilizedUnitLoadTransportEquipment/ID': { slot: 'uldSerial', convert: 'code' },
    'UtilizedUnitLoadTransportEquipment/CharacteristicCode': { slot: 'uldType', convert: 'code' },
    'UtilizedUnitLoadTransportEquipment/OperatingParty/PrimaryID': { slot: 'uldOwner', convert: 'code' },
  },
  scopes: { IncludedMasterConsignment: CONSIGNMENT },
};

const DOCUMENT: ScopeSpec = {
  kind: 'document',
  fields: {
    'MessageHeaderDocument/ID': { slot: 'manifestId', convert: 'code' },
    'BusinessHeaderDocument/ID': { slot: 'businessId', convert: 'code' },
    'ArrivalEvent/OccurrenceArrivalLocation/ID': { slot: 'arrival', convert: 'iata' },
    'ArrivalEvent/ArrivalOccurrenceDateTime': { slot: 'arrivalDate', convert: 'date' },
    'ArrivalEvent/ScheduledOccurrenceDateTime': { slot: 'arrivalDate', convert: 'date', rank: 1 },
  },
  scopes: {
    LogisticsTransportMovement: IATA_LEG,
    'ArrivalEvent/AssociatedTransportCargo': CARGO,
  },
};

function uld(record: { inherited(slot: string): unknown }): Record<string, unknown>[] {
  const serial = record.inherited('uldSerial');
  if (typeof serial !== 'string' || record.inherited('cargoType') === 'BLK') return [];
  const type = record.inherited('uldType');
  const owner = record.inherited('uldOwner');
  const number = `${typeof type === 'string' ? type : ''}${serial}${typeof owner === 'string' ? owner : ''}`;
  return [{ number, seals: [], sizeType: type }];
}

/** The XFFM reader's mapping and builder. */
export const XFFM: FormatBuilder = {
  mapping: compileMapping('xffm', { FlightManifest: [DOCUMENT] }),
  consignment(record) {
    const goods = iataGoods(record);
    const summary = record.get('summary');
    const containers = uld(record);
    const refs = containers.map((c) => c.number);
    return {
      id: record.get('id'),
      kind: 'master',
      parties: iataParties(record),
      route: {
        loading: record.get('loading'),
        discharge: record.get('discharge'),
        transshipments: [],
        countries: [],
      },
      goods:
        goods.length > 0
          ? goods.map((g) => ({ ...g, containerRefs: refs }))
          : summary === undefined
            ? []
            : [{ seq: 1, description: summary, containerRefs: refs }],
      containers,
      totals: {
        packages: record.get('packages'),
        grossKg: record.get('grossKg'),
        volumeM3: record.get('volumeM3'),
      },
    };
  },
  header(document) {
    const leg = document.of('leg')[0];
    const transport = transportFromLeg(leg);
    const arrival = document.get('arrival');
    if (transport.arrival === undefined && arrival !== undefined) {
      transport.arrival = defined({ location: arrival, date: document.get('arrivalDate') });
    }
    return defined({ id: document.get('manifestId') ?? document.get('businessId'), transport });
  },
};
