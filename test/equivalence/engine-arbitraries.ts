import type { Consignment, GoodsItem, Party, Transport } from '@cargorisk/manifest';
import fc from 'fast-check';

/*
 * Random rule sets and random consignments for the compiled-vs-reference equivalence test. Both
 * draw from the same small vocabulary (HS headings, keywords, countries, ports, parties, UN numbers),
 * so a random consignment often matches a random rule: a property test where nothing ever fires
 * proves nothing. Text is drawn with the noise real manifests carry (case, accents, fullwidth
 * letters, hyphens, glued words) so folding and whole-word matching are exercised on both engines.
 */

export const HS_ITEMS = ['31', '3102', '310230', '2829', '282911', '93', '9301', '930190', '8471', '847130', '0901'];
export const KEYWORDS = [
  'cocaine',
  'ammonium nitrate',
  'nitrate',
  'rifle',
  'pistol',
  'co caine',
  'détonateur',
  'spare parts',
  'ak 47',
  'Ａｍｍｏ',
  'firearms',
  'x2',
  'istanbul',
  'ammonium',
  'caine',
  'parts spare',
];
// Filler includes near misses (plurals, glued words, a repeated first word of a phrase) and characters
// whose folding is not one-to-one (ligatures, superscripts, ß, Greek, an emoji).
const FILLER = [
  'box',
  'of',
  'the',
  'used',
  'new',
  'parts',
  'kg',
  '25',
  'cocaines',
  'nitrates',
  'rifles',
  'xpistol',
  'co',
  'ammonium',
  'ﬁrearms',
  'x²',
  'Straße',
  'ΑΒΓ',
  '🔫',
  'İstanbul',
];
export const COUNTRIES = ['CN', 'HK', 'IR', 'KP', 'SY', 'US', 'DE', 'FR', 'NG', 'AE'];
export const LOCATIONS = ['CNSHA', 'HKHKG', 'AEJEA', 'NLRTM', 'DEHAM', 'SGSIN', 'IRBND', 'FRA', 'LHR'];
export const PARTIES = [
  'Schenker France S.A.S.',
  'The Front Company Ltd',
  'Acme Trading Co',
  'Al Noor General Trading FZE',
  'Müller GmbH',
  'Lagos Import',
];
export const UN_NUMBERS = ['0081', '1942', '1203', '2067'];
export const CONTAINERS = ['CSQU3054383', 'MSKU1234565', 'TGHU9876542', 'CSQU3054384', 'ABC123'];
const CURRENCIES = ['USD', 'EUR', 'CNY'];
const KINDS = ['master', 'house', 'direct'] as const;
const MODES = ['sea', 'air', 'road', 'rail'] as const;
const FORMATS = ['json', 'xfwb', 'cuscar'];
const IDS = ['C1', 'C2', 'AUDIT', 'M-77'];
const CARRIERS = ['MAERSK', 'Lufthansa Cargo'];
export const NUMBERS = [0, 1, 2, 3, 5, 10, 25, 100, 500, 1000, 5000, 2.5];
export const PATTERNS = [
  '^(spare|used) parts?$',
  'nitrate',
  '(?c)^TGHU',
  'c.c.ine',
  '[0-9]+ kg',
  'a+b*',
  '^$',
  '(rifle|pistol)s?( |$)',
  '(?c)[A-Z][a-z]+',
  '[^a-z ]',
  'ltd$|gmbh$',
];
const ADDRESS_LINES = ['PO BOX 1', 'PO BOX 7', 'Main St 5', 'Zone Franche'];
const POSTCODES = ['75008', '12', 'EC1A 1BB', '5', '0012abc'];

// ---------------------------------------------------------------------------------------------
// Text with noise

const FULLWIDTH_OFFSET = 0xff21 - 0x41;

function fullwidth(s: string): string {
  return s.replace(/[A-Za-z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + FULLWIDTH_OFFSET));
}

const ACCENTS: Record<string, string> = { e: 'é', i: 'ï', a: 'à', o: 'ô', u: 'ü', c: 'ç' };

