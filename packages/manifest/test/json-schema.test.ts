import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestJsonSchema } from '../src/index.js';

describe('published JSON Schema', () => {
  it('is up to date with the zod model (run `pnpm gen:schema` if this fails)', () => {
    const committed = JSON.parse(readFileSync(new URL('../schema/manifest.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(manifestJsonSchema());
  });

  it('carries the value checks rules depend on', () => {
    const schema = manifestJsonSchema() as { $defs: Record<string, { pattern?: string; enum?: string[] }> };
    expect(schema.$defs.HsCode?.pattern).toBe('^\\d{2,10}$');
    expect(schema.$defs.CountryCode?.enum).toContain('CN');
    expect(schema.$defs.CountryCode?.enum).not.toContain('UK');
  });
});
