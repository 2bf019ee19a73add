// The status bar item: "年报 ✓" or "年报 3 ✗" for the active document when the server checks it.
// Driven only by nianbao/didCheck: a document the server never reported on shows no item.
import * as vscode from 'vscode';
import type { DidCheckParams } from '../../server/src/shared/protocol';
import { format, messages, type Locale } from './i18n';

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  /** Latest check of every open document the server checks, by URI string. */
  private readonly checks = new Map<string, DidCheckParams>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The checked document the item currently describes (kept while a webview has the focus). */
  private shownUri: string | undefined;

  constructor(private readonly locale: () => Locale) {
    this.item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = messages(locale()).panelTitle;
    this.item.command = 'nianbao.showSummary';
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.checks.delete(d.uri.toString());
        this.refresh();
      }),
    );
  }

  /** The checked document the item shows (for commands run while a webview has the focus). */
  get uri(): string | undefined {
    return this.shownUri && this.checks.has(this.shownUri) ? this.shownUri : undefined;
  }

  onDidCheck(params: DidCheckParams): void {
    if (!params || typeof params.uri !== 'string') return;
    if (params.isReport === false) this.checks.delete(params.uri);
    else this.checks.set(params.uri, params);
    this.refresh();
  }

  /** Shows the active document's last check, worded in the current locale. */
  refresh(): void {
    const editor = vscode.window.activeTextEditor;
    // With no text editor active (a webview or an output panel has the focus) keep what is shown.
    if (editor) this.shownUri = editor.document.uri.toString();
    const check = this.shownUri ? this.checks.get(this.shownUri) : undefined;
    this.setActiveIsReport(!!check);
    if (!check) {
      this.item.hide();
      return;
    }
    const m = messages(this.locale());
    this.item.name = m.panelTitle;
    const problems = (check.errors | 0) + (check.warnings | 0);
    this.item.text = problems === 0 ? m.statusOk : format(m.statusProblems, { count: problems });
    this.item.tooltip = format(m.statusTooltip, {
      errors: check.errors | 0,
      warnings: check.warnings | 0,
      others: check.others | 0,
      elapsed: Math.round(check.elapsed || 0),
    });
    this.item.backgroundColor =
      check.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  /** Context key `nianbao.activeIsReport`: the report commands' menu entries depend on it. */
  private activeIsReport: boolean | undefined;
  private setActiveIsReport(value: boolean): void {
    if (value === this.activeIsReport) return;
    this.activeIsReport = value;
    void vscode.commands.executeCommand('setContext', 'nianbao.activeIsReport', value);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
