import type { SourceLocation } from '@cargorisk/manifest';
import type { Assessment, Channel, Evidence, Hit } from './assessment.js';

/*
 * The objects an assessment is made of (the assessment, its hits, rule-set entries and evidence, and their
 * lists) are made by the constructors below and by `newList()`, never by object or array literals. Scratch
 * objects of one `score` call that the assessment does not keep (fired-rule lists, evidence slots) stay
 * literals: they never outlive the call, so V8 never moves them (below).
 *
 * Why: V8 treats every object and array literal as an allocation site, and when most of a site's objects
 * survive a young-generation collection it starts allocating that site's objects straight in the old
 * generation, for the rest of the process. A caller that once keeps the assessments of a batch (a report
 * of a whole manifest) would then leave every later assessment, kept or not, as old-generation garbage
 * that only a full collection reclaims. Measured on the benchmark's data (10 rules, 4,000 consignments
 * held): after the caller had kept 4,000 assessments once, the compiled engine scored at about half its
 * speed, and with these constructors at its full speed. Objects made by a constructor, and arrays made by
 * the Array constructor, are not moved to the old generation that way.
 *
 * The constructors' prototype is Object.prototype, so the records are plain objects: deep equality with an
 * object literal, JSON, spreading and `Object.getPrototypeOf` see no difference.
 */

type Construct<A extends unknown[], T> = new (...args: A) => T;

function plainRecord<A extends unknown[], T>(init: (this: T, ...args: A) => void): Construct<A, T> {
  (init as unknown as { prototype: object }).prototype = Object.prototype;
  return init as unknown as Construct<A, T>;
}

/** An empty list that is not an array literal (see above). */
export function newList<T>(): T[] {
  // biome-ignore lint/style/useArrayLiterals: an array literal is what this avoids
  return new Array<T>();
}

export const AssessmentRecord = plainRecord(function (
  this: Assessment,
  consignmentId: string,
  score: number,
  channel: Channel,
  actions: string[],
  hits: Hit[],
  ruleSets: Assessment['ruleSets'],
  source: SourceLocation,
) {
  this.consignmentId = consignmentId;
  this.score = score;
  this.channel = channel;
  this.actions = actions;
  this.hits = hits;
  this.ruleSets = ruleSets;
  this.source = source;
});

/** A hit without `action` and `category`; the caller adds them when the rule has them. */
export const HitRecord = plainRecord(function (
  this: Hit,
  ruleSet: string,
  rule: string,
  version: string,
  score: number,
  message: string,
  evidence: Evidence[],
) {
  this.ruleSet = ruleSet;
  this.rule = rule;
  this.version = version;
  this.score = score;
  this.message = message;
  this.evidence = evidence;
});

export const RuleSetEntryRecord = plainRecord(function (
  this: { id: string; version: string; sha256: string },
  id: string,
  version: string,
  sha256: string,
) {
  this.id = id;
  this.version = version;
  this.sha256 = sha256;
});

/** Evidence without `matched`, `list` and `item`; the caller adds them when they apply. */
export const EvidenceRecord = plainRecord(function (this: Evidence, fact: string, value: unknown, operator: string) {
  this.fact = fact;
  this.value = value;
  this.operator = operator;
});
