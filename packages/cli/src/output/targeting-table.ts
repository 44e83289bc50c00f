import type { ListedAssessment } from '../report/assessment-tally.js';
import type { Channel, EvidenceView, HitView } from '../report/assessment-view.js';
import { clip, formatLocation, formatValue, safeText } from './terminal-text.js';

export interface TableOptions {
  /** Show each hit and its evidence under its consignment. */
  explain: boolean;
  /** ANSI colours for the channel. */
  color: boolean;
}

const COLOR: Record<Channel, string> = {
  red: '\u001b[1;31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  green: '\u001b[32m',
};
const RESET = '\u001b[0m';

function pad(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

/** `description "USED CIGARETTE…" mentions cigarette (list pg-words), item 1` */
export function formatEvidence(e: EvidenceView): string {
  const matched =
    e.matched === undefined || e.matched.length === 0 ? '' : ` ${e.matched.map((m) => JSON.stringify(m)).join(', ')}`;
  const list = e.list === undefined ? '' : ` (list ${e.list})`;
  const item = e.item === undefined ? '' : `, item ${e.item}`;
  return safeText(`${e.fact} ${formatValue(e.value, 80)} ${e.operator}${matched}${list}${item}`);
}

function formatHit(hit: HitView): string {
  const score = hit.score >= 0 ? `+${hit.score}` : String(hit.score);
  const action = hit.action === undefined ? '' : ` → ${hit.action}`;
  return safeText(`${pad(score, 5)}${hit.ruleSet}/${hit.rule}: ${hit.message}${action}`);
}

/**
 * The targeting table: one line per consignment, highest score first, and with `explain` each hit
 * with what in the consignment made it fire.
 *
 * @example
 * renderTable(tally.sortedListing(), { explain: true, color: false }).join('\n')
 */
export function renderTable(rows: readonly ListedAssessment[], options: TableOptions): string[] {
  if (rows.length === 0) return [];
  const idWidth = Math.min(32, Math.max(11, ...rows.map((r) => [...safeText(r.assessment.consignmentId)].length)));
  const where = rows.map(({ assessment: a, input }) => clip(safeText(formatLocation(input ?? '', a.source)), 60));
  const whereWidth = Math.max(6, ...where.map((w) => [...w].length));
  const lines = [
    `${pad('CHANNEL', 8)}${pad('SCORE', 7)}${pad('CONSIGNMENT', idWidth + 2)}${pad('SOURCE', whereWidth + 2)}ACTIONS`,
  ];
  for (const [i, { assessment: a }] of rows.entries()) {
    const channel = pad(a.channel.toUpperCase(), 8);
    const coloured = options.color ? `${COLOR[a.channel]}${channel}${RESET}` : channel;
    const actions = a.actions.length === 0 ? '—' : a.actions.join(', ');
    lines.push(
      `${coloured}${pad(String(a.score), 7)}${pad(clip(safeText(a.consignmentId), idWidth), idWidth + 2)}${pad(where[i]!, whereWidth + 2)}${safeText(actions)}`,
    );
    if (!options.explain) continue;
    for (const hit of a.hits) {
      lines.push(`        ${formatHit(hit)}`);
      for (const e of hit.evidence) lines.push(`               ${formatEvidence(e)}`);
    }
  }
  return lines;
}
