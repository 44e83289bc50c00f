// Writes schema/manifest.schema.json from the zod model. Run `pnpm gen:schema` after changing the model.
import { writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../src/model/json-schema.js';

const target = new URL('../schema/manifest.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(manifestJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
