export { CSV_COLUMNS } from './csv/csv-columns.js';
export type { ManifestParseErrorCode } from './errors.js';
export { ManifestParseError } from './errors.js';
export {
  containerCheckDigit,
  isCountryCode,
  isHsCode,
  isIataLocation,
  isIso6346Shape,
  isLocationCode,
  isUnLocode,
  isValidContainerNumber,
} from './model/codes.js';
export { manifestJsonSchema } from './model/json-schema.js';
export type {
  Address,
  Consignment,
  ConsignmentInput,
  ConsignmentKind,
  Container,
  CountryCode,
  GoodsItem,
  Manifest,
  ManifestFormat,
  ManifestHeader,
  ManifestInput,
  Money,
  Parties,
  Party,
  Route,
  SourceLocation,
  Transport,
  TransportMode,
} from './model/manifest.js';
export {
  AddressSchema,
  ConsignmentKindSchema,
  ConsignmentSchema,
  ContainerSchema,
  CountryCodeSchema,
  GoodsItemSchema,
  HsCodeSchema,
  LocationCodeSchema,
  ManifestFormatSchema,
  ManifestHeaderSchema,
  ManifestSchema,
  MoneySchema,
  PartiesSchema,
  PartySchema,
  RouteSchema,
  SourceLocationSchema,
  TransportModeSchema,
  TransportSchema,
} from './model/manifest.js';
export type { IssueCode, ParseIssue, ParseIssueSeverity } from './model/parse-issue.js';
export { ISSUE_CODES, ParseIssueSchema } from './model/parse-issue.js';
export type { ConsignmentCheck } from './model/validate-consignment.js';
export { checkConsignment, toPointer } from './model/validate-consignment.js';
export { detectFormat } from './parse/detect-format.js';
export type { ParseLimits } from './parse/limits.js';
export { DEFAULT_LIMITS } from './parse/limits.js';
export type { ParseOptions, SafeParseManifestResult } from './parse/parse-manifest.js';
export { parseManifest, safeParseManifest } from './parse/parse-manifest.js';
export type { ParseResult, ParseStats } from './parse/parse-result.js';
export type {
  ConsignmentSink,
  IncrementalReader,
  IncrementalReaderFactory,
  StreamEvent,
} from './stream/incremental-reader.js';
export type { ReadConsignmentsOptions } from './stream/read-consignments.js';
export { readConsignments } from './stream/read-consignments.js';
