import { describe, expect, it } from 'vitest';
import { formatIssue, formatLocation, safeText } from '../src/output/terminal-text.js';

describe('safeText', () => {
  it('shows terminal escapes and bidirectional overrides as code points instead of sending them', () => {
    expect(safeText('A\u001b[2JB\u202eC\u0007')).toBe('A\\u{1b}[2JB\\u{202e}C\\u{7}');
    expect(safeText('two\nlines')).toBe('two lines');
  });
});

describe('formatLocation', () => {
  it('names line and column, EDIFACT message and segment, and JSON pointer', () => {
    expect(formatLocation('a.xml', { line: 3, column: 7 })).toBe('a.xml:3:7');
    expect(formatLocation('v.edi', { message: 1, segment: 12 })).toBe('v.edi message 1 segment 12');
    expect(formatLocation('m.json', { pointer: '/consignments/2/id' })).toBe('m.json#/consignments/2/id');
  });
});

describe('formatIssue', () => {
  it('puts the location, severity, code, message and consignment on one safe line', () => {
    const line = formatIssue('m.ndjson', {
      code: 'invalid-value',
      severity: 'error',
      message: 'bad\u001b[31m value',
      location: { line: 2 },
      consignmentId: 'X1',
    });
    expect(line).toBe('m.ndjson:2: error invalid-value: bad\\u{1b}[31m value (consignment X1)');
  });
});
