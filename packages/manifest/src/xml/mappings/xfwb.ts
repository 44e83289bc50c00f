import type { FormatBuilder } from '../assembler.js';
import { defined } from '../build-parts.js';
import { compileMapping, type ScopeSpec } from '../mapping.js';
import {
  IATA_ITEM,
  IATA_LEG,
  IATA_NOTE,
  IATA_PARTIES,
  iataCargo,
  iataLegs,
  iataParties,
  legOf,
  rememberLeg,
  transportFromLeg,
  transshipments,
} from './iata-common.js';

/*
 * IATA Cargo-XML XFWB 3 (`Waybill`): one master or direct air waybill per message. The waybill
 * number is the business header's ID (`020-68548340`); `MasterConsignment/ID` is a sender's
 * internal reference and is not used. A consolidation (header note content code `C`) is a
 * master waybill, anything else a direct one.
 */

const CONSIGNMENT: ScopeSpec = {
  kind: 'consignment',
  fields: {
    'TransportContractDocument/ID': { slot: 'id', convert: 'code' },
    IncludedTareGrossWeightMeasure: { slot: 'grossKg', convert: 'weight', attrs: ['unitCode'] },
    GrossWeightMeasure: { slot: 'grossKg', convert: 'weight', attrs: ['unitCode'], rank: 1 },
    GrossVolumeMeasure: { slot: 'volumeM3', convert: 'volume', attrs: ['unitCode'] },
    TotalPieceQuantity: { slot: 'packages', convert: 'int' },
    DeclaredValueForCustomsAmount: { slot: 'declaredValue', convert: 'money', attrs: ['currencyID'] },
    'OriginLocation/ID': { slot: 'loading', convert: 'iata' },
    'FinalDestinationLocation/ID': { slot: 'discharge', convert: 'iata' },
    SummaryDescription: { slot: 'summary', convert: 'text' },
  },
  scopes: {
    ...IATA_PARTIES,
    SpecifiedLogisticsTransportMovement: IATA_LEG,
    IncludedCustomsNote: IATA_NOTE,
    'ApplicableRating/IncludedMasterConsignmentItem': IATA_ITEM,
    IncludedMasterConsignmentItem: IATA_ITEM,
  },
};

const DOCUMENT: ScopeSpec = {
  kind: 'document',
  fields: {
    'MessageHeaderDocument/ID': { slot: 'manifestId', convert: 'code' },
    'BusinessHeaderDocument/ID': { slot: 'waybill', convert: 'code' },
    'BusinessHeaderDocument/IncludedHeaderNote/ContentCode': { slot: 'noteCodes', convert: 'code', list: true },
  },
  scopes: { MasterConsignment: CONSIGNMENT },
};

/** The XFWB reader's mapping and builder. */
export const XFWB: FormatBuilder = {
  mapping: compileMapping('xfwb', { Waybill: [DOCUMENT] }),
  consignment(record) {
    const legs = iataLegs(record);
    const loading = record.get('loading');
    const discharge = record.get('discharge');
    const consolidation = record.parent?.list('noteCodes').includes('C') === true;
    rememberLeg(record, legs[0]);
    return {
      id: record.get('id') ?? record.inherited('waybill'),
      kind: consolidation ? 'master' : 'direct',
      parties: iataParties(record),
      route: {
        loading,
        discharge,
        transshipments: transshipments(legs, loading, discharge),
        countries: [],
      },
      ...iataCargo(record),
    };
  },
  header(document) {
    return defined({ id: document.get('manifestId'), transport: transportFromLeg(legOf(document)) });
  },
};
