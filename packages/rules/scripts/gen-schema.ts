// Writes schema/rule-test.schema.json, which every pack's fixtures name in `$schema` so that an editor
// completes and checks them. Run `pnpm gen:schema` after changing the rule-test file format in core.
import { writeFileSync } from 'node:fs';
import { ruleTestJsonSchema } from '@cargorisk/core';

const target = new URL('../schema/rule-test.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(ruleTestJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
