import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledRuleSet, ConditionJson } from '@cargorisk/core';
import { isHs2022Code, loadRuleTestFile, ruleTestJsonSchema, runRuleTestFile } from '@cargorisk/core';
import {
  defaultPacks,
  isPackName,
  loadPack,
  loadPacks,
  PackError,
  packFixturePaths,
  packNames,
  packPath,
} from '@cargorisk/rules';
import { beforeAll, describe, expect, test } from 'vitest';

const engines = ['compiled', 'reference'] as const;
const coreSchema = fileURLToPath(new URL('../../core/schema/ruleset.schema.json', import.meta.url));

/** Every HS code a rule set names: in `hs` lists and in inline arrays given to `hsIn`. */
function hsCodesOf(rs: CompiledRuleSet): { code: string; where: string }[] {
  const out: { code: string; where: string }[] = [];
  for (const [name, list] of Object.entries(rs.json.lists ?? {})) {
    if (list.kind === 'hs') for (const code of list.items) out.push({ code, where: `list ${name}` });
  }
  const walk = (c: ConditionJson, where: string): void => {
    if ('all' in c) for (const x of c.all) walk(x, where);
    else if ('any' in c) for (const x of c.any) walk(x, where);
    else if ('not' in c) walk(c.not, where);
    else if ('fact' in c && c.operator === 'hsIn' && Array.isArray(c.value)) {
      for (const code of c.value) out.push({ code: String(code), where });
    }
  };
  for (const [name, c] of Object.entries(rs.json.conditions ?? {})) walk(c, `condition ${name}`);
  for (const rule of rs.json.rules) walk(rule.conditions, `rule ${rule.id}`);
  return out;
}

describe('pack index', () => {
  test('packPath gives an absolute path to an existing ruleset.json for every pack', () => {
    for (const id of packNames) {
      const path = packPath(id);
      expect(isAbsolute(path)).toBe(true);
      expect(path.endsWith(`${id}/ruleset.json`)).toBe(true);
      expect(existsSync(path)).toBe(true);
    }
  });

  test('an unknown pack name is refused with a PackError naming the packs', async () => {
    expect(isPackName('pegasys')).toBe(false);
    expect(() => packPath('pegasys')).toThrow(PackError);
    expect(() => packPath('../salw')).toThrow(/no rule pack named/);
    await expect(loadPacks(['salw', 'nope'])).rejects.toMatchObject({ code: 'unknown-pack', pack: 'nope' });
  });

  test('loadPacks loads the default packs, in order, with list files merged', async () => {
    const sets = await loadPacks();
    expect(sets.map((s) => s.id)).toEqual([...defaultPacks]);
    const pegasus = sets[0] as CompiledRuleSet;
    expect(pegasus.json.lists?.['pg-free-zones']?.items).toContain('AEJEA');
    expect(pegasus.json.lists?.['pg-known-producers']?.items).toEqual([]);
  });

  test('the HS check sees list items and inline hsIn values, and would catch an unknown code', async () => {
    const pegasus = await loadPack('pegasus');
    const codes = hsCodesOf(pegasus);
    expect(codes).toContainEqual({ code: '847810', where: 'list pg-hs-equipment' });
    expect(codes).toContainEqual({ code: '84', where: 'rule PG-MISCLASSIFIED' });
    expect(isHs2022Code('930100')).toBe(false);
  });

  test('the published package ships the packs and the rule-test schema', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { files: string[] };
    expect(pkg.files).toEqual(expect.arrayContaining(['packs', 'schema']));
  });

  test('schema/rule-test.schema.json is current (regenerate with pnpm gen:schema)', () => {
    const written = JSON.parse(readFileSync(new URL('../schema/rule-test.schema.json', import.meta.url), 'utf8'));
    expect(written).toEqual(ruleTestJsonSchema());
  });
});

describe.each(packNames)('pack %s', (id) => {
  let rs: CompiledRuleSet;
  const outcomes: Record<(typeof engines)[number], { file: string; name: string; assessment: unknown }[]> = {
    compiled: [],
    reference: [],
  };
  beforeAll(async () => {
    rs = await loadPack(id);
  });

  test('loads with no errors and no warnings', () => {
    // loadPack throws on errors; warnings are listed here so a failure shows them.
    expect(rs.warnings.map((w) => `${w.path} ${w.code}: ${w.message}`)).toEqual([]);
    expect(rs.id).toBe(id);
  });

  test('names the rule-set JSON Schema by a path that resolves from the pack folder', () => {
    const schema = rs.json.$schema;
    expect(schema).toBeDefined();
    expect(resolve(dirname(packPath(id)), schema as string)).toBe(coreSchema);
  });

  test('every HS code exists in HS 2022', () => {
    expect(hsCodesOf(rs).filter(({ code }) => !isHs2022Code(code))).toEqual([]);
  });

  test('has a README that names each rule', () => {
    const readme = readFileSync(resolve(dirname(packPath(id)), 'README.md'), 'utf8');
    expect(rs.json.rules.map((r) => r.id).filter((rule) => !readme.includes(rule))).toEqual([]);
  });

  test('every fixture names the rule-test schema by a path that resolves', async () => {
    const target = fileURLToPath(new URL('../schema/rule-test.schema.json', import.meta.url));
    for (const file of packFixturePaths(id)) {
      const { suite } = await loadRuleTestFile(file);
      expect(resolve(dirname(file), suite.$schema ?? '')).toBe(target);
    }
  });

  test('case names are unique within each fixture file, so a report names one case', async () => {
    for (const file of packFixturePaths(id)) {
      const names = (await loadRuleTestFile(file)).suite.cases.map((c) => c.name);
      expect(
        names.filter((n, i) => names.indexOf(n) !== i),
        file,
      ).toEqual([]);
    }
  });

  test('every rule has a fixture that must hit it and a near miss that must not', async () => {
    const hit = new Set<string>();
    const miss = new Set<string>();
    for (const file of packFixturePaths(id)) {
      const { suite } = await loadRuleTestFile(file);
      for (const c of suite.cases) {
        for (const ref of [...(c.expect.hits ?? []), ...(c.expect.onlyHits ?? [])]) hit.add(ref);
        for (const ref of c.expect.noHits ?? []) miss.add(ref);
      }
    }
    const rules = rs.json.rules.map((r) => r.id);
    expect(rules.filter((r) => !hit.has(r) && !hit.has(`${id}/${r}`))).toEqual([]);
    expect(rules.filter((r) => !miss.has(r) && !miss.has(`${id}/${r}`))).toEqual([]);
  });

  test.each(engines)('every fixture passes on the %s engine', async (engine) => {
    const files = packFixturePaths(id);
    expect(files.length).toBeGreaterThan(0);
    const failed: string[] = [];
    let cases = 0;
    for (const file of files) {
      const { results } = await runRuleTestFile(file, { engine });
      outcomes[engine].push(...results.map((r) => ({ file, name: r.name, assessment: r.assessment })));
      cases += results.length;
      for (const r of results) if (!r.passed) failed.push(`${file} | ${r.name}: ${r.failures.join('; ')}`);
    }
    expect(failed).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(2 * rs.json.rules.length);
  });

  test('both engines give identical assessments on every fixture case', () => {
    // Runs after the two engine tests above (vitest runs a file's tests in order).
    expect(outcomes.compiled.length).toBeGreaterThan(0);
    expect(outcomes.reference).toEqual(outcomes.compiled);
  });
});
