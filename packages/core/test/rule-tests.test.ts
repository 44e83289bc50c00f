import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  checkExpectations,
  compileRuleSet,
  loadRuleTestFile,
  RuleTestError,
  RuleTestSuiteSchema,
  ruleTestJsonSchema,
  runRuleTestFile,
  runRuleTests,
  safeLoadRuleTestFile,
} from '../src/index.js';

const ruleSetJson = {
  id: 'demo',
  version: '1',
  title: 'Demo',
  lists: {
    hs: { kind: 'hs', items: ['3102'] },
    words: { kind: 'keywords', items: ['ammonium nitrate'] },
    known: { kind: 'parties', items: [] as string[] },
  },
  rules: [
    {
      id: 'HS',
      scope: 'item',
      conditions: { all: [{ fact: 'hsCode', operator: 'hsIn', value: { list: 'hs' } }] },
      event: { type: 'target', params: { score: 30, message: 'fertiliser heading', action: 'document-check' } },
    },
    {
      id: 'WORD',
      scope: 'item',
      conditions: { all: [{ fact: 'description', operator: 'mentions', value: { list: 'words' } }] },
      event: { type: 'target', params: { score: 20, message: 'named' } },
    },
    {
      id: 'UNKNOWN',
      scope: 'consignment',
      conditions: {
        all: [
          { fact: 'hsCodes', operator: 'hsIn', value: { list: 'hs' } },
          { not: { fact: 'consigneeName', operator: 'partyMatches', value: { list: 'known' } } },
        ],
      },
      event: { type: 'target', params: { score: 15, message: 'unknown consignee', action: 'end-user-verification' } },
    },
    {
      id: 'SEA',
      scope: 'consignment',
      conditions: { all: [{ fact: 'transportMode', operator: 'equal', value: 'sea' }] },
      event: { type: 'target', params: { score: 1, message: 'by sea' } },
    },
  ],
  scoring: { thresholds: { yellow: 30, red: 60 } },
};

