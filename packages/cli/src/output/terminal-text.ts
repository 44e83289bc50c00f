import type { ParseIssue } from '@cargorisk/manifest';

/** The parts of a source location that name a place in the input. */
export interface LocationLike {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly message?: number | undefined;
  readonly segment?: number | undefined;
  readonly pointer?: string | undefined;
}

// C0 and C1 controls, DEL, and the bidirectional overrides: manifest text is untrusted, and an
// escape sequence in a goods description must not repaint an officer's terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a manifest or a rule set made safe to print on a terminal, on one line. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, (c) =>
    c === '\n' || c === '\t' || c === '\r' ? ' ' : `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

/** Shortens to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** `file:line:column`, `file#/json/pointer` or `file segment 12`, whatever the location knows. */
export function formatLocation(input: string, location: LocationLike): string {
  let out = input;
  if (location.line !== undefined)
    out += `:${location.line}${location.column === undefined ? '' : `:${location.column}`}`;
  if (location.message !== undefined) out += ` message ${location.message}`;
  if (location.segment !== undefined) out += ` segment ${location.segment}`;
  if (location.pointer !== undefined && location.pointer !== '') out += `#${location.pointer}`;
  return out;
}

/** One issue on one line: `where: severity code: message (consignment X)`. */
export function formatIssue(input: string, issue: ParseIssue): string {
  const about = issue.consignmentId === undefined ? '' : ` (consignment ${issue.consignmentId})`;
  return safeText(
    `${formatLocation(input, issue.location)}: ${issue.severity} ${issue.code}: ${issue.message}${about}`,
  );
}

/** A value as evidence shows it: strings quoted, the rest as JSON, clipped. */
export function formatValue(value: unknown, max = 120): string {
  if (value === undefined) return '(absent)';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return clip(text, max);
}

/** Integers with thousands separators, locale-independent. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
