import { type Candidate, defined, parties, unique } from '../build-parts.js';
import type { FieldRule, ScopeSpec } from '../mapping.js';
import { type ScopeRecord, ScopeRecord as ScopeRecordClass } from '../scope-record.js';

/*
 * What IATA Cargo-XML 3 messages (XFWB, XFZB, XFFM) share: parties with their structured
 * addresses, goods (rating) lines, transport movements and the OCI customs notes.
 */

const address = (prefix: string): Record<string, FieldRule> => ({
  [`${prefix}/StreetName`]: { slot: 'lines', convert: 'text', list: true },
  [`${prefix}/PostOfficeBox`]: { slot: 'lines', convert: 'text', list: true },
  [`${prefix}/CityName`]: { slot: 'city', convert: 'text' },
  [`${prefix}/PostcodeCode`]: { slot: 'postcode', convert: 'text' },
  [`${prefix}/CountryID`]: { slot: 'country', convert: 'country' },
});

/** A party element of Cargo-XML (`ConsignorParty`, `ConsigneeParty`, …). */
export function iataParty(role: string, rank = 0): ScopeSpec {
  return {
    kind: 'party',
    role,
    rank,
    fields: {
      Name: { slot: 'name', convert: 'text' },
      PrimaryID: { slot: 'id', convert: 'code' },
      AccountID: { slot: 'id', convert: 'code', rank: 1 },
      CargoAgentID: { slot: 'id', convert: 'code', rank: 2 },
      ...address('PostalStructuredAddress'),
      ...address('FreightForwarderAddress'),
    },
  };
}

/** The parties every waybill-like consignment carries. */
export const IATA_PARTIES: Readonly<Record<string, ScopeSpec>> = {
  ConsignorParty: iataParty('consignor'),
  ConsigneeParty: iataParty('consignee'),
  NotifyParty: iataParty('notify'),
  FreightForwarderParty: iataParty('forwarder'),
  CarrierParty: iataParty('carrier'),
};

/** A goods (rating) line: `IncludedMasterConsignmentItem` or `IncludedHouseConsignmentItem`. */
export const IATA_ITEM: ScopeSpec = {
  kind: 'goods',
  fields: {
    SequenceNumeric: { slot: 'seq', convert: 'int' },
    TypeCode: { slot: 'hsCode', convert: 'hs' },
    GrossWeightMeasure: { slot: 'grossKg', convert: 'weight', attrs: ['unitCode'] },
    // Pieces are what air cargo counts; the package count is the fallback.
    PieceQuantity: { slot: 'packages', convert: 'int' },
    PackageQuantity: { slot: 'packages', convert: 'int', rank: 1 },
    'NatureIdentificationTransportCargo/Identification': { slot: 'description', convert: 'text' },
    'OriginCountry/ID': { slot: 'origin', convert: 'country' },
    'DangerousGoods/UNDGID': { slot: 'dangerousGoods', convert: 'code' },
  },
};

/** A flight leg: `SpecifiedLogisticsTransportMovement` / `LogisticsTransportMovement`. */
export const IATA_LEG: ScopeSpec = {
  kind: 'leg',
  fields: {
    ID: { slot: 'flight', convert: 'code' },
    SequenceNumeric: { slot: 'seq', convert: 'int' },
    ModeCode: { slot: 'mode', convert: 'mode' },
    'UsedLogisticsTransportMeans/Name': { slot: 'carrier', convert: 'text' },
    'UsedLogisticsTransportMeans/RegistrationID': { slot: 'aircraft', convert: 'code' },
    'DepartureEvent/DepartureOccurrenceDateTime': { slot: 'depDate', convert: 'date' },
    'DepartureEvent/ScheduledOccurrenceDateTime': { slot: 'depDate', convert: 'date', rank: 1 },
    'DepartureEvent/OccurrenceDepartureLocation/ID': { slot: 'dep', convert: 'iata' },
    'ArrivalEvent/ArrivalOccurrenceDateTime': { slot: 'arrDate', convert: 'date' },
    'ArrivalEvent/ScheduledOccurrenceDateTime': { slot: 'arrDate', convert: 'date', rank: 1 },
    'ArrivalEvent/OccurrenceArrivalLocation/ID': { slot: 'arr', convert: 'iata' },
  },
};

/** An OCI line: `IncludedCustomsNote`. */
export const IATA_NOTE: ScopeSpec = {
  kind: 'note',
  fields: {
    ContentCode: { slot: 'content', convert: 'code' },
    Content: { slot: 'text', convert: 'text' },
    SubjectCode: { slot: 'subject', convert: 'code' },
    CountryID: { slot: 'country', convert: 'country' },
  },
};

