// HTML: one self-contained page a reviewer opens offline and prints. No external resource, no
// framework: the style sheet is inline, the only script sorts the table of reports by errors (the
// page reads and prints the same without it). Everything taken from a report or a file name is
// escaped (reports are hostile input).
//
// The page streams like the other formats: each report's section (its findings and its 办理结果
// chart) is formatted where the file was checked and written as soon as it is in order, so findings
// never pile up in memory. The summary at the top needs the run's totals, known only at the end: it
// is written last, after the sections, and shown first by the style sheet (the page is a flex column
// and the summary has `order: -1`; browsers lay out, and print, in that order). All the main thread
// keeps until then is a small row per report (ReportRow: path, title, body, year, edition, counts),
// some 200 bytes each: 2 MB for 10,000 reports.
import { resultTotals, type Locale, type ReportSummary, type Severity } from '../core';
import { oneLine, printable, range1, type CheckedFile, type ReportIdentity, type ReportRow, type RunTotals } from './format-common';
import { t, type MessageId } from './messages';
import type { CrossYearFile } from './crossyear';

/** Text for an HTML text node or a quoted attribute; control and bidi characters shown as escapes. */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SEVERITY_NAME: Record<Severity, MessageId> = {
  error: 'sevError',
  warning: 'sevWarning',
  information: 'sevInformation',
  hint: 'sevHint',
};

function editionName(locale: Locale, edition: string): string {
  if (edition === '2021') return t(locale, 'edition2021');
  if (edition === '2019') return t(locale, 'edition2019');
  if (edition === 'pre-2019') return t(locale, 'editionPre2019');
  return t(locale, 'editionUnknown');
}

// ---- the page around the reports ----------------------------------------------------------------

const STYLE = `
:root{color-scheme:light}
body{margin:0;color:#1b1b1b;background:#fff;line-height:1.5;font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
.page{display:flex;flex-direction:column;max-width:64rem;margin:0 auto;padding:1rem}
#summary{order:-1}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.25rem;margin:.25rem 0}
h3{font-size:1rem;margin:1rem 0 .25rem}
.totals{display:flex;flex-wrap:wrap;gap:.5rem 2rem;margin:.5rem 0 1rem;padding:0}
.totals div{display:flex;gap:.5rem}.totals dt{color:#555}.totals dd{margin:0;font-weight:bold}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #c8c8c8;padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#f2f2f2;white-space:nowrap}
th[aria-sort=descending] button::after{content:" ▼"}th[aria-sort=ascending] button::after{content:" ▲"}
td.nowrap{white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.path,.meta .path{color:#555;font-size:.85em;word-break:break-all}
tr.unreadable td{color:#8a1c1c}
th button{font:inherit;font-weight:bold;border:0;background:none;padding:0;cursor:pointer;text-decoration:underline dotted}
.report{margin-top:2.5rem;padding-top:.5rem;border-top:2px solid #555}
.meta{margin:.25rem 0;color:#333}
.meta span+span::before{content:" · ";color:#999}
.findings td:first-child{white-space:nowrap}
.sev-error{color:#b00020;font-weight:bold}.sev-warning{color:#8a5a00}
.chart{width:auto;min-width:50%}.chart td{border:0;padding:.1rem .45rem}
.chart td.bar{width:20rem}
.chart svg{display:block;width:100%;height:.9em}
.chart rect{fill:#3d6fa8}
.none{color:#555}
.top{font-size:.85em}
@media print{
  .page{max-width:none;padding:0}
  .report{break-before:page;border-top:0;margin-top:0}
  .top{display:none}
  th button{text-decoration:none}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}`;

export function htmlHeader(context: { locale: Locale; version: string }): string {
  const { locale } = context;
  return (
    `<!DOCTYPE html>\n<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="nianbao ${escapeHtml(context.version)}">\n` +
    `<title>${escapeHtml(t(locale, 'htmlTitle'))}</title>\n<style>${STYLE}\n</style>\n</head>\n<body>\n<div class="page">\n<main id="reports">\n`
  );
}

/**
 * Sorts the table of reports by errors: the first click puts the most errors first, the next the
 * fewest; ties by warnings, then the order given. Unreadable files count as the worst. Plain DOM
 * calls only (getAttribute, appendChild), so that it runs in any browser and can be tested.
 */
