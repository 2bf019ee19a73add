// Which files the workspace check looks at, and what it says when done. Pure (no vscode import), so
// the panel tests check it outside VS Code.
import type { CheckedFile } from '../../server/src/shared/protocol';
import { format, type Messages } from './i18n';

/** Every format Nianbao reads. */
export const REPORT_GLOB = '**/*.{txt,md,html,htm,docx,doc,pdf}';
/** A workspace with more candidate files than this is checked up to here, with a message. */
export const MAX_FILES = 5000;
/** Files per nianbao/checkFiles request: small enough for a smooth progress bar and a prompt cancel. */
export const BATCH_SIZE = 10;
/** Never worth reading, whatever files.exclude says. */
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/**
 * The exclude glob for findFiles: node_modules and .git, plus every files.exclude pattern set to
 * true. (Passing any exclude to findFiles replaces files.exclude, so it is merged in here. A pattern
 * with its own braces cannot sit inside the one brace group and is left out; `when` clauses too.)
 */
export function excludeGlob(filesExclude: unknown): string {
  const patterns = [...ALWAYS_EXCLUDED];
  if (filesExclude && typeof filesExclude === 'object') {
    for (const [pattern, on] of Object.entries(filesExclude as Record<string, unknown>)) {
      if (on === true && pattern && !/[{},]/.test(pattern) && !patterns.includes(pattern)) patterns.push(pattern);
    }
  }
  return `{${patterns.join(',')}}`;
}

/** `items` in consecutive groups of `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** LSP DiagnosticSeverity values. */
const LSP_ERROR = 1;
const LSP_WARNING = 2;

/** The closing sentence(s) of a workspace check. */
export function workspaceSummary(
  m: Messages,
  files: readonly CheckedFile[],
  found: number,
  options: { cancelled: boolean; truncated: boolean; fileLabel: (uri: string) => string },
): string {
  if (options.cancelled) return format(m.workspaceCancelled, { done: files.length, total: found });
  let errors = 0;
  let warnings = 0;
  let reports = 0;
  const unreadable: CheckedFile[] = [];
  for (const file of files) {
    if (file.state === 'unreadable') unreadable.push(file);
    if (file.state !== 'report') continue;
    reports++;
    for (const d of file.diagnostics) {
      if (d.severity === LSP_ERROR) errors++;
      else if (d.severity === LSP_WARNING) warnings++;
    }
  }
  const parts = [format(m.workspaceDone, { files: files.length, reports, errors, warnings })];
  if (unreadable.length > 0) {
    const first = unreadable[0];
    parts.push(format(m.workspaceUnreadable, { count: unreadable.length, file: options.fileLabel(first.uri), reason: first.message ?? '' }));
  }
  if (options.truncated) parts.push(format(m.workspaceTooMany, { max: MAX_FILES }));
  return parts.join(' ');
}
