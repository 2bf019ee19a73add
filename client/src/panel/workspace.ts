// The summary panel's workspace view, after 检查工作区全部报告: one row per report (body, year,
// edition, errors, warnings), sortable, a click opens the report. This module is the pure part (no
// vscode import): rows from the server's nianbao/checkFiles answers, the strings the script needs,
// the page, and the validation of what the page sends back.
import type { CheckedFile } from '../../../server/src/shared/protocol';
import type { EditionId } from '../../../server/src/core/types';
import { format, messages, someMessages, type Locale, type Messages } from '../i18n';
import { renderWebviewHtml } from './html';
import { editionName } from './model';
import { WORKSPACE_SCRIPT } from './workspaceScript';

export interface WorkspaceRow {
  /** The file's URI, for opening it (never shown). */
  uri: string;
  /** Its path relative to the workspace folder, as shown. */
  file: string;
  body: string;
  year: string;
  edition: string;
  errors: number;
  warnings: number;
}

export interface WorkspaceData {
  /** How many files were checked (reports or not). */
  files: number;
  rows: WorkspaceRow[];
  /** The sentence above the table, already filled in. */
  intro: string;
}

/** LSP DiagnosticSeverity values (the answer carries LSP diagnostics). */
const LSP_ERROR = 1;
const LSP_WARNING = 2;

/** Rows for the files that are reports, most errors first (then most warnings, then by path). */
export function toWorkspaceData(files: readonly CheckedFile[], relativePath: (uri: string) => string, locale: Locale): WorkspaceData {
  const m = messages(locale);
  const rows: WorkspaceRow[] = [];
  for (const file of files) {
    if (file.state !== 'report') continue;
    let errors = 0;
    let warnings = 0;
    for (const d of file.diagnostics ?? []) {
      if (d.severity === LSP_ERROR) errors++;
      else if (d.severity === LSP_WARNING) warnings++;
    }
    rows.push({
      uri: file.uri,
      file: relativePath(file.uri),
      body: file.body ?? m.panelUnknown,
      year: typeof file.year === 'number' ? String(file.year) : m.panelUnknown,
      edition: file.edition ? editionName(file.edition as EditionId, m) : m.panelUnknown,
      errors,
      warnings,
    });
  }
  rows.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files: files.length, rows, intro: format(m.wsIntro, { reports: rows.length, files: files.length }) };
}

const WORKSPACE_STRINGS = ['wsTitle', 'wsEmpty', 'wsFile', 'panelBody', 'panelYear', 'panelEdition', 'wsErrors', 'wsWarnings'] as const;

export type WorkspaceStrings = Pick<Messages, (typeof WORKSPACE_STRINGS)[number]>;

export function workspaceStrings(locale: Locale): WorkspaceStrings {
  return someMessages(locale, WORKSPACE_STRINGS);
}

export function renderWorkspaceHtml(input: { data: WorkspaceData; nonce: string; cspSource: string; locale: Locale }): string {
  const strings = workspaceStrings(input.locale);
  return renderWebviewHtml({ ...input, title: strings.wsTitle, strings, script: WORKSPACE_SCRIPT });
}

export type WorkspaceCommand = { command: 'open'; index: number } | { command: 'ready' };

/** What the page sent, when it is a command it sends and (for `open`) a row it has; else null. */
export function parseWorkspaceMessage(message: unknown, rowCount: number): WorkspaceCommand | null {
  if (typeof message !== 'object' || message === null) return null;
  const { command, index } = message as Record<string, unknown>;
  if (command === 'ready') return { command };
  if (command !== 'open') return null;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= rowCount) return null;
  return { command, index };
}
