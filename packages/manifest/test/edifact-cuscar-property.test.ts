import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Consignment,
  ConsignmentSchema,
  type ParseIssue,
  parseManifest,
  readConsignments,
  type StreamEvent,
} from '../src/index.js';

/*
 * The reader reuses its drafts from one consignment to the next and caches values by their
 * bytes across consignments and interchanges. Random consignment groups, some of them damaged,
 * must read the same in one interchange as each alone in its own, and the same streamed in
 * chunks of any size: nothing one consignment sets may reach the next.
 */

/** A small deterministic generator, so a failing seed replays. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  /** Mostly a good value, now and then a bad one. */
  const mostly = <T>([good, bad]: readonly [readonly T[], readonly T[]]): T => pick(chance(0.95) ? good : bad);
  return { int, pick, chance, mostly };
}

type Random = ReturnType<typeof random>;

// Names and lines recur (as a shipper does through a manifest), some long, some with release
// characters, Latin-1 letters or spaces at the ends, some empty.
const TEXTS = [
  'ACME',
  'RUHUNA EXPORTS PVT LTD',
  'POLIGONO INDUSTRIAL EL OLIVERAL, NAVE 154',
  'POLIGONO INDUSTRIAL EL OLIVERAL, NAVE 155',
  "O?'BRIEN ?+ SONS",
  'RATIO 1?:2',
  'CAFÉ DE COLOMBIA S.A.S. — LONG NAME FOR THE CACHE',
  '  PADDED NAME  ',
  'X'.repeat(70),
  'Y'.repeat(13),
  '',
];
// Good values, then bad ones (for the model, or not numbers).
const LOCATIONS = [
  ['NLRTM', 'LKCMB', 'ESALG', 'DEHAM', 'FRA'],
  ['XX', 'nlrtm'],
] as const;
const HS = [
  ['09023000', '090230', '0901110000', '12'],
  ['ABC', '', '12345678901'],
] as const;
const CONTAINERS = ['TGHU1747019', 'MSCU1234565', 'ABCU0000000', 'BAD'];
const NUMBERS = [
  ['1', '57', '8002.8', '3,5', '0'],
  ['-1', 'X', '', '12345678901234567'],
] as const;
const COUNTRIES = [['LK', 'ES', ''], ['XX']] as const;
const SEALS = [['FK1145581', 'Y'.repeat(13), ' S1 '], ['X'.repeat(70)]] as const;

