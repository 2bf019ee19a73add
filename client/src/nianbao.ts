// One object owns the extension's state: the language client, the status item and the summary
// panel (rust-analyzer's "context"). Commands go through it, so they work both before the server
// has started (they wait for it) and after. Heavy modules (vscode-languageclient, the panel, the
// report template) are imported on first use: activation only registers things. (Dynamic imports
// name the .js file as ECMAScript imports must; esbuild and tsx map it to the .ts source.)
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
// Types only: the message objects come with languageClient.js, loaded when the server starts.
import type { ExtractResult, FixAllParams, FixAllResult, SummaryParams, SummaryResult } from '../../server/src/shared/protocol';
import { fixAllMessage, format, messages, resolveLocale, type Locale, type Messages } from './i18n';
import { RulePages, showRuleList } from './rulePages';
import { isCandidate, isReadOnly, wantsServer } from './selector';
import { ExtractedDocuments, PublishedEditor, isPublishedFile, sourceOf } from './extracted';
import { StatusItem } from './status';
import type { SummaryPanel } from './panel/panel';
import type { PanelData } from './panel/model';
import type { WorkspacePanel } from './panel/workspacePanel';
import type { WorkspaceCheck } from './commands/checkWorkspace';

export class Nianbao implements vscode.Disposable {
  private clientStart: Promise<LanguageClient> | undefined;
  private client: LanguageClient | undefined;
  private panel: SummaryPanel | undefined;
  private readonly status: StatusItem;
  private readonly log: vscode.LogOutputChannel;
  /** The read-only text views of .docx/.doc/.pdf/.html files (extracted.ts). */
  private readonly extracted: ExtractedDocuments;
  /** Findings of the last workspace check (Problems panel), and its table. Made on first use. */
  private workspaceDiagnostics: vscode.DiagnosticCollection | undefined;
  private workspacePanel: WorkspacePanel | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.log = vscode.window.createOutputChannel('Nianbao', { log: true });
    this.status = new StatusItem(() => this.locale());
    context.subscriptions.push(this, this.log, this.status);
    this.extracted = new ExtractedDocuments((uri) => this.extract(uri), () => this.locale());
    const command = (id: string, run: (...args: unknown[]) => Promise<unknown>) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => run(...args).catch((error) => this.fail(error)));
    context.subscriptions.push(
      command('nianbao.showSummary', () => this.showSummary()),
      command('nianbao.newReport', (options) => this.newReport(options)),
      command('nianbao.exportSummary', () => this.exportSummary()),
      command('nianbao.fixAll', () => this.fixAll()),
      command('nianbao.openExample', () => this.openExample()),
      command('nianbao.showRules', () => showRuleList()),
      command('nianbao.checkFile', (uri) => this.checkFile(uri)),
      command('nianbao.checkWorkspace', () => this.checkWorkspace()),
      ...PublishedEditor.register(this.extracted, () => this.locale()),
      RulePages.register(context.extensionUri),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('nianbao.locale') && this.localeChanged()),
    );
    this.log.info(
      `Nianbao ${context.extension.packageJSON.version} activated in ${vscode.env.appName} ${vscode.version} ` +
        `(display language ${vscode.env.language}; nianbao.locale ${this.localeSetting()} → ${this.locale()})`,
    );
  }

  /**
   * Starts the server as soon as a report is open (now, or when one is opened or the detection
   * setting changes); an ordinary text file never starts it. Commands start it too.
   */
  startWhenAReportOpens(): void {
    const detect = (document: vscode.TextDocument) => vscode.workspace.getConfiguration('nianbao', document.uri).get<string>('detect');
    const anyReport = () => vscode.workspace.textDocuments.some((d) => wantsServer(d, detect(d)));
    if (anyReport()) return this.start();
    const listeners: vscode.Disposable[] = [];
    const startOnce = () => {
      listeners.forEach((l) => l.dispose());
      this.start();
    };
    listeners.push(
      vscode.workspace.onDidOpenTextDocument((d) => wantsServer(d, detect(d)) && startOnce()),
      // A document that becomes a report as the author types its title (an untitled draft).
      vscode.workspace.onDidChangeTextDocument((e) => e.document.lineCount <= 60 && wantsServer(e.document, detect(e.document)) && startOnce()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('nianbao.detect') && anyReport() && startOnce()),
    );
    this.context.subscriptions.push(...listeners);
  }

  /** Starts the server in the background; activation does not wait for it. */
  start(): void {
    this.languageClient().catch((error) => {
      this.log.error(errorText(error));
      void vscode.window.showErrorMessage(format(this.m.serverFailed, { error: errorText(error) }));
    });
  }

  locale(): Locale {
    return resolveLocale(this.localeSetting(), vscode.env.language);
  }

  private localeSetting(): unknown {
    return vscode.workspace.getConfiguration('nianbao').get('locale');
  }

  /**
   * nianbao.locale changed: the status item and the panel are worded again now; the server checks
   * the open reports again on its own (it watches the nianbao settings), so findings follow.
   */
  private localeChanged(): void {
    this.log.info(`nianbao.locale ${this.localeSetting()} → ${this.locale()}`);
    this.status.refresh();
    this.panel?.localeChanged();
  }

  private get m(): Messages {
    return messages(this.locale());
  }

  /** The running client; started on first call, started again after a failed start. */
  languageClient(): Promise<LanguageClient> {
    this.clientStart ??= this.startClient().catch((error) => {
      this.clientStart = undefined;
      throw error;
    });
    return this.clientStart;
  }

  private async startClient(): Promise<LanguageClient> {
    this.log.info('starting the language server');
    const { createLanguageClient, DidCheckNotification } = await import('./languageClient.js');
    const client = createLanguageClient(this.context, this.log);
    client.onNotification(DidCheckNotification, (params) => {
      this.status.onDidCheck(params);
      this.panel?.onDidCheck(params);
    });
    try {
      await client.start();
    } catch (error) {
      // A failed start leaves a half-made client behind; the next command makes a new one.
      void client.dispose().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  async summary(uri: string): Promise<SummaryResult> {
    const client = await this.languageClient();
    const { SummaryRequest } = await import('./languageClient.js');
    const params: SummaryParams = { uri };
    return client.sendRequest(SummaryRequest, params);
  }

  /** The text the server reads from a file on disk (a .docx, .pdf, web page…). */
  async extract(uri: string): Promise<ExtractResult> {
    const client = await this.languageClient();
    const { ExtractRequest } = await import('./languageClient.js');
    return client.sendRequest(ExtractRequest, { uri });
  }

  /**
   * 年报：检查此文件 (the Explorer's menu on .docx/.doc/.pdf/.html): shows the text read from the file,
   * checked, read-only. Answers with the view's URI (a test hook), or null with a message shown.
   */
  private async checkFile(arg?: unknown): Promise<string | null> {
    const uri = arg instanceof vscode.Uri ? arg : undefined;
    if (!uri) {
      void vscode.window.showInformationMessage(this.m.checkFileNoFile);
      return null;
    }
    return this.openReport(uri.toString());
  }

  /** Opens a report: a text file as itself, a published one as its extracted text. */
  private async openReport(uriText: string): Promise<string | null> {
    const uri = vscode.Uri.parse(uriText, true);
    if (!isPublishedFile(uri)) {
      const editor = await vscode.window.showTextDocument(uri, { preview: true });
      return editor.document.uri.toString();
    }
    const outcome = await this.extracted.open(uri, { preview: true });
    if (!outcome.ok) {
      void vscode.window.showWarningMessage(outcome.message);
      return null;
    }
    return outcome.editor.document.uri.toString();
  }

  /** 年报：检查工作区全部报告; answers with what was checked (a test hook). */
  private async checkWorkspace(): Promise<WorkspaceCheck | null> {
    const client = await this.languageClient();
    const { checkWorkspace } = await import('./commands/checkWorkspace.js');
    const result = await checkWorkspace({ client, collection: this.workspaceCollection(), m: this.m, log: (line) => this.log.info(line) });
    if (!result) return null;
    const { toWorkspaceData } = await import('./panel/workspace.js');
    const data = toWorkspaceData(result.files, (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri, true), false), this.locale());
    if (!this.workspacePanel) {
      const { WorkspacePanel } = await import('./panel/workspacePanel.js');
      this.workspacePanel = new WorkspacePanel(
        () => this.locale(),
        (uri) => this.openReport(uri),
        (line) => this.log.info(line),
      );
    }
    if (data.rows.length > 0) this.workspacePanel.show(data);
    void vscode.window.showInformationMessage(result.summary);
    return result;
  }

  /**
   * The Problems panel's entries of the workspace check. A report the editor opens (or whose
   * extracted text it opens) gets live findings from the server: its entry here goes.
   */
  private workspaceCollection(): vscode.DiagnosticCollection {
    if (this.workspaceDiagnostics) return this.workspaceDiagnostics;
    const collection = vscode.languages.createDiagnosticCollection('nianbao-workspace');
    const forget = (document: vscode.TextDocument) => {
      collection.delete(document.uri);
      if (isReadOnly(document)) collection.delete(sourceOf(document.uri));
    };
    this.context.subscriptions.push(collection, vscode.workspace.onDidOpenTextDocument(forget));
    this.workspaceDiagnostics = collection;
    return collection;
  }

  /** The report the user means: the active editor's document, or the one the status item shows. */
  private activeDocument(): vscode.TextDocument | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor && isCandidate(editor.document)) return editor.document;
    const uri = this.status.uri;
    return uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
  }

  /** Opens (or points) the panel at the active report; answers with what the panel shows. */
  private async showSummary(): Promise<PanelData | undefined> {
    const document = this.activeDocument();
    if (!document) {
      void vscode.window.showInformationMessage(this.m.noReportEditor);
      return undefined;
    }
    if (!this.panel) {
      const { SummaryPanel } = await import('./panel/panel.js');
      this.panel = new SummaryPanel({
        extensionUri: this.context.extensionUri,
        locale: () => this.locale(),
        summary: (uri) => this.summary(uri),
        fixAll: async (uri) => void (await this.fixAllOf(uri)),
        exportSummary: (uri) => this.exportSummaryOf(uri),
        log: (message) => this.log.info(message),
      });
    }
    return this.panel.show(document.uri.toString());
  }

  /** `options` ({ year, body, kind }, e.g. from a keybinding or a test) skips the prompts it answers. */
  private async newReport(options?: unknown): Promise<void> {
    const { newReport } = await import('./commands/newReport.js');
    await newReport(this.locale(), options);
  }

  private async exportSummary(): Promise<void> {
    const document = this.activeDocument();
    if (!document) {
      void vscode.window.showInformationMessage(this.m.noReportEditor);
      return;
    }
    await this.exportSummaryOf(document.uri.toString());
  }

  private async exportSummaryOf(uri: string): Promise<void> {
    const result = await this.summary(uri);
    if (!result?.isReport) {
      void vscode.window.showInformationMessage(this.m.notAReport);
      return;
    }
    const { exportSummary } = await import('./commands/exportSummary.js');
    await exportSummary(vscode.Uri.parse(uri, true), result, this.m);
  }

  /** Answers with what was fixed (a test hook, as showSummary answers with what the panel shows). */
  private async fixAll(): Promise<FixAllResult | null> {
    const document = this.activeDocument();
    if (!document) {
      void vscode.window.showInformationMessage(this.m.noReportEditor);
      return null;
    }
    return this.fixAllOf(document.uri.toString());
  }

  /** Applies every fix of the report and says what changed, per rule; answers with the server's account. */
  private async fixAllOf(uri: string): Promise<FixAllResult | null> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (!document) return null;
    if (isReadOnly(document)) {
      // Text read from a Word, PDF or web page: there is no file to write the fixes into.
      void vscode.window.showInformationMessage(this.m.readOnlyNoFix);
      return null;
    }
    const client = await this.languageClient();
    const { ExecuteCommandRequest, FixAllCommand } = await import('./languageClient.js');
    const params: FixAllParams = { uri, version: document.version };
    const result: FixAllResult | null = await client.sendRequest(ExecuteCommandRequest.type, { command: FixAllCommand, arguments: [params] });
    const message = fixAllMessage(this.m, result);
    this.log.info(message);
    void vscode.window.showInformationMessage(message);
    return result;
  }

  private async openExample(): Promise<void> {
    const { openExample } = await import('./commands/openExample.js');
    await openExample(this.context.extensionUri);
  }

  private fail(error: unknown): void {
    this.log.error(errorText(error));
    void vscode.window.showErrorMessage(format(this.m.requestFailed, { error: errorText(error) }));
  }

  /** Stops the server (deactivate waits for this). */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.stop().catch(() => undefined);
  }

  dispose(): void {
    this.panel?.dispose();
    this.panel = undefined;
    this.workspacePanel?.dispose();
    this.workspacePanel = undefined;
    void this.stop();
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
