import { readFileSync } from 'node:fs';
import { type Consignment, CountryCodeSchema } from '@cargorisk/manifest';
import { pick, seededRandom } from '../harness/seeded-random.js';
import { foldText } from './fold-text.js';

/*
 * A deterministic rule set of any size in the docs/rule-sets.md format: a mix of the four kinds of
 * rule a targeting centre keeps most of (HS prefix, keyword, country, party) and a few that combine
 * an HS prefix with an origin. A share of list items is drawn from a sample of the data to be
 * scored so that rules fire at realistic rates; the rest are real HS headings, made-up words and
 * made-up companies that the data does not hold.
 */

export type RuleKind = 'hs' | 'keyword' | 'country' | 'party' | 'hs-origin';

/** The subset of the rule-set format this generator writes (and the translators read). */
export interface GeneratedCondition {
  fact: string;
  operator: 'hsIn' | 'mentions' | 'inList' | 'partyMatches';
  value: { list: string };
}
export interface GeneratedRule {
  id: string;
  title: string;
  scope: 'item' | 'consignment';
  conditions: { all: GeneratedCondition[] } | { any: GeneratedCondition[] };
  event: { type: 'target'; params: { score: number; message: string; action: string; category: string } };
}
export interface GeneratedList {
  kind: 'hs' | 'keywords' | 'countries' | 'parties';
  items: string[];
}
export interface GeneratedRuleSet {
  id: string;
  version: string;
  title: string;
  lists: Record<string, GeneratedList>;
  rules: GeneratedRule[];
  scoring: { thresholds: { yellow: number; red: number } };
}

export interface GenerateRuleSetOptions {
  /** How many rules. */
  rules: number;
  /** @default 1 */
  seed?: number;
  /** Consignments whose values some list items are drawn from, so that rules fire. */
  sample?: readonly Consignment[];
  /**
   * The chance that a list item is drawn from the sample rather than made up. The default keeps
   * about 25 such items whatever the size (rules hold two items on average), so hits per
   * consignment stay near constant and the figures show the cost of rule count, not of more hits.
   * @default min(1, 12 / rules)
   */
  hitShare?: number;
}

const KIND_WEIGHTS: readonly [RuleKind, number][] = [
  ['hs', 0.35],
  ['keyword', 0.3],
  ['country', 0.15],
  ['party', 0.12],
  ['hs-origin', 0.08],
];

const SYLLABLES = ['zor', 'vex', 'tal', 'mur', 'quin', 'dra', 'pol', 'skar', 'ven', 'thu', 'lix', 'brom'];
const COMPANY_WORDS = ['Orbis', 'Meridian', 'Halcyon', 'Vantor', 'Kestrel', 'Azimuth', 'Cobalt', 'Pinnacle'];
const COMPANY_FORMS = ['Ltd', 'LLC', 'GmbH', 'Trading FZE', 'Import Export Co', 'S.A.', 'Pte Ltd'];

let hsCache: { headings: string[]; subheadings: string[] } | undefined;

/** HS 2022 headings (4 digits) and subheadings (6 digits), from the nomenclature @cargorisk/core ships. */
export function hsNomenclature(): { headings: string[]; subheadings: string[] } {
  if (hsCache !== undefined) return hsCache;
  const file = new URL('../../../packages/core/data/hs2022.csv', import.meta.url);
  const headings: string[] = [];
  const subheadings: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const code = line.split(',')[1] ?? '';
    if (/^\d{4}$/.test(code)) headings.push(code);
    else if (/^\d{6}$/.test(code)) subheadings.push(code);
  }
  hsCache = { headings, subheadings };
  return hsCache;
}

interface SampleValues {
  hs: string[];
  keywords: string[];
  countries: string[];
  parties: string[];
}

function sampleValues(sample: readonly Consignment[]): SampleValues {
  const hs = new Set<string>();
  const keywords = new Set<string>();
  const countries = new Set<string>();
  const parties = new Set<string>();
  for (const c of sample) {
    for (const g of c.goods) {
      if (g.hsCode !== undefined && g.hsCode.length >= 4) hs.add(g.hsCode.slice(0, g.hsCode.length >= 6 ? 6 : 4));
      const words = foldText(g.description).split(' ');
      for (const w of words) if (w.length >= 5 && /^[a-z]+$/.test(w)) keywords.add(w);
      for (let i = 0; i + 1 < words.length; i++) {
        const a = words[i]!;
        const b = words[i + 1]!;
        if (a.length >= 4 && b.length >= 4 && /^[a-z]+$/.test(a + b)) keywords.add(`${a} ${b}`);
      }
      if (g.origin !== undefined) countries.add(g.origin);
    }
    for (const p of [c.parties.consignor, c.parties.consignee]) {
      if (p?.address?.country !== undefined) countries.add(p.address.country);
    }
    for (const p of [c.parties.consignor, c.parties.consignee]) if (p !== undefined) parties.add(p.name);
  }
  // Sorted so the draw does not depend on the sample's order.
  return {
    hs: [...hs].sort(),
    keywords: [...keywords].sort(),
    countries: [...countries].sort(),
    parties: [...parties].sort(),
  };
}

