// Nianbao-specific helpers for the suite: the extension, fresh copies of the fixtures, finding lines by
// their text, and the quick fixes VS Code offers for a diagnostic.
import * as vscode from 'vscode';
import { codeOf, workspaceFile, workspaceRoot } from './helpers';

export const EXTENSION_ID = 'nianbao.nianbao';

export const CIXI = '2023-cixi-city-office.txt';
export const SUSHUI = '2023-sushui-town.txt';
export const XIAOCAOE = '2023-xiaocaoe-town.txt';
export const NOTES = 'notes.txt';

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  if (!found) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  return found;
}

/** Files the tests made in the workspace, removed by closeEverything. */
const madeFiles: vscode.Uri[] = [];

/**
 * A copy of a fixture under a new name in the workspace (`name` may be `folder/file`), so a test that
 * edits it leaves others alone, and its document is one VS Code opens for the first time: the language
 * client then pulls its diagnostics on didOpen. (A document closed and shown again is pulled on the tab
 * event instead, and vscode-languageclient 11 drops that pull when the close came while an earlier pull
 * was in flight: no diagnostics until the next edit.)
 */
export async function freshCopy(fixture: string, name: string): Promise<vscode.Uri> {
  const target = workspaceFile(name);
  const [top, ...rest] = name.split('/');
  if (rest.length > 0) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    madeFiles.push(workspaceFile(top));
  } else {
    madeFiles.push(target);
  }
  await vscode.workspace.fs.copy(workspaceFile(fixture), target, { overwrite: true });
  return target;
}

/** Marks a file or folder a test made (e.g. .vscode/ by a workspace setting) for removal. */
export function removeLater(uri: vscode.Uri): void {
  madeFiles.push(uri);
}

export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
}

/** 0-based number of the first line containing `snippet` (fails loudly if the fixture changed). */
export function lineOf(document: vscode.TextDocument, snippet: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text.includes(snippet)) return line;
  }
  throw new Error(`no line containing ${JSON.stringify(snippet)} in ${document.uri.fsPath}`);
}

export function has(diagnostics: readonly vscode.Diagnostic[], rule: string, line?: number): boolean {
  return diagnostics.some((d) => codeOf(d) === rule && (line === undefined || d.range.start.line === line));
}

export function withRule(diagnostics: readonly vscode.Diagnostic[], rule: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => codeOf(d) === rule);
}

/** The edits an action makes to the document itself (not to .nianbao-ignore.json or elsewhere). */
function documentEdits(action: vscode.CodeAction, uri: vscode.Uri): vscode.TextEdit[] {
  return (action.edit?.entries() ?? []).filter(([target]) => target.toString() === uri.toString()).flatMap(([, edits]) => edits);
}

/**
 * The quick fixes VS Code offers at `range` that change the document: the engine's fixes and "fix all",
 * not "ignore this finding" (which edits .nianbao-ignore.json).
 */
export async function documentQuickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return actions.filter(
    (action): action is vscode.CodeAction =>
      'kind' in action && !!action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind) && documentEdits(action, uri).length > 0,
  );
}

/**
 * The fixes of this one finding: quick fixes whose every edit lies on the finding's lines. (VS Code's
 * command does not hand back an action's diagnostics; "fix all" also edits other lines.)
 */
export async function fixesOf(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const { start, end } = diagnostic.range;
  return (await documentQuickFixes(uri, diagnostic.range)).filter((action) =>
    documentEdits(action, uri).every((edit) => edit.range.start.line >= start.line && edit.range.end.line <= end.line),
  );
}

/**
 * A document a test may have left dirty: one in the workspace, or a new untitled one. Not VS Code's own:
 * in one CI run its user settings.json was open and dirty after the first test (nothing of ours writes
 * it), and showing it failed with "another editor opened in the meantime".
 */
function editedByTests(document: vscode.TextDocument): boolean {
  if (document.uri.scheme === 'untitled') return true;
  const root = workspaceRoot();
  return document.uri.scheme === root.scheme && document.uri.path.startsWith(`${root.path}/`);
}

/** Shows the document, again if another editor opened meanwhile (VS Code then rejects the first call). */
async function showSurely(document: vscode.TextDocument): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await vscode.window.showTextDocument(document);
      if (vscode.window.activeTextEditor?.document === document) return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  throw new Error(`could not make ${document.uri.toString()} the active editor to revert it`);
}

/** Reverts and closes every editor, so the next test starts from a clean workbench. */
export async function closeEverything(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || !editedByTests(document)) continue;
    await showSurely(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  for (const uri of madeFiles.splice(0)) {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  }
}
