import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';
import { cargorisk, ndjson, ROOT } from './cargorisk.js';

const DEMO = 'samples/demo/demo-manifest.json';
const demo = parseManifest(readFileSync(join(ROOT, DEMO)), { sourceName: DEMO });

describe('cargorisk parse', { timeout: 120_000 }, () => {
  it('writes the canonical manifest of a file as JSON and exits 0', async () => {
    const run = await cargorisk(['parse', DEMO]);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as typeof demo.manifest;
    expect(manifest).toEqual(demo.manifest);
  });

  it('writes NDJSON that reads back through stdin (-) into the same consignments', async () => {
    const first = await cargorisk(['parse', DEMO, '--out', 'ndjson']);
    expect(first.code).toBe(0);
    const lines = ndjson(first.stdout) as Record<string, unknown>[];
    expect(lines[0]).toHaveProperty('manifest.id', demo.manifest.id);
    expect(lines.slice(1)).toEqual(demo.manifest.consignments);

    const again = await cargorisk(['parse', '-', '--out', 'json'], { input: first.stdout });
    expect(again.code).toBe(0);
    const manifest = JSON.parse(again.stdout) as typeof demo.manifest;
    expect(manifest.consignments.map((c) => c.id)).toEqual(demo.manifest.consignments.map((c) => c.id));
  });

  it('gives an array of manifests for several inputs', async () => {
    const run = await cargorisk(['parse', DEMO, DEMO]);
    expect(run.code).toBe(0);
    const manifests = JSON.parse(run.stdout) as unknown[];
    expect(manifests).toHaveLength(2);
  });

  it('reports a refused record with its location on stderr, keeps the good ones, and exits 1', async () => {
    const input =
      '{"id":"GOOD-1","kind":"direct","goods":[]}\n{"id":3,"kind":"direct","goods":[]}\n{"id":"GOOD-2","kind":"house","goods":[]}\n';
    const run = await cargorisk(['parse', '-', '--out', 'ndjson'], { input });
    expect(run.code).toBe(1);
    const ids = (ndjson(run.stdout) as { id?: string }[]).map((c) => c.id).filter(Boolean);
    expect(ids).toEqual(['GOOD-1', 'GOOD-2']);
    expect(run.stderr).toMatch(/^<stdin>:2#\/id: error invalid-value: /m);
  });

  it('exits 1 with the reason when an input is in no format it reads', async () => {
    const run = await cargorisk(['parse', '-'], { input: 'hello, this is not a manifest\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown-format');
    expect(run.stdout).toBe('');
  });

  it('exits 1 on an empty input', async () => {
    const run = await cargorisk(['parse', '-'], { input: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('empty-input');
  });

  it('prints its help on stdout with --help and exits 0', async () => {
    const run = await cargorisk(['parse', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: cargorisk parse/);
  });

  it.each([
    [['parse', '--bogus', DEMO], /Unknown option '--bogus'/],
    [['parse', 'no-such-file.json'], /cannot read no-such-file\.json: ENOENT/],
    [['parse'], /name at least one input file/],
    [['parse', DEMO, '--out', 'xml'], /--out must be one of json, ndjson/],
    [['parse', DEMO, '--format', 'pdf'], /--format must be one of/],
  ])('exits 2 with the message and usage for %j', async (args, message) => {
    const run = await cargorisk(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: cargorisk parse');
    expect(run.stdout).toBe('');
  });
});

describe('cargorisk', { timeout: 120_000 }, () => {
  it('exits 2 with the usage for an unknown command or none', async () => {
    const unknown = await cargorisk(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const none = await cargorisk([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: cargorisk <command>');
  });

  it('prints its help and version', async () => {
    const help = await cargorisk(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Commands:');
    const version = await cargorisk(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
