import { isCountryCode, isLocationCode, toPointer } from '@cargorisk/manifest';
import type { RuleSetIssue, RuleSetIssueCode } from '../errors.js';
import { FACTS, type FactType, isFact } from '../facts/fact-catalogue.js';
import { isHs2022Code } from '../hs/hs-nomenclature.js';
import { OPERATOR_INFO } from '../operators/operator-info.js';
import { compilePattern } from '../pattern/compile-pattern.js';
import { foldText } from '../text/fold-text.js';
import { normalizePartyName } from '../text/normalize-party-name.js';
import {
  ACTIONS,
  ISO_DATE,
  LIST_KINDS,
  type ListKind,
  NAME,
  OPERATORS,
  type Operator,
  RULE_SET_ID,
  RULE_SET_LIMITS,
  type RuleSetJson,
  RuleSetSchema,
} from './ruleset-schema.js';
import { parseSimplePath } from './simple-path.js';

/** What {@link validateRuleSet} found: `ruleSet` is set when no issue is an error. */
export interface RuleSetValidation {
  readonly ruleSet?: RuleSetJson;
  readonly issues: RuleSetIssue[];
}

type Path = (string | number)[];
type Obj = Record<string, unknown>;
type Scope = 'item' | 'consignment';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const TOP_KEYS = [
  '$schema',
  'id',
  'version',
  'title',
  'description',
  'sources',
  'effective',
  'lists',
  'conditions',
  'rules',
  'scoring',
];
const LIST_KEYS = ['kind', 'items', 'file', 'description'];
const RULE_KEYS = ['id', 'title', 'description', 'scope', 'conditions', 'event'];
const PARAM_KEYS = ['score', 'message', 'action', 'category', 'channel'];
const LEAF_KEYS = ['fact', 'operator', 'value', 'path', 'name'];
const HIT_CHANNELS = ['yellow', 'red', 'blue'];

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Obj, k: string) => Object.hasOwn(o, k);
const isScalar = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

