import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScorer } from '@cargorisk/core';
import { parseManifest } from '@cargorisk/manifest';
import { defaultPacks, loadPacks } from '@cargorisk/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentServer } from '../src/assessment-server.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const sample = (path: string) => readFileSync(join(ROOT, path));
const MAX_BYTES = 256 * 1024;

let server: ReturnType<typeof createAssessmentServer>;
let base: string;

beforeAll(async () => {
  const scorer = createScorer(await loadPacks(defaultPacks), { explain: true });
  server = createAssessmentServer({ scorer, maxBytes: MAX_BYTES });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

/** What the service answers: a result, or an error. */
interface Answer {
  manifest: { id: string; format: string };
  stats: unknown;
  assessments: { consignmentId: string }[];
  error: { code: string; message: string; location?: Record<string, unknown> };
}

async function post(body: string | Uint8Array, path = '/assess') {
  const res = await fetch(base + path, { method: 'POST', body });
  return { status: res.status, body: (await res.json()) as Answer };
}

describe('http-service example', { timeout: 60_000 }, () => {
  it.each([
    'samples/demo/demo-manifest.json',
    'samples/corpus/xfwb/xfwbExample.xml',
    'samples/corpus/wco-dm/TT_IM001a.xml',
    'samples/cuscar/voyage.edi',
  ])('assesses %s: one assessment per accepted consignment', async (path) => {
    const bytes = sample(path);
    const expected = parseManifest(bytes);
    const { status, body } = await post(bytes);
    expect(status).toBe(200);
    expect(body.manifest.format).toBe(expected.manifest.format);
    expect(body.stats).toEqual(expected.stats);
    expect(body.assessments.map((a) => a.consignmentId)).toEqual(expected.manifest.consignments.map((c) => c.id));
  });

  it('answers 400 with the reader code and location for a broken manifest', async () => {
    const { status, body } = await post('{\n  "id": "M",\n  "consignments": [ { "id": }\n]}');
    expect(status).toBe(400);
    expect(body.error.code).toBe('syntax');
    expect(body.error.location).toMatchObject({ line: 3 });
  });

  it('answers 400 for an empty body and 415 for a format it does not read', async () => {
    expect((await post('')).status).toBe(400);
    const { status, body } = await post('%PDF-1.7 not a manifest');
    expect(status).toBe(415);
    expect(body.error.code).toBe('unknown-format');
  });

  it('answers 413 for a body over the limit', async () => {
    const big = `{"id":"M","consignments":[],"pad":"${'x'.repeat(MAX_BYTES)}"}`;
    const { status, body } = await post(big);
    expect(status).toBe(413);
    expect(body.error.code).toBe('too-large');
  });

  it('answers 404 and 405 for wrong paths and methods, and 200 on /health', async () => {
    expect((await post('{}', '/nowhere')).status).toBe(404);
    const get = await fetch(`${base}/assess`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    await get.arrayBuffer();
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