function consignmentGroup(r: Random, n: number): string[] {
  const seg: string[] = [];
  const doc = r.chance(0.9) ? `BL${r.int(40)}` : '';
  seg.push(`CNI+${n}+${doc}`);
  if (r.chance(0.5)) seg.push(`RFF+BM:${r.chance(0.5) ? doc : `M${r.int(9)}`}`);
  if (r.chance(0.2)) seg.push(`RFF+BH:H${r.int(9)}`);
  if (r.chance(0.2)) seg.push(`RFF+MB:${doc}`);
  for (const q of ['9', '76', '11', '7', '13', '13']) if (r.chance(0.4)) seg.push(`LOC+${q}+${r.mostly(LOCATIONS)}`);
  for (const role of ['CZ', 'CN', 'NI', 'CA', 'FW']) {
    if (!r.chance(0.5)) continue;
    const id = r.chance(0.5) ? `ID${r.int(99)}` : '';
    const free = r.chance(0.3) ? `${r.pick(TEXTS)}:${r.pick(TEXTS)}` : '';
    seg.push(
      `NAD+${role}+${id}+${free}+${r.pick(TEXTS)}+${r.pick(TEXTS)}:${r.pick(TEXTS)}+${r.pick(TEXTS)}++${r.int(99999)}+${r.mostly(COUNTRIES)}`,
    );
  }
  if (r.chance(0.5)) seg.push(`MEA+AAE+G+${r.mostly([['KGM', 'TNE', 'LBR'], ['XYZ']])}:${r.mostly(NUMBERS)}`);
  if (r.chance(0.3)) seg.push(`MEA+AAE+AAW+MTQ:${r.mostly(NUMBERS)}`);
  if (r.chance(0.4)) seg.push(`MOA+44:${r.mostly(NUMBERS)}${r.chance(0.8) ? ':USD' : ''}`);
  const items = r.int(4);
  for (let i = 1; i <= items; i++) {
    seg.push(`GID+${r.chance(0.9) ? i : r.mostly(NUMBERS)}+${r.mostly(NUMBERS)}:CT`);
    for (let k = r.int(3); k > 0; k--) seg.push(`FTX+AAA+++${r.pick(TEXTS)}:${r.pick(TEXTS)}`);
    if (r.chance(0.7)) seg.push(`PIA+5+${r.mostly(HS)}:HS`);
    if (r.chance(0.2)) seg.push(`RFF+HS:${r.mostly(HS)}`);
    if (r.chance(0.2)) seg.push(`GDS+${r.mostly(HS)}`);
    if (r.chance(0.6)) seg.push(`MEA+AAE+G+KGM:${r.mostly(NUMBERS)}`);
    if (r.chance(0.5)) seg.push(`LOC+27+${r.mostly(COUNTRIES)}`);
    if (r.chance(0.4)) seg.push(`MOA+39:${r.mostly(NUMBERS)}:${r.mostly([['USD', 'EUR'], ['usd']])}`);
    for (let k = r.int(3); k > 0; k--) seg.push(`SGP+${r.pick(CONTAINERS)}`);
    if (r.chance(0.1)) seg.push(`DGS+IMD+3+${r.mostly([['1234'], ['12']])}`);
  }
  for (let k = r.int(3); k > 0; k--) {
    seg.push(`EQD+${r.chance(0.9) ? 'CN' : 'TE'}+${r.pick(CONTAINERS)}+${r.pick(['22G1', '45R1', ''])}`);
    for (let s = r.int(3); s > 0; s--) seg.push(`SEL+${r.mostly(SEALS)}`);
  }
  // Damage: a segment dropped, or one cut short.
  if (r.chance(0.2) && seg.length > 1) seg.splice(1 + r.int(seg.length - 1), 1);
  if (r.chance(0.2)) {
    const at = r.int(seg.length);
    // (Never after a release character, which would release the terminator.)
    seg[at] = seg[at]!.slice(0, 3 + r.int(seg[at]!.length)).replace(/\?+$/, '');
  }
  return seg;
}

/** The service characters an interchange is written with: level A with or without UNA, or others named by UNA. */
type Service = 'una' | 'none' | 'custom';
// component, element, release, terminator of the 'custom' interchanges, for : + ? '
const CUSTOM: Record<string, string> = { ':': '^', '+': '|', '?': '\\', "'": '~' };

interface Envelope {
  syntax: 'UNOC' | 'UNOY';
  service: Service;
  /** Added to the UNT and UNZ counts (0: the right counts). */
  untOff: number;
  unzOff: number;
}

function interchange(groups: string[][], e: Envelope): Buffer {
  const body = ["UNH+1+CUSCAR:D:95B:UN'", "BGM+85+M1+9'", "TDT+20+V1+1'"];
  for (const g of groups) for (const s of g) body.push(`${s}'`);
  body.push(`UNT+${body.length + 1 + e.untOff}+1'`);
  let text = [`UNB+${e.syntax}:3+S+R+1:2+IC'`, ...body, `UNZ+${1 + e.unzOff}+IC'`].join('\n');
  if (e.service === 'custom') text = `UNA^|.\\ ~${text.replace(/[:+?']/g, (c) => CUSTOM[c]!)}`;
  else if (e.service === 'una') text = `UNA:+.? '${text}`;
  return Buffer.from(text, e.syntax === 'UNOY' ? 'utf8' : 'latin1');
}

const envelope = fc.record({
  syntax: fc.constantFrom('UNOC' as const, 'UNOY' as const),
  service: fc.constantFrom<Service>('una', 'none', 'custom'),
  untOff: fc.constantFrom(0, 0, 0, 1, -2),
  unzOff: fc.constantFrom(0, 0, 0, 1),
});

