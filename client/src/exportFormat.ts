// "年报：导出摘要" file contents: the key figures and findings of one report as JSON or CSV.
// Pure (no vscode import). Lines are 1-based here, as people and editors count them.
import type { SummaryResult } from '../../server/src/shared/protocol';
import type { ReportSummary } from '../../server/src/core/summary';

export type ExportFormat = 'json' | 'csv';

export interface ExportedSummary {
  file: string;
  title: string | null;
  body: string | null;
  year: number | null;
  edition: string | null;
  sections: { number: number; title: string; present: boolean }[];
  figures: ReportSummary['figures'] | null;
  results: { label: string; value: number | null }[];
  findings: { rule: string; severity: string; line: number; column: number; message: string }[];
}

export function exportedSummary(result: SummaryResult, file: string): ExportedSummary {
  const s = result.summary;
  return {
    file,
    title: s?.title ?? null,
    body: s?.body ?? null,
    year: s?.year ?? null,
    edition: s?.edition ?? null,
    sections: (s?.sections ?? []).map((x) => ({ number: x.number, title: x.title, present: x.present })),
    figures: s ? { ...s.figures } : null,
    results: (s?.results ?? []).map((r) => ({ label: r.label, value: r.value })),
    findings: (result.findings ?? []).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      line: f.line + 1,
      column: f.character + 1,
      message: f.message,
    })),
  };
}

export function formatForFile(fileName: string): ExportFormat {
  return /\.csv$/i.test(fileName) ? 'csv' : 'json';
}

export function exportText(result: SummaryResult, file: string, format: ExportFormat): string {
  const data = exportedSummary(result, file);
  return format === 'csv' ? toCsv(data) : JSON.stringify(data, null, 2) + '\n';
}

/**
 * One rectangular table, so that spreadsheets open it as is: a row per fact, figure, result and
 * finding. UTF-8 with a BOM (Excel needs it to read Chinese) and CRLF line ends (RFC 4180).
 */
function toCsv(data: ExportedSummary): string {
  const rows: (string | number | null)[][] = [['type', 'key', 'label', 'value', 'rule', 'severity', 'line', 'column', 'message']];
  rows.push(['report', 'file', '', data.file, '', '', '', '', '']);
  rows.push(['report', 'title', '', data.title, '', '', '', '', '']);
  rows.push(['report', 'body', '', data.body, '', '', '', '', '']);
  rows.push(['report', 'year', '', data.year, '', '', '', '', '']);
  rows.push(['report', 'edition', '', data.edition, '', '', '', '', '']);
  for (const s of data.sections) rows.push(['section', String(s.number), s.title, s.present ? 1 : 0, '', '', '', '', '']);
  for (const [key, value] of Object.entries(data.figures ?? {})) rows.push(['figure', key, '', value, '', '', '', '', '']);
  for (const r of data.results) rows.push(['result', '', r.label, r.value, '', '', '', '', '']);
  for (const f of data.findings) rows.push(['finding', '', '', '', f.rule, f.severity, f.line, f.column, f.message]);
  return '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A CSV field. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * gets a leading apostrophe: report text is not trusted. Numbers are written as they are.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