const an = {
  goods: [{ hsCode: '310230', description: 'AMMONIUM NITRATE' }],
  parties: { consignee: { name: 'Farm Co Ltd' } },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cargorisk-rule-tests-'));
  await mkdir(join(dir, 'pack', 'fixtures'), { recursive: true });
  await writeFile(join(dir, 'pack', 'ruleset.json'), JSON.stringify(ruleSetJson, null, 2));
  await writeFile(
    join(dir, 'pack', 'fixtures', 'known.txt'),
    '# known consignees\nFARM COMPANY LIMITED  # as written on manifests\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fixture(name: string, content: unknown): Promise<string> {
  const path = join(dir, 'pack', 'fixtures', name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

describe('RuleTestSuiteSchema', () => {
  test('refuses a misspelt expectation and a malformed rule reference', () => {
    const r = RuleTestSuiteSchema.safeParse({
      cases: [{ name: 'x', consignment: {}, expect: { hit: ['HS'], noHits: ['a b'] } }],
    });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('cases.0.expect');
    expect(paths).toContain('cases.0.expect.noHits.0');
  });

  test('accepts qualified rule references and every expectation key', () => {
    const r = RuleTestSuiteSchema.safeParse({
      ruleSets: ['../ruleset.json'],
      lists: { known: ['A'], other: { file: 'x.txt' } },
      cases: [
        {
          name: 'x',
          consignment: {},
          transport: { mode: 'sea' },
          expect: {
            hits: ['demo/HS'],
            noHits: ['WORD'],
            onlyHits: ['HS'],
            channel: 'yellow',
            minChannel: 'blue',
            maxChannel: 'red',
            actions: ['document-check'],
            score: 30,
            minScore: 0,
            maxScore: 100,
          },
        },
      ],
    });
    expect(r.success).toBe(true);
  });
});

describe('ruleTestJsonSchema', () => {
  // zod reads the published JSON Schema back, standing in for an editor's validator.
  const editor = z.fromJSONSchema(ruleTestJsonSchema() as Parameters<typeof z.fromJSONSchema>[0]);

  test('accepts a case written the short way an author writes it', () => {
    const r = editor.safeParse({
      $schema: '../../../schema/rule-test.schema.json',
      cases: [{ name: 'x', consignment: an, transport: { mode: 'sea' }, expect: { hits: ['HS'] } }],
    });
    expect(r.success).toBe(true);
  });

  test('checks the consignment inside a case, which the runtime schema leaves to the reader', () => {
    const r = editor.safeParse({
      cases: [{ name: 'x', consignment: { goods: [{ hsCode: '31A0', colour: 'red' }] }, expect: { hit: [] } }],
    });
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['cases.0.consignment.goods.0.hsCode', 'cases.0.consignment.goods.0', 'cases.0.expect']),
    );
  });
});

describe('checkExpectations', () => {
  const outcome = {
    score: 45,
    channel: 'yellow',
    actions: ['document-check'],
    hits: [
      { ruleSet: 'demo', rule: 'HS' },
      { ruleSet: 'other', rule: 'WORD' },
      { ruleSet: 'demo', rule: 'random' },
    ],
  };

  test('passes when every expectation holds, qualified or not', () => {
    expect(
      checkExpectations(
        { hits: ['HS', 'other/WORD'], noHits: ['demo/WORD'], minChannel: 'yellow', maxChannel: 'yellow', minScore: 45 },
        outcome,
      ),
    ).toEqual([]);
  });

  test('says what fell short, naming what did fire', () => {
    const failures = checkExpectations(
      { hits: ['UNKNOWN'], noHits: ['HS'], channel: 'red', actions: ['end-user-verification'], score: 50 },
      outcome,
    );
    expect(failures).toHaveLength(5);
    expect(failures[0]).toBe('expected UNKNOWN to fire; fired: demo/HS, other/WORD, demo/random');
    expect(failures[1]).toMatch(/^expected HS not to fire/);
    expect(failures[2]).toMatch(/^expected channel red, got yellow \(score 45;/);
    expect(failures[3]).toBe('expected action end-user-verification; got document-check');
    expect(failures[4]).toMatch(/^expected score 50, got 45/);
  });

  test('onlyHits ignores random selection but not other rules', () => {
    expect(checkExpectations({ onlyHits: ['HS', 'WORD'] }, outcome)).toEqual([]);
    expect(checkExpectations({ onlyHits: ['HS'] }, outcome)).toEqual([
      'expected only HS to fire; also fired: other/WORD',
    ]);
  });

  test('channel bounds follow green < blue < yellow < red', () => {
    expect(checkExpectations({ minChannel: 'red' }, outcome)).toHaveLength(1);
    expect(checkExpectations({ maxChannel: 'blue' }, outcome)).toHaveLength(1);
    expect(checkExpectations({ minChannel: 'blue', maxChannel: 'red' }, outcome)).toEqual([]);
  });
});

describe.each(['compiled', 'reference'] as const)('runRuleTests on the %s engine', (engine) => {
  test('fills consignment defaults, passes the transport, and reports each case', async () => {
    const rs = compileRuleSet(ruleSetJson);
    const suite = RuleTestSuiteSchema.parse({
      cases: [
        {
          name: 'hits',
          consignment: an,
          transport: { mode: 'sea' },
          expect: { onlyHits: ['HS', 'WORD', 'UNKNOWN', 'SEA'], channel: 'red', score: 66 },
        },
        { name: 'wrong', consignment: an, expect: { noHits: ['WORD'], channel: 'green' } },
        {
          name: 'near miss',
          consignment: { goods: [{ hsCode: '250100', description: 'SEA SALT' }] },
          expect: { channel: 'green', score: 0 },
        },
      ],
    });
    const results = await runRuleTests([rs], suite, { engine });
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ['hits', true],
      ['wrong', false],
      ['near miss', true],
    ]);
    expect(results[1]?.failures).toHaveLength(2);
    expect(results[0]?.assessment?.consignmentId).toBe('CASE-1');
    expect(results[2]?.assessment?.consignmentId).toBe('CASE-3');
  });

  test('a case whose consignment a reader would refuse fails with its pointer', async () => {
    const rs = compileRuleSet(ruleSetJson);
    const suite = RuleTestSuiteSchema.parse({
      cases: [
        { name: 'ok', consignment: an, expect: { hits: ['HS'] } },
        { name: 'bad', consignment: { goods: [{ hsCode: '31A0', description: 'x' }] }, expect: { hits: ['HS'] } },
      ],
    });
    const [ok, bad] = await runRuleTests([rs], suite, { engine });
    expect(ok?.passed).toBe(true);
    expect(bad?.passed).toBe(false);
    expect(bad?.assessment).toBeUndefined();
    expect(bad?.issues.map((i) => i.path)).toEqual(['/cases/1/consignment/goods/0/hsCode']);
  });

  test('a suite list replaces the rule set list of that name; an unknown list name is refused', async () => {
    const rs = compileRuleSet(ruleSetJson);
    const cases = [{ name: 'known', consignment: an, expect: { noHits: ['UNKNOWN'] } }];
    const [r] = await runRuleTests([rs], RuleTestSuiteSchema.parse({ lists: { known: ['FARM CO'] }, cases }), {
      engine,
    });
    expect(r?.passed).toBe(true);
    const [without] = await runRuleTests([rs], RuleTestSuiteSchema.parse({ cases }), { engine });
    expect(without?.passed).toBe(false);
    await expect(
      runRuleTests([rs], RuleTestSuiteSchema.parse({ lists: { nope: ['x'] }, cases }), { engine }),
    ).rejects.toMatchObject({ code: 'unknown-list' });
  });
});

