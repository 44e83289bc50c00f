import type { Consignment } from '@cargorisk/manifest';
import { describe, expect, it } from 'vitest';
import {
  compileRuleSet,
  createScorer,
  EvaluationError,
  isRandomlySelected,
  RuleSetError,
  randomDraw,
} from '../src/index.js';

const consignment = (over: Partial<Consignment> = {}): Consignment => ({
  id: 'MAEU123456789',
  kind: 'direct',
  parties: {
    consignor: { name: 'Shenzhen Example Trading Co., Ltd', address: { lines: ['1 Road'], country: 'CN' } },
    consignee: { name: 'SCHENKER FRANCE S.A.S.', address: { lines: ['5 Rue X'], city: 'Paris', country: 'FR' } },
  },
  route: { loading: 'CNSHA', discharge: 'NLRTM', transshipments: ['SGSIN'], countries: ['CN', 'SG', 'NL'] },
  goods: [
    { seq: 1, hsCode: '3102300000', description: 'Ammonium-Nitrate fertiliser', grossKg: 1000, containerRefs: [] },
    { seq: 2, hsCode: '8478100000', description: 'Tobacco machinery parts', grossKg: 500, containerRefs: [] },
  ],
  containers: [{ number: 'CSQU3054383', seals: ['S1'] }],
  totals: {},
  source: { format: 'json', pointer: '/consignments/0' },
  ...over,
});

type Leaf = Record<string, unknown>;
const ruleSetOf = (
  rules: {
    id: string;
    scope?: 'item' | 'consignment';
    when: Leaf;
    score?: number;
    channel?: string;
    action?: string;
  }[],
  extra: Record<string, unknown> = {},
) =>
  compileRuleSet({
    id: 'test-set',
    version: '1',
    title: 'test',
    lists: {
      hs: { kind: 'hs', items: ['3102', '847810'] },
      kw: { kind: 'keywords', items: ['ammonium nitrate', 'cocaine', 'co caine'] },
      parties: { kind: 'parties', items: ['Schenker France SAS', 'Nobody Ltd'] },
      countries: { kind: 'countries', items: ['IR', 'SG'] },
      ports: { kind: 'locations', items: ['SGSIN'] },
    },
    rules: rules.map((r) => ({
      id: r.id,
      scope: r.scope ?? 'consignment',
      conditions: 'all' in r.when || 'any' in r.when || 'not' in r.when ? r.when : { all: [r.when] },
      event: {
        type: 'target',
        params: {
          score: r.score ?? 10,
          message: `rule ${r.id}`,
          ...(r.channel === undefined ? {} : { channel: r.channel }),
          ...(r.action === undefined ? {} : { action: r.action }),
        },
      },
    })),
    scoring: { thresholds: { yellow: 30, red: 60 } },
    ...extra,
  });

const fires = (when: Leaf, c: Consignment = consignment(), scope: 'item' | 'consignment' = 'consignment') => {
  const scorer = createScorer([ruleSetOf([{ id: 'R', scope, when }])]);
  return scorer.score(c, { transport: { mode: 'sea', carrier: 'MAEU' } }).hits.some((h) => h.rule === 'R');
};

