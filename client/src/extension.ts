// Entry point of the extension (bundled to dist/client.js). Activation stays cheap: it creates the
// context object, registers the commands and the status item, and starts the language server
// (without waiting for it) once a report is open. Everything else is loaded when first used.
import type * as vscode from 'vscode';
import { Nianbao } from './nianbao';

let nianbao: Nianbao | undefined;

export function activate(context: vscode.ExtensionContext): void {
  nianbao = new Nianbao(context);
  nianbao.startWhenAReportOpens();
}

export async function deactivate(): Promise<void> {
  await nianbao?.stop();
  nianbao = undefined;
}