describe('loadRuleTestFile', () => {
  test('defaults to ../ruleset.json, reads suite list files, and runs', async () => {
    const path = await fixture('known.json', {
      lists: { known: { file: 'known.txt' } },
      cases: [{ name: 'listed consignee', consignment: an, expect: { hits: ['HS'], noHits: ['UNKNOWN'] } }],
    });
    const file = await loadRuleTestFile(path);
    expect(file.ruleSetPaths).toEqual([join(dir, 'pack', 'ruleset.json')]);
    expect(file.suite.lists).toEqual({ known: ['FARM COMPANY LIMITED'] });
    for (const engine of ['compiled', 'reference'] as const) {
      const { results } = await runRuleTestFile(path, { engine });
      expect(results.map((r) => r.failures)).toEqual([[]]);
    }
  });

  test('reports an invalid consignment with its pointer, line and column', async () => {
    const text = JSON.stringify(
      { cases: [{ name: 'bad', consignment: { goods: [{ hsCode: '31A0', description: 'x' }] }, expect: {} }] },
      null,
      2,
    );
    const path = await fixture('bad-consignment.json', text);
    const error = await loadRuleTestFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleTestError);
    const issue = (error as RuleTestError).issues[0];
    expect(issue?.path).toBe('/cases/0/consignment/goods/0/hsCode');
    const line = text.split('\n').findIndex((l) => l.includes('"31A0"')) + 1;
    expect(issue?.line).toBe(line);
    expect(issue?.source).toBe(path);
    expect((error as RuleTestError).message).toContain(`${path}:${line}:`);
  });

  test('reports a JSON syntax error and an invalid shape; the safe form returns them', async () => {
    const broken = await fixture('broken.json', '{ "cases": [ }');
    const r = await safeLoadRuleTestFile(broken);
    expect(r.success).toBe(false);
    expect(r.success ? undefined : r.error.issues[0]).toMatchObject({ code: 'invalid-json', line: 1 });
    const shape = await fixture('shape.json', { cases: [] });
    const s = await safeLoadRuleTestFile(shape);
    expect(s.success ? undefined : s.error.issues[0]).toMatchObject({ code: 'invalid-suite', path: '/cases' });
    const missing = await safeLoadRuleTestFile(join(dir, 'nope.json'));
    expect(missing.success ? undefined : missing.error.code).toBe('read-failed');
  });

  test('a list file outside the fixture folder is refused', async () => {
    const path = await fixture('escape.json', {
      lists: { known: { file: '../ruleset.json' } },
      cases: [{ name: 'x', consignment: an, expect: {} }],
    });
    const r = await safeLoadRuleTestFile(path);
    expect(r.success ? undefined : r.error.issues[0]).toMatchObject({ code: 'list-file', path: '/lists/known/file' });
  });

  test('a __proto__ key in a fixture is reported as data and reaches no prototype', async () => {
    const path = await fixture(
      'proto.json',
      '{ "cases": [ { "name": "p", "consignment": { "__proto__": { "polluted": true }, "goods": [] }, "expect": {} } ] }',
    );
    const r = await safeLoadRuleTestFile(path);
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.error.issues.map((i) => [i.code, i.path, i.line])).toEqual([
      ['forbidden-key', '/cases/0/consignment/__proto__', 1],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a container number failing ISO 6346 is a warning, not a failure', async () => {
    const path = await fixture('warning.json', {
      cases: [
        {
          name: 'bad check digit',
          consignment: { ...an, containers: [{ number: 'MSKU1234566', seals: [] }] },
          expect: { hits: ['HS'] },
        },
      ],
    });
    const file = await loadRuleTestFile(path);
    expect(file.warnings.map((w) => [w.severity, w.path])).toEqual([
      ['warning', '/cases/0/consignment/containers/0/number'],
    ]);
    const { results } = await runRuleTestFile(path);
    expect(results[0]?.passed).toBe(true);
  });
});
