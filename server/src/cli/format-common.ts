// What every output format shares: one checked file as the formatters see it, 1-based ranges, the
// totals of a run, and the escaping of text meant for a terminal.
//
// Positions are 1-based lines and columns, columns in UTF-16 code units (as LSP counts them, so a
// CJK character counts 1 and an emoji 2); the end is exclusive (the column after the last character).
import type { Diagnostic, Locale, ReportSummary, LineIndex } from '../core';
import type { FixChange } from './changes';

export interface Range1 {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function range1(lines: LineIndex, start: number, end: number): Range1 {
  const a = lines.positionAt(start);
  const b = lines.positionAt(end);
  return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

/** Everything a formatter needs about one checked file. */
export interface CheckedFile {
  /** The file's place among the inputs (the HTML page links its sections by it). */
  index: number;
  path: string;
  locale: Locale;
  lines: LineIndex;
  diagnostics: Diagnostic[];
  /** The report at a glance; only computed for the formats that show it (json, csv, html). */
  summary: ReportSummary | null;
  fixed: boolean;
  /** What --fix changed (or --fix-dry-run would change); empty otherwise. */
  changes: FixChange[];
  /** Why --fix did not write the file. */
  unwritten?: string;
}

/** Who wrote a report and when: what the HTML page's table of reports shows of each. */
export type ReportIdentity = Pick<ReportSummary, 'title' | 'body' | 'year' | 'edition'>;

/** One line of the HTML page's table of reports, kept by the main thread until the end of the run. */
export interface ReportRow {
  index: number;
  path: string;
  report: ReportIdentity | null;
  errors: number;
  warnings: number;
  /** Why the file could not be checked. */
  error?: string;
}

/** The run as a whole: what the closing summary line and the HTML page's header say. */
export interface RunTotals {
  /** Files given to check (readable or not). */
  files: number;
  /** Checked, with neither an error nor a warning. */
  clean: number;
  /** Checked, with at least one error. */
  withErrors: number;
  unreadable: number;
}

export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** One finding of the text format: `path:line:col severity rule message`, 1-based, on one printable line. */
export function findingLine(shown: string, line: number, column: number, severity: string, rule: string, message: string): string {
  // Almost every message is printable as it is (so holds no line break either): one scan for the
  // characters instead of oneLine's and printable's replacing passes.
  const text = HAS_UNPRINTABLE.test(message) ? printable(oneLine(message)) : message;
  return `${shown}:${line}:${column} ${severity} ${rule} ${text}\n`;
}

/**
 * Characters that would let a file name, or report text quoted in a message, forge or hide output in
 * a terminal: C0 and C1 controls (line breaks, ESC), DEL, the line and paragraph separators, and the
 * marks and controls of bidirectional text (which reorder what is shown).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const HAS_UNPRINTABLE = new RegExp(UNPRINTABLE.source);

function escapeChar(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  const hex = c.charCodeAt(0).toString(16);
  return c.charCodeAt(0) < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

/** Text with every unprintable character written as an escape (\n, \x1b, \u202e). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeChar);
}

/**
 * A path as shown on one line of text: as it is, unless it holds an unprintable character; then in
 * double quotes with C escapes (as git shows such names), so that it cannot pass for another line.
 */
export function shownPath(file: string): string {
  if (!HAS_UNPRINTABLE.test(file)) return file;
  return `"${printable(file.replace(/["\\]/g, '\\$&'))}"`;
}
