/*
 * What the table and the report read of an assessment. Core's Assessment fits it as it is; the
 * report also reads assessments back from NDJSON files, which are untrusted text, so this shape is
 * checked line by line instead of being taken on faith.
 */

export const CHANNELS = ['green', 'blue', 'yellow', 'red'] as const;
export type Channel = (typeof CHANNELS)[number];

/** green < blue < yellow < red, as the scorer orders them. */
export function channelRank(channel: Channel): number {
  return CHANNELS.indexOf(channel);
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export interface EvidenceView {
  readonly fact: string;
  readonly value: unknown;
  readonly operator: string;
  readonly matched?: readonly string[];
  readonly list?: string;
  readonly item?: number;
}

export interface HitView {
  readonly ruleSet: string;
  readonly rule: string;
  readonly version: string;
  readonly score: number;
  readonly message: string;
  readonly action?: string;
  readonly category?: string;
  readonly evidence: readonly EvidenceView[];
}

export interface RuleSetRef {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
}

/** Where the consignment came from, as the reader located it. */
export interface SourceView {
  readonly format?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly message?: number | undefined;
  readonly segment?: number | undefined;
  readonly pointer?: string | undefined;
}

export interface AssessmentView {
  readonly consignmentId: string;
  readonly score: number;
  readonly channel: Channel;
  readonly actions: readonly string[];
  readonly hits: readonly HitView[];
  readonly ruleSets: readonly RuleSetRef[];
  readonly source: SourceView;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkEvidence(raw: unknown, where: string): EvidenceView {
  if (!isRecord(raw) || !isString(raw.fact) || !isString(raw.operator)) {
    throw new TypeError(`${where}: evidence needs "fact" and "operator" strings`);
  }
  if (raw.matched !== undefined && !(Array.isArray(raw.matched) && raw.matched.every(isString))) {
    throw new TypeError(`${where}: "matched" must be an array of strings`);
  }
  return {
    fact: raw.fact,
    value: raw.value,
    operator: raw.operator,
    ...(raw.matched === undefined ? {} : { matched: raw.matched as string[] }),
    ...(isString(raw.list) ? { list: raw.list } : {}),
    ...(isNumber(raw.item) ? { item: raw.item } : {}),
  };
}

function checkHit(raw: unknown, where: string): HitView {
  if (
    !isRecord(raw) ||
    !isString(raw.ruleSet) ||
    !isString(raw.rule) ||
    !isString(raw.message) ||
    !isNumber(raw.score)
  ) {
    throw new TypeError(`${where}: a hit needs "ruleSet", "rule", "message" strings and a numeric "score"`);
  }
  const evidence = raw.evidence === undefined ? [] : raw.evidence;
  if (!Array.isArray(evidence)) throw new TypeError(`${where}/evidence: must be an array`);
  return {
    ruleSet: raw.ruleSet,
    rule: raw.rule,
    version: isString(raw.version) ? raw.version : '',
    score: raw.score,
    message: raw.message,
    ...(isString(raw.action) ? { action: raw.action } : {}),
    ...(isString(raw.category) ? { category: raw.category } : {}),
    evidence: evidence.map((e, i) => checkEvidence(e, `${where}/evidence/${i}`)),
  };
}

function checkSource(raw: Record<string, unknown>): SourceView {
  const out: { -readonly [K in keyof SourceView]: SourceView[K] } = {};
  if (isString(raw.format)) out.format = raw.format;
  if (isString(raw.pointer)) out.pointer = raw.pointer;
  for (const key of ['line', 'column', 'message', 'segment'] as const) {
    const v = raw[key];
    if (isNumber(v)) out[key] = v;
  }
  return out;
}

/**
 * Checks one parsed JSON value against the assessment shape; throws a TypeError naming the JSON
 * pointer of the first thing wrong.
 *
 * @example
 * const view = toAssessmentView(JSON.parse(line));
 */
export function toAssessmentView(raw: unknown): AssessmentView {
  if (!isRecord(raw)) throw new TypeError('an assessment is a JSON object');
  if (!isString(raw.consignmentId)) throw new TypeError('/consignmentId: must be a string');
  if (!isNumber(raw.score)) throw new TypeError('/score: must be a number');
  if (!isChannel(raw.channel)) throw new TypeError(`/channel: must be one of ${CHANNELS.join(', ')}`);
  if (!Array.isArray(raw.hits)) throw new TypeError('/hits: must be an array');
  const actions = Array.isArray(raw.actions) ? raw.actions.filter(isString) : [];
  const ruleSets = Array.isArray(raw.ruleSets)
    ? raw.ruleSets.filter(isRecord).map((r) => ({
        id: isString(r.id) ? r.id : '',
        version: isString(r.version) ? r.version : '',
        sha256: isString(r.sha256) ? r.sha256 : '',
      }))
    : [];
  return {
    consignmentId: raw.consignmentId,
    score: raw.score,
    channel: raw.channel,
    actions,
    hits: raw.hits.map((h, i) => checkHit(h, `/hits/${i}`)),
    ruleSets,
    source: isRecord(raw.source) ? checkSource(raw.source) : {},
  };
}
