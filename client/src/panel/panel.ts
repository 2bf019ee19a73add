// The summary panel (webview). Loaded on first use only (see extension.ts). It shows one report at
// a time and follows the active report: it asks the server again after every nianbao/didCheck of
// the shown document and when another report becomes the active editor.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { DidCheckParams, SummaryResult } from '../../../server/src/shared/protocol';
import { format, messages, type Locale } from '../i18n';
import { EXTRACT_SCHEME, isCandidate } from '../selector';
import { renderPanelHtml } from './html';
import { parsePanelMessage } from './messages';
import { toPanelData, type PanelData } from './model';

/** What the panel needs from the rest of the extension. */
export interface PanelHost {
  extensionUri: vscode.Uri;
  locale(): Locale;
  summary(uri: string): Promise<SummaryResult>;
  fixAll(uri: string): Promise<void>;
  exportSummary(uri: string): Promise<void>;
  log(message: string): void;
}

export class SummaryPanel implements vscode.Disposable {
  static readonly viewType = 'nianbao.summary';

  private panel: vscode.WebviewPanel | undefined;
  /** The document shown. */
  private uri: string | undefined;
  private data: PanelData;
  /** The server's answer behind `data`, to word it again when the locale changes. */
  private result: SummaryResult | null = null;
  /** Only the answer to the latest request is shown (requests may finish out of order). */
  private requestSeq = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly host: PanelHost) {
    this.data = toPanelData(null, '', host.locale());
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)));
  }

  /** Shows `uri`'s summary; answers with the data shown. */
  async show(uri: string): Promise<PanelData> {
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      this.panel = this.createPanel();
    }
    this.uri = uri;
    await this.load(uri, false);
    return this.data;
  }

  /** nianbao.locale changed: the panel's own words at once, then the summary (findings) in the new locale. */
  localeChanged(): void {
    if (!this.panel) return;
    this.data = toPanelData(this.result, this.data.fileName, this.host.locale(), this.data.readOnly);
    this.panel.title = this.panelTitle();
    this.render();
    // The server re-checks in the new locale; its didCheck brings the findings' new wording too.
    if (this.uri) void this.load(this.uri, false);
  }

  onDidCheck(params: DidCheckParams): void {
    if (this.panel && this.uri && params?.uri === this.uri) void this.load(this.uri, false);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!this.panel || !editor || !isCandidate(editor.document)) return;
    const uri = editor.document.uri.toString();
    if (uri !== this.uri) void this.load(uri, true);
  }

  /** Asks the server for `uri`'s summary; with `onlyIfReport` keeps the current one for a non-report. */
  private async load(uri: string, onlyIfReport: boolean): Promise<void> {
    const seq = ++this.requestSeq;
    let result: SummaryResult;
    try {
      result = await this.host.summary(uri);
    } catch (error) {
      this.host.log(`summary of ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (seq !== this.requestSeq || !this.panel) return;
    if (onlyIfReport && !result?.isReport) return;
    this.uri = uri;
    this.result = result;
    this.data = toPanelData(result, fileName(uri), this.host.locale(), uri.startsWith(`${EXTRACT_SCHEME}:`));
    this.panel.title = this.panelTitle();
    void this.panel.webview.postMessage({ type: 'update', data: this.data });
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      SummaryPanel.viewType,
      this.panelTitle(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        // The panel's own inline script only (CSP nonce); nothing is loaded from anywhere else.
        enableScripts: true,
        enableCommandUris: false,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(this.host.extensionUri, 'media')],
      },
    );
    // Listeners of this webview panel, let go when it is closed (show() makes a new one).
    const listeners: vscode.Disposable[] = [];
    panel.webview.onDidReceiveMessage((message) => void this.onMessage(message), undefined, listeners);
    // A hidden webview loses its page; it is rebuilt from `html`, so keep that current.
    let wasVisible = true;
    panel.onDidChangeViewState(
      () => {
        if (panel.visible && !wasVisible) this.render();
        wasVisible = panel.visible;
      },
      undefined,
      listeners,
    );
    panel.onDidDispose(() => {
      this.panel = undefined;
      for (const l of listeners) l.dispose();
    });
    this.panel = panel;
    this.render();
    return panel;
  }

  private render(): void {
    if (!this.panel) return;
    this.panel.webview.html = renderPanelHtml({
      data: this.data,
      nonce: randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
      locale: this.host.locale(),
    });
  }

  private panelTitle(): string {
    const m = messages(this.host.locale());
    return this.data.state === 'report' ? format(m.panelTabTitle, { file: this.data.fileName }) : m.panelTitle;
  }

  private async onMessage(message: unknown): Promise<void> {
    const uri = this.uri;
    if (!this.panel) return;
    // First the shape (any line), then, for a reveal, the line against the document itself.
    const command = parsePanelMessage(message, Number.MAX_SAFE_INTEGER, () => Number.MAX_SAFE_INTEGER);
    if (!command) {
      this.host.log(`ignored a message from the summary panel: ${safeJson(message)}`);
      return;
    }
    try {
      if (command.command === 'ready') {
        void this.panel.webview.postMessage({ type: 'update', data: this.data });
        return;
      }
      if (!uri) return;
      if (command.command === 'fixAll') return await this.host.fixAll(uri);
      if (command.command === 'export') return await this.host.exportSummary(uri);
      const document = await openDocument(uri);
      const reveal = parsePanelMessage(message, document.lineCount, (line) => document.lineAt(line).text.length);
      if (reveal?.command !== 'reveal') {
        this.host.log(`ignored a reveal outside the document: ${safeJson(message)}`);
        return;
      }
      await revealPosition(document, reveal.line, reveal.character);
    } catch (error) {
      this.host.log(`summary panel: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

async function openDocument(uri: string): Promise<vscode.TextDocument> {
  return (
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ??
    (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true)))
  );
}

/** Puts the cursor on the finding, in the editor column that already shows the document. */
async function revealPosition(document: vscode.TextDocument, line: number, character: number): Promise<void> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
  });
  const position = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function fileName(uri: string): string {
  try {
    const parsed = vscode.Uri.parse(uri, true);
    return parsed.scheme === 'untitled' ? parsed.path : parsed.path.split('/').pop() || uri;
  } catch {
    return uri;
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}
