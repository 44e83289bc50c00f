import { z } from 'zod';

/*
 * The shape of a rule-set file. This schema types the validated rule set and generates the published
 * JSON Schema (editors complete and check files with it); `validateRuleSet` does the checking itself
 * so that every problem comes back with a stable code and its JSON pointer, and runs this schema last
 * as a safety net.
 */

export const RULE_SET_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const LIST_KINDS = ['hs', 'keywords', 'countries', 'locations', 'parties', 'codes'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'hsIn',
  'mentions',
  'inList',
  'partyMatches',
  'matchesPattern',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const ACTIONS = [
  'document-check',
  'physical-examination',
  'non-intrusive-scan',
  'end-user-verification',
  'post-clearance-audit',
  'refer-to-specialist',
] as const;
export type Action = (typeof ACTIONS)[number];

export const CHANNELS = ['green', 'blue', 'yellow', 'red'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Limits that keep a rule set's cost bounded. */
export const RULE_SET_LIMITS = Object.freeze({
  listItemLength: 512,
  patternLength: 1_000,
  conditionDepth: 64,
});

export const ListRefSchema = z.strictObject({ list: z.string().regex(NAME) }).meta({ id: 'ListRef' });

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const FactConditionSchema = z
  .strictObject({
    fact: z.string(),
    operator: z.enum(OPERATORS),
    value: z.union([Scalar, z.array(Scalar), ListRefSchema]),
    path: z
      .string()
      .regex(/^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/)
      .optional(),
    name: z.string().optional(),
  })
  .meta({ id: 'FactCondition', description: 'a fact compared with a value by an operator' });

export type FactConditionJson = z.infer<typeof FactConditionSchema>;
export type ConditionJson =
  | { all: ConditionJson[]; name?: string | undefined }
  | { any: ConditionJson[]; name?: string | undefined }
  | { not: ConditionJson; name?: string | undefined }
  | { condition: string; name?: string | undefined }
  | FactConditionJson;

export const ConditionSchema: z.ZodType<ConditionJson> = z
  .lazy(() =>
    z.union([
      z.strictObject({ all: z.array(ConditionSchema).min(1), name: z.string().optional() }),
      z.strictObject({ any: z.array(ConditionSchema).min(1), name: z.string().optional() }),
      z.strictObject({ not: ConditionSchema, name: z.string().optional() }),
      z.strictObject({ condition: z.string().regex(NAME), name: z.string().optional() }),
      FactConditionSchema,
    ]),
  )
  .meta({ id: 'Condition' });

export const TopConditionSchema = z.union([
  z.strictObject({ all: z.array(ConditionSchema).min(1), name: z.string().optional() }),
  z.strictObject({ any: z.array(ConditionSchema).min(1), name: z.string().optional() }),
  z.strictObject({ not: ConditionSchema, name: z.string().optional() }),
  z.strictObject({ condition: z.string().regex(NAME), name: z.string().optional() }),
]);

export const ListSchema = z
  .strictObject({
    kind: z.enum(LIST_KINDS),
    items: z.array(z.string().min(1).max(RULE_SET_LIMITS.listItemLength)),
    file: z.string().optional().meta({ description: 'one item per line, relative to the rule-set file' }),
    description: z.string().optional(),
  })
  .meta({ id: 'List' });

export const EventParamsSchema = z.strictObject({
  score: z.number().finite(),
  message: z.string().min(1),
  action: z.enum(ACTIONS).optional(),
  category: z.string().optional(),
  channel: z.enum(['yellow', 'red', 'blue']).optional(),
});

export const RuleSchema = z
  .strictObject({
    id: z.string().regex(NAME),
    title: z.string().optional(),
    description: z.string().optional(),
    scope: z.enum(['item', 'consignment']),
    conditions: TopConditionSchema,
    event: z.strictObject({ type: z.literal('target'), params: EventParamsSchema }),
  })
  .meta({ id: 'Rule' });

export const ScoringSchema = z.strictObject({
  thresholds: z.strictObject({ yellow: z.number().finite(), red: z.number().finite() }),
  random: z
    .strictObject({
      rate: z.number().min(0).max(1),
      channel: z.enum(['yellow', 'red', 'blue']).optional().meta({ description: '@default "yellow"' }),
    })
    .optional(),
});

export const RuleSetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(RULE_SET_ID),
    version: z.string().min(1).max(64),
    title: z.string().min(1),
    description: z.string().optional(),
    sources: z.array(z.strictObject({ title: z.string().min(1), url: z.string().optional() })).optional(),
    effective: z
      .strictObject({ from: z.string().regex(ISO_DATE).optional(), until: z.string().regex(ISO_DATE).optional() })
      .optional(),
    lists: z.record(z.string().regex(NAME), ListSchema).optional(),
    conditions: z.record(z.string().regex(NAME), ConditionSchema).optional(),
    rules: z.array(RuleSchema).min(1),
    scoring: ScoringSchema,
  })
  .meta({ id: 'RuleSet' });

/** A rule set that passed validation. */
export type RuleSetJson = z.infer<typeof RuleSetSchema>;
export type RuleJson = z.infer<typeof RuleSchema>;
export type ListJson = z.infer<typeof ListSchema>;
export type EventParamsJson = z.infer<typeof EventParamsSchema>;

/**
 * The JSON Schema of a rule-set file, as published in `schema/ruleset.schema.json`.
 *
 * @example
 * const schema = ruleSetJsonSchema(); // { $schema: 'https://json-schema.org/draft/2020-12/schema', … }
 */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RuleSetSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    $id: 'https://cargorisk.dev/schema/ruleset.schema.json',
    title: 'cargorisk rule set',
  };
}