export const SORT_SCRIPT = `(function () {
  var button = document.getElementById('sort-errors');
  var table = document.getElementById('index');
  if (!button || !table) return;
  var descending = false;
  function key(row, name) { return Number(row.getAttribute(name)) || 0; }
  button.addEventListener('click', function () {
    descending = !descending;
    var sign = descending ? 1 : -1;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      return sign * (key(b, 'data-unreadable') - key(a, 'data-unreadable')) ||
        sign * (key(b, 'data-errors') - key(a, 'data-errors')) ||
        sign * (key(b, 'data-warnings') - key(a, 'data-warnings')) ||
        key(a, 'data-index') - key(b, 'data-index');
    });
    for (var i = 0; i < rows.length; i++) body.appendChild(rows[i]);
    button.parentNode.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  });
})();`;

function indexRow(locale: Locale, row: ReportRow): string {
  const n = row.index + 1;
  const attrs = `data-index="${row.index}" data-errors="${row.errors}" data-warnings="${row.warnings}" data-unreadable="${row.error === undefined ? 0 : 1}"`;
  const path = `<td class="path">${escapeHtml(row.path)}</td>`;
  if (row.error !== undefined) {
    return `<tr class="unreadable" ${attrs}><td class="n">${n}</td>${path}<td colspan="6">${escapeHtml(t(locale, 'htmlUnreadableRow', { reason: oneLine(row.error) }))}</td></tr>\n`;
  }
  const r = row.report;
  const title = r?.title ?? r?.body ?? row.path;
  return (
    `<tr ${attrs}><td class="n"><a href="#r${row.index}">${n}</a></td>${path}` +
    `<td><a href="#r${row.index}">${escapeHtml(title)}</a></td><td>${escapeHtml(r?.body ?? '—')}</td>` +
    `<td class="n">${r?.year ?? '—'}</td><td class="nowrap">${escapeHtml(r ? editionName(locale, r.edition) : '—')}</td>` +
    `<td class="n">${row.errors}</td><td class="n">${row.warnings}</td></tr>\n`
  );
}

function totalsList(locale: Locale, totals: RunTotals): string {
  const item = (label: MessageId, value: number) => `<div><dt>${escapeHtml(t(locale, label))}</dt><dd>${value}</dd></div>`;
  return (
    `<dl class="totals">${item('htmlChecked', totals.files)}${item('htmlClean', totals.clean)}` +
    `${item('htmlWithErrors', totals.withErrors)}${item('htmlUnreadable', totals.unreadable)}</dl>\n`
  );
}

/** The summary (written last, shown first), the sort script, and the end of the page. */
/**
 * The year-over-year findings, known only once every report has been read: a section of their own
 * after the reports, one table per report that has any.
 */
function crossYearSection(locale: Locale, files: readonly CrossYearFile[]): string {
  if (!files.length) return '';
  const h = (id: MessageId) => escapeHtml(t(locale, id));
  const tables = files.map((f) => {
    const rows = f.diagnostics.map(
      (d) =>
        `<tr><td class="n">${d.place.line}</td><td class="nowrap sev-${d.severity}">${h(SEVERITY_NAME[d.severity])}</td>` +
        `<td class="nowrap"><code>${escapeHtml(d.rule)}</code></td><td>${escapeHtml(oneLine(d.message))}</td></tr>`,
    );
    return (
      `<h3>${escapeHtml(f.path)}</h3>\n<table class="findings">\n<thead><tr><th class="n">${h('htmlLine')}</th><th>${h('htmlSeverity')}</th>` +
      `<th>${h('htmlRule')}</th><th>${h('htmlMessage')}</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n`
    );
  });
  return `<section class="report" id="cross-year">\n<h2>${h('htmlCrossYear')}</h2>\n${tables.join('')}</section>\n`;
}

