import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleSetJsonSchema } from '../src/index.js';

describe('published rule-set JSON Schema', () => {
  it('is up to date with the zod schema (run `pnpm gen:schema` if this fails)', () => {
    const committed = JSON.parse(readFileSync(new URL('../schema/ruleset.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(ruleSetJsonSchema());
  });

  it('lists the operators, list kinds and actions an editor should complete', () => {
    const text = JSON.stringify(ruleSetJsonSchema());
    for (const word of ['matchesPattern', 'partyMatches', 'keywords', 'end-user-verification', 'thresholds']) {
      expect(text).toContain(word);
    }
  });
});
