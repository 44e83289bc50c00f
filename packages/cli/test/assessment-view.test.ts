import { describe, expect, it } from 'vitest';
import { toAssessmentView } from '../src/report/assessment-view.js';

const valid = {
  consignmentId: 'C1',
  score: 40,
  channel: 'yellow',
  actions: ['document-check'],
  hits: [
    {
      ruleSet: 'gs',
      rule: 'R1',
      version: '1',
      score: 40,
      message: 'm',
      evidence: [{ fact: 'hsCode', value: '310230', operator: 'hsIn', matched: ['3102'] }],
    },
  ],
  ruleSets: [{ id: 'gs', version: '1', sha256: 'x' }],
  source: { format: 'json', line: 3, extra: 'dropped' },
};

describe('toAssessmentView', () => {
  it('accepts an assessment as the scorer writes it, keeping only known source fields', () => {
    const view = toAssessmentView(valid);
    expect(view.hits[0]?.evidence[0]?.matched).toEqual(['3102']);
    expect(view.source).toEqual({ format: 'json', line: 3 });
  });

  it.each([
    [{ ...valid, channel: 'purple' }, /\/channel/],
    [{ ...valid, score: '40' }, /\/score/],
    [{ ...valid, consignmentId: 1 }, /\/consignmentId/],
    [{ ...valid, hits: [{ rule: 'R1' }] }, /\/hits\/0/],
    [{ ...valid, hits: [{ ...valid.hits[0], evidence: [{ fact: 1 }] }] }, /\/hits\/0\/evidence\/0/],
    [[], /JSON object/],
  ])('refuses %j naming where', (raw, message) => {
    expect(() => toAssessmentView(raw)).toThrow(message);
  });
});
