// CSV: one row per report, for a supervising office's spreadsheet. Made to open as it is in WPS and
// Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as the system code page), CRLF
// line ends and RFC 4180 quoting. Report text is hostile input: a field a spreadsheet would run as a
// formula is defused (see csvField).
import type { Locale, ReportSummary } from '../core';
import type { CheckedFile } from './format-common';
import { t, type MessageId } from './messages';

type Field = string | number | null | undefined;

const BOM = '\ufeff';
const EOL = '\r\n';

/** The columns, in order: header text (a message id) and the value of a checked report. */
const COLUMNS: { header: MessageId; value: (file: CheckedFile, s: ReportSummary | null) => Field }[] = [
  { header: 'csvPath', value: (f) => f.path },
  { header: 'csvBody', value: (_, s) => s?.body },
  { header: 'csvTitle', value: (_, s) => s?.title },
  { header: 'csvYear', value: (_, s) => s?.year },
  { header: 'csvEdition', value: (_, s) => s?.edition },
  { header: 'csvErrors', value: (f) => f.diagnostics.filter((d) => d.severity === 'error').length },
  { header: 'csvWarnings', value: (f) => f.diagnostics.filter((d) => d.severity === 'warning').length },
  { header: 'csvReceived', value: (_, s) => s?.figures.received },
  { header: 'csvCarriedOver', value: (_, s) => s?.figures.carriedOver },
  { header: 'csvHandled', value: (_, s) => s?.figures.handled },
  { header: 'csvCarriedForward', value: (_, s) => s?.figures.carriedForward },
  { header: 'csvDisclosedShare', value: (_, s) => share(s?.figures.disclosedShare) },
  { header: 'csvReviews', value: (_, s) => s?.figures.reviews },
  { header: 'csvLawsuits', value: (_, s) => s?.figures.lawsuits },
  { header: 'csvProblem', value: () => '' },
];

/** (予以公开 + 部分公开) / 总计 as a percentage with one decimal, which both spreadsheets read as a number. */
function share(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : `${(value * 100).toFixed(1)}%`;
}

/** Characters at the start of a field that make Excel and WPS read it as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field. Text starting like a formula gets a leading apostrophe, so a body name taken from a
 * hostile page (`=HYPERLINK(…)`) is shown, never run; then RFC 4180: a field holding a comma, a quote
 * or a line break is quoted, its quotes doubled. Numbers we write ourselves are never negative
 * formulas and stay numbers.
 */
export function csvField(value: Field): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(fields: readonly Field[]): string {
  return fields.map(csvField).join(',') + EOL;
}

export function csvHeader(locale: Locale): string {
  return BOM + csvRow(COLUMNS.map((c) => t(locale, c.header)));
}

export function csvChunk(file: CheckedFile): string {
  return csvRow(csvFields(file));
}

/** A report's row as values, to be written later (csvRowWith). */
export type CsvFields = Field[];

export function csvFields(file: CheckedFile): CsvFields {
  return COLUMNS.map((c) => c.value(file, file.summary));
}

const ERRORS_COLUMN = COLUMNS.findIndex((c) => c.header === 'csvErrors');
const WARNINGS_COLUMN = COLUMNS.findIndex((c) => c.header === 'csvWarnings');

/**
 * The row of a report whose year-over-year findings (errors and warnings) count in it too. A run
 * that compares years knows them only once every report is read, so its rows wait until then.
 */
export function csvRowWith(fields: CsvFields, crossYear: { error: number; warning: number }): string {
  const row = [...fields];
  row[ERRORS_COLUMN] = Number(row[ERRORS_COLUMN] ?? 0) + crossYear.error;
  row[WARNINGS_COLUMN] = Number(row[WARNINGS_COLUMN] ?? 0) + crossYear.warning;
  return csvRow(row);
}

/** The row of a file that could not be checked: its path and why, the rest empty. */
export function csvErrorChunk(file: string, error: string): string {
  const fields: Field[] = COLUMNS.map(() => null);
  fields[0] = file;
  fields[fields.length - 1] = error;
  return csvRow(fields);
}
