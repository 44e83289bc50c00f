import { ConsignmentSchema, GoodsItemSchema, TransportSchema } from '@cargorisk/manifest';
import { z } from 'zod';

/*
 * A rule-test file is what a rule author writes beside a rule set: named cases, each a consignment
 * (canonical JSON, with the boring parts left out) and what the rule sets must make of it. The same
 * files run in the package tests and under `cargorisk rules test`, on either engine.
 */

const RULE_REF = /^([a-z0-9][a-z0-9-]{0,63}\/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The channels in the order they escalate, for `minChannel` and `maxChannel`. */
export const CHANNEL_ORDER = ['green', 'blue', 'yellow', 'red'] as const;

const ChannelSchema = z.enum(CHANNEL_ORDER);

const RuleRefSchema = z
  .string()
  .regex(RULE_REF, 'a rule id ("GS-HS") or a rule set id and rule id ("global-shield/GS-HS")')
  .meta({ description: 'a rule id, or `ruleSetId/ruleId` when two rule sets share a rule id' });

export const RuleTestExpectSchema = z
  .strictObject({
    hits: z.array(RuleRefSchema).optional().meta({ description: 'rules that must fire (others may fire too)' }),
    noHits: z.array(RuleRefSchema).optional().meta({ description: 'rules that must not fire' }),
    onlyHits: z
      .array(RuleRefSchema)
      .optional()
      .meta({ description: 'exactly these rules fire, no other (random selection hits excepted)' }),
    channel: ChannelSchema.optional().meta({ description: 'the assessment channel, exactly' }),
    minChannel: ChannelSchema.optional().meta({ description: 'the channel is at least this one' }),
    maxChannel: ChannelSchema.optional().meta({ description: 'the channel is at most this one' }),
    actions: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'actions the assessment must ask for (others may be asked for too)' }),
    score: z.number().finite().optional().meta({ description: 'the total score, exactly' }),
    minScore: z.number().finite().optional(),
    maxScore: z.number().finite().optional(),
  })
  .meta({ id: 'RuleTestExpect', description: 'what the assessment of the case must show; every key is optional' });

export const RuleTestCaseSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    description: z.string().optional(),
    consignment: z.record(z.string(), z.unknown()).meta({
      description:
        'a canonical consignment (as in a canonical JSON manifest). id, kind, source and goods item seq may be left out: they default to the case number, "direct", { "format": "json" } and the item position',
    }),
    transport: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'the manifest transport (mode, carrier, ...) the consignment travels with' }),
    expect: RuleTestExpectSchema,
  })
  .meta({ id: 'RuleTestCase' });

/**
 * The shape of a rule-test file (a pack's `fixtures/*.json`). Consignments are checked afterwards, as a
 * reader checks them, by `loadRuleTestFile` and `runRuleTests`.
 *
 * @example
 * const suite = RuleTestSuiteSchema.parse({
 *   cases: [{ name: 'AN by heading', consignment: { goods: [{ hsCode: '310230' }] }, expect: { hits: ['GS-PRECURSOR'] } }],
 * });
 */
export const RuleTestSuiteSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    ruleSets: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({ description: 'rule-set files to test, relative to this file (default: ../ruleset.json)' }),
    lists: z
      .record(z.string(), z.union([z.array(z.string().min(1)), z.strictObject({ file: z.string().min(1) })]))
      .optional()
      .meta({
        description:
          "items that replace a named list's items in every tested rule set defining it: an array, or a list file relative to this file",
      }),
    cases: z.array(RuleTestCaseSchema).min(1),
  })
  .meta({ id: 'RuleTestSuite', description: 'a rule-test file: cases and what the rule sets must make of them' });

export type RuleTestSuite = z.infer<typeof RuleTestSuiteSchema>;
export type RuleTestCase = z.infer<typeof RuleTestCaseSchema>;
export type RuleTestExpect = z.infer<typeof RuleTestExpectSchema>;

/**
 * The JSON Schema of a rule-test file, for editors: it completes and checks the whole consignment too (in
 * the form a case may write it, with `id`, `kind`, `source` and item `seq` optional), which the runtime
 * schema leaves to the reader's own validation so that problems come back with their pointers.
 *
 * @example
 * writeFileSync('schema/rule-test.schema.json', JSON.stringify(ruleTestJsonSchema(), null, 2));
 */
export function ruleTestJsonSchema(): Record<string, unknown> {
  const item = GoodsItemSchema.extend({
    seq: GoodsItemSchema.shape.seq.optional(),
    description: GoodsItemSchema.shape.description.optional(),
  });
  const consignment = ConsignmentSchema.extend({
    id: ConsignmentSchema.shape.id.optional(),
    kind: ConsignmentSchema.shape.kind.optional(),
    source: ConsignmentSchema.shape.source.optional(),
    goods: z.array(item).max(10_000).optional(),
  });
  const testCase = RuleTestCaseSchema.extend({ consignment, transport: TransportSchema.optional() });
  const suite = RuleTestSuiteSchema.extend({ cases: z.array(testCase).min(1) });
  return {
    ...z.toJSONSchema(suite, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    $id: 'https://cargorisk.dev/schema/rule-test.schema.json',
    title: 'cargorisk rule-test file',
  };
}
