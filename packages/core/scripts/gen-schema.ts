// Writes schema/ruleset.schema.json from the zod rule-set schema. Run `pnpm gen:schema` after changing it.
import { writeFileSync } from 'node:fs';
import { ruleSetJsonSchema } from '../src/ruleset/ruleset-schema.js';

const target = new URL('../schema/ruleset.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(ruleSetJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
