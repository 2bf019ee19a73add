// The output formats. Each file's part is formatted where it was checked (in a worker when there are
// workers), so the main thread only writes strings in order: `fileChunk` gives one file's part,
// `streamHeader`/`joiner`/`streamFooter` wrap the parts into the whole document. Text and JSON are
// here; SARIF, CSV and HTML have their own modules (format-sarif.ts, format-csv.ts, format-html.ts),
// and what they all share is in format-common.ts.
import type { Locale, RuleSetting } from '../core';
import type { OutputFormat } from './args';
import type { FixChange } from './changes';
import { csvChunk, csvErrorChunk, csvHeader } from './format-csv';
import { findingLine, oneLine, printable, range1, shownPath, type CheckedFile, type ReportRow, type RunTotals } from './format-common';
import { htmlChunk, htmlFooter, htmlHeader } from './format-html';
import type { CrossYearFile } from './crossyear';
import { sarifChunk, sarifFooter, sarifHeader } from './format-sarif';

export { printable, range1, shownPath, type CheckedFile, type Range1, type ReportRow, type RunTotals } from './format-common';
export { artifactLocation, rulePageUri, SRCROOT } from './format-sarif';

// ---- what people read: text output and stderr ---------------------------------------------------

function textChunk(file: CheckedFile): string {
  // Joined once rather than appended to: a chain of appends stays a tree of pieces until it is
  // posted to the main thread, and every young-generation collection in between copies the tree.
  const out: string[] = [];
  const shown = shownPath(file.path);
  for (const d of file.diagnostics) {
    const p = file.lines.positionAt(d.start);
    out.push(findingLine(shown, p.line + 1, p.character + 1, d.severity, d.rule, d.message));
  }
  return out.join('');
}

/** At most this many characters of a changed text are shown. */
const CHANGE_SHOWN = 40;

function clipped(text: string): string {
  if (!text) return '""'; // an insertion, or a deletion
  const one = printable(text);
  return one.length > CHANGE_SHOWN ? `${one.slice(0, CHANGE_SHOWN)}…` : one;
}

/** One change of --fix, for stderr: `file:61  7 → 12  将 行政复议 · 总计 改为 12`. */
export function changeLine(file: string, change: FixChange): string {
  const what = `${shownPath(file)}:${change.line}  ${clipped(change.before)} → ${clipped(change.after)}`;
  return change.title ? `${what}  ${printable(oneLine(change.title))}` : what;
}

// ---- json ---------------------------------------------------------------------------------------

function jsonChunk(file: CheckedFile): string {
  const s = file.summary;
  return JSON.stringify({
    path: file.path,
    report: s ? { title: s.title, body: s.body, year: s.year, edition: s.edition } : null,
    ...(file.fixed ? { fixed: true } : {}),
    ...(file.changes.length ? { changes: file.changes } : {}),
    ...(file.unwritten ? { unwritten: file.unwritten } : {}),
    diagnostics: file.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      ...range1(file.lines, d.start, d.end),
      message: d.message,
      fix: d.fix
        ? {
            title: d.fix.title,
            edits: d.fix.edits.map((e) => ({ ...range1(file.lines, e.start, e.end), newText: e.newText })),
          }
        : null,
    })),
  });
}

// ---- one file, and the document around the files ------------------------------------------------

/** Whether the format shows the report's summary (title, body, figures), which then has to be computed. */
export function needsSummary(format: OutputFormat): boolean {
  return format === 'json' || format === 'csv' || format === 'html';
}

export function fileChunk(format: OutputFormat, file: CheckedFile): string {
  switch (format) {
    case 'json':
      return jsonChunk(file);
    case 'sarif':
      return sarifChunk(file);
    case 'csv':
      return csvChunk(file);
    case 'html':
      return htmlChunk(file);
    case 'text':
      return textChunk(file);
  }
}

/**
 * The part of an unreadable file: JSON and CSV give it its own entry; text and SARIF report it on
 * stderr and in notifications, HTML in its table of reports (from the row the main thread keeps).
 */
export function errorChunk(format: OutputFormat, file: string, error: string): string {
  if (format === 'json') return JSON.stringify({ path: file, error });
  if (format === 'csv') return csvErrorChunk(file, error);
  return '';
}

export function streamHeader(format: OutputFormat, context: { locale: Locale; version: string }): string {
  switch (format) {
    case 'json':
      return '{"files":[';
    case 'sarif':
      return sarifHeader(context);
    case 'csv':
      return csvHeader(context.locale);
    case 'html':
      return htmlHeader(context);
    case 'text':
      return '';
  }
}

/** Separator between two non-empty chunks. */
export function joiner(format: OutputFormat): string {
  return format === 'json' || format === 'sarif' ? ',' : '';
}

/** What the end of the document may say about the whole run. */
export interface RunEnd {
  locale: Locale;
  unreadable: readonly { path: string; error: string }[];
  rules: Partial<Record<string, RuleSetting>>;
  totals: RunTotals;
  /** The table of reports (HTML only; empty for the other formats, which do not keep them). */
  rows: readonly ReportRow[];
  /** The json "crossYear" member's value (cli/crossyear.ts), when the run compared years. */
  crossYearJson?: string;
  /** The year-over-year findings (HTML: a section after the reports). */
  crossYear?: readonly CrossYearFile[];
}

export function streamFooter(format: OutputFormat, end: RunEnd): string {
  switch (format) {
    case 'json':
      return end.crossYearJson ? `],"crossYear":${end.crossYearJson}}\n` : ']}\n';
    case 'sarif':
      return sarifFooter(end.unreadable, end.rules);
    case 'html':
      return htmlFooter(end.locale, end.rows, end.totals, end.crossYear);
    case 'csv':
    case 'text':
      return '';
  }
}
