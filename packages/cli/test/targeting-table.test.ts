import { describe, expect, it } from 'vitest';
import { renderTable } from '../src/output/targeting-table.js';
import type { AssessmentView } from '../src/report/assessment-view.js';

const assessment = (id: string, description: string): AssessmentView => ({
  consignmentId: id,
  score: 45,
  channel: 'yellow',
  actions: ['document-check'],
  hits: [
    {
      ruleSet: 'gs',
      rule: 'GS-1',
      version: '1',
      score: 45,
      message: 'Precursor',
      action: 'document-check',
      evidence: [
        {
          fact: 'description',
          value: description,
          operator: 'mentions',
          matched: ['ammonium nitrate'],
          list: 'names',
          item: 2,
        },
      ],
    },
  ],
  ruleSets: [],
  source: { line: 7 },
});

describe('renderTable', () => {
  it('lists a consignment a line and, explained, each hit and its evidence', () => {
    const lines = renderTable([{ assessment: assessment('C-1', 'AMMONIUM NITRATE'), input: 'v.ndjson' }], {
      explain: true,
      color: false,
    });
    expect(lines[0]).toMatch(/^CHANNEL\s+SCORE\s+CONSIGNMENT\s+SOURCE\s+ACTIONS$/);
    expect(lines[1]).toMatch(/^YELLOW\s+45\s+C-1\s+v\.ndjson:7\s+document-check$/);
    expect(lines[2]).toContain('+45  gs/GS-1: Precursor → document-check');
    expect(lines[3]).toContain('description "AMMONIUM NITRATE" mentions "ammonium nitrate" (list names), item 2');
    expect(renderTable([{ assessment: assessment('C-1', 'x') }], { explain: false, color: false })).toHaveLength(2);
  });

  it("never sends a manifest's terminal escapes to the terminal", () => {
    const lines = renderTable([{ assessment: assessment('C\u001b]0;owned\u0007', 'A\u001b[2J\u009bB') }], {
      explain: true,
      color: false,
    });
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(lines[1]).toContain('C\\u{1b}]0;owned\\u{7}');
  });
});
