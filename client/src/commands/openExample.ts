// "年报：打开示例年报": a copy of the bundled example report, with typical defects, as a new unsaved
// document, so that a new user can try the findings, a quick fix and 修复全部 without a report at hand
// (the walkthrough's first step). The example itself is never edited.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../selector';

export const EXAMPLE_REPORT = 'examples/2023-qingxi-town.txt';

export async function openExample(extensionUri: vscode.Uri): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...EXAMPLE_REPORT.split('/')));
  const content = new TextDecoder('utf-8').decode(bytes);
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(document);
}