function accented(s: string): string {
  return s.replace(/[eiaouc]/, (ch) => ACCENTS[ch] ?? ch);
}

const NOISE: readonly ((s: string) => string)[] = [
  (s) => s,
  (s) => s.toUpperCase(),
  (s) => s.charAt(0).toUpperCase() + s.slice(1),
  accented,
  fullwidth,
  (s) => s.replace(/ /g, '-'),
  (s) => s.replace(/ /g, '  '),
  (s) => s.replace(/ /g, ''),
];

// `tuple(…).map` rather than `chain`: generation is a large part of the test's time.
const noisy = (words: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(words, fc.constantFrom(...NOISE)).map(([word, noise]) => noise(word));

// ISO 6346 size and type codes: reefers (R group), general purpose, and odd writings.
const SIZE_TYPES = ['45R1', '22R1', '42G1', '22G1', 'L5G1', '45r1', ' 45R1', '4532'];

const SEPARATORS = [' ', ' ', ' ', ', ', ' - ', '/', '  ', ': ', '', '\u00a0'];

/** The words and codes consignments are drawn from; rule sets draw their lists from the same. */
export interface Vocabulary {
  hs: readonly string[];
  keywords: readonly string[];
  countries: readonly string[];
  locations: readonly string[];
  parties: readonly string[];
  codes: readonly string[];
  containers: readonly string[];
}

export const DEFAULT_VOCABULARY: Vocabulary = {
  hs: HS_ITEMS,
  keywords: KEYWORDS,
  countries: COUNTRIES,
  locations: LOCATIONS,
  parties: PARTIES,
  codes: UN_NUMBERS,
  containers: CONTAINERS,
};

/**
 * A description: keywords and filler words, each with noise, joined by assorted separators; now and
 * then a long one (past the compiled engine's text cache limit of 2,048 characters).
 */
export const textArb = (v: Vocabulary): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 20, arbitrary: shortTextArb(v) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(shortTextArb(v), { minLength: 1, maxLength: 3 }), fc.integer({ min: 100, max: 400 }))
        .map(([parts, times]) => `${'filler '.repeat(times)}${parts.join(' ')}`),
    },
  );

const shortTextArb = (v: Vocabulary): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        noisy(fc.oneof(fc.constantFrom(...v.keywords), fc.constantFrom(...FILLER))),
        fc.constantFrom(...SEPARATORS),
      ),
      { minLength: 0, maxLength: 5 },
    )
    .map((parts) => parts.map(([w, sep], i) => (i === 0 ? w : sep + w)).join(''));

const partyNameArb = (v: Vocabulary): fc.Arbitrary<string> =>
  fc.oneof(
    noisy(fc.constantFrom(...v.parties)),
    fc
      .tuple(
        fc.constantFrom(...v.parties),
        fc.constantFrom(' Ltd', ' LIMITED', ', Inc.', ' S.A.', ' GmbH & Co KG', ' Trading'),
      )
      .map(([p, s]) => p + s),
    fc.constantFrom('The', 'Unknown Shipper', 'Co Ltd'),
  );

const hsCodeArb = (v: Vocabulary): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom(...v.hs), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9999 }))
      .map(([prefix, extra, digits]) => (prefix + String(digits).padStart(4, '0').slice(0, extra)).slice(0, 10)),
    fc.stringMatching(/^\d{2,10}$/),
  );

// ---------------------------------------------------------------------------------------------
// Consignments

const partyArb = (v: Vocabulary): fc.Arbitrary<Party> =>
  fc
    .record(
      {
        name: partyNameArb(v),
        address: fc.record(
          {
            lines: fc.array(fc.constantFrom(...ADDRESS_LINES), { maxLength: 2 }),
            city: fc.constantFrom('Paris', 'Lagos'),
            postcode: fc.constantFrom(...POSTCODES),
            country: fc.constantFrom(...v.countries),
          },
          { requiredKeys: ['lines'] },
        ),
        id: fc.constantFrom('EORI1', 'TIN2'),
      },
      { requiredKeys: ['name'] },
    )
    .map((p) => p as Party);