// OCI subjects naming a party, and the information identifier that carries its customs id.
const OCI_SUBJECT_ROLE: Readonly<Record<string, string>> = Object.freeze({
  SHP: 'consignor',
  CNE: 'consignee',
  NFY: 'notify',
  AGT: 'forwarder',
});

/**
 * Party identifiers from OCI lines (`T` = tax / trader identification, e.g. an EORI or USCI):
 * customs identifies a trader by these rather than by the account number.
 */
export function ociPartyIds(record: ScopeRecord): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const note of record.of('note')) {
    const subject = note.str('subject');
    const text = note.str('text');
    if (note.str('content') !== 'T' || subject === undefined || text === undefined) continue;
    const role = Object.hasOwn(OCI_SUBJECT_ROLE, subject) ? OCI_SUBJECT_ROLE[subject] : undefined;
    if (role !== undefined && ids[role] === undefined) ids[role] = text;
  }
  return ids;
}

/**
 * Goods items from rating lines. A line with no description, no HS code and no weight continues
 * the line before it (volume, package count, "NDA"): it is not a goods item of its own.
 */
export function iataGoods(record: ScopeRecord): Candidate[] {
  const out: Candidate[] = [];
  for (const item of record.of('goods')) {
    const description = item.get('description');
    const hsCode = item.get('hsCode');
    const grossKg = item.get('grossKg');
    if (description === undefined && hsCode === undefined && grossKg === undefined) continue;
    out.push({
      seq: item.get('seq') ?? out.length + 1,
      hsCode,
      description: description ?? '',
      packages: item.get('packages'),
      grossKg,
      origin: item.get('origin'),
      containerRefs: [],
      dangerousGoods: item.get('dangerousGoods'),
    });
  }
  return out;
}

/**
 * What an IATA waybill says of its cargo, the same in XFWB and XFZB: the goods lines (or, when there
 * are none, the summary description as one item), totals and declared value. Air waybills name no
 * containers: ULDs belong to the flight manifest.
 */
export function iataCargo(record: ScopeRecord): Candidate {
  const goods = iataGoods(record);
  const summary = record.get('summary');
  return {
    goods: goods.length > 0 || summary === undefined ? goods : [{ seq: 1, description: summary, containerRefs: [] }],
    containers: [],
    totals: {
      packages: record.get('packages'),
      grossKg: record.get('grossKg'),
      volumeM3: record.get('volumeM3'),
    },
    declaredValue: record.get('declaredValue'),
  };
}

/** Flight legs in their sequence order. */
export function iataLegs(record: ScopeRecord): ScopeRecord[] {
  const legs = record.of('leg');
  const key = (leg: ScopeRecord, i: number) => {
    const seq = leg.get('seq');
    return typeof seq === 'number' ? seq : i + 1;
  };
  // Legs are almost always written in their order: then the (stable) sort would change nothing.
  let ordered = true;
  for (let i = 1; i < legs.length && ordered; i++) ordered = key(legs[i - 1]!, i - 1) <= key(legs[i]!, i);
  if (ordered) return legs;
  return legs
    .map((leg, i) => ({ leg, key: key(leg, i) }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.leg);
}

/** Intermediate airports: leg arrivals that are neither the origin nor the final destination. */
export function transshipments(legs: readonly ScopeRecord[], loading: unknown, discharge: unknown): unknown[] {
  return unique(legs.map((l) => l.get('arr')).filter((a) => a !== undefined && a !== loading && a !== discharge));
}

/** The parties of a waybill-like consignment with their OCI identifiers. */
export function iataParties(record: ScopeRecord): Candidate {
  return parties(record, ociPartyIds(record));
}

/** The manifest transport from a flight leg (air, by definition of Cargo-XML). */
export function transportFromLeg(leg: ScopeRecord | undefined): Candidate {
  if (leg === undefined) return { mode: 'air' };
  const dep = leg.get('dep');
  const arr = leg.get('arr');
  return defined({
    mode: 'air',
    carrier: leg.get('carrier'),
    voyageOrFlight: leg.get('flight'),
    vesselOrAircraft: leg.get('aircraft'),
    departure: dep === undefined ? undefined : defined({ location: dep, date: leg.get('depDate') }),
    arrival: arr === undefined ? undefined : defined({ location: arr, date: leg.get('arrDate') }),
  });
}

/** Keeps the first flight leg met on the document record: the manifest's transport comes from it. */
export function rememberLeg(record: ScopeRecord, leg: ScopeRecord | undefined): void {
  let doc = record;
  while (doc.parent !== undefined) doc = doc.parent;
  if (leg !== undefined && doc.get('#leg') === undefined) doc.put('#leg', leg);
}

/** The flight leg kept by {@link rememberLeg}. */
export function legOf(document: ScopeRecord): ScopeRecord | undefined {
  const leg = document.get('#leg');
  return leg instanceof ScopeRecordClass ? leg : undefined;
}
