// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is what an officer sees on the page, which is what these tests check
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cargorisk, ROOT } from './cargorisk.js';

const CHROMIUM = '/usr/bin/chromium';
const HOSTILE = `<script>document.title='pwned';window.pwned=1</script><img src=x onerror="window.pwned=2">`;

function assessment(id: string, channel: string, score: number, hits: unknown[] = []) {
  return {
    consignmentId: id,
    score,
    channel,
    actions: hits.length > 0 ? ['physical-examination'] : [],
    hits,
    ruleSets: [{ id: 'global-shield', version: '2026.11.0', sha256: 'ab'.repeat(32) }],
    source: { format: 'json', pointer: '/consignments/0' },
  };
}

const RED = assessment('MEDU<b>RED</b>1', 'red', 85, [
  {
    ruleSet: 'global-shield',
    rule: 'GS-HS',
    version: '2026.11.0',
    score: 85,
    message: `Precursor declared as fertiliser ${HOSTILE}`,
    action: 'physical-examination',
    category: 'precursor',
    evidence: [
      {
        fact: 'description',
        value: `AMMONIUM NITRATE ${HOSTILE}`,
        operator: 'mentions',
        matched: ['ammonium nitrate'],
        list: 'gs-names',
        item: 1,
      },
    ],
  },
]);
const YELLOW = assessment('MEDUYELLOW2', 'yellow', 35, [
  {
    ruleSet: 'global-shield',
    rule: 'GS-ROUTE',
    version: '2026.11.0',
    score: 35,
    message: 'Routed through a transshipment hub',
    evidence: [],
  },
]);
const GREENS = [assessment('MEDUGREEN3', 'green', 0), assessment('MEDUGREEN4', 'green', 5)];

