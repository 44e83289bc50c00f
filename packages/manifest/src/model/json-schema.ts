import { z } from 'zod';
import { ManifestSchema } from './manifest.js';

/**
 * The JSON Schema of a canonical JSON manifest (what a document may contain; defaults left out).
 * The committed `schema/manifest.schema.json` is this, and a test keeps the two equal.
 */
export function manifestJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ManifestSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    $id: 'https://cargorisk.dev/schema/manifest.schema.json',
    title: 'cargorisk canonical manifest',
  };
}