async function streamed(bytes: Buffer, chunk: number): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  const chunks = function* () {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  };
  for await (const e of readConsignments(chunks(), { format: 'cuscar' })) events.push(e);
  return events;
}

const withoutSource = (c: Consignment) => {
  const { source: _s, ...rest } = c;
  return rest;
};
const issueText = (i: ParseIssue) => `${i.severity} ${i.code} ${i.consignmentId ?? ''} ${i.message}`;
// Issues a consignment has of its own (not the interchange's, nor duplicates across the whole).
const own = (issues: readonly ParseIssue[]) =>
  issues.filter((i) => i.consignmentId !== undefined && i.code !== 'duplicate-consignment').map(issueText);

describe('CUSCAR reader: consignments read alike alone and together', () => {
  it('gives each consignment the same result in one interchange as alone, at any chunk size', async () => {
    const accepted: Record<Service, number> = { una: 0, none: 0, custom: 0 };
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), envelope, fc.integer({ min: 1, max: 97 }), async (seed, env, chunk) => {
        const r = random(seed);
        const groups = Array.from({ length: 1 + r.int(6) }, (_, n) => consignmentGroup(r, n + 1));
        const whole = parseManifest(interchange(groups, env));
        accepted[env.service] += whole.stats.accepted;
        rejected += whole.stats.rejected;
        // The reader checks a consignment part by part as it builds it: what it accepts the
        // schema must accept unchanged.
        for (const c of whole.manifest.consignments) {
          const checked = ConsignmentSchema.safeParse(c);
          expect(checked.success).toBe(true);
          expect(checked.data).toEqual(c);
        }
        const alone = groups.map((g) => parseManifest(interchange([g], env)));
        expect(whole.manifest.consignments.map(withoutSource)).toEqual(
          alone.flatMap((a) => a.manifest.consignments.map(withoutSource)),
        );
        expect(whole.stats.seen).toBe(alone.reduce((n, a) => n + a.stats.seen, 0));
        expect(whole.stats.rejected).toBe(alone.reduce((n, a) => n + a.stats.rejected, 0));
        expect(own(whole.issues)).toEqual(alone.flatMap((a) => own(a.issues)));

        const events = await streamed(interchange(groups, env), chunk);
        const consignments = events.flatMap((e) => (e.type === 'consignment' ? [e.consignment] : []));
        expect(consignments).toEqual(whole.manifest.consignments);
      }),
      { numRuns: 150 },
    );
    // Both outcomes, with every kind of service characters, often enough to mean something.
    for (const n of Object.values(accepted)) expect(n).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(50);
  });

  it('reads an interchange cut short anywhere alike whole and streamed, every consignment counted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        envelope,
        fc.integer({ min: 1, max: 97 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (seed, env, chunk, cut) => {
          const r = random(seed);
          const groups = Array.from({ length: 1 + r.int(4) }, (_, n) => consignmentGroup(r, n + 1));
          const full = interchange(groups, env);
          const bytes = full.subarray(0, Math.floor(cut * full.length));
          let whole: ReturnType<typeof parseManifest> | undefined;
          let thrown: unknown;
          try {
            whole = parseManifest(bytes, { format: 'cuscar' });
          } catch (e) {
            thrown = e;
          }
          let events: StreamEvent[] = [];
          let streamThrown: unknown;
          try {
            events = await streamed(bytes, chunk);
          } catch (e) {
            streamThrown = e;
          }
          if (whole === undefined) {
            expect((streamThrown as { code?: string } | undefined)?.code).toBe((thrown as { code?: string }).code);
            return;
          }
          expect(streamThrown).toBeUndefined();
          const { seen, accepted, rejected } = whole.stats;
          expect(seen).toBe(accepted + rejected);
          expect(events.flatMap((e) => (e.type === 'consignment' ? [e.consignment] : []))).toEqual(
            whole.manifest.consignments,
          );
          expect(events.at(-1)).toEqual({ type: 'end', stats: whole.stats });
        },
      ),
      { numRuns: 150 },
    );
  });
});