let dir: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium (.ci/run does it in CI)`);
  }
  dir = mkdtempSync(join(tmpdir(), 'cargorisk-report-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cargorisk report', { timeout: 120_000 }, () => {
  it('writes a report that shows the counts, the explanation, and hostile text as text', async () => {
    const input = join(dir, 'assessments.ndjson');
    writeFileSync(input, [RED, YELLOW, ...GREENS].map((a) => JSON.stringify(a)).join('\n') + '\n');
    const out = join(dir, 'report.html');
    const run = await cargorisk(['report', input, '-o', out]);
    expect(run.code).toBe(1); // a consignment at or above yellow
    expect(run.stderr).toContain(`report written to ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//);

    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(out).href);

    const count = (channel: string) => page.locator(`#channel-${channel} .n`).innerText();
    expect(await count('red')).toBe('1');
    expect(await count('yellow')).toBe('1');
    expect(await count('blue')).toBe('0');
    expect(await count('green')).toBe('2');

    const red = page.locator('article.consignment[data-channel="red"]');
    expect(await red.count()).toBe(1);
    const text = await red.innerText();
    expect(text).toContain('MEDU<b>RED</b>1');
    expect(text).toContain('GS-HS');
    expect(text).toContain('global-shield 2026.11.0');
    expect(text).toContain(`Precursor declared as fertiliser ${HOSTILE}`);
    expect(text).toContain('ammonium nitrate');
    expect(text).toContain('gs-names');
    expect(await red.locator('mark').first().innerText()).toBe('ammonium nitrate');
    // Green consignments are counted, not listed.
    expect(await page.locator('article.consignment').count()).toBe(2);
    expect(await page.locator('#rules').innerText()).toContain('GS-ROUTE');
    expect(await page.locator('svg.histogram rect').count()).toBeGreaterThan(0);

    expect(await page.title()).not.toContain('pwned');
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    if (process.env.CARGORISK_SCREENSHOT)
      await page.screenshot({ path: process.env.CARGORISK_SCREENSHOT, fullPage: true });
    await page.close();
  });

  it("shows a scored manifest's hostile text as text, in the goods and the evidence", async () => {
    const manifest = {
      id: 'HOSTILE-1',
      consignments: [
        {
          id: 'EVIL<i>1</i>',
          kind: 'direct',
          parties: {
            consignee: { name: `J SMITH ${HOSTILE}`, address: { lines: ['FLAT 2, 1 HIGH STREET'], country: 'GB' } },
          },
          goods: [{ seq: 1, hsCode: '310230', description: `AMMONIUM NITRATE ${HOSTILE}`, grossKg: 25000 }],
        },
      ],
    };
    const input = join(dir, 'hostile.json');
    writeFileSync(input, JSON.stringify(manifest));
    const out = join(dir, 'hostile.html');
    const run = await cargorisk(['report', input, '-o', out]);
    expect(run.code).toBe(1);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(out).href);
    const article = page.locator('article.consignment');
    expect(await article.count()).toBe(1);
    const text = await article.innerText();
    expect(text).toContain('EVIL<i>1</i>');
    expect(text).toContain(`J SMITH ${HOSTILE} (GB)`);
    expect(text).toContain(`310230 AMMONIUM NITRATE ${HOSTILE}`);
    expect(await page.locator('script, img, i').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });

  it('reads assessments from stdin and reports a line that is not one, with its number', async () => {
    const input = `${JSON.stringify(GREENS[0])}\n{"consignmentId": 42}\nnot json\n`;
    const out = join(dir, 'stdin.html');
    const run = await cargorisk(['report', '-', '-o', out], { input });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/<stdin>:2: error invalid-record: not an assessment/);
    expect(run.stderr).toMatch(/<stdin>:3: error invalid-record: invalid JSON/);
    expect(existsSync(out)).toBe(true);
  });

  it('exits 0 when every consignment is green', async () => {
    const input = GREENS.map((a) => JSON.stringify(a)).join('\n');
    const out = join(dir, 'green.html');
    const run = await cargorisk(['report', '-', '-o', out], { input });
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('No consignment at or above yellow');
  });

  it('scores manifests itself, and gives the same counts as from the saved assessments', async () => {
    const manifest = join(ROOT, 'samples/demo/demo-manifest.json');
    const direct = join(dir, 'direct.html');
    const first = await cargorisk(['report', manifest, '-o', direct]);
    const saved = await cargorisk(['score', manifest, '--out', 'ndjson', '--explain', '--min-channel', 'green']);
    const assessments = saved.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { channel: keyof typeof counts });
    const counts = { red: 0, yellow: 0, blue: 0, green: 0 };
    for (const a of assessments) counts[a.channel]++;
    const viaFile = join(dir, 'saved.ndjson');
    writeFileSync(viaFile, saved.stdout);
    const second = await cargorisk(['report', viaFile, '-o', join(dir, 'via.html')]);
    for (const [html, run] of [
      [readFileSync(direct, 'utf8'), first],
      [readFileSync(join(dir, 'via.html'), 'utf8'), second],
    ] as const) {
      for (const [channel, n] of Object.entries(counts)) {
        expect(html).toMatch(new RegExp(`id="channel-${channel}">.*?<span class="n">${n}</span>`));
      }
      expect((html.match(/<article class="consignment /g) ?? []).length).toBe(counts.red + counts.yellow);
      expect(run.code).toBe(counts.red + counts.yellow > 0 ? 1 : 0);
    }
    // Scored here, the report knows each rule set's title; read back, it knows ids and versions.
    expect(readFileSync(direct, 'utf8')).toMatch(/<code>pegasus<\/code> [^<]+ — /);
  });

  it('prints its help, and exits 2 on usage errors', async () => {
    const help = await cargorisk(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cargorisk report/);
    const bad = await cargorisk(['report', '--min-channel', 'purple', '-']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--min-channel must be one of');
    const missing = await cargorisk(['report', join(dir, 'nope.ndjson'), '-o', join(dir, 'x.html')]);
    expect(missing.code).toBe(2);
  });
});
