// The Nianbao language server. Started by the extension over IPC, or standalone with
// `node dist/server.js --stdio` (createConnection reads --stdio / --node-ipc from argv).
// Only this layer does IO and speaks LSP; the engine under core/ is a pure function of the text.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeResult,
  type MessageReader,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  FixAllCommand,
  IGNORE_FILE_NAME,
  SummaryRequest,
  type FixAllParams,
  type FixAllResult,
  type NianbaoInitializationOptions,
  type SummaryResult,
} from './shared/protocol';
import { Analyzer } from './lsp/analysis';
import { CheckFilesRequest, ExtractRequest, type ExtractResult } from './shared/protocol';
import { PublishedFiles } from './lsp/publishedFiles';
import { PreviousYearFinder } from './lsp/previousYear';
import { FIX_ALL_KIND, codeActions, documentEdit } from './lsp/codeActions';
import { DEFAULT_DEBOUNCE_MS, DiagnosticsScheduler } from './lsp/diagnostics';
import { fixAllEdits, fixedByRule } from './lsp/fixes';
import { Guard } from './lsp/guard';
import { hoverAt } from './lsp/hover';
import { IgnoreStore, WorkspaceFolders, isIgnoreFileUri, type EditSupport } from './lsp/ignoreFile';
import { inlayHints } from './lsp/inlayHints';
import { t } from './lsp/messages';
import { RuleLinks, clientPagesBase, shippedPagesFolder } from './lsp/ruleLinks';
import { SettingsStore, fileLabel } from './lsp/settings';
import { summaryOf } from './lsp/summary';
import { documentSymbols, foldingRanges } from './lsp/symbols';
import { OneWriteMessageWriter, redirectConsole } from './lsp/stdioWriter';

// Over stdio each message goes out in one write (lsp/stdioWriter.ts); otherwise createConnection takes
// the transport from argv (--node-ipc, as the extension starts the server, or --socket / --pipe).
const stdio = process.argv.includes('--stdio');
// (stdin is passed as the stream it is: createConnection then also ends the server when it closes. Its
// typings want two streams or a reader and a writer; at run time it takes a stream and a writer.)
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new OneWriteMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
// stdout is the channel: what anything would print on it goes to the client's log (as createConnection
// does for --stdio itself).
if (stdio) redirectConsole(connection);
const documents = new TextDocuments(TextDocument);
const guard = new Guard((message) => connection.console.error(message));
const folders = new WorkspaceFolders();
const ignore = new IgnoreStore(folders);

// Created at initialize, once the client's capabilities are known.
let settings: SettingsStore;
let analyzer: Analyzer;
let scheduler: DiagnosticsScheduler;
let editSupport: EditSupport = { documentChanges: false, createFile: false };
let inlayRefreshSupport = false;
let registerConfiguration = false;
let registerWatcher = false;
let workspaceFoldersSupport = false;
let published: PublishedFiles;

process.on('uncaughtException', (error) => guard.report('uncaught exception', error));
process.on('unhandledRejection', (error) => guard.report('unhandled rejection', error));