describe('operators on the compiled engine', () => {
  it('equal / notEqual are strict; absent facts make notEqual true', () => {
    expect(fires({ fact: 'transportMode', operator: 'equal', value: 'sea' })).toBe(true);
    expect(fires({ fact: 'itemCount', operator: 'equal', value: '2' })).toBe(false);
    expect(fires({ fact: 'itemCount', operator: 'equal', value: 2 })).toBe(true);
    expect(fires({ fact: 'masterId', operator: 'equal', value: null })).toBe(false);
    expect(fires({ fact: 'masterId', operator: 'notEqual', value: 'X' })).toBe(true);
    expect(fires({ fact: 'kind', operator: 'notEqual', value: 'direct' })).toBe(false);
  });

  it('numeric operators need finite numbers on both sides and are false on absent facts', () => {
    expect(fires({ fact: 'totalGrossKg', operator: 'greaterThan', value: 1499 })).toBe(true);
    expect(fires({ fact: 'totalGrossKg', operator: 'greaterThanInclusive', value: 1500 })).toBe(true);
    expect(fires({ fact: 'totalGrossKg', operator: 'lessThan', value: 1500 })).toBe(false);
    expect(fires({ fact: 'totalGrossKg', operator: 'lessThanInclusive', value: 1500 })).toBe(true);
    expect(fires({ fact: 'declaredValue', operator: 'lessThan', value: 1e9 })).toBe(false);
    expect(fires({ fact: 'declaredValue', operator: 'greaterThan', value: -1 })).toBe(false);
    // A string reached through a path is never a number, even when it starts with digits.
    const c = consignment({ parties: { consignee: { name: 'X', id: '12abc' } } });
    expect(fires({ fact: 'consignee', path: '$.id', operator: 'lessThan', value: 100 }, c)).toBe(false);
    expect(fires({ fact: 'consignee', path: '$.id', operator: 'greaterThan', value: 1 }, c)).toBe(false);
  });

  it('in / notIn test membership (never substrings); notIn is true on absent facts', () => {
    expect(fires({ fact: 'consignorCountry', operator: 'in', value: ['CN', 'HK'] })).toBe(true);
    expect(fires({ fact: 'consignorCountry', operator: 'in', value: ['C', 'N'] })).toBe(false);
    expect(fires({ fact: 'consignorCountry', operator: 'in', value: { list: 'countries' } })).toBe(false);
    expect(fires({ fact: 'notifyCountry', operator: 'in', value: ['CN'] })).toBe(false);
    expect(fires({ fact: 'notifyCountry', operator: 'notIn', value: ['CN'] })).toBe(true);
    expect(fires({ fact: 'consignorCountry', operator: 'notIn', value: ['CN'] })).toBe(false);
  });

  it('contains / doesNotContain look into arrays; doesNotContain is true on absent facts', () => {
    expect(fires({ fact: 'routeCountries', operator: 'contains', value: 'SG' })).toBe(true);
    expect(fires({ fact: 'routeCountries', operator: 'doesNotContain', value: 'SG' })).toBe(false);
    expect(fires({ fact: 'routeCountries', operator: 'doesNotContain', value: 'IR' })).toBe(true);
    const party = consignment({ parties: {} });
    expect(fires({ fact: 'consignee', path: '$.address.lines', operator: 'doesNotContain', value: 'x' }, party)).toBe(
      true,
    );
    expect(fires({ fact: 'consignee', path: '$.address.lines', operator: 'contains', value: 'x' }, party)).toBe(false);
  });

  it('hsIn matches HS prefixes on item codes and on the hsCodes array', () => {
    expect(fires({ fact: 'hsCode', operator: 'hsIn', value: { list: 'hs' } }, consignment(), 'item')).toBe(true);
    expect(fires({ fact: 'hsCodes', operator: 'hsIn', value: ['847810'] })).toBe(true);
    expect(fires({ fact: 'hsCodes', operator: 'hsIn', value: ['8478100001'] })).toBe(false);
    expect(fires({ fact: 'hsCodes', operator: 'hsIn', value: ['8479'] })).toBe(false);
    expect(fires({ fact: 'hsCodes', operator: 'hsIn', value: ['31'] })).toBe(true);
    const none = consignment({ goods: [{ seq: 1, description: 'x', containerRefs: [] }] });
    expect(fires({ fact: 'hsCode', operator: 'hsIn', value: ['31'] }, none, 'item')).toBe(false);
  });

  it('mentions matches whole words after folding, hidden or decorated spellings included (RELIABILITY case 7)', () => {
    const item = (description: string) => consignment({ goods: [{ seq: 1, description, containerRefs: [] }] });
    const kw = { fact: 'description', operator: 'mentions', value: { list: 'kw' } };
    // The XML reader resolves C&#79;CAINE to COCAINE before the engine sees it.
    for (const d of ['COCAINE', 'Ｃｏｃａｉｎｅ', 'cocaïne', 'co-caine', 'bags of  AMMONIUM   nitrate!']) {
      expect(fires(kw, item(d), 'item')).toBe(true);
    }
    for (const d of ['cocaines', 'ammonium nitrates', 'nitrate ammonium', 'xcocaine']) {
      expect(fires(kw, item(d), 'item')).toBe(false);
    }
    expect(fires({ fact: 'descriptions', operator: 'mentions', value: ['tobacco'] })).toBe(true);
  });

  it('inList matches countries, locations and codes exactly', () => {
    expect(fires({ fact: 'routeCountries', operator: 'inList', value: { list: 'countries' } })).toBe(true);
    expect(fires({ fact: 'transshipments', operator: 'inList', value: { list: 'ports' } })).toBe(true);
    expect(fires({ fact: 'loading', operator: 'inList', value: ['cnsha'] })).toBe(false);
    expect(fires({ fact: 'carrier', operator: 'inList', value: ['MAEU'] })).toBe(true);
    expect(fires({ fact: 'origin', operator: 'inList', value: ['CN'] }, consignment(), 'item')).toBe(false);
  });

  it('partyMatches compares normalised names of a Party or a name string', () => {
    expect(fires({ fact: 'consignee', operator: 'partyMatches', value: { list: 'parties' } })).toBe(true);
    expect(fires({ fact: 'consigneeName', operator: 'partyMatches', value: ['the schenker france'] })).toBe(true);
    expect(fires({ fact: 'consignor', operator: 'partyMatches', value: { list: 'parties' } })).toBe(false);
    expect(fires({ fact: 'notify', operator: 'partyMatches', value: { list: 'parties' } })).toBe(false);
  });

  it('matchesPattern runs the linear-time matcher on folded text', () => {
    expect(fires({ fact: 'descriptions', operator: 'matchesPattern', value: '^tobacco (machinery|leaf)' })).toBe(true);
    expect(fires({ fact: 'descriptions', operator: 'matchesPattern', value: '^machinery' })).toBe(false);
    expect(fires({ fact: 'consignmentId', operator: 'matchesPattern', value: '(?c)^MAEU[0-9]+$' })).toBe(true);
  });

  it('combines all / any / not, item and consignment facts, per goods item', () => {
    const when = {
      all: [
        { fact: 'hsCode', operator: 'hsIn', value: ['8478'] },
        { fact: 'description', operator: 'mentions', value: ['ammonium nitrate'] },
      ],
    };
    // Both hold in the consignment, but never on the same item.
    expect(fires(when, consignment(), 'item')).toBe(false);
    const notWhen = {
      all: [
        { fact: 'hsCode', operator: 'hsIn', value: ['3102'] },
        { not: { fact: 'consignorCountry', operator: 'equal', value: 'FR' } },
      ],
    };
    expect(fires(notWhen, consignment(), 'item')).toBe(true);
    expect(fires({ not: { fact: 'hsCodes', operator: 'hsIn', value: ['99'] } })).toBe(true);
    expect(
      fires({
        any: [
          { fact: 'hsCodes', operator: 'hsIn', value: ['99'] },
          { fact: 'itemCount', operator: 'equal', value: 2 },
        ],
      }),
    ).toBe(true);
  });
});