export function htmlFooter(
  locale: Locale,
  rows: readonly ReportRow[],
  totals: RunTotals,
  crossYear: readonly CrossYearFile[] = [],
): string {
  const h = (id: MessageId) => escapeHtml(t(locale, id));
  const head =
    `<thead><tr><th class="n">#</th><th>${h('htmlPath')}</th><th>${h('htmlReport')}</th><th>${h('htmlBody')}</th>` +
    `<th class="n">${h('htmlYear')}</th><th>${h('htmlEdition')}</th>` +
    `<th class="n" aria-sort="none"><button type="button" id="sort-errors" title="${h('htmlSortHint')}">${h('htmlErrors')}</button></th>` +
    `<th class="n">${h('htmlWarnings')}</th></tr></thead>\n`;
  const body = rows.length ? rows.map((row) => indexRow(locale, row)).join('') : `<tr><td colspan="8" class="none">${h('htmlNoReports')}</td></tr>\n`;
  return (
    `${crossYearSection(locale, crossYear)}</main>\n<section id="summary">\n<h1>${h('htmlTitle')}</h1>\n${totalsList(locale, totals)}` +
    `<table id="index">\n${head}<tbody>\n${body}</tbody>\n</table>\n</section>\n</div>\n` +
    `<script>\n${SORT_SCRIPT}\n</script>\n</body>\n</html>\n`
  );
}

// ---- one report ---------------------------------------------------------------------------------

/**
 * The 办理结果 as horizontal bars, each an inline SVG rectangle scaled to the largest kind: SVG is
 * printed as drawn, where CSS backgrounds are dropped by the browsers' default print settings.
 */
function resultsChart(locale: Locale, summary: ReportSummary | null): string {
  const kinds = summary ? resultTotals(summary.results) : [];
  if (!kinds.some((k) => k.value !== null)) return `<p class="none">${escapeHtml(t(locale, 'htmlNoResults'))}</p>\n`;
  const largest = Math.max(1, ...kinds.map((k) => k.value ?? 0));
  const rows = kinds.map((k) => {
    const width = k.value === null ? 0 : Math.max(0, Math.min(100, (k.value / largest) * 100));
    const bar = `<svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect width="${+width.toFixed(2)}" height="10"/></svg>`;
    return `<tr><td>${escapeHtml(k.label)}</td><td class="bar">${bar}</td><td class="n">${k.value ?? '—'}</td></tr>`;
  });
  return `<table class="chart">\n${rows.join('\n')}\n</table>\n`;
}

function findingsTable(file: CheckedFile): string {
  const { locale } = file;
  const h = (id: MessageId) => escapeHtml(t(locale, id));
  if (!file.diagnostics.length) return `<p class="none">${h('htmlNoFindings')}</p>\n`;
  const rows = file.diagnostics.map((d) => {
    const at = range1(file.lines, d.start, d.end);
    return (
      `<tr><td class="n">${at.line}</td><td class="nowrap sev-${d.severity}">${h(SEVERITY_NAME[d.severity])}</td>` +
      `<td class="nowrap"><code>${escapeHtml(d.rule)}</code></td><td>${escapeHtml(oneLine(d.message))}</td></tr>`
    );
  });
  return (
    `<table class="findings">\n<thead><tr><th class="n">${h('htmlLine')}</th><th>${h('htmlSeverity')}</th>` +
    `<th>${h('htmlRule')}</th><th>${h('htmlMessage')}</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n`
  );
}

export function htmlChunk(file: CheckedFile): string {
  const { locale, summary: s } = file;
  const h = (id: MessageId) => escapeHtml(t(locale, id));
  const count = (severity: Severity) => file.diagnostics.filter((d) => d.severity === severity).length;
  const colon = locale === 'en' ? ': ' : '：';
  const field = (id: MessageId, value: string | number) => `<span>${h(id)}${colon}${escapeHtml(String(value))}</span>`;
  const meta = [
    `<span class="path">${escapeHtml(file.path)}</span>`,
    field('htmlBody', s?.body ?? '—'),
    field('htmlYear', s?.year ?? '—'),
    field('htmlEdition', s ? editionName(locale, s.edition) : '—'),
    field('htmlErrors', count('error')),
    field('htmlWarnings', count('warning')),
  ];
  return (
    `<section class="report" id="r${file.index}">\n<h2>${escapeHtml(s?.title ?? s?.body ?? file.path)}</h2>\n` +
    `<p class="meta">${meta.join('')}</p>\n<h3>${h('htmlFindings')}</h3>\n${findingsTable(file)}` +
    `<h3>${h('htmlResults')}</h3>\n${resultsChart(locale, s)}<p class="top"><a href="#summary">${h('htmlBackToSummary')}</a></p>\n</section>\n`
  );
}

/** The identity a report's row in the table of reports needs (sent to the main thread). */
export function reportIdentity(summary: ReportSummary | null): ReportIdentity | null {
  return summary ? { title: summary.title, body: summary.body, year: summary.year, edition: summary.edition } : null;
}