const moneyArb = fc.record({ amount: fc.constantFrom(...NUMBERS), currency: fc.constantFrom(...CURRENCIES) });

const itemArb = (v: Vocabulary): fc.Arbitrary<Omit<GoodsItem, 'seq'>> =>
  fc
    .record(
      {
        hsCode: hsCodeArb(v),
        description: textArb(v),
        packages: fc.constantFrom(0, 1, 2, 10, 100),
        grossKg: fc.constantFrom(...NUMBERS),
        origin: fc.constantFrom(...v.countries),
        value: moneyArb,
        dangerousGoods: fc.constantFrom(...UN_NUMBERS),
      },
      { requiredKeys: ['description'] },
    )
    .map((i) => ({ containerRefs: [], ...i }) as Omit<GoodsItem, 'seq'>);

/** Random consignments drawn from a vocabulary (countries and locations must be valid codes). */
export const makeConsignmentArb = (v: Vocabulary): fc.Arbitrary<Consignment> =>
  fc
    .record({
      id: fc.constantFrom(...IDS, 'X1', 'X2', 'X3', 'X4', 'X5', 'X6'),
      masterId: fc.option(fc.constantFrom(...IDS), { nil: undefined }),
      kind: fc.constantFrom(...KINDS),
      parties: fc.record(
        {
          consignor: partyArb(v),
          consignee: partyArb(v),
          notify: partyArb(v),
          forwarder: partyArb(v),
          carrier: partyArb(v),
        },
        { requiredKeys: [] },
      ),
      route: fc.record(
        {
          loading: fc.constantFrom(...v.locations),
          discharge: fc.constantFrom(...v.locations),
          delivery: fc.constantFrom(...v.locations),
          transshipments: fc.array(fc.constantFrom(...v.locations), { maxLength: 2 }),
          countries: fc.array(fc.constantFrom(...v.countries), { maxLength: 3 }),
        },
        { requiredKeys: ['transshipments', 'countries'] },
      ),
      // Each item with the gap before its seq: seqs ascend, not always by one.
      goods: fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), itemArb(v)), { maxLength: 4 }).map((gapped) => {
        let seq = 0;
        return gapped.map(([gap, item]) => {
          seq += gap;
          return { ...item, seq } as GoodsItem;
        });
      }),
      containers: fc.array(
        fc.record(
          {
            number: fc.constantFrom(...v.containers),
            seals: fc.array(fc.constantFrom('S1', 'S2'), { maxLength: 1 }),
            sizeType: fc.constantFrom(...SIZE_TYPES),
          },
          { requiredKeys: ['number', 'seals'] },
        ),
        { maxLength: 3 },
      ),
      totals: fc.record(
        {
          packages: fc.constantFrom(0, 5, 100),
          grossKg: fc.constantFrom(...NUMBERS),
          volumeM3: fc.constantFrom(0, 1.5, 33),
        },
        { requiredKeys: [] },
      ),
      declaredValue: fc.option(moneyArb, { nil: undefined }),
      format: fc.constantFrom(...FORMATS),
    })
    .map(({ format, masterId, declaredValue, goods, ...c }) => {
      const out: Record<string, unknown> = { ...c, goods: [...goods], source: { format } };
      if (masterId !== undefined) out.masterId = masterId;
      if (declaredValue !== undefined) out.declaredValue = declaredValue;
      return out as unknown as Consignment;
    });

export const consignmentArb: fc.Arbitrary<Consignment> = makeConsignmentArb(DEFAULT_VOCABULARY);

export const transportArb: fc.Arbitrary<Transport | undefined> = fc.option(
  fc.record({ mode: fc.constantFrom(...MODES), carrier: fc.constantFrom(...CARRIERS) }, { requiredKeys: ['mode'] }),
  { nil: undefined },
) as fc.Arbitrary<Transport | undefined>;