describe('scoring', () => {
  const c = consignment();
  const hs = { fact: 'hsCodes', operator: 'hsIn', value: ['3102'] };

  it('sums scores, applies thresholds and orders hits by rule set, then rule', () => {
    const a = ruleSetOf([
      { id: 'A2', when: hs, score: 20, action: 'physical-examination' },
      { id: 'A1', when: hs, score: 15, action: 'document-check' },
      { id: 'NO', when: { fact: 'itemCount', operator: 'equal', value: 9 } },
    ]);
    const b = compileRuleSet({ ...a.json, id: 'other-set' });
    const assessment = createScorer([b, a]).score(c);
    expect(assessment.score).toBe(70);
    expect(assessment.channel).toBe('yellow');
    expect(assessment.hits.map((h) => `${h.ruleSet}/${h.rule}`)).toEqual([
      'other-set/A2',
      'other-set/A1',
      'test-set/A2',
      'test-set/A1',
    ]);
    expect(assessment.actions).toEqual(['physical-examination', 'document-check']);
    expect(assessment.ruleSets.map((r) => r.id)).toEqual(['other-set', 'test-set']);
    expect(assessment.ruleSets[1]?.sha256).toBe(a.sha256);
    expect(assessment.source).toEqual(c.source);
    expect(assessment.hits[0]?.evidence).toEqual([]);
  });

  it('channel: red at the red threshold, raised by a hit channel, blue above green only', () => {
    expect(createScorer([ruleSetOf([{ id: 'R', when: hs, score: 60 }])]).score(c).channel).toBe('red');
    expect(createScorer([ruleSetOf([{ id: 'R', when: hs, score: 29 }])]).score(c).channel).toBe('green');
    expect(createScorer([ruleSetOf([{ id: 'R', when: hs, score: 0, channel: 'blue' }])]).score(c).channel).toBe('blue');
    expect(createScorer([ruleSetOf([{ id: 'R', when: hs, score: 30, channel: 'blue' }])]).score(c).channel).toBe(
      'yellow',
    );
    expect(createScorer([ruleSetOf([{ id: 'R', when: hs, score: -50, channel: 'red' }])]).score(c)).toMatchObject({
      channel: 'red',
      score: -50,
    });
    expect(
      createScorer([ruleSetOf([{ id: 'R', when: { fact: 'itemCount', operator: 'equal', value: 0 } }])]).score(c)
        .channel,
    ).toBe('green');
  });

  it('selects at random reproducibly from the seed and the consignment id', () => {
    const rs = ruleSetOf([{ id: 'NO', when: { fact: 'itemCount', operator: 'equal', value: 9 } }], {
      scoring: { thresholds: { yellow: 30, red: 60 }, random: { rate: 0.5, channel: 'red' } },
    });
    const ids = Array.from({ length: 200 }, (_, i) => `C${i}`);
    const picked = (seed?: string) => {
      const scorer = createScorer([rs], seed === undefined ? {} : { seed });
      return ids.filter((id) => {
        const a = scorer.score(consignment({ id }));
        if (a.hits.length === 0) return false;
        expect(a.hits).toEqual([expect.objectContaining({ rule: 'random', score: 0, ruleSet: 'test-set' })]);
        expect(a.channel).toBe('red');
        return true;
      });
    };
    const first = picked();
    expect(first).toEqual(picked());
    expect(first).toEqual(ids.filter((id) => isRandomlySelected('cargorisk', 'test-set', id, 0.5)));
    expect(first.length).toBeGreaterThan(60);
    expect(first.length).toBeLessThan(140);
    expect(picked('other seed')).not.toEqual(first);
    const draw = randomDraw('cargorisk', 'test-set', 'C0');
    expect(draw).toBeGreaterThanOrEqual(0);
    expect(draw).toBeLessThan(1);
  });

  it('leaves out rule sets outside their effective dates', () => {
    const rs = ruleSetOf([{ id: 'R', when: hs }], { effective: { from: '2026-01-01', until: '2026-12-31' } });
    expect(createScorer([rs], { now: new Date('2026-12-31T23:59:00Z') }).score(c).hits).toHaveLength(1);
    const after = createScorer([rs], { now: new Date('2027-01-01T00:00:00Z') }).score(c);
    expect(after.hits).toEqual([]);
    expect(after.ruleSets).toEqual([]);
  });

  it('refuses two rule sets with the same id in one scorer', () => {
    const rs = ruleSetOf([{ id: 'R', when: hs }]);
    expect(() => createScorer([rs, rs])).toThrow(RuleSetError);
  });
});