/**
 * Builds a rule set of `rules` rules; the same options give the same rule set, byte for byte.
 *
 * @example
 * const ruleSet = generateRuleSet({ rules: 1000, seed: 7, sample: consignments.slice(0, 200) });
 */
export function generateRuleSet(options: GenerateRuleSetOptions): GeneratedRuleSet {
  const random = seededRandom(options.seed ?? 1);
  const hitShare = options.hitShare ?? Math.min(1, 12 / Math.max(1, options.rules));
  const fromSample = sampleValues(options.sample ?? []);
  // Made-up items must miss the data: HS codes that prefix no sampled code, countries not sampled.
  const sampledHs = fromSample.hs;
  const misses = (code: string) => !sampledHs.some((h) => h.startsWith(code) || code.startsWith(h.slice(0, 4)));
  const hsPool = hsNomenclature();
  const headings = hsPool.headings.filter(misses);
  const subheadings = hsPool.subheadings.filter(misses);
  const sampledCountries = new Set(fromSample.countries);
  const otherCountries = CountryCodeSchema.options.filter((c) => !sampledCountries.has(c));

  const madeUpWord = () => {
    let w = '';
    const n = 2 + Math.floor(random() * 2);
    for (let i = 0; i < n; i++) w += pick(random, SYLLABLES);
    return w;
  };
  const madeUpCompany = () =>
    `${pick(random, COMPANY_WORDS)} ${madeUpWord().replace(/^./, (c) => c.toUpperCase())} ${pick(random, COMPANY_FORMS)}`;
  const useSample = (values: string[]) => values.length > 0 && random() < hitShare;

  const hsItem = () =>
    useSample(fromSample.hs) ? pick(random, fromSample.hs) : pick(random, random() < 0.5 ? headings : subheadings);
  const keywordItem = () =>
    useSample(fromSample.keywords)
      ? pick(random, fromSample.keywords)
      : random() < 0.3
        ? `${madeUpWord()} ${madeUpWord()}`
        : madeUpWord();
  const countryItem = () =>
    useSample(fromSample.countries) ? pick(random, fromSample.countries) : pick(random, otherCountries);
  const partyItem = () => (useSample(fromSample.parties) ? pick(random, fromSample.parties) : madeUpCompany());

  const draw = (count: number, item: () => string) => {
    const items = new Set<string>();
    for (let i = 0; i < count * 4 && items.size < count; i++) items.add(item());
    return [...items];
  };

  const lists: Record<string, GeneratedList> = {};
  const rules: GeneratedRule[] = [];
  for (let i = 0; i < options.rules; i++) {
    const id = `R${String(i + 1).padStart(5, '0')}`;
    const kind = drawKind(random());
    const name = (suffix: string) => `r${i + 1}-${suffix}`;
    let scope: GeneratedRule['scope'] = 'item';
    const conditions: GeneratedCondition[] = [];
    if (kind === 'hs' || kind === 'hs-origin') {
      lists[name('hs')] = { kind: 'hs', items: draw(1 + Math.floor(random() * 4), hsItem) };
      conditions.push({ fact: 'hsCode', operator: 'hsIn', value: { list: name('hs') } });
      if (kind === 'hs-origin') {
        lists[name('origin')] = { kind: 'countries', items: draw(1 + Math.floor(random() * 3), countryItem) };
        conditions.push({ fact: 'origin', operator: 'inList', value: { list: name('origin') } });
      }
    } else if (kind === 'keyword') {
      lists[name('kw')] = { kind: 'keywords', items: draw(1 + Math.floor(random() * 3), keywordItem) };
      conditions.push({ fact: 'description', operator: 'mentions', value: { list: name('kw') } });
    } else if (kind === 'country') {
      scope = 'consignment';
      lists[name('cty')] = { kind: 'countries', items: draw(1 + Math.floor(random() * 3), countryItem) };
      const fact = random() < 0.7 ? 'consignorCountry' : 'consigneeCountry';
      conditions.push({ fact, operator: 'inList', value: { list: name('cty') } });
    } else {
      scope = 'consignment';
      lists[name('pty')] = { kind: 'parties', items: draw(1 + Math.floor(random() * 2), partyItem) };
      const fact = random() < 0.6 ? 'consignorName' : 'consigneeName';
      conditions.push({ fact, operator: 'partyMatches', value: { list: name('pty') } });
    }
    rules.push({
      id,
      title: `${kind} rule ${i + 1}`,
      scope,
      conditions: { all: conditions },
      event: {
        type: 'target',
        params: {
          score: 5 + Math.floor(random() * 50),
          message: `generated ${kind} rule ${i + 1}`,
          action: kind === 'party' ? 'end-user-verification' : 'document-check',
          category: kind,
        },
      },
    });
  }
  return {
    id: `bench-${options.rules}`,
    version: '2026.11.0',
    title: `Benchmark rule set of ${options.rules} rules`,
    lists,
    rules,
    scoring: { thresholds: { yellow: 40, red: 80 } },
  };
}

function drawKind(r: number): RuleKind {
  let acc = 0;
  for (const [kind, weight] of KIND_WEIGHTS) {
    acc += weight;
    if (r < acc) return kind;
  }
  return 'hs';
}