/** The version in the package.json beside dist/ (the extension's, or the npm package's). */
function ownVersion(): string {
  try {
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function debounceOf(options: unknown): number {
  const ms = (options as NianbaoInitializationOptions | null | undefined)?.debounceMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= 10_000 ? ms : DEFAULT_DEBOUNCE_MS;
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  const options = (params.initializationOptions ?? {}) as Partial<NianbaoInitializationOptions>;
  // The client passes VS Code's display language; other clients have initialize's `locale`.
  const displayLanguage = options.displayLanguage ?? params.locale;
  const client = params.clientInfo ? `${params.clientInfo.name} ${params.clientInfo.version ?? ''}`.trim() : 'an unnamed client';
  const pull = !!caps.textDocument?.diagnostic;
  editSupport = {
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
    createFile: !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
  };
  inlayRefreshSupport = !!caps.workspace?.inlayHint?.refreshSupport;
  registerConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  registerWatcher = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  workspaceFoldersSupport = !!caps.workspace?.workspaceFolders;
  folders.set(params.workspaceFolders, params.rootUri);

  settings = new SettingsStore(
    connection,
    !!caps.workspace?.configuration,
    (error) => guard.report('workspace/configuration', error),
    (line) => connection.console.info(line),
  );
  analyzer = new Analyzer(
    settings,
    ignore,
    displayLanguage,
    (rule, error) => guard.report(`rule ${rule}`, error),
    (name, error) => guard.report(name, error),
    // Last year's report in the same folder: when it is found (or changes), the document is checked again.
    new PreviousYearFinder((uri) => {
      analyzer.forget(uri);
      scheduler.refreshAll();
    }),
  );
  const links = new RuleLinks({
    clientPages: clientPagesBase(options.rulePages),
    pagesFolder: shippedPagesFolder(__dirname),
  });
  scheduler = new DiagnosticsScheduler(
    connection,
    documents,
    analyzer,
    settings,
    guard,
    { pull, refreshSupport: !!caps.workspace?.diagnostics?.refreshSupport, debounceMs: debounceOf(params.initializationOptions) },
    links,
    { info: (line) => connection.console.info(line), debug: (line) => connection.console.debug(line) },
  );
  published = new PublishedFiles({
    settings: (uri) => settings.get(uri),
    forgetSettings: (uri) => settings.forget(uri),
    analyze: (document) => analyzer.get(document),
    forgetAnalysis: (uri) => {
      // A document opened meanwhile keeps its analysis.
      if (!documents.get(uri)) analyzer.forget(uri);
    },
    openDocument: (uri) => documents.get(uri),
    displayLanguage,
  });
  // What a support request needs first: which server, in which Node, for which client and language.
  connection.console.info(
    `Nianbao language server ${ownVersion()} started (Node ${process.version}, pid ${process.pid}) for ${client}; ` +
      `display language ${displayLanguage ?? 'not given'}; diagnostics ${pull ? 'pulled' : 'pushed'}`,
  );

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: caps.textDocument?.codeAction?.codeActionLiteralSupport
        ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] }
        : true,
      executeCommandProvider: { commands: [FixAllCommand] },
      hoverProvider: true,
      inlayHintProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      diagnosticProvider: pull ? { identifier: 'nianbao', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      workspace: workspaceFoldersSupport ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
    },
    serverInfo: { name: 'nianbao', version: ownVersion() },
  };
});