describe('explanations', () => {
  it('names the fact, value, list item and goods item of every satisfied condition', () => {
    const rs = ruleSetOf([
      {
        id: 'ITEM',
        scope: 'item',
        when: {
          all: [
            { fact: 'hsCode', operator: 'hsIn', value: { list: 'hs' } },
            { fact: 'consignee', operator: 'partyMatches', value: { list: 'parties' } },
          ],
        },
      },
      { id: 'ROUTE', when: { fact: 'routeLocations', operator: 'inList', value: { list: 'ports' } } },
    ]);
    const a = createScorer([rs], { explain: true }).score(consignment());
    expect(a.hits.map((h) => h.evidence)).toEqual([
      [
        { fact: 'hsCode', value: '3102300000', operator: 'hsIn', matched: ['3102'], list: 'hs', item: 1 },
        {
          fact: 'consignee',
          value: consignment().parties.consignee,
          operator: 'partyMatches',
          matched: ['Schenker France SAS'],
          list: 'parties',
        },
        { fact: 'hsCode', value: '8478100000', operator: 'hsIn', matched: ['847810'], list: 'hs', item: 2 },
      ],
      [
        {
          fact: 'routeLocations',
          value: ['CNSHA', 'SGSIN', 'NLRTM'],
          operator: 'inList',
          matched: ['SGSIN'],
          list: 'ports',
        },
      ],
    ]);
    // Without explain, the same hits and no evidence.
    const plain = createScorer([rs]).score(consignment());
    expect(plain.hits.map((h) => [h.rule, h.evidence])).toEqual([
      ['ITEM', []],
      ['ROUTE', []],
    ]);
  });
});