function suggestion(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks one list item of a kind; returns the problem or undefined. */
export function listItemProblem(kind: ListKind, item: unknown): string | undefined {
  if (typeof item !== 'string') return `list items are strings, not ${describe(item)}`;
  if (item.length === 0) return 'empty list item';
  if (item.length > RULE_SET_LIMITS.listItemLength) return `list item longer than ${RULE_SET_LIMITS.listItemLength}`;
  switch (kind) {
    case 'hs':
      return /^\d{2,10}$/.test(item) ? undefined : `"${item}" is not an HS code (2 to 10 digits, no letters)`;
    case 'countries':
      return isCountryCode(item) ? undefined : `"${item}" is not an ISO 3166-1 alpha-2 country code`;
    case 'locations':
      return isLocationCode(item) ? undefined : `"${item}" is not a UN/LOCODE or IATA location code`;
    case 'keywords':
      return foldText(item) === '' ? `"${item}" has no letters or digits` : undefined;
    case 'parties':
      return normalizePartyName(item) === '' ? `"${item}" is only legal-form words` : undefined;
    case 'codes':
      return undefined;
  }
}

class Validator {
  readonly issues: RuleSetIssue[] = [];
  lists = new Map<string, { kind: ListKind | undefined; items: readonly unknown[] }>();
  shared = new Map<string, unknown>();
  // Shared conditions already checked in a scope, so a condition used by many rules is walked once per scope.
  checkedShared = new Set<string>();

  err(code: RuleSetIssueCode, path: Path, message: string): undefined {
    this.issues.push({ code, severity: 'error', message, path: toPointer(path) });
  }

  warn(code: RuleSetIssueCode, path: Path, message: string): undefined {
    this.issues.push({ code, severity: 'warning', message, path: toPointer(path) });
  }

  forbiddenKeys(root: unknown) {
    const stack: [unknown, Path][] = [[root, []]];
    let visited = 0;
    while (stack.length > 0) {
      const [v, path] = stack.pop() as [unknown, Path];
      if (++visited > 5_000_000) return;
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
      } else if (isObject(v)) {
        const keys = Object.keys(v);
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i] as string;
          if (FORBIDDEN_KEYS.has(k)) {
            this.err('forbidden-key', [...path, k], `the key "${k}" is not allowed anywhere in a rule set`);
          } else stack.push([v[k], [...path, k]]);
        }
      }
    }
  }

  keys(o: Obj, allowed: readonly string[], path: Path) {
    for (const k of Object.keys(o)) {
      if (FORBIDDEN_KEYS.has(k) || allowed.includes(k)) continue;
      this.err('unknown-key', [...path, k], `unknown key "${k}"${suggestion(k, allowed)}`);
    }
  }

  object(v: unknown, path: Path, what: string): v is Obj {
    if (isObject(v)) return true;
    this.err('invalid-type', path, `${what} must be an object, not ${describe(v)}`);
    return false;
  }

  required(o: Obj, key: string, path: Path): boolean {
    if (has(o, key)) return true;
    this.err('missing-key', path, `missing required key "${key}"`);
    return false;
  }

  string(o: Obj, key: string, path: Path, opts: { required?: boolean; nonEmpty?: boolean } = {}): string | undefined {
    if (!has(o, key)) {
      if (opts.required) this.err('missing-key', path, `missing required key "${key}"`);
      return undefined;
    }
    const v = o[key];
    if (typeof v !== 'string') {
      this.err('invalid-type', [...path, key], `"${key}" must be a string, not ${describe(v)}`);
      return undefined;
    }
    if (opts.nonEmpty && v.length === 0) this.err('invalid-value', [...path, key], `"${key}" must not be empty`);
    return v;
  }

  run(json: unknown): undefined {
    this.forbiddenKeys(json);
    if (!this.object(json, [], 'a rule set')) return;
    this.keys(json, TOP_KEYS, []);
    this.string(json, '$schema', []);
    const id = this.string(json, 'id', [], { required: true });
    if (id !== undefined && !RULE_SET_ID.test(id)) {
      this.err('invalid-id', ['id'], `rule-set id "${id}" must match ${RULE_SET_ID.source}`);
    }
    const version = this.string(json, 'version', [], { required: true, nonEmpty: true });
    if (version !== undefined && version.length > 64) this.err('invalid-value', ['version'], 'version is too long');
    this.string(json, 'title', [], { required: true, nonEmpty: true });
    this.string(json, 'description', []);
    if (has(json, 'sources')) this.sources(json.sources);
    if (has(json, 'effective')) this.effective(json.effective);
    if (has(json, 'lists')) this.listsBlock(json.lists);
    if (has(json, 'conditions')) this.sharedBlock(json.conditions);
    if (this.required(json, 'rules', [])) this.rules(json.rules);
    if (this.required(json, 'scoring', [])) this.scoring(json.scoring);
  }

  sources(v: unknown) {
    if (!Array.isArray(v)) return this.err('invalid-type', ['sources'], 'sources must be an array');
    v.forEach((s, i) => {
      const path = ['sources', i];
      if (!this.object(s, path, 'a source')) return;
      this.keys(s, ['title', 'url'], path);
      this.string(s, 'title', path, { required: true, nonEmpty: true });
      this.string(s, 'url', path);
    });
  }

  effective(v: unknown) {
    const path = ['effective'];
    if (!this.object(v, path, 'effective')) return;
    this.keys(v, ['from', 'until'], path);
    const from = this.string(v, 'from', path);
    const until = this.string(v, 'until', path);
    for (const [k, d] of [
      ['from', from],
      ['until', until],
    ] as const) {
      if (d !== undefined && !isCalendarDate(d))
        this.err('invalid-date', [...path, k], `"${d}" is not a YYYY-MM-DD date`);
    }
    if (from !== undefined && until !== undefined && isCalendarDate(from) && isCalendarDate(until) && from > until) {
      this.err('invalid-date', [...path, 'until'], `effective.until ${until} is before effective.from ${from}`);
    }
  }

  listsBlock(v: unknown) {
    if (!this.object(v, ['lists'], 'lists')) return;
    // Where each item was first seen, to warn when a code sits in two lists.
    const seen = new Map<string, string>();
    for (const name of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(name)) continue;
      const path = ['lists', name];
      if (!NAME.test(name)) this.err('invalid-id', path, `list name "${name}" must match ${NAME.source}`);
      const list = v[name];
      if (!this.object(list, path, 'a list')) continue;
      this.keys(list, LIST_KEYS, path);
      let kind: ListKind | undefined;
      if (this.required(list, 'kind', path)) {
        if (typeof list.kind === 'string' && (LIST_KINDS as readonly string[]).includes(list.kind)) {
          kind = list.kind as ListKind;
        } else {
          this.err(
            'invalid-value',
            [...path, 'kind'],
            `list kind must be one of ${LIST_KINDS.join(', ')}${typeof list.kind === 'string' ? suggestion(list.kind, LIST_KINDS) : ''}`,
          );
        }
      }
      this.string(list, 'file', path);
      this.string(list, 'description', path);
      let items: readonly unknown[] = [];
      if (this.required(list, 'items', path)) {
        if (Array.isArray(list.items)) items = list.items;
        else this.err('invalid-type', [...path, 'items'], 'items must be an array of strings');
      }
      this.lists.set(name, { kind, items });
      if (kind !== undefined) this.listItems(kind, items, [...path, 'items'], name, seen);
    }
  }

  listItems(kind: ListKind, items: readonly unknown[], path: Path, listName: string, seen?: Map<string, string>) {
    items.forEach((item, i) => {
      const problem = listItemProblem(kind, item);
      if (problem !== undefined) {
        this.err('invalid-list-item', [...path, i], problem);
        return;
      }
      const s = item as string;
      if (kind === 'hs' && !isHs2022Code(s)) {
        this.warn('hs-not-in-nomenclature', [...path, i], `HS code "${s}" is not in HS 2022`);
      }
      if (seen === undefined) return;
      const key =
        kind === 'keywords' ? `k:${foldText(s)}` : kind === 'parties' ? `p:${normalizePartyName(s)}` : `${kind}:${s}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, listName);
      else {
        this.warn(
          'duplicate-list-item',
          [...path, i],
          first === listName ? `"${s}" is repeated in list ${listName}` : `"${s}" is also in list ${first}`,
        );
      }
    });
  }

  sharedBlock(v: unknown) {
    if (!this.object(v, ['conditions'], 'conditions')) return;
    for (const name of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(name)) continue;
      if (!NAME.test(name))
        this.err('invalid-id', ['conditions', name], `condition name "${name}" must match ${NAME.source}`);
      this.shared.set(name, v[name]);
    }
    this.cycles();
  }

  // References between shared conditions: a cycle would make any evaluation recurse forever.
  cycles() {
    const refs = new Map<string, { target: string; path: Path }[]>();
    const collect = (c: unknown, path: Path, out: { target: string; path: Path }[], depth: number) => {
      if (depth > RULE_SET_LIMITS.conditionDepth) return;
      if (!isObject(c)) return;
      if (typeof c.condition === 'string') out.push({ target: c.condition, path: [...path, 'condition'] });
      for (const k of ['all', 'any'] as const) {
        const arr = c[k];
        if (has(c, k) && Array.isArray(arr)) {
          for (let i = 0; i < arr.length; i++) collect(arr[i], [...path, k, i], out, depth + 1);
        }
      }
      if (has(c, 'not')) collect(c.not, [...path, 'not'], out, depth + 1);
    };
    for (const [name, c] of this.shared) {
      const out: { target: string; path: Path }[] = [];
      collect(c, ['conditions', name], out, 0);
      refs.set(name, out);
    }
    const state = new Map<string, 1 | 2>();
    const reported = new Set<string>();
    const visit = (name: string, trail: string[]) => {
      state.set(name, 1);
      for (const ref of refs.get(name) ?? []) {
        const s = state.get(ref.target);
        if (s === 1) {
          const key = toPointer(ref.path);
          if (!reported.has(key)) {
            reported.add(key);
            const from = trail.indexOf(ref.target);
            const cycle = [...trail.slice(Math.max(0, from)), name, ref.target].filter(
              (x, i, a) => i === 0 || x !== a[i - 1],
            );
            this.err('condition-cycle', ref.path, `shared conditions reference each other: ${cycle.join(' → ')}`);
          }
        } else if (s === undefined && refs.has(ref.target)) visit(ref.target, [...trail, name]);
      }
      state.set(name, 2);
    };
    for (const name of refs.keys()) if (!state.has(name)) visit(name, []);
    this.cycleFree = reported.size === 0;
  }

  cycleFree = true;

  rules(v: unknown) {
    if (!Array.isArray(v)) return this.err('invalid-type', ['rules'], 'rules must be an array');
    if (v.length === 0) this.err('invalid-value', ['rules'], 'a rule set needs at least one rule');
    const ids = new Map<string, number>();
    v.forEach((rule, i) => {
      const path: Path = ['rules', i];
      if (!this.object(rule, path, 'a rule')) return;
      this.keys(rule, RULE_KEYS, path);
      const id = this.string(rule, 'id', path, { required: true });
      if (id !== undefined) {
        if (!NAME.test(id)) this.err('invalid-id', [...path, 'id'], `rule id "${id}" must match ${NAME.source}`);
        if (id === 'random')
          this.err('reserved-rule-id', [...path, 'id'], 'rule id "random" is reserved for random selection');
        const first = ids.get(id);
        if (first !== undefined)
          this.err('duplicate-rule-id', [...path, 'id'], `rule id "${id}" is also rules[${first}]`);
        else ids.set(id, i);
      }
      this.string(rule, 'title', path);
      this.string(rule, 'description', path);
      let scope: Scope | undefined;
      if (this.required(rule, 'scope', path)) {
        if (rule.scope === 'item' || rule.scope === 'consignment') scope = rule.scope;
        else this.err('invalid-value', [...path, 'scope'], 'scope must be "item" or "consignment"');
      }
      if (this.required(rule, 'conditions', path)) {
        const c = rule.conditions;
        const cpath = [...path, 'conditions'];
        if (isObject(c) && !has(c, 'all') && !has(c, 'any') && !has(c, 'not') && !has(c, 'condition')) {
          this.err('invalid-type', cpath, 'a rule\'s conditions must be "all", "any", "not" or a condition reference');
        } else {
          this.condition(c, cpath, scope ?? 'item', 0);
          if (this.cycleFree && this.never(c, 0)) {
            this.warn('rule-never-fires', cpath, `rule ${id ?? i} can never fire`);
          }
        }
      }
      if (this.required(rule, 'event', path)) this.event(rule.event, [...path, 'event']);
    });
  }

  event(v: unknown, path: Path) {
    if (!this.object(v, path, 'event')) return;
    this.keys(v, ['type', 'params'], path);
    if (this.required(v, 'type', path) && v.type !== 'target') {
      this.err('invalid-value', [...path, 'type'], 'event type must be "target"');
    }
    if (!this.required(v, 'params', path)) return;
    const p = v.params;
    const ppath = [...path, 'params'];
    if (!this.object(p, ppath, 'event params')) return;
    this.keys(p, PARAM_KEYS, ppath);
    if (this.required(p, 'score', ppath) && (typeof p.score !== 'number' || !Number.isFinite(p.score))) {
      this.err('non-numeric-value', [...ppath, 'score'], 'score must be a finite number');
    }
    this.string(p, 'message', ppath, { required: true, nonEmpty: true });
    this.string(p, 'category', ppath);
    if (has(p, 'action') && !(ACTIONS as readonly unknown[]).includes(p.action)) {
      const a = typeof p.action === 'string' ? suggestion(p.action, ACTIONS) : '';
      this.err('invalid-value', [...ppath, 'action'], `action must be one of ${ACTIONS.join(', ')}${a}`);
    }
    if (has(p, 'channel') && !HIT_CHANNELS.includes(p.channel as string)) {
      this.err('invalid-value', [...ppath, 'channel'], 'channel must be "yellow", "red" or "blue"');
    }
  }

  scoring(v: unknown) {
    const path = ['scoring'];
    if (!this.object(v, path, 'scoring')) return;
    this.keys(v, ['thresholds', 'random'], path);
    if (this.required(v, 'thresholds', path)) {
      const t = v.thresholds;
      const tpath = [...path, 'thresholds'];
      if (this.object(t, tpath, 'thresholds')) {
        this.keys(t, ['yellow', 'red'], tpath);
        let ok = true;
        for (const k of ['yellow', 'red']) {
          if (!this.required(t, k, tpath)) ok = false;
          else if (typeof t[k] !== 'number' || !Number.isFinite(t[k])) {
            this.err('non-numeric-value', [...tpath, k], `thresholds.${k} must be a finite number`);
            ok = false;
          }
        }
        if (ok && (t.yellow as number) >= (t.red as number)) {
          this.err(
            'thresholds-not-ordered',
            tpath,
            `thresholds.yellow (${t.yellow}) must be below thresholds.red (${t.red})`,
          );
        }
      }
    }
    if (has(v, 'random')) {
      const r = v.random;
      const rpath = [...path, 'random'];
      if (!this.object(r, rpath, 'random')) return;
      this.keys(r, ['rate', 'channel'], rpath);
      if (this.required(r, 'rate', rpath)) {
        if (typeof r.rate !== 'number' || !(r.rate >= 0 && r.rate <= 1)) {
          this.err('invalid-value', [...rpath, 'rate'], 'random.rate must be a number from 0 to 1');
        }
      }
      if (has(r, 'channel') && !HIT_CHANNELS.includes(r.channel as string)) {
        this.err('invalid-value', [...rpath, 'channel'], 'random.channel must be "yellow", "red" or "blue"');
      }
    }
  }

  condition(c: unknown, path: Path, scope: Scope, depth: number): undefined {
    if (depth > RULE_SET_LIMITS.conditionDepth) {
      return this.err('invalid-value', path, `conditions nest deeper than ${RULE_SET_LIMITS.conditionDepth}`);
    }
    if (!this.object(c, path, 'a condition')) return;
    const forms = ['all', 'any', 'not', 'condition', 'fact'].filter((k) => has(c, k));
    if (forms.length !== 1) {
      if (forms.length === 0 && has(c, 'operator')) return this.leaf(c, path, scope);
      return this.err(
        'invalid-type',
        path,
        forms.length === 0
          ? 'a condition needs one of "all", "any", "not", "condition" or "fact"'
          : `a condition has one of "all", "any", "not", "condition", "fact", not ${forms.join(' and ')}`,
      );
    }
    const form = forms[0] as string;
    if (form === 'fact') return this.leaf(c, path, scope);
    this.keys(c, [form, 'name'], path);
    if (has(c, 'name')) this.string(c, 'name', path);
    if (form === 'all' || form === 'any') {
      const arr = c[form];
      if (!Array.isArray(arr))
        return this.err('invalid-type', [...path, form], `"${form}" must be an array of conditions`);
      if (arr.length === 0)
        return this.err('empty-condition', [...path, form], `"${form}" must hold at least one condition`);
      arr.forEach((x, i) => {
        this.condition(x, [...path, form, i], scope, depth + 1);
      });
    } else if (form === 'not') {
      this.condition(c.not, [...path, 'not'], scope, depth + 1);
    } else {
      const name = c.condition;
      if (typeof name !== 'string')
        return this.err('invalid-type', [...path, 'condition'], 'a condition reference is a string');
      if (!this.shared.has(name)) {
        return this.err(
          'undefined-condition',
          [...path, 'condition'],
          `shared condition "${name}" is not defined${suggestion(name, [...this.shared.keys()])}`,
        );
      }
      const key = `${scope}\0${name}`;
      if (this.checkedShared.has(key) || !this.cycleFree) return;
      this.checkedShared.add(key);
      this.condition(this.shared.get(name), ['conditions', name], scope, depth + 1);
    }
  }

  leaf(c: Obj, path: Path, scope: Scope): undefined {
    this.keys(c, LEAF_KEYS, path);
    if (has(c, 'name')) this.string(c, 'name', path);
    let factType: FactType | undefined;
    const fact = this.string(c, 'fact', path, { required: true });
    if (fact !== undefined) {
      if (!isFact(fact)) {
        this.err('unknown-fact', [...path, 'fact'], `unknown fact "${fact}"${suggestion(fact, Object.keys(FACTS))}`);
      } else {
        const info = FACTS[fact];
        factType = info?.type;
        if (info?.scope === 'item' && scope === 'consignment') {
          this.err(
            'fact-not-in-scope',
            [...path, 'fact'],
            `"${fact}" is a goods item fact: use it in a rule with "scope": "item" (or use a consignment fact such as ${fact === 'hsCode' ? 'hsCodes' : fact === 'description' ? 'descriptions' : fact === 'origin' ? 'origins' : 'itemCount'})`,
          );
        }
      }
    }
    let hasPath = false;
    if (has(c, 'path')) {
      const p = this.string(c, 'path', path);
      if (p !== undefined) {
        hasPath = true;
        if (parseSimplePath(p) === undefined) {
          this.err(
            'invalid-path',
            [...path, 'path'],
            `path "${p}" is not of the simple form $.name, $.name.sub or $.list[0]`,
          );
        } else if (factType === 'string' || factType === 'number') {
          this.err(
            'invalid-path',
            [...path, 'path'],
            `"${fact}" is a ${factType}: a path reaches into objects and arrays only`,
          );
        }
      }
    }
    const operator = this.string(c, 'operator', path, { required: true });
    if (operator === undefined) return;
    if (!(OPERATORS as readonly string[]).includes(operator)) {
      return this.err(
        'unknown-operator',
        [...path, 'operator'],
        `unknown operator "${operator}"${suggestion(operator, OPERATORS)}`,
      );
    }
    const op = operator as Operator;
    const info = OPERATOR_INFO[op];
    if (!hasPath && factType !== undefined && info.factTypes !== undefined && !info.factTypes.includes(factType)) {
      this.err(
        'operator-fact-mismatch',
        [...path, 'operator'],
        `${op} needs a ${info.factTypes.join(' or ')} fact; "${fact}" is a ${factType}`,
      );
    }
    if (!this.required(c, 'value', path)) return;
    this.value(op, c.value, [...path, 'value']);
  }

  value(op: Operator, v: unknown, path: Path): undefined {
    const info = OPERATOR_INFO[op];
    switch (info.value) {
      case 'scalar':
        if (!isScalar(v))
          this.err('invalid-value', path, `${op} compares with a string, number, boolean or null, not ${describe(v)}`);
        return;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          this.err('non-numeric-value', path, `${op} compares with a finite number, not ${describe(v)}`);
        }
        return;
      case 'pattern': {
        if (typeof v !== 'string') return this.err('invalid-value', path, 'matchesPattern takes a pattern string');
        if (v.length > RULE_SET_LIMITS.patternLength) {
          return this.err('invalid-pattern', path, `pattern longer than ${RULE_SET_LIMITS.patternLength} characters`);
        }
        const r = compilePattern(v);
        if (!r.ok) this.err('invalid-pattern', path, `${r.message} (at character ${r.offset + 1} of the pattern)`);
        return;
      }
      case 'list': {
        if (typeof v === 'string' && (op === 'in' || op === 'notIn')) {
          return this.err(
            'string-value-for-in',
            path,
            `${op} takes an array or a list reference, not a string (json-rules-engine would match substrings)`,
          );
        }
        if (Array.isArray(v)) {
          const kind = info.inlineKind as ListKind;
          if (op === 'in' || op === 'notIn') {
            v.forEach((x, i) => {
              if (!isScalar(x))
                this.err('invalid-value', [...path, i], `${op} items are strings, numbers, booleans or null`);
            });
          } else this.listItems(kind, v, path, '');
          return;
        }
        if (isObject(v) && has(v, 'list')) {
          this.keys(v, ['list'], path);
          const name = v.list;
          if (typeof name !== 'string')
            return this.err('invalid-type', [...path, 'list'], 'a list reference names a list');
          const list = this.lists.get(name);
          if (list === undefined) {
            return this.err(
              'undefined-list',
              [...path, 'list'],
              `list "${name}" is not defined${suggestion(name, [...this.lists.keys()])}`,
            );
          }
          if (list.kind !== undefined && !info.listKinds.includes(list.kind)) {
            this.err(
              'list-kind-mismatch',
              [...path, 'list'],
              `${op} takes a ${info.listKinds.join(', ')} list; "${name}" is a ${list.kind} list`,
            );
          }
          return;
        }
        return this.err(
          'invalid-value',
          path,
          `${op} takes a list reference { "list": "name" } or an array, not ${describe(v)}`,
        );
      }
    }
  }

  // Whether a condition can never be true: an empty list, or an `all` that asks one fact to equal two values
  // or to lie in an empty numeric range.
  never(c: unknown, depth: number): boolean {
    if (depth > RULE_SET_LIMITS.conditionDepth || !isObject(c)) return false;
    if (Array.isArray(c.any)) return c.any.length > 0 && c.any.every((x) => this.never(x, depth + 1));
    if (Array.isArray(c.all)) {
      if (c.all.some((x) => this.never(x, depth + 1))) return true;
      const equal = new Map<string, unknown>();
      const notEqual = new Map<string, unknown[]>();
      for (const x of c.all) {
        if (!isObject(x) || typeof x.fact !== 'string' || has(x, 'path')) continue;
        if (x.operator === 'equal') {
          if (equal.has(x.fact) && equal.get(x.fact) !== x.value) return true;
          equal.set(x.fact, x.value);
        } else if (x.operator === 'notEqual') notEqual.set(x.fact, [...(notEqual.get(x.fact) ?? []), x.value]);
      }
      for (const [fact, value] of equal) if (notEqual.get(fact)?.includes(value)) return true;
      return emptyRange(c.all);
    }
    if (typeof c.condition === 'string')
      return this.shared.has(c.condition) && this.never(this.shared.get(c.condition), depth + 1);
    if (typeof c.operator === 'string' && ['hsIn', 'mentions', 'inList', 'partyMatches', 'in'].includes(c.operator)) {
      const v = c.value;
      if (Array.isArray(v)) return v.length === 0;
      if (isObject(v) && typeof v.list === 'string') return this.lists.get(v.list)?.items.length === 0;
    }
    return false;
  }
}

interface Bounds {
  low: number;
  lowOpen: boolean;
  high: number;
  highOpen: boolean;
}

/**
 * Whether the numeric comparisons of one `all` leave some fact no possible value, e.g. `greaterThan 100`
 * with `lessThan 50`, or `equal 5` with `greaterThanInclusive 10`. Conditions with a `path` are left out.
 */
function emptyRange(all: readonly unknown[]): boolean {
  const byFact = new Map<string, Bounds>();
  for (const x of all) {
    if (!isObject(x) || typeof x.fact !== 'string' || has(x, 'path')) continue;
    const v = x.value;
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const op = x.operator;
    if (
      op !== 'equal' &&
      op !== 'greaterThan' &&
      op !== 'greaterThanInclusive' &&
      op !== 'lessThan' &&
      op !== 'lessThanInclusive'
    )
      continue;
    let b = byFact.get(x.fact);
    if (b === undefined) {
      b = { low: Number.NEGATIVE_INFINITY, lowOpen: true, high: Number.POSITIVE_INFINITY, highOpen: true };
      byFact.set(x.fact, b);
    }
    if (op === 'equal' || op === 'greaterThan' || op === 'greaterThanInclusive') {
      const open = op === 'greaterThan';
      if (v > b.low || (v === b.low && open)) {
        b.low = v;
        b.lowOpen = open;
      }
    }
    if (op === 'equal' || op === 'lessThan' || op === 'lessThanInclusive') {
      const open = op === 'lessThan';
      if (v < b.high || (v === b.high && open)) {
        b.high = v;
        b.highOpen = open;
      }
    }
    if (b.low > b.high || (b.low === b.high && (b.lowOpen || b.highOpen))) return true;
  }
  return false;
}

/**
 * Checks a parsed rule-set file against docs/rule-sets.md and collects every problem, each with a stable
 * `code` and the JSON pointer of the value at fault. `ruleSet` is the typed rule set when nothing is an
 * error (warnings do not refuse it). The input is read, never changed.
 *
 * @example
 * const { ruleSet, issues } = validateRuleSet(JSON.parse(text));
 * for (const i of issues) console.error(i.severity, i.path, i.code, i.message);
 */
export function validateRuleSet(json: unknown): RuleSetValidation {
  const v = new Validator();
  v.run(json);
  const issues = v.issues;
  if (issues.some((i) => i.severity === 'error')) return { issues };
  // Safety net: the hand-written checks and the published schema must agree.
  const parsed = RuleSetSchema.safeParse(json);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      issues.push({
        code: 'invalid-value',
        severity: 'error',
        message: i.message,
        path: toPointer(i.path as PropertyKey[]),
      });
    }
    return { issues };
  }
  return { ruleSet: parsed.data, issues };
}
