import { formatCount, formatLocation, formatValue } from '../output/terminal-text.js';
import type { AssessmentTally, ListedAssessment } from './assessment-tally.js';
import type { Channel, EvidenceView, HitView } from './assessment-view.js';
import type { ConsignmentContext } from './consignment-context.js';
import { escapeHtml as e } from './html-escape.js';
import { renderHistogram } from './score-histogram.js';

export interface ReportOptions {
  /** Most consignments written out in full; the rest are counted. @default 1000 */
  limit?: number;
  /** Shown in the report's header. @default new Date() */
  generatedAt?: Date;
  /** Title of each rule set by id, when the rule sets were loaded (not read back from NDJSON). */
  ruleSetTitles?: ReadonlyMap<string, string>;
  /** Whether the assessments carry evidence (scored with explain). @default true */
  explained?: boolean;
}

const CHANNEL_MEANING: Record<Channel, string> = {
  red: 'physical examination',
  yellow: 'documentary check',
  blue: 'post-clearance audit',
  green: 'release',
};

const STYLE = `
:root{--red:#b42318;--red-bg:#fee4e2;--yellow:#8a5a00;--yellow-bg:#fef0c7;--blue:#175cd3;--blue-bg:#d1e9ff;
--green:#067647;--green-bg:#dcfae6;--ink:#101828;--muted:#475467;--line:#d0d5dd;--paper:#fff;--tint:#f9fafb}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--tint)}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 12px;border-bottom:1px solid var(--line);padding-bottom:6px}
.meta,.muted{color:var(--muted)}.meta{margin:2px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-top:16px}
.card{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:12px 14px;border-top:5px solid var(--line)}
.card .n{font-size:30px;font-weight:700;display:block;font-variant-numeric:tabular-nums}
.card .what{font-size:13px;color:var(--muted)}
.card.red{border-top-color:var(--red)}.card.yellow{border-top-color:#f79009}.card.blue{border-top-color:var(--blue)}.card.green{border-top-color:var(--green)}
.counts{margin-top:12px;color:var(--muted)}
table{border-collapse:collapse;width:100%;background:var(--paper)}
th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
td.rule{white-space:nowrap}
th{background:var(--tint);font-size:13px;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;border-radius:4px;padding:1px 8px;font-size:12px;font-weight:700;letter-spacing:.04em}
.badge.red{background:var(--red-bg);color:var(--red)}.badge.yellow{background:var(--yellow-bg);color:var(--yellow)}
.badge.blue{background:var(--blue-bg);color:var(--blue)}.badge.green{background:var(--green-bg);color:var(--green)}
article.consignment{background:var(--paper);border:1px solid var(--line);border-left:6px solid var(--line);border-radius:8px;padding:12px 16px;margin:0 0 14px;break-inside:avoid}
article.red{border-left-color:var(--red)}article.yellow{border-left-color:#f79009}article.blue{border-left-color:var(--blue)}
article h3{margin:0 0 4px;font-size:17px;display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.cid{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.score{margin-left:auto;font-variant-numeric:tabular-nums}
dl.context{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0 10px;font-size:14px}
dl.context dt{color:var(--muted)}dl.context dd{margin:0}ul.goods{margin:0;padding-left:18px}
ul.evidence{margin:0;padding-left:18px}ul.evidence li{margin:2px 0}
code,.value{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;overflow-wrap:anywhere}
.value{background:var(--tint);border:1px solid var(--line);border-radius:3px;padding:0 3px}
mark{background:var(--yellow-bg);color:inherit;padding:0 2px;border-radius:2px}
svg.histogram{max-width:100%;height:auto;background:var(--paper);border:1px solid var(--line);border-radius:8px}
svg .bar{fill:#475467}svg .bar.mitigated{fill:#98a2b3}svg .axis{stroke:#98a2b3}
svg text{font:11px system-ui,sans-serif;fill:#344054;text-anchor:middle}svg .axis-label{fill:#667085}
.empty{color:var(--muted);font-style:italic}
footer{margin-top:40px;font-size:13px;color:var(--muted)}
@media print{body{background:#fff}main{padding:0}article.consignment{border-color:#999}}
`;