/** One item rule that fires when the description mentions any of `words`. */
const keywordRuleSet = (id: string, words: string[]) =>
  compileRuleSet({
    id,
    version: '1',
    title: id,
    lists: { kw: { kind: 'keywords', items: words } },
    rules: [
      {
        id: 'KW',
        scope: 'item',
        conditions: { all: [{ fact: 'description', operator: 'mentions', value: { list: 'kw' } }] },
        event: { type: 'target', params: { score: 1, message: 'kw' } },
      },
    ],
    scoring: { thresholds: { yellow: 30, red: 60 } },
  });

describe('bounded work', () => {
  it('runs 100,000 keywords against a 1 MB description (RELIABILITY case 12)', () => {
    const words = Array.from({ length: 100_000 }, (_, i) => `kw${i.toString(36)}z`);
    const rs = keywordRuleSet('many-keywords', words);
    const filler = 'lorem ipsum kw dolor '.repeat(24_900);
    const description = `${filler}KW${(99_999).toString(36)}Z ${filler}`.slice(0, 1_048_576);
    const scorer = createScorer([rs], { explain: true });
    expect(description.length).toBeGreaterThan(1_040_000);
    const hit = scorer.score(consignment({ goods: [{ seq: 1, description, containerRefs: [] }] }));
    expect(hit.hits[0]?.evidence[0]?.matched).toEqual([`kw${(99_999).toString(36)}z`]);
    const miss = scorer.score(consignment({ goods: [{ seq: 1, description: filler, containerRefs: [] }] }));
    expect(miss.hits).toEqual([]);
  });
});

describe('many keyword hits', () => {
  it('reports each of 20,000 keywords present in one description once', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    const rs = keywordRuleSet('dense', words);
    const description = `${words.join(' ')} ${words.join(' ')}`;
    const a = createScorer([rs], { explain: true }).score(
      consignment({ goods: [{ seq: 1, description, containerRefs: [] }] }),
    );
    expect(a.hits[0]?.evidence[0]?.matched).toEqual(words);
  });
});