connection.onInitialized(() => {
  if (registerConfiguration) {
    guard.fire('register configuration', () =>
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' }),
    );
  }
  if (registerWatcher) {
    guard.fire('register watcher', async () => {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${IGNORE_FILE_NAME}` }] });
      // From now on the client tells us when the file changes: no stat per check.
      ignore.watched = true;
    });
  }
  if (workspaceFoldersSupport) {
    // Only for clients that declared workspaceFolders support (the getter throws otherwise).
    guard.fire('workspace folders', () =>
      connection.workspace.onDidChangeWorkspaceFolders((e) => folders.change(e.added, e.removed)),
    );
  }
});

/**
 * Something every analysis depends on changed: check every open document again. The cache goes at
 * once; the re-check waits a moment so that a burst of notifications (VS Code sends one per
 * configuration registration, and file watchers fire in batches) costs one re-check.
 */
let recheckTimer: NodeJS.Timeout | undefined;
function recheckAll(): void {
  analyzer.invalidateAll();
  if (recheckTimer) return;
  recheckTimer = setTimeout(() => {
    recheckTimer = undefined;
    scheduler.refreshAll();
    if (inlayRefreshSupport) guard.fire('inlayHint.refresh', () => connection.languages.inlayHint.refresh());
  }, 20);
}

connection.onDidChangeConfiguration((change) =>
  guard.fire('didChangeConfiguration', () => {
    settings.reset((change.settings as { nianbao?: unknown } | null)?.nianbao);
    recheckAll();
  }),
);

connection.onDidChangeWatchedFiles((params) =>
  guard.fire('didChangeWatchedFiles', () => {
    const touched = params.changes.filter((c) => isIgnoreFileUri(c.uri));
    for (const change of touched) ignore.invalidate(change.uri);
    if (touched.length > 0) recheckAll();
  }),
);

documents.onDidOpen((e) => guard.fire('didOpen', () => scheduler.opened(e.document)));
documents.onDidChangeContent((e) => guard.fire('didChange', () => scheduler.changed(e.document)));
documents.onDidSave((e) => guard.fire('didSave', () => scheduler.saved(e.document)));
documents.onDidClose((e) =>
  guard.fire('didClose', () => {
    scheduler.closed(e.document.uri);
    analyzer.forget(e.document.uri);
    settings.forget(e.document.uri);
  }),
);

/** The analysis of an open document at its current version (null: not open, or not a report). */
async function analysisOf(uri: string) {
  const document = documents.get(uri);
  return document ? analyzer.get(document) : null;
}

connection.languages.diagnostics.on((params, token) =>
  guard.run('textDocument/diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, () => scheduler.pull(params, token)),
);

connection.onCodeAction((params) =>
  guard.run('textDocument/codeAction', [], async () => {
    const analysis = await analysisOf(params.textDocument.uri);
    return analysis ? codeActions(params, analysis, { ignore, editSupport }) : [];
  }),
);

connection.onExecuteCommand((params) =>
  guard.run<FixAllResult | null>('workspace/executeCommand', null, async () => {
    if (params.command !== FixAllCommand) return null;
    // FixAllParams; a bare uri (fix whatever version is open) is accepted too.
    const arg = params.arguments?.[0] as Partial<FixAllParams> | string | undefined;
    const target = typeof arg === 'string' ? { uri: arg, version: undefined } : arg;
    if (!target?.uri) return null;
    const document = documents.get(target.uri);
    if (!document || (target.version !== undefined && target.version !== document.version)) return null;
    const analysis = await analyzer.get(document);
    if (!analysis?.result || analysis.version !== document.version) return null;
    const { report, diagnostics } = analysis.result;
    const edits = fixAllEdits(report.text, diagnostics);
    if (edits.length === 0) return { applied: false, fixed: [] };
    const fixed = fixedByRule(diagnostics);
    const answer = await connection.workspace.applyEdit({ label: t(analysis.locale, 'fixAllLabel'), edit: documentEdit(analysis, edits, editSupport) });
    const summary = fixed.map((f) => `${f.rule} ${f.count}`).join(', ');
    connection.console.info(`fix all ${answer.applied ? 'applied' : 'not applied'} to ${fileLabel(target.uri)}: ${summary}`);
    return { applied: answer.applied, fixed };
  }),
);

connection.onHover((params) =>
  guard.run('textDocument/hover', null, async () => {
    const analysis = await analysisOf(params.textDocument.uri);
    return analysis ? hoverAt(analysis, params.position) : null;
  }),
);

connection.languages.inlayHint.on((params) =>
  guard.run('textDocument/inlayHint', [], async () => {
    const analysis = await analysisOf(params.textDocument.uri);
    return analysis ? inlayHints(analysis, params.range) : [];
  }),
);

connection.onDocumentSymbol((params) =>
  guard.run('textDocument/documentSymbol', [], async () => {
    const analysis = await analysisOf(params.textDocument.uri);
    return analysis?.result ? documentSymbols(analysis.result.report, analysis.result.lines) : [];
  }),
);

connection.onFoldingRanges((params) =>
  guard.run('textDocument/foldingRange', [], async () => {
    const analysis = await analysisOf(params.textDocument.uri);
    return analysis?.result ? foldingRanges(analysis.result.report, analysis.result.lines) : [];
  }),
);

connection.onRequest(SummaryRequest, (params) =>
  guard.run<SummaryResult>(SummaryRequest.method, { uri: params?.uri, version: null, isReport: false, summary: null, findings: [] }, async () => {
    const document = documents.get(params.uri);
    return summaryOf(params.uri, document?.version ?? null, document ? await analyzer.get(document) : null);
  }),
);

// Files read from disk (Word, PDF, web pages, and the workspace check): see lsp/publishedFiles.ts.
connection.onRequest(ExtractRequest, (params) =>
  guard.run<ExtractResult>(ExtractRequest.method, { ok: false, message: 'nianbao/extract failed' }, () => published.extract(params?.uri)),
);
connection.onRequest(CheckFilesRequest, (params, token) =>
  guard.run(CheckFilesRequest.method, { files: [] }, async () => ({
    files: await published.checkFiles(params?.uris, () => token.isCancellationRequested),
  })),
);

documents.listen(connection);
connection.listen();
