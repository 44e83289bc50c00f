import { z } from 'zod';
import { COUNTRY_CODES, isLocationCode } from './codes.js';

/*
 * The canonical model every reader produces and every rule reads. A field the source did not
 * carry is absent, never invented; codes are kept exactly as written (HS `0901210000` stays a
 * string with its leading zero). Objects are strict so a misspelt field in canonical JSON is
 * reported instead of silently dropped.
 */

const text = (max: number) => z.string().min(1).max(max);

export const CountryCodeSchema = z
  .enum(COUNTRY_CODES, { error: 'not an ISO 3166-1 alpha-2 country code' })
  .meta({ id: 'CountryCode', description: 'ISO 3166-1 alpha-2 country code, upper case', examples: ['DE'] });

export const LocationCodeSchema = z
  .string()
  .regex(/^(?:[A-Z]{2}[A-Z2-9]{3}|[A-Z]{3})$/, 'not a UN/LOCODE or IATA location code')
  .refine(isLocationCode, { message: 'UN/LOCODE names no ISO 3166 country' })
  .meta({
    id: 'LocationCode',
    description: 'UN/LOCODE (5 characters) or IATA location code (3 letters)',
    examples: ['NLRTM', 'FRA'],
  });

export const HsCodeSchema = z
  .string()
  .regex(/^\d{2,10}$/, 'HS code must be 2 to 10 digits')
  .meta({
    id: 'HsCode',
    description: 'HS or national tariff code: digits only, 2 to 10, leading zeros kept',
    examples: ['0901210000'],
  });

const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'ISO 8601 date or date-time')
  .meta({ description: 'ISO 8601 date or date-time as written by the source' });

const nonNegative = z.number().finite().nonnegative();

export const MoneySchema = z.strictObject({
  amount: nonNegative,
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code'),
});

export const AddressSchema = z.strictObject({
  lines: z.array(text(512)).max(16).default([]),
  city: text(256).optional(),
  postcode: text(64).optional(),
  country: CountryCodeSchema.optional(),
});

export const PartySchema = z.strictObject({
  name: text(512),
  address: AddressSchema.optional(),
  id: text(128).optional().meta({ description: 'identifier such as EORI, TIN or IATA cargo agent code' }),
});

export const PartiesSchema = z.strictObject({
  consignor: PartySchema.optional(),
  consignee: PartySchema.optional(),
  notify: PartySchema.optional(),
  carrier: PartySchema.optional(),
  forwarder: PartySchema.optional(),
});

export const RouteSchema = z.strictObject({
  loading: LocationCodeSchema.optional(),
  discharge: LocationCodeSchema.optional(),
  delivery: LocationCodeSchema.optional(),
  transshipments: z.array(LocationCodeSchema).max(64).default([]),
  countries: z.array(CountryCodeSchema).max(64).default([]).meta({ description: 'countries of routing, in order' }),
});

export const ContainerSchema = z.strictObject({
  number: z
    .string()
    .regex(/^[A-Z0-9]{1,20}$/, 'container number: letters and digits only')
    .meta({ description: 'as written; readers report a number that fails ISO 6346 (shape or check digit)' }),
  seals: z.array(text(64)).max(16).default([]),
  sizeType: text(8).optional(),
});

export const GoodsItemSchema = z.strictObject({
  seq: z.number().int().positive(),
  hsCode: HsCodeSchema.optional(),
  description: z.string().max(100_000),
  packages: z.number().int().nonnegative().optional(),
  grossKg: nonNegative.optional(),
  origin: CountryCodeSchema.optional(),
  value: MoneySchema.optional(),
  containerRefs: z.array(text(20)).max(256).default([]),
  dangerousGoods: z
    .string()
    .regex(/^\d{4}$/, 'UN number: four digits')
    .optional(),
});

export const SourceLocationSchema = z.strictObject({
  format: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  offset: z.number().int().nonnegative().optional(),
  message: z.number().int().nonnegative().optional().meta({ description: 'EDIFACT message index in the interchange' }),
  segment: z.number().int().nonnegative().optional().meta({ description: 'EDIFACT segment index' }),
  pointer: z.string().optional().meta({ description: 'JSON pointer into the source document' }),
});

export const ConsignmentKindSchema = z.enum(['master', 'house', 'direct']);

export const ConsignmentSchema = z.strictObject({
  id: text(64).meta({ description: 'bill of lading, air waybill or house number' }),
  masterId: text(64).optional(),
  kind: ConsignmentKindSchema,
  parties: PartiesSchema.default({}),
  route: RouteSchema.default({ transshipments: [], countries: [] }),
  goods: z.array(GoodsItemSchema).max(10_000),
  containers: z.array(ContainerSchema).max(1_000).default([]),
  totals: z
    .strictObject({
      packages: z.number().int().nonnegative().optional(),
      grossKg: nonNegative.optional(),
      volumeM3: nonNegative.optional(),
    })
    .default({}),
  declaredValue: MoneySchema.optional(),
  source: SourceLocationSchema,
});

export const TransportModeSchema = z.enum(['sea', 'air', 'road', 'rail']);

const EndpointSchema = z.strictObject({
  location: LocationCodeSchema.optional(),
  date: DateSchema.optional(),
});

export const TransportSchema = z.strictObject({
  mode: TransportModeSchema,
  carrier: text(128).optional(),
  voyageOrFlight: text(64).optional(),
  vesselOrAircraft: text(128).optional(),
  departure: EndpointSchema.optional(),
  arrival: EndpointSchema.optional(),
});

export const ManifestFormatSchema = z.enum(['json', 'ndjson', 'csv', 'xfwb', 'xfzb', 'xffm', 'wco-dm', 'cuscar']);

export const ManifestSchema = z.strictObject({
  id: text(128),
  format: ManifestFormatSchema,
  sourceName: z.string().max(1024).optional(),
  transport: TransportSchema.optional(),
  consignments: z.array(ConsignmentSchema),
});

/** The header of a manifest: everything but its consignments. */
export const ManifestHeaderSchema = ManifestSchema.omit({ consignments: true });

export type CountryCode = z.infer<typeof CountryCodeSchema>;
export type Money = z.infer<typeof MoneySchema>;
export type Address = z.infer<typeof AddressSchema>;
export type Party = z.infer<typeof PartySchema>;
export type Parties = z.infer<typeof PartiesSchema>;
export type Route = z.infer<typeof RouteSchema>;
export type Container = z.infer<typeof ContainerSchema>;
export type GoodsItem = z.infer<typeof GoodsItemSchema>;
export type SourceLocation = z.infer<typeof SourceLocationSchema>;
export type ConsignmentKind = z.infer<typeof ConsignmentKindSchema>;
export type Consignment = z.infer<typeof ConsignmentSchema>;
export type TransportMode = z.infer<typeof TransportModeSchema>;
export type Transport = z.infer<typeof TransportSchema>;
export type ManifestFormat = z.infer<typeof ManifestFormatSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
/** What a canonical JSON document may leave out (defaults fill empty lists and objects). */
export type ManifestInput = z.input<typeof ManifestSchema>;
export type ConsignmentInput = z.input<typeof ConsignmentSchema>;
export type ManifestHeader = z.infer<typeof ManifestHeaderSchema>;