// ---------------------------------------------------------------------------------------------
// Rule sets

type FactType = 'string' | 'number' | 'string[]' | 'party';
type Domain =
  | 'hs'
  | 'text'
  | 'country'
  | 'location'
  | 'party'
  | 'un'
  | 'currency'
  | 'kind'
  | 'mode'
  | 'format'
  | 'id'
  | 'carrier'
  | 'container'
  | 'sizetype'
  | 'number';

interface FactSpec {
  name: string;
  scope: 'item' | 'consignment';
  type: FactType;
  domain: Domain;
}

const F = (name: string, scope: 'item' | 'consignment', type: FactType, domain: Domain): FactSpec => ({
  name,
  scope,
  type,
  domain,
});

export const FACT_SPECS: FactSpec[] = [
  F('hsCode', 'item', 'string', 'hs'),
  F('description', 'item', 'string', 'text'),
  F('itemPackages', 'item', 'number', 'number'),
  F('itemGrossKg', 'item', 'number', 'number'),
  F('origin', 'item', 'string', 'country'),
  F('itemValue', 'item', 'number', 'number'),
  F('itemCurrency', 'item', 'string', 'currency'),
  F('dangerousGoods', 'item', 'string', 'un'),
  F('itemSeq', 'item', 'number', 'number'),
  F('consignmentId', 'consignment', 'string', 'id'),
  F('masterId', 'consignment', 'string', 'id'),
  F('kind', 'consignment', 'string', 'kind'),
  F('transportMode', 'consignment', 'string', 'mode'),
  F('carrier', 'consignment', 'string', 'carrier'),
  F('format', 'consignment', 'string', 'format'),
  F('consignor', 'consignment', 'party', 'party'),
  F('consignee', 'consignment', 'party', 'party'),
  F('notify', 'consignment', 'party', 'party'),
  F('forwarder', 'consignment', 'party', 'party'),
  F('consignorName', 'consignment', 'string', 'party'),
  F('consigneeName', 'consignment', 'string', 'party'),
  F('notifyName', 'consignment', 'string', 'party'),
  F('forwarderName', 'consignment', 'string', 'party'),
  F('consignorCountry', 'consignment', 'string', 'country'),
  F('consigneeCountry', 'consignment', 'string', 'country'),
  F('notifyCountry', 'consignment', 'string', 'country'),
  F('consigneeAddress', 'consignment', 'string', 'text'),
  F('loading', 'consignment', 'string', 'location'),
  F('discharge', 'consignment', 'string', 'location'),
  F('delivery', 'consignment', 'string', 'location'),
  F('transshipments', 'consignment', 'string[]', 'location'),
  F('routeLocations', 'consignment', 'string[]', 'location'),
  F('routeCountries', 'consignment', 'string[]', 'country'),
  F('hsCodes', 'consignment', 'string[]', 'hs'),
  F('descriptions', 'consignment', 'string[]', 'text'),
  F('origins', 'consignment', 'string[]', 'country'),
  F('itemCount', 'consignment', 'number', 'number'),
  F('containerNumbers', 'consignment', 'string[]', 'container'),
  F('containerCount', 'consignment', 'number', 'number'),
  F('invalidContainerCount', 'consignment', 'number', 'number'),
  F('unsealedContainerCount', 'consignment', 'number', 'number'),
  F('containerSizeTypes', 'consignment', 'string[]', 'sizetype'),
  F('reeferCount', 'consignment', 'number', 'number'),
  F('totalPackages', 'consignment', 'number', 'number'),
  F('totalGrossKg', 'consignment', 'number', 'number'),
  F('totalVolumeM3', 'consignment', 'number', 'number'),
  F('declaredValue', 'consignment', 'number', 'number'),
  F('declaredCurrency', 'consignment', 'string', 'currency'),
  F('valuePerKg', 'consignment', 'number', 'number'),
];

