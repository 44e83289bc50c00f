import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RuleSetError, type RuleSetIssue } from '../src/errors.js';
import {
  compileRuleSetText,
  loadRuleSetFile,
  safeCompileRuleSetText,
  safeLoadRuleSetFile,
} from '../src/load/load-rule-set-file.js';

let dir: string;

const ruleSet = (lists: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'loader',
  version: '1',
  title: 'Loader test',
  lists,
  rules: [
    {
      id: 'R1',
      scope: 'item',
      conditions: { all: [{ fact: 'hsCode', operator: 'hsIn', value: { list: 'hs' } }] },
      event: { type: 'target', params: { score: 10, message: 'listed' } },
    },
  ],
  scoring: { thresholds: { yellow: 10, red: 20 } },
  ...extra,
});

function write(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

async function issuesOf(p: Promise<unknown>): Promise<readonly RuleSetIssue[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RuleSetError) return e.issues;
    throw e;
  }
  throw new Error('expected a RuleSetError');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cargorisk-load-'));
  mkdirSync(join(dir, 'lists'));
  mkdirSync(join(dir, 'sub', 'nested'), { recursive: true });
  writeFileSync(join(dir, 'outside.txt'), '3102\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadRuleSetFile', () => {
  test('merges a list file into the list items, skipping comments and blank lines', async () => {
    write('lists/hs.txt', '# precursors\r\n310230   # ammonium nitrate\n\n  282911\nUNIT#2\n');
    const path = write('merge.json', ruleSet({ hs: { kind: 'hs', items: ['9301'], file: 'lists/hs.txt' } }));
    const issues = await issuesOf(loadRuleSetFile(path));
    // UNIT#2 is kept whole (a # inside a word is not a comment) and is refused as an HS code, on its line.
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'invalid-list-item',
      path: '/lists/hs/items/3',
      source: join(dir, 'lists/hs.txt'),
      line: 5,
      column: 1,
    });
    write('lists/hs.txt', '# precursors\r\n310230   # ammonium nitrate\n\n  282911\n');
    const compiled = await loadRuleSetFile(path);
    expect(compiled.json.lists?.hs?.items).toEqual(['9301', '310230', '282911']);
  });

  test('gives a validation issue the line and column of the value at fault', async () => {
    const json = ruleSet({ hs: { kind: 'hs', items: ['31'] } });
    (json.rules[0] as { conditions: unknown }).conditions = {
      all: [{ fact: 'hsCode', operator: 'hsIn', value: { list: 'nope' } }],
    };
    const path = write('bad-list.json', json);
    const issues = await issuesOf(loadRuleSetFile(path));
    const issue = issues.find((i) => i.code === 'undefined-list');
    expect(issue).toMatchObject({ path: '/rules/0/conditions/all/0/value/list', source: path });
    // JSON.stringify(…, null, 2) puts that value on its own line: find it to check line and column.
    const lines = JSON.stringify(json, null, 2).split('\n');
    const line = lines.findIndex((l) => l.includes('"list": "nope"')) + 1;
    expect(issue?.line).toBe(line);
    expect(issue?.column).toBe((lines[line - 1] as string).indexOf('"nope"') + 1);
  });

  test('places a missing key at the object that lacks it', async () => {
    const json = ruleSet({ hs: { kind: 'hs', items: ['31'] } });
    delete (json as Record<string, unknown>).title;
    const path = write('no-title.json', json);
    const issues = await issuesOf(loadRuleSetFile(path));
    expect(issues.find((i) => i.code === 'missing-key')).toMatchObject({ path: '', line: 1, column: 1 });
  });

  test('refuses a __proto__ key and a condition cycle, each at its line, without touching Object.prototype', async () => {
    const text = [
      '{ "id": "loader", "version": "1", "title": "t",',
      '  "conditions": { "a": { "condition": "b" }, "b": { "any": [{ "condition": "a" }] } },',
      '  "rules": [{ "id": "R1", "scope": "item", "conditions": { "condition": "a" },',
      '    "event": { "type": "target", "params": { "score": 1, "message": "m", "__proto__": { "polluted": 1 } } } }],',
      '  "scoring": { "thresholds": { "yellow": 1, "red": 2 } } }',
    ].join('\n');
    const path = write('hostile.json', text);
    const issues = await issuesOf(loadRuleSetFile(path));
    // An issue about a key points at the key.
    const column = (text.split('\n')[3] as string).indexOf('"__proto__"') + 1;
    expect(issues.find((i) => i.code === 'forbidden-key')).toMatchObject({ line: 4, column });
    expect(issues.find((i) => i.code === 'condition-cycle')?.line).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('reports a JSON syntax error with its line and column', async () => {
    const path = write('syntax.json', '{\n  "id": "x",\n  "title": "t"\n  "rules": []\n}');
    const issues = await issuesOf(loadRuleSetFile(path));
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid-json', line: 4, column: 3, source: path })]);
  });

  test.each([
    ['../outside.txt', /outside the rule set's folder/],
    ['/etc/passwd', /relative/],
    ['lists/missing.txt', /cannot be read/],
    ['nested', /not a file/],
  ])('refuses the list file %s', async (file, message) => {
    const path = write('sub/escape.json', ruleSet({ hs: { kind: 'hs', items: ['31'], file } }));
    const issues = await issuesOf(loadRuleSetFile(path));
    const issue = issues.find((i) => i.code === 'list-file');
    expect(issue?.message).toMatch(message);
    expect(issue).toMatchObject({ path: '/lists/hs/file', source: path });
    expect(issue?.line).toBeGreaterThan(1);
  });

  test('refuses a symbolic link that leads out of the folder', async () => {
    symlinkSync(join(dir, 'outside.txt'), join(dir, 'sub', 'link.txt'));
    const path = write('sub/link.json', ruleSet({ hs: { kind: 'hs', items: ['31'], file: 'link.txt' } }));
    const issues = await issuesOf(loadRuleSetFile(path));
    expect(issues.find((i) => i.code === 'list-file')?.message).toMatch(/leads outside/);
  });

  test('places warnings too, and keeps the rule set usable', async () => {
    const path = write('warn.json', ruleSet({ hs: { kind: 'hs', items: ['31', '31'] } }));
    const compiled = await loadRuleSetFile(path);
    expect(compiled.warnings.length).toBeGreaterThan(0);
    for (const w of compiled.warnings) expect(w).toMatchObject({ source: path, line: expect.any(Number) });
    expect(Object.isFrozen(compiled)).toBe(true);
  });

  test('refuses a file over the size limit and an unreadable file, as read-failed', async () => {
    const path = write('big.json', ruleSet({ hs: { kind: 'hs', items: ['31'] } }));
    await expect(loadRuleSetFile(path, { maxBytes: 10 })).rejects.toMatchObject({ code: 'read-failed' });
    await expect(loadRuleSetFile(join(dir, 'absent.json'))).rejects.toMatchObject({ code: 'read-failed' });
  });

  test('safeLoadRuleSetFile returns the failure or the rule set', async () => {
    const good = write('good.json', ruleSet({ hs: { kind: 'hs', items: ['3102'] } }));
    const ok = await safeLoadRuleSetFile(good);
    expect(ok.success && ok.data.id).toBe('loader');
    const bad = await safeLoadRuleSetFile(write('bad.json', '[1,'));
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]?.code).toBe('invalid-json');
  });
});

describe('compileRuleSetText', () => {
  test('compiles text and names the source in issues', () => {
    const text = JSON.stringify(ruleSet({ hs: { kind: 'hs', items: ['3102'] } }));
    expect(compileRuleSetText(text, { sourceName: 'buffer.json' }).id).toBe('loader');
    const r = safeCompileRuleSetText(text.replace('"hsIn"', '"hsInn"'), { sourceName: 'buffer.json' });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues[0]).toMatchObject({ code: 'unknown-operator', source: 'buffer.json', line: 1 });
      expect(r.error.message).toContain('buffer.json:1:');
    }
  });

  test('cannot read list files from a text and says so', () => {
    const text = JSON.stringify(ruleSet({ hs: { kind: 'hs', items: ['3102'], file: 'lists/hs.txt' } }), null, 2);
    const r = safeCompileRuleSetText(text);
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues).toEqual([expect.objectContaining({ code: 'list-file', path: '/lists/hs/file' })]);
  });
});
