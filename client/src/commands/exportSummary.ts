// "年报：导出摘要": the key figures and findings of a report as JSON or CSV, to a file the user
// picks. This is the only file the extension ever writes.
import * as vscode from 'vscode';
import type { SummaryResult } from '../../../server/src/shared/protocol';
import { exportText, formatForFile } from '../exportFormat';
import { format, type Messages } from '../i18n';

export async function exportSummary(document: vscode.Uri, result: SummaryResult, m: Messages): Promise<void> {
  const base = (document.path.split('/').pop() || 'report').replace(/(\.nianbao)?\.(txt|md)$/i, '');
  const folder =
    document.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document, '..');
  const target = await vscode.window.showSaveDialog({
    title: m.exportTitle,
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.summary.json`) : undefined,
    filters: { JSON: ['json'], CSV: ['csv'] },
  });
  if (!target) return;
  const label = document.scheme === 'untitled' ? document.path : vscode.workspace.asRelativePath(document, false);
  const text = exportText(result, label, formatForFile(target.path));
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (error) {
    void vscode.window.showErrorMessage(format(m.exportFailed, { error: error instanceof Error ? error.message : String(error) }));
    return;
  }
  void vscode.window.showInformationMessage(format(m.exportDone, { file: vscode.workspace.asRelativePath(target, false) }));
}
