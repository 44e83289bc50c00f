export type { FormatSerializer, Serializer, StreamingSerializer } from './formats/index.js';
export { serializers } from './formats/index.js';
export type { JsonSerializeOptions } from './formats/json.js';
export { serializeJson, streamJson } from './formats/json.js';
export { serializeNdjson, streamNdjson } from './formats/ndjson.js';