const DOMAIN_VALUES: Record<Domain, readonly (string | number)[]> = {
  hs: HS_ITEMS,
  text: KEYWORDS,
  country: COUNTRIES,
  location: LOCATIONS,
  party: PARTIES,
  un: UN_NUMBERS,
  currency: CURRENCIES,
  kind: KINDS,
  mode: MODES,
  format: FORMATS,
  id: IDS,
  carrier: CARRIERS,
  container: CONTAINERS,
  sizetype: SIZE_TYPES,
  number: NUMBERS,
};

/** The lists every random rule set carries, each a random part of the vocabulary. */
export interface ListPick {
  hs: string[];
  words: string[];
  countries: string[];
  ports: string[];
  watch: string[];
  un: string[];
}

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 0, maxLength: xs.length });

const listsArb: fc.Arbitrary<ListPick> = fc.record({
  hs: subset(HS_ITEMS),
  words: subset(KEYWORDS),
  countries: subset(COUNTRIES),
  ports: subset(LOCATIONS),
  watch: subset(PARTIES),
  un: subset(UN_NUMBERS),
});

type Json = Record<string, unknown>;

const scalarFor = (domain: Domain): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...DOMAIN_VALUES[domain]) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, '', 'CN', 5) },
  );

const PARTY_PATHS: { path: string; domain: Domain }[] = [
  { path: '$.name', domain: 'party' },
  { path: '$.address.country', domain: 'country' },
  { path: '$.address.lines[0]', domain: 'text' },
  { path: '$.address.lines', domain: 'text' },
  { path: '$.address.postcode', domain: 'number' },
  { path: '$.id', domain: 'id' },
  { path: '$.address', domain: 'text' },
];

function leafArb(scope: 'item' | 'consignment'): fc.Arbitrary<Json> {
  const facts = FACT_SPECS.filter((f) => scope === 'item' || f.scope === 'consignment');
  return fc.constantFrom(...facts).chain((fact) => {
    const options: fc.Arbitrary<Json>[] = [];
    const base = { fact: fact.name };
    // json-rules-engine's own operators
    options.push(
      fc
        .tuple(fc.constantFrom('equal', 'notEqual'), scalarFor(fact.domain))
        .map(([operator, value]) => ({ ...base, operator, value })),
    );
    options.push(
      fc
        .tuple(
          fc.constantFrom('in', 'notIn'),
          fc.oneof(
            fc.array(scalarFor(fact.domain), { maxLength: 3 }),
            fc.constantFrom({ list: 'countries' }, { list: 'ports' }, { list: 'un' }),
          ),
        )
        .map(([operator, value]) => ({ ...base, operator, value })),
    );
    if (fact.type === 'number') {
      options.push(
        fc
          .tuple(
            fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'),
            fc.constantFrom(...NUMBERS, -1, 0.5),
          )
          .map(([operator, value]) => ({ ...base, operator, value })),
      );
    }
    if (fact.type === 'string[]') {
      options.push(
        fc
          .tuple(fc.constantFrom('contains', 'doesNotContain'), scalarFor(fact.domain))
          .map(([operator, value]) => ({ ...base, operator, value })),
      );
      options.push(
        fc
          .tuple(
            fc.constantFrom('$[0]', '$[1]'),
            fc.constantFrom('equal', 'notEqual', 'inList', 'mentions'),
            scalarFor(fact.domain),
          )
          .map(([path, operator, v]) => ({
            ...base,
            path,
            operator,
            value:
              operator === 'inList'
                ? { list: fact.domain === 'country' ? 'countries' : 'ports' }
                : operator === 'mentions'
                  ? { list: 'words' }
                  : v,
          })),
      );
    }
    if (fact.type === 'string' || fact.type === 'string[]') {
      options.push(
        fc
          .tuple(fc.constantFrom('hsIn'), fc.oneof(fc.constant({ list: 'hs' }), subset(HS_ITEMS)))
          .map(([operator, value]) => ({ ...base, operator, value })),
        fc
          .tuple(fc.constantFrom('mentions'), fc.oneof(fc.constant({ list: 'words' }), subset(KEYWORDS)))
          .map(([operator, value]) => ({ ...base, operator, value })),
        fc
          .tuple(
            fc.constantFrom('inList'),
            fc.oneof(
              fc.constantFrom({ list: 'countries' }, { list: 'ports' }, { list: 'un' }),
              subset([...DOMAIN_VALUES[fact.domain]].map(String)),
            ),
          )
          .map(([operator, value]) => ({ ...base, operator, value })),
        fc
          .tuple(fc.constant('matchesPattern'), fc.constantFrom(...PATTERNS))
          .map(([operator, value]) => ({ ...base, operator, value })),
      );
    }
    if (fact.type === 'party' || (fact.type === 'string' && fact.domain === 'party')) {
      options.push(
        fc
          .tuple(fc.constant('partyMatches'), fc.oneof(fc.constant({ list: 'watch' }), subset(PARTIES)))
          .map(([operator, value]) => ({ ...base, operator, value })),
      );
    }
    if (fact.type === 'party') {
      // Strings that json-rules-engine's own numeric operators would read as numbers ("12" > 5).
      options.push(
        fc
          .tuple(
            fc.constantFrom('$.address.postcode', '$.id', '$.name'),
            fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'),
            fc.constantFrom(0, 5, 12, 100),
          )
          .map(([path, operator, value]) => ({ ...base, path, operator, value })),
      );
      options.push(
        fc
          .tuple(
            fc.constantFrom(...PARTY_PATHS),
            fc.constantFrom(
              'equal',
              'notEqual',
              'mentions',
              'inList',
              'greaterThan',
              'contains',
              'doesNotContain',
              'matchesPattern',
              'partyMatches',
            ),
          )
          .chain(([{ path, domain }, operator]) => {
            const value: fc.Arbitrary<unknown> =
              operator === 'mentions'
                ? fc.constant({ list: 'words' })
                : operator === 'inList'
                  ? fc.constant({ list: 'countries' })
                  : operator === 'greaterThan'
                    ? fc.constantFrom(5, 100)
                    : operator === 'matchesPattern'
                      ? fc.constantFrom(...PATTERNS)
                      : operator === 'partyMatches'
                        ? fc.constant({ list: 'watch' })
                        : scalarFor(domain);
            return value.map((v) => ({ ...base, path, operator, value: v }));
          }),
      );
    }
    return fc.oneof(...options);
  });
}

