// When findings reach the client. Push (publishDiagnostics) by default: a debounced check per
// document while typing (or on save), published only if the document is still at the version that
// was checked. Pull (textDocument/diagnostic) when the client declares it: the client asks, the
// server answers from the analysis cache. Either way a `nianbao/didCheck` follows each new check, and
// a line in the log says what was checked (the "Nianbao" output channel, for the user and for support).
// Each finding links to its rule's page (ruleLinks.ts).
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DidCheckNotification, type DidCheckParams } from '../shared/protocol';
import type { Analysis, Analyzer } from './analysis';
import type { Guard } from './guard';
import type { RuleLinks } from './ruleLinks';
import { fileLabel, type SettingsStore } from './settings';

export const DEFAULT_DEBOUNCE_MS = 250;

export interface DiagnosticsMode {
  pull: boolean;
  /** The client accepts workspace/diagnostic/refresh. */
  refreshSupport: boolean;
  debounceMs: number;
}

/** Where the scheduler writes: a line per report checked (info), per document left alone (debug). */
export interface CheckLog {
  info(line: string): void;
  debug(line: string): void;
}

const EDITION_NAMES: Record<string, string> = { '2021': '2021 edition', '2019': '2019 edition', 'pre-2019': 'pre-2019 layout' };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * One line per check, in English like the rest of the log (it is read by whoever supports the user):
 * "checked 2023-cixi.txt v1: 2021 edition, year 2023 (title), 0 errors, 2 warnings, 1 other, 0.4 ms".
 */
export function checkLine(analysis: Analysis): string {
  const name = `${fileLabel(analysis.uri)} v${analysis.version}`;
  const result = analysis.result;
  if (!result) return `not checked ${name}: larger than nianbao.maxFileSize (${analysis.settings.maxFileSize} bytes)`;
  const { errors, warnings, others } = didCheckParams(analysis);
  const report = result.report;
  const edition = EDITION_NAMES[report.edition] ?? 'edition unknown';
  const year = report.year.value === null ? 'year unknown' : `year ${report.year.value} (${report.year.source})`;
  const elapsed = Math.round(analysis.elapsed * 10) / 10;
  return `checked ${name}: ${edition}, ${year}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(others, 'other')}, ${elapsed} ms`;
}

export function didCheckParams(analysis: Analysis): DidCheckParams {
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const d of analysis.diagnostics) {
    if (d.severity === DiagnosticSeverity.Error) errors++;
    else if (d.severity === DiagnosticSeverity.Warning) warnings++;
    else others++;
  }
  const elapsed = Math.round(analysis.elapsed * 10) / 10;
  return { uri: analysis.uri, version: analysis.version, errors, warnings, others, elapsed, isReport: analysis.kind === 'report' };
}

/** The server looked at the document and does not check it (nianbao.detect): the client hides its status. */
export function notCheckedParams(uri: string, version: number): DidCheckParams {
  return { uri, version, errors: 0, warnings: 0, others: 0, elapsed: 0, isReport: false };
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastChange = new Map<string, number>();
  /** Version at open or last save: what `run: onSave` checks. */
  private readonly savedVersion = new Map<string, number>();
  /** Push: documents whose last published list was non-empty (to clear when they stop being reports). */
  private readonly nonEmpty = new Set<string>();
  /** Pull: the last answer per document, to answer `unchanged` when nothing changed. */
  private readonly lastPull = new Map<string, { resultId: string; analysis: Analysis | null }>();
  private resultCounter = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    private readonly settings: SettingsStore,
    private readonly guard: Guard,
    private readonly mode: DiagnosticsMode,
    private readonly links: RuleLinks,
    private readonly log: CheckLog,
  ) {}

  opened(document: TextDocument): void {
    this.savedVersion.set(document.uri, document.version);
    if (!this.mode.pull) this.schedule(document.uri, 0);
  }

  changed(document: TextDocument): void {
    // TextDocuments fires a content change right after each open: that one is not an edit.
    if (this.savedVersion.get(document.uri) === document.version) return;
    this.lastChange.set(document.uri, Date.now());
    if (this.mode.pull) return;
    const uri = document.uri;
    this.guard.fire('didChange', async () => {
      if ((await this.settings.get(uri)).run === 'onType') this.schedule(uri, this.mode.debounceMs);
    });
  }

  saved(document: TextDocument): void {
    const uri = document.uri;
    this.savedVersion.set(uri, document.version);
    this.guard.fire('didSave', async () => {
      if ((await this.settings.get(uri)).run !== 'onSave') return;
      if (!this.mode.pull) this.schedule(uri, 0);
      else if (this.mode.refreshSupport) await this.connection.languages.diagnostics.refresh();
    });
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.lastChange.delete(uri);
    this.savedVersion.delete(uri);
    this.lastPull.delete(uri);
    if (this.nonEmpty.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings or the ignore file changed: check every open document again. */
  refreshAll(): void {
    if (!this.mode.pull) {
      for (const document of this.documents.all()) this.schedule(document.uri, 0);
    } else if (this.mode.refreshSupport) {
      this.guard.fire('diagnostics.refresh', () => this.connection.languages.diagnostics.refresh());
    }
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.guard.fire('validate', () => this.validate(uri));
      }, delay),
    );
  }

  private async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const analysis = await this.analyzer.get(document);
    // A newer version arrived while this one was checked: its own check will publish.
    if (this.documents.get(uri)?.version !== version) return;
    this.logCheck(uri, version, analysis);
    if (!analysis) {
      if (this.nonEmpty.delete(uri)) await this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      await this.connection.sendNotification(DidCheckNotification, notCheckedParams(uri, version));
      return;
    }
    if (analysis.diagnostics.length > 0) this.nonEmpty.add(uri);
    else this.nonEmpty.delete(uri);
    await this.connection.sendDiagnostics({ uri, version, diagnostics: this.links.of(analysis) });
    await this.connection.sendNotification(DidCheckNotification, didCheckParams(analysis));
  }

  private logCheck(uri: string, version: number, analysis: Analysis | null): void {
    if (analysis) this.log.info(checkLine(analysis));
    else this.log.debug(`not checked ${fileLabel(uri)} v${version}: not a report (nianbao.detect)`);
  }

  /** textDocument/diagnostic. */
  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    if (!this.documents.get(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await this.settings.get(uri);
    const wait = (this.lastChange.get(uri) ?? 0) + this.mode.debounceMs - Date.now();
    if (wait > 0) await sleep(wait);
    if (token.isCancellationRequested) throw cancelled();
    const document = this.documents.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const previous = this.lastPull.get(uri);
    const reusable = previous && params.previousResultId === previous.resultId;
    // run: onSave — an edited, unsaved document keeps the findings of its last saved version.
    if (reusable && settings.run === 'onSave' && this.savedVersion.get(uri) !== document.version) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previous.resultId };
    }
    const analysis = await this.analyzer.get(document);
    if (token.isCancellationRequested) throw cancelled();
    if (reusable && previous.analysis === analysis) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previous.resultId };
    }
    const resultId = String(++this.resultCounter);
    this.lastPull.set(uri, { resultId, analysis });
    const version = document.version;
    const checked = analysis ? didCheckParams(analysis) : notCheckedParams(uri, version);
    // After the answer, not before it: the editor is waiting for the diagnostics, the status item,
    // the panel and the log are not.
    setImmediate(() => {
      this.logCheck(uri, version, analysis);
      void this.connection.sendNotification(DidCheckNotification, checked);
    });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: analysis ? this.links.of(analysis) : [] };
  }
}
