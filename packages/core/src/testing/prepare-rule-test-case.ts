import type { Consignment, Transport } from '@cargorisk/manifest';
import { checkConsignment, TransportSchema, toPointer } from '@cargorisk/manifest';
import type { RuleTestCase } from './rule-test-suite.js';

/** A problem in a rule-test file: where (JSON pointer, and line and column once the text is known) and what. */
export interface RuleTestIssue {
  readonly code:
    | 'invalid-json'
    | 'invalid-suite'
    | 'forbidden-key'
    | 'invalid-consignment'
    | 'invalid-transport'
    | 'list-file';
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  readonly source?: string;
}

export type PreparedRuleTestCase =
  | {
      readonly ok: true;
      readonly consignment: Consignment;
      readonly transport?: Transport;
      /** Warnings: the consignment was accepted with a doubt (a container check digit, for instance). */
      readonly issues: RuleTestIssue[];
    }
  | { readonly ok: false; readonly issues: RuleTestIssue[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Fills what a rule author may leave out of a case's consignment (id, kind, source, item seq and
 * description) and validates the result exactly as a reader would, so that a fixture that a reader
 * would refuse fails here too, with the pointer of the value at fault.
 */
export function prepareRuleTestCase(testCase: RuleTestCase, index: number): PreparedRuleTestCase {
  const base = `/cases/${index}/consignment`;
  const raw = testCase.consignment;
  const candidate: Record<string, unknown> = {
    id: `CASE-${index + 1}`,
    kind: 'direct',
    source: { format: 'json', pointer: base },
    goods: [],
    ...raw,
  };
  if (Array.isArray(raw.goods)) {
    candidate.goods = raw.goods.map((item, i) => (isRecord(item) ? { seq: i + 1, description: '', ...item } : item));
  }
  const issues: RuleTestIssue[] = [];
  const check = checkConsignment(candidate, { format: 'json', pointer: base }, base);
  for (const issue of check.issues) {
    issues.push({
      code: 'invalid-consignment',
      severity: issue.severity,
      message: issue.message,
      path: issue.location.pointer ?? base,
    });
  }
  let transport: Transport | undefined;
  if (testCase.transport !== undefined) {
    const parsed = TransportSchema.safeParse(testCase.transport);
    if (parsed.success) transport = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        const path = `/cases/${index}/transport${toPointer(issue.path)}`;
        issues.push({ code: 'invalid-transport', severity: 'error', message: `${path}: ${issue.message}`, path });
      }
    }
  }
  if (!check.ok || issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return transport === undefined
    ? { ok: true, consignment: check.consignment, issues }
    : { ok: true, consignment: check.consignment, transport, issues };
}
