import type { RuleSetIssue } from '../errors.js';
import { RuleSetError } from '../errors.js';
import { FACTS } from '../facts/fact-catalogue.js';
import { OPERATOR_INFO } from '../operators/operator-info.js';
import { compilePattern } from '../pattern/compile-pattern.js';
import type { ConditionJson, ListKind, Operator, RuleSetJson } from '../ruleset/ruleset-schema.js';
import { parseSimplePath } from '../ruleset/simple-path.js';
import { validateRuleSet } from '../ruleset/validate-ruleset.js';
import { canonicalJson, canonicalSha256 } from './canonical-json.js';
import { type CondNode, type LeafNode, PROGRAM, type Program, type ResolvedList, type RuleProgram } from './program.js';

/** Options of {@link compileRuleSet}. */
export interface CompileOptions {
  /**
   * Refuse the rule set when validation finds warnings too (HS codes absent from HS 2022, repeated codes,
   * rules that can never fire).
   * @default false
   */
  readonly warningsAsErrors?: boolean;
}

/**
 * A validated, compiled rule set: immutable, shareable between scorers. `json` is the canonical rule set
 * (list files merged), `sha256` the hash of its canonical JSON, `warnings` what validation doubted.
 */
export interface CompiledRuleSet {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly sha256: string;
  readonly json: RuleSetJson;
  readonly warnings: readonly RuleSetIssue[];
  /** @internal the lowered program the compiled engine is built from */
  readonly [PROGRAM]: Program;
}

export type SafeCompileResult =
  | { readonly success: true; readonly data: CompiledRuleSet }
  | { readonly success: false; readonly error: RuleSetError };

// A shared condition referenced from many places is inlined at each; this bounds what a rule can expand to.
const MAX_EXPANDED_NODES = 200_000;

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

function lower(rs: RuleSetJson): { program: Program; issues: RuleSetIssue[] } {
  const issues: RuleSetIssue[] = [];
  const lists = new Map<string, ResolvedList>();
  for (const [name, l] of Object.entries(rs.lists ?? {})) {
    lists.set(name, Object.freeze({ name, kind: l.kind, items: Object.freeze([...l.items]) }));
  }
  const shared = rs.conditions ?? {};
  const rules: RuleProgram[] = [];
  rs.rules.forEach((rule, index) => {
    let budget = MAX_EXPANDED_NODES;
    const walk = (c: ConditionJson): CondNode => {
      if (--budget < 0) throw new RangeError('expansion');
      if ('all' in c) return Object.freeze({ k: 'all', c: Object.freeze(c.all.map(walk)) });
      if ('any' in c) return Object.freeze({ k: 'any', c: Object.freeze(c.any.map(walk)) });
      if ('not' in c) return Object.freeze({ k: 'not', c: walk(c.not) });
      if ('condition' in c) return walk(shared[c.condition] as ConditionJson);
      const op = c.operator as Operator;
      const info = OPERATOR_INFO[op];
      let list: ResolvedList | undefined;
      let members: unknown[] | undefined;
      const value = c.value;
      if (info.value === 'list') {
        if (Array.isArray(value)) {
          if (value.every((x) => typeof x === 'string')) {
            list = Object.freeze({
              name: undefined,
              kind: info.inlineKind as ListKind,
              items: Object.freeze([...value]),
            });
          } else members = [...value];
        } else if (value !== null && typeof value === 'object') {
          list = lists.get(value.list);
        }
      }
      const pattern = info.value === 'pattern' ? compilePattern(value as string) : undefined;
      const leaf: LeafNode = {
        k: 'leaf',
        fact: c.fact,
        factScope: FACTS[c.fact]?.scope ?? 'consignment',
        path: c.path === undefined ? undefined : parseSimplePath(c.path),
        operator: op,
        value,
        list,
        members: members === undefined ? undefined : Object.freeze(members),
        pattern: pattern?.ok ? pattern.pattern : undefined,
      };
      return Object.freeze(leaf);
    };
    try {
      rules.push(Object.freeze({ id: rule.id, index, scope: rule.scope, root: walk(rule.conditions) }));
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      issues.push({
        code: 'invalid-value',
        severity: 'error',
        message: `rule ${rule.id} expands to more than ${MAX_EXPANDED_NODES} conditions through shared conditions`,
        path: `/rules/${index}/conditions`,
      });
    }
  });
  return { program: Object.freeze({ rules: Object.freeze(rules) }), issues };
}

/**
 * Validates and compiles a parsed rule-set file into an immutable {@link CompiledRuleSet}. Throws
 * {@link RuleSetError} (code `invalid-rule-set`) with every issue when the rule set is refused.
 *
 * @example
 * const globalShield = compileRuleSet(JSON.parse(readFileSync('global-shield.json', 'utf8')));
 * const scorer = createScorer([globalShield]);
 */
export function compileRuleSet(json: unknown, options: CompileOptions = {}): CompiledRuleSet {
  const { ruleSet, issues } = validateRuleSet(json);
  const refused = issues.filter((i) => i.severity === 'error' || options.warningsAsErrors === true);
  if (ruleSet === undefined || refused.length > 0) {
    const first = refused[0] ?? issues[0];
    throw new RuleSetError(
      'invalid-rule-set',
      `rule set refused: ${refused.length} problem${refused.length === 1 ? '' : 's'}${first === undefined ? '' : `, first at ${first.path || '/'}: ${first.message}`}`,
      { issues },
    );
  }
  const { program, issues: lowering } = lower(ruleSet);
  if (lowering.length > 0) {
    throw new RuleSetError('invalid-rule-set', `rule set refused: ${lowering[0]?.message}`, {
      issues: [...issues, ...lowering],
    });
  }
  const canonical = deepFreeze(JSON.parse(canonicalJson(ruleSet)) as RuleSetJson);
  const compiled: CompiledRuleSet = {
    id: ruleSet.id,
    version: ruleSet.version,
    title: ruleSet.title,
    sha256: canonicalSha256(canonical),
    json: canonical,
    warnings: Object.freeze(issues.filter((i) => i.severity === 'warning')),
    [PROGRAM]: program,
  };
  return Object.freeze(compiled);
}

/**
 * {@link compileRuleSet} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * const r = safeCompileRuleSet(json);
 * if (!r.success) for (const i of r.error.issues) console.error(i.path, i.message);
 */
export function safeCompileRuleSet(json: unknown, options: CompileOptions = {}): SafeCompileResult {
  try {
    return { success: true, data: compileRuleSet(json, options) };
  } catch (e) {
    if (e instanceof RuleSetError) return { success: false, error: e };
    throw e;
  }
}