function conditionArb(scope: 'item' | 'consignment', shared: readonly string[], depth: number): fc.Arbitrary<Json> {
  const leaf = leafArb(scope);
  if (depth <= 0) return leaf;
  const sub = conditionArb(scope, shared, depth - 1);
  const arbs: fc.WeightedArbitrary<Json>[] = [
    { weight: 5, arbitrary: leaf },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: sub.map((not) => ({ not })) },
  ];
  if (shared.length > 0)
    arbs.push({ weight: 2, arbitrary: fc.constantFrom(...shared).map((condition) => ({ condition })) });
  return fc.oneof(...arbs);
}

const topConditionArb = (scope: 'item' | 'consignment', shared: readonly string[]): fc.Arbitrary<Json> =>
  fc.oneof(
    fc.array(conditionArb(scope, shared, 2), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(conditionArb(scope, shared, 2), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    conditionArb(scope, shared, 2).map((not) => ({ not })),
    ...(shared.length > 0 ? [fc.constantFrom(...shared).map((condition) => ({ condition }))] : []),
  );

const ACTIONS = ['document-check', 'physical-examination', 'non-intrusive-scan', 'post-clearance-audit'];

const ruleArb = (id: string, shared: SharedNames): fc.Arbitrary<Json> =>
  fc.constantFrom<'item' | 'consignment'>('item', 'consignment').chain((scope) =>
    fc
      .record(
        {
          conditions: topConditionArb(scope, scope === 'item' ? [...shared.any, ...shared.item] : shared.any),
          score: fc.constantFrom(-20, -5, 0, 5, 10, 20, 30, 50),
          action: fc.option(fc.constantFrom(...ACTIONS), { nil: undefined }),
          channel: fc.option(fc.constantFrom('yellow', 'red', 'blue'), { nil: undefined, freq: 6 }),
        },
        { requiredKeys: ['conditions', 'score'] },
      )
      .map(({ conditions, score, action, channel }) => ({
        id,
        scope,
        conditions,
        event: {
          type: 'target',
          params: {
            score,
            message: `rule ${id}`,
            ...(action === undefined ? {} : { action }),
            ...(channel === undefined ? {} : { channel }),
          },
        },
      })),
  );

/** Shared condition names: `any` read consignment facts only; `item` read item facts too. */
interface SharedNames {
  any: string[];
  item: string[];
}

// Shared conditions of the first kind read consignment facts only, so every rule may reference them
// whatever its scope; those of the second kind read item facts and only item-scope rules reference
// them. Each may reference the ones defined before it, so there is never a cycle.
const sharedArb: fc.Arbitrary<Record<string, Json>> = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }))
  .chain(([n, m]) => {
    const names = Array.from({ length: n }, (_, i) => `shared-${i}`);
    const itemNames = Array.from({ length: m }, (_, i) => `item-shared-${i}`);
    return fc
      .tuple(
        fc.tuple(...names.map((_, i) => conditionArb('consignment', names.slice(0, i), 1))),
        fc.tuple(...itemNames.map((_, i) => conditionArb('item', [...names, ...itemNames.slice(0, i)], 1))),
      )
      .map(([conds, itemConds]) => {
        const out: Record<string, Json> = {};
        conds.forEach((c, i) => {
          out[names[i] as string] = c;
        });
        itemConds.forEach((c, i) => {
          out[itemNames[i] as string] = c;
        });
        return out;
      });
  });