describe('engines', () => {
  it('the reference engine refuses synchronous scoring and answers asynchronously', async () => {
    const rs = ruleSetOf([{ id: 'R', when: { fact: 'hsCodes', operator: 'hsIn', value: ['3102'] } }]);
    const reference = createScorer([rs], { engine: 'reference' });
    expect(reference.engine).toBe('reference');
    expect(() => reference.score(consignment())).toThrow(EvaluationError);
    const a = await reference.scoreAsync(consignment());
    expect(a).toEqual(createScorer([rs]).score(consignment()));
  });

  it('the compiled engine answers scoreAsync like score', async () => {
    const rs = ruleSetOf([{ id: 'R', when: { fact: 'hsCodes', operator: 'hsIn', value: ['3102'] } }]);
    const scorer = createScorer([rs]);
    expect(await scorer.scoreAsync(consignment())).toEqual(scorer.score(consignment()));
  });
});

describe('error classes', () => {
  it('serialise code, message, issues and cause', async () => {
    const { RuleSetError, EvaluationError } = await import('../src/index.js');
    const cause = new Error('disk');
    const issue = { code: 'unknown-fact', severity: 'error', message: 'no such fact', path: '/rules/0' } as const;
    expect(
      JSON.parse(JSON.stringify(new RuleSetError('invalid-rule-set', 'refused', { issues: [issue], cause }))),
    ).toEqual({
      name: 'RuleSetError',
      code: 'invalid-rule-set',
      message: 'refused',
      issues: [issue],
      cause: 'disk',
    });
    const e = new EvaluationError('sync-unsupported', 'use scoreAsync');
    expect(e).toBeInstanceOf(Error);
    expect(e.toJSON()).toEqual({ name: 'EvaluationError', code: 'sync-unsupported', message: 'use scoreAsync' });
  });
});

describe('assessments are plain data', () => {
  // The compiled engine makes its records with constructors rather than literals (score/records.ts); they
  // must still be indistinguishable from the literals the reference engine's path would give.
  const isPlain = (v: unknown): boolean => {
    if (Array.isArray(v)) return Object.getPrototypeOf(v) === Array.prototype && v.every(isPlain);
    if (v === null || typeof v !== 'object') return true;
    return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(isPlain);
  };
  const rules = ruleSetOf(
    [
      {
        id: 'HS',
        scope: 'item',
        when: { fact: 'hsCode', operator: 'hsIn', value: { list: 'hs' } },
        action: 'non-intrusive-scan',
      },
      { id: 'PARTY', when: { fact: 'consigneeName', operator: 'partyMatches', value: { list: 'parties' } } },
    ],
    { scoring: { thresholds: { yellow: 30, red: 60 }, random: { rate: 1 } } },
  );

  for (const explain of [false, true]) {
    it(`on the compiled engine${explain ? ', explaining' : ''}: plain objects and arrays all the way down, equal to their clone`, async () => {
      const compiled = createScorer([rules], { explain }).score(consignment());
      expect(compiled.hits.map((h) => h.rule)).toEqual(['HS', 'PARTY', 'random']);
      expect(compiled.hits.some((h) => h.evidence.length > 0)).toBe(explain);
      expect(isPlain(compiled)).toBe(true);
      expect(compiled).toStrictEqual(structuredClone(compiled));
      expect(Object.keys(compiled)).toEqual([
        'consignmentId',
        'score',
        'channel',
        'actions',
        'hits',
        'ruleSets',
        'source',
      ]);
      const reference = await createScorer([rules], { explain, engine: 'reference' }).scoreAsync(consignment());
      expect(compiled).toStrictEqual(reference);
      // Mutable, as their types say.
      compiled.hits.push(compiled.hits[0]!);
      compiled.actions.push('other');
      expect(compiled.hits).toHaveLength(4);
    });
  }
});