function badge(channel: Channel): string {
  return `<span class="badge ${channel}">${channel.toUpperCase()}</span>`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function renderEvidence(ev: EvidenceView): string {
  const matched =
    ev.matched === undefined || ev.matched.length === 0
      ? ''
      : ` <mark>${ev.matched.map((m) => e(m)).join('</mark>, <mark>')}</mark>`;
  const list = ev.list === undefined ? '' : ` <span class="muted">(list <code>${e(ev.list)}</code>)</span>`;
  const item = ev.item === undefined ? '' : ` <span class="muted">· goods item ${ev.item}</span>`;
  return `<li><code>${e(ev.fact)}</code> <span class="value">${e(formatValue(ev.value, 300))}</span> <em>${e(ev.operator)}</em>${matched}${list}${item}</li>`;
}

function renderHit(hit: HitView, explained: boolean): string {
  const extra = [hit.action, hit.category]
    .filter((x): x is string => x !== undefined)
    .map(e)
    .join(' · ');
  const evidence =
    hit.evidence.length > 0
      ? `<ul class="evidence">${hit.evidence.map(renderEvidence).join('')}</ul>`
      : `<span class="muted">${explained ? 'no evidence recorded' : 'scored without --explain'}</span>`;
  return (
    `<tr><td class="num">${e(signed(hit.score))}</td>` +
    `<td class="rule"><code>${e(hit.rule)}</code><br><span class="muted">${e(hit.ruleSet)}${hit.version === '' ? '' : ` ${e(hit.version)}`}</span></td>` +
    `<td>${e(hit.message)}${extra === '' ? '' : `<br><span class="muted">${extra}</span>`}</td>` +
    `<td>${evidence}</td></tr>`
  );
}

function renderContext(context: ConsignmentContext | undefined): string {
  if (context === undefined) return '';
  const rows: string[] = [];
  if (context.consignor !== undefined) rows.push(`<dt>Consignor</dt><dd>${e(context.consignor)}</dd>`);
  if (context.consignee !== undefined) rows.push(`<dt>Consignee</dt><dd>${e(context.consignee)}</dd>`);
  if (context.route !== undefined) rows.push(`<dt>Route</dt><dd>${e(context.route)}</dd>`);
  if (context.goods.length > 0) {
    const goods = context.goods
      .map((g) => `<li>${g.hsCode === undefined ? '' : `<code>${e(g.hsCode)}</code> `}${e(g.description)}</li>`)
      .join('');
    rows.push(`<dt>Goods</dt><dd><ul class="goods">${goods}</ul></dd>`);
  }
  return rows.length === 0 ? '' : `<dl class="context">${rows.join('')}</dl>`;
}

function renderConsignment(
  { assessment: a, input, context }: ListedAssessment,
  index: number,
  explained: boolean,
): string {
  // Read back from NDJSON, an assessment knows its manifest's format but not its file name.
  const where = formatLocation(input ?? (a.source.format === undefined ? '' : `(${a.source.format})`), a.source);
  const actions = a.actions.length === 0 ? 'none' : a.actions.map(e).join(', ');
  return (
    `<article class="consignment ${a.channel}" id="c${index}" data-consignment="${e(a.consignmentId)}" data-channel="${a.channel}">` +
    `<h3>${badge(a.channel)} <span class="cid">${e(a.consignmentId)}</span><span class="score">score ${e(String(a.score))}</span></h3>` +
    `<p class="meta">Actions: ${actions}${where === '' ? '' : ` · Source: <code>${e(where)}</code>`}</p>` +
    renderContext(context) +
    (a.hits.length === 0
      ? '<p class="empty">No rule fired.</p>'
      : `<table class="hits"><thead><tr><th class="num">Score</th><th>Rule</th><th>Finding</th><th>Evidence</th></tr></thead><tbody>${a.hits
          .map((h) => renderHit(h, explained))
          .join('')}</tbody></table>`) +
    '</article>'
  );
}

/**
 * The targeting report: one self-contained HTML file (inline CSS and SVG, no scripts, no network;
 * a Content-Security-Policy forbids both) that an officer opens offline. Every value from a
 * manifest or a rule set is escaped.
 *
 * @example
 * writeFileSync('report.html', renderReport(tally, { limit: 500 }));
 */
export function renderReport(tally: AssessmentTally, options: ReportOptions = {}): string {
  const summary = tally.summary();
  const limit = options.limit ?? 1000;
  const explained = options.explained ?? true;
  const generatedAt = (options.generatedAt ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z');
  const listing = tally.sortedListing();
  const shown = listing.slice(0, limit);
  const { channels } = summary;
  const c = summary.consignments;

  const cards = (['red', 'yellow', 'blue', 'green'] as const)
    .map(
      (ch) =>
        `<div class="card ${ch}" id="channel-${ch}"><span class="badge ${ch}">${ch.toUpperCase()}</span>` +
        `<span class="n">${formatCount(channels[ch])}</span><span class="what">${CHANNEL_MEANING[ch]}</span></div>`,
    )
    .join('');

  const ruleRows = tally
    .topRules(20)
    .map(
      (r) =>
        `<tr><td class="rule"><code>${e(r.rule)}</code><br><span class="muted">${e(r.ruleSet)}</span></td><td>${e(r.message)}</td>` +
        `<td class="num">${e(signed(r.score))}</td><td class="num">${formatCount(r.hits)}</td></tr>`,
    )
    .join('');

  const ruleSetRows = [...tally.ruleSets.values()]
    .map((r) => {
      const title = options.ruleSetTitles?.get(r.id);
      return `<li><code>${e(r.id)}</code> ${e(r.version)}${title === undefined ? '' : ` — ${e(title)}`} <span class="muted">sha256 ${e(r.sha256)}</span></li>`;
    })
    .join('');

  const issueRows = tally.issues
    .map(
      ({ input, issue }) =>
        `<tr><td><code>${e(formatLocation(input, issue.location))}</code></td><td>${e(issue.severity)}</td>` +
        `<td><code>${e(issue.code)}</code></td><td>${e(issue.message)}</td><td>${e(issue.consignmentId ?? '')}</td></tr>`,
    )
    .join('');
  const issueCount = summary.issues.errors + summary.issues.warnings;

  const notShown = listing.length - shown.length;
  const belowMin = summary.consignments.assessed - summary.reported;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cargorisk">
<title>Cargo targeting report: ${formatCount(summary.reported)} of ${formatCount(c.assessed)} consignments targeted</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>Cargo targeting report</h1>
<p class="meta">Generated ${e(generatedAt)} from ${tally.inputs.length === 0 ? 'no named input' : tally.inputs.map((i) => `<code>${e(i)}</code>`).join(', ')}</p>
</header>

<section id="summary">
<h2>Summary by channel</h2>
<div class="cards">${cards}</div>
<p class="counts" id="counts">${formatCount(c.read)} consignments read: <strong>${formatCount(c.assessed)}</strong> assessed,
<strong>${formatCount(c.rejected)}</strong> reported as input issues${summary.failedInputs > 0 ? `; ${summary.failedInputs} input${summary.failedInputs === 1 ? '' : 's'} could not be read` : ''}.
${formatCount(summary.reported)} at or above ${summary.minChannel} are listed below.</p>
</section>

<section id="histogram">
<h2>Score distribution</h2>
${renderHistogram(tally.scores)}
</section>

<section id="rules">
<h2>Rules that fired most</h2>
${ruleRows === '' ? '<p class="empty">No rule fired.</p>' : `<table><thead><tr><th>Rule</th><th>Message</th><th class="num">Score</th><th class="num">Consignments</th></tr></thead><tbody>${ruleRows}</tbody></table>`}
</section>

<section id="targeted">
<h2>Targeted consignments</h2>
${shown.length === 0 ? `<p class="empty">No consignment at or above ${summary.minChannel}.</p>` : shown.map((row, i) => renderConsignment(row, i + 1, explained)).join('\n')}
${notShown > 0 ? `<p class="muted">${formatCount(notShown)} more at or above ${summary.minChannel} not shown (the report lists the ${formatCount(limit)} highest scores).</p>` : ''}
${belowMin > 0 ? `<p class="muted">${formatCount(belowMin)} assessed consignments below ${summary.minChannel} are counted above and not listed.</p>` : ''}
</section>

<section id="issues">
<h2>Input issues</h2>
${issueCount === 0 ? '<p class="empty">None.</p>' : `<p class="muted">${formatCount(summary.issues.errors)} errors (the record was not assessed), ${formatCount(summary.issues.warnings)} warnings (assessed, with a doubt)${issueCount > tally.issues.length ? `; the first ${formatCount(tally.issues.length)} are listed` : ''}.</p><table><thead><tr><th>Where</th><th>Severity</th><th>Code</th><th>Message</th><th>Consignment</th></tr></thead><tbody>${issueRows}</tbody></table>`}
</section>

<footer>
<p>Rule sets:</p>
${ruleSetRows === '' ? '<p class="empty">none recorded</p>' : `<ul>${ruleSetRows}</ul>`}
<p>Written by cargorisk. Channels: red (physical examination), yellow (documentary check), blue (post-clearance audit), green (release).</p>
</footer>
</main>
</body>
</html>
`;
}
