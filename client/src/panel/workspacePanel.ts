// The workspace view (webview) shown after 检查工作区全部报告. Loaded on first use only.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { Locale } from '../i18n';
import { parseWorkspaceMessage, renderWorkspaceHtml, workspaceStrings, type WorkspaceData } from './workspace';

export class WorkspacePanel implements vscode.Disposable {
  static readonly viewType = 'nianbao.workspace';
  private panel: vscode.WebviewPanel | undefined;
  private data: WorkspaceData = { files: 0, rows: [], intro: '' };

  constructor(
    private readonly locale: () => Locale,
    /** Opens a report: the file itself, or the text read from a .docx/.pdf/.html. */
    private readonly open: (uri: string) => Promise<unknown>,
    private readonly log: (message: string) => void,
  ) {}

  show(data: WorkspaceData): void {
    this.data = data;
    if (this.panel) {
      this.panel.reveal(undefined, true);
      void this.panel.webview.postMessage({ type: 'update', data });
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      WorkspacePanel.viewType,
      workspaceStrings(this.locale()).wsTitle,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableCommandUris: false, enableFindWidget: true, retainContextWhenHidden: false, localResourceRoots: [] },
    );
    const listeners: vscode.Disposable[] = [];
    panel.webview.onDidReceiveMessage((message) => void this.onMessage(message), undefined, listeners);
    panel.onDidDispose(() => {
      this.panel = undefined;
      for (const l of listeners) l.dispose();
    });
    // A hidden webview loses its page; it is rebuilt from `html` with the latest data.
    panel.onDidChangeViewState(() => panel.visible && this.render(), undefined, listeners);
    this.panel = panel;
    this.render();
  }

  private render(): void {
    if (!this.panel) return;
    this.panel.title = workspaceStrings(this.locale()).wsTitle;
    this.panel.webview.html = renderWorkspaceHtml({
      data: this.data,
      nonce: randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
      locale: this.locale(),
    });
  }

  private async onMessage(message: unknown): Promise<void> {
    const command = parseWorkspaceMessage(message, this.data.rows.length);
    if (!command) return this.log(`ignored a message from the workspace view: ${String(JSON.stringify(message)).slice(0, 200)}`);
    if (command.command === 'ready') {
      void this.panel?.webview.postMessage({ type: 'update', data: this.data });
      return;
    }
    try {
      await this.open(this.data.rows[command.index].uri);
    } catch (error) {
      this.log(`workspace view: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