const sharedNames = (shared: Record<string, Json>): SharedNames => {
  const names = Object.keys(shared);
  return { any: names.filter((n) => !n.startsWith('item-')), item: names.filter((n) => n.startsWith('item-')) };
};

/** A random rule set (valid by construction) with the given id. */
export const ruleSetArb = (id: string): fc.Arbitrary<Json> =>
  fc
    .record({
      lists: listsArb,
      shared: sharedArb,
      yellow: fc.constantFrom(10, 20, 30),
      gap: fc.constantFrom(10, 30),
      random: fc.option(
        fc.record(
          { rate: fc.constantFrom(0, 0.3, 0.5, 1), channel: fc.constantFrom('yellow', 'red', 'blue') },
          { requiredKeys: ['rate'] },
        ),
        { nil: undefined, freq: 4 },
      ),
      effective: fc.option(
        fc.record(
          {
            from: fc.constantFrom('2026-01-01', '2026-11-30', '2026-12-01'),
            until: fc.constantFrom('2026-11-30', '2027-12-31'),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined, freq: 4 },
      ),
    })
    .chain(({ lists, shared, yellow, gap, random, effective }) =>
      fc.integer({ min: 1, max: 6 }).chain((n) =>
        fc.tuple(...Array.from({ length: n }, (_, i) => ruleArb(`R${i + 1}`, sharedNames(shared)))).map((rules) => {
          const json: Json = {
            id,
            version: '1',
            title: `random rule set ${id}`,
            lists: {
              hs: { kind: 'hs', items: lists.hs },
              words: { kind: 'keywords', items: lists.words },
              countries: { kind: 'countries', items: lists.countries },
              ports: { kind: 'locations', items: lists.ports },
              watch: { kind: 'parties', items: lists.watch },
              un: { kind: 'codes', items: lists.un },
            },
            conditions: shared,
            rules,
            scoring: { thresholds: { yellow, red: yellow + gap }, ...(random === undefined ? {} : { random }) },
          };
          if (
            effective !== undefined &&
            (effective.from === undefined || effective.until === undefined || effective.from <= effective.until)
          ) {
            json.effective = effective;
          }
          return json;
        }),
      ),
    );
