import type { FormatBuilder } from '../assembler.js';
import { defined } from '../build-parts.js';
import { compileMapping, type ScopeSpec } from '../mapping.js';
import { IATA_ITEM, IATA_NOTE, IATA_PARTIES, iataCargo, iataParties } from './iata-common.js';

/*
 * IATA Cargo-XML XFZB 3 (`HouseWaybill`): one house waybill under a master. The house is
 * `MasterConsignment/IncludedHouseConsignment`; its master is the master consignment's
 * `TransportContractDocument/ID`. Route: the house's origin is where it is loaded, the master's
 * final destination where it is discharged (the airport the master flies to), and the house's
 * own final destination, when it differs, where it is delivered.
 */

const HOUSE: ScopeSpec = {
  kind: 'consignment',
  fields: {
    ID: { slot: 'id', convert: 'code' },
    IncludedTareGrossWeightMeasure: { slot: 'grossKg', convert: 'weight', attrs: ['unitCode'] },
    GrossWeightMeasure: { slot: 'grossKg', convert: 'weight', attrs: ['unitCode'], rank: 1 },
    GrossVolumeMeasure: { slot: 'volumeM3', convert: 'volume', attrs: ['unitCode'] },
    TotalPieceQuantity: { slot: 'packages', convert: 'int' },
    PackageQuantity: { slot: 'packages', convert: 'int', rank: 1 },
    DeclaredValueForCustomsAmount: { slot: 'declaredValue', convert: 'money', attrs: ['currencyID'] },
    'OriginLocation/ID': { slot: 'loading', convert: 'iata' },
    'FinalDestinationLocation/ID': { slot: 'delivery', convert: 'iata' },
    SummaryDescription: { slot: 'summary', convert: 'text' },
  },
  scopes: {
    ...IATA_PARTIES,
    IncludedCustomsNote: IATA_NOTE,
    IncludedHouseConsignmentItem: IATA_ITEM,
  },
};

const MASTER: ScopeSpec = {
  kind: 'context',
  fields: {
    'TransportContractDocument/ID': { slot: 'masterId', convert: 'code' },
    'OriginLocation/ID': { slot: 'masterLoading', convert: 'iata' },
    'FinalDestinationLocation/ID': { slot: 'masterDischarge', convert: 'iata' },
  },
  scopes: { IncludedHouseConsignment: HOUSE },
};

const DOCUMENT: ScopeSpec = {
  kind: 'document',
  fields: {
    'MessageHeaderDocument/ID': { slot: 'manifestId', convert: 'code' },
    'BusinessHeaderDocument/ID': { slot: 'waybill', convert: 'code' },
  },
  scopes: { MasterConsignment: MASTER },
};

/** The XFZB reader's mapping and builder. */
export const XFZB: FormatBuilder = {
  mapping: compileMapping('xfzb', { HouseWaybill: [DOCUMENT] }),
  consignment(record) {
    const loading = record.get('loading') ?? record.inherited('masterLoading');
    const discharge = record.inherited('masterDischarge');
    const delivery = record.get('delivery');
    return {
      id: record.get('id') ?? record.inherited('waybill'),
      masterId: record.inherited('masterId'),
      kind: 'house',
      parties: iataParties(record),
      route: {
        loading,
        discharge: discharge ?? delivery,
        delivery: delivery !== undefined && delivery !== discharge ? delivery : undefined,
        transshipments: [],
        countries: [],
      },
      ...iataCargo(record),
    };
  },
  header(document) {
    return defined({ id: document.get('manifestId'), transport: { mode: 'air' } });
  },
};
