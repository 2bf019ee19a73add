// Code actions: the engine's fixes for a finding (quickfixes: its fix and any candidate alternatives,
// one action each), every certain fix at once (quickfix when there are several,
// `source.fixAll.nianbao` for editor.codeActionsOnSave, and the `nianbao.server.fixAll` command),
// and "忽略此问题", which dismisses one finding without turning its rule off.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { batchFixable, lineTextAt, type Diagnostic, type Fix, type TextEdit } from '../core/index';
import type { Analysis } from './analysis';
import { SOURCE, toLspEdit, type DiagnosticData } from './convert';
import { fixAllEdits } from './fixes';
import type { EditSupport, IgnoreStore } from './ignoreFile';
import { t } from './messages';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;

export interface CodeActionDeps {
  ignore: IgnoreStore;
  editSupport: EditSupport;
}

/** An edit of one document, pinned to the analysed version when the client supports that. */
export function documentEdit(analysis: Analysis, edits: readonly TextEdit[], support: EditSupport): WorkspaceEdit {
  const lines = analysis.result!.lines;
  const lspEdits: LspTextEdit[] = edits.map((e) => toLspEdit(lines, e));
  return support.documentChanges
    ? { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits: lspEdits }] }
    : { changes: { [analysis.uri]: lspEdits } };
}

/** The engine finding behind a diagnostic the client sent back, or -1 if it is from another version. */
function findingIndex(analysis: Analysis, diagnostic: LspDiagnostic): number {
  const findings = analysis.result!.diagnostics;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data?.version === analysis.version && typeof data.index === 'number' && findings[data.index]?.rule === diagnostic.code) {
    return data.index;
  }
  const same = (a: LspDiagnostic) =>
    a.code === diagnostic.code &&
    a.message === diagnostic.message &&
    a.range.start.line === diagnostic.range.start.line &&
    a.range.start.character === diagnostic.range.start.character &&
    a.range.end.line === diagnostic.range.end.line &&
    a.range.end.character === diagnostic.range.end.character;
  return analysis.diagnostics.findIndex(same);
}

export function fixAllAction(analysis: Analysis, kind: string, support: EditSupport): CodeAction | null {
  const result = analysis.result;
  if (!result) return null;
  const edits = fixAllEdits(result.report.text, result.diagnostics);
  if (edits.length === 0) return null;
  const count = result.diagnostics.filter(batchFixable).length;
  return { title: t(analysis.locale, 'fixAll', { count }), kind, edit: documentEdit(analysis, edits, support) };
}

const DISABLE_COMMENT = /^(\s*<!--\s*nianbao-disable-next-line\b)([^]*?)(\s*-->)\s*$/;

/**
 * Markdown: a comment above the finding's line. Other text, and rows of Markdown pipe tables (a
 * comment line would split the table): an entry in .nianbao-ignore.json.
 */
async function ignoreAction(analysis: Analysis, finding: Diagnostic, published: LspDiagnostic, deps: CodeActionDeps): Promise<CodeAction | null> {
  const { lines, report } = analysis.result!;
  const text = report.text;
  const line = lines.lineOf(finding.start);
  const lineText = text.slice(lines.starts[line], lines.lineEnd(line));
  const title = t(analysis.locale, 'ignoreThis', { rule: finding.rule });
  let edit: WorkspaceEdit | null;
  if (analysis.languageId === 'markdown' && !lineText.trimStart().startsWith('|')) {
    // The engine applies a comment to the next line with content, so look above any blank lines.
    let previous = line - 1;
    while (previous >= 0 && text.slice(lines.starts[previous], lines.lineEnd(previous)).trim() === '') previous--;
    const above = previous >= 0 ? text.slice(lines.starts[previous], lines.lineEnd(previous)) : '';
    const existing = DISABLE_COMMENT.exec(above);
    let change: TextEdit;
    if (existing) {
      // A comment already covers this line: add the rule to it (a second one would cover the first).
      // One that names no rule covers every rule already.
      const named = existing[2].trim().split(/\s+/);
      if (!existing[2].trim() || named.includes(finding.rule)) return null;
      const at = lines.starts[previous] + existing[1].length + existing[2].length;
      change = { start: at, end: at, newText: ` ${finding.rule}` };
    } else {
      // Keep a list item's indentation; never four spaces or a tab (that would render as code).
      const indent = /^ {0,3}(?! )/.exec(lineText)?.[0] ?? '';
      const eol = /\r\n/.test(text) ? '\r\n' : '\n';
      change = { start: lines.starts[line], end: lines.starts[line], newText: `${indent}<!-- nianbao-disable-next-line ${finding.rule} -->${eol}` };
    }
    edit = documentEdit(analysis, [change], deps.editSupport);
  } else {
    const key = lineTextAt(text, lines, finding.start);
    if (!key) return null;
    edit = await deps.ignore.addEntryEdit(analysis.uri, { rule: finding.rule, text: key }, deps.editSupport);
  }
  return edit ? { title, kind: CodeActionKind.QuickFix, diagnostics: [published], edit } : null;
}

export async function codeActions(params: CodeActionParams, analysis: Analysis, deps: CodeActionDeps): Promise<CodeAction[]> {
  const result = analysis.result;
  if (!result) return [];
  const only = params.context.only;
  const requested = (kind: string) => !!only && only.some((k) => kind === k || kind.startsWith(k + '.'));
  // Quick fixes unless the client asked for other kinds; source actions only when asked for.
  const wants = (kind: string) => !only || requested(kind);
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    let fixes = 0;
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
      const index = findingIndex(analysis, diagnostic);
      if (index < 0) continue;
      const finding = result.diagnostics[index];
      const published = analysis.diagnostics[index];
      const offered: Fix[] = finding.fix ? [finding.fix, ...(finding.alternatives ?? [])] : [];
      for (const fix of offered) {
        if (fix.edits.length === 0) continue;
        fixes++;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [published],
          isPreferred: fix.preferred,
          edit: documentEdit(analysis, fix.edits, deps.editSupport),
        });
      }
      const ignore = await ignoreAction(analysis, finding, published, deps);
      if (ignore) actions.push(ignore);
    }
    const fixable = result.diagnostics.filter(batchFixable).length;
    if (fixes > 0 && fixable > 1) {
      const all = fixAllAction(analysis, CodeActionKind.QuickFix, deps.editSupport);
      if (all) actions.push(all);
    }
  }
  if (requested(FIX_ALL_KIND)) {
    const all = fixAllAction(analysis, FIX_ALL_KIND, deps.editSupport);
    if (all) actions.push(all);
  }
  return actions;
}
