export type { GeneratorErrorCode } from './errors.js';
export { GeneratorError } from './errors.js';
export type { FormatSerializer, Serializer, StreamingSerializer } from './formats/index.js';
export { serializers } from './formats/index.js';
export type { JsonSerializeOptions } from './formats/json.js';
export { serializeJson, streamJson } from './formats/json.js';
export { serializeNdjson, streamNdjson } from './formats/ndjson.js';
export type {
  GeneratedManifest,
  GeneratedRecord,
  SafeGenerateManifestResult,
} from './generate-manifest.js';
export {
  generateConsignments,
  generateManifest,
  generateManifestHeader,
  generateRecords,
  safeGenerateManifest,
} from './generate-manifest.js';
export type { AwkwardKind, GenerateOptions, PlantProfile, PlantSetting } from './options.js';
export { AWKWARD_KINDS, DEFAULT_AWKWARD_RATE, DEFAULT_PLANT_RATE, PLANT_PROFILES } from './options.js';
export { hashSeed, Prng } from './random/prng.js';
export type { WriteManifestOptions, WriteManifestResult } from './write-manifest-file.js';
export { writeManifestFile } from './write-manifest-file.js';
