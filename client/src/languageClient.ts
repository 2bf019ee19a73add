// Creating the language client. Kept apart from extension.ts and imported lazily, so that loading
// vscode-languageclient is not part of the extension's activation cost.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV, type NianbaoInitializationOptions } from '../../server/src/shared/protocol';
import { RULE_PAGES_BASE } from './rulePages';
import { DOCUMENT_SELECTOR, isReadOnly } from './selector';

export { ExecuteCommandRequest } from 'vscode-languageclient/node';
// The custom messages, loaded with the client rather than at activation (they need the protocol library).
export { CheckFilesRequest, DidCheckNotification, ExtractRequest, FixAllCommand, SummaryRequest } from '../../server/src/shared/protocol';
export type { LanguageClient };

/** `log` is the extension's one output channel ("Nianbao"): the client writes its trace there too. */
export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: NianbaoInitializationOptions = {
    displayLanguage: vscode.env.language,
    // Findings link to their rule's page, shipped with the extension (rulePages.ts).
    rulePages: RULE_PAGES_BASE,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions,
    outputChannel: log,
    middleware: {
      // The text read from a Word, PDF or web page cannot be written back: no fixes, no "ignore"
      // (its file is not in a workspace folder the ignore file covers). Findings and hovers stay.
      provideCodeActions: (document, range, context, token, next) => (isReadOnly(document) ? [] : next(document, range, context, token)),
    },
    // No `synchronize`: the server registers for nianbao.* configuration changes and for
    // .nianbao-ignore.json itself (dynamic registration), so the client must not send them twice.
    // VS Code pulls diagnostics from the server; `nianbao.run: onSave` is honoured here by not
    // pulling on typing for the documents where it is set (vscode-eslint does the same).
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      filter: (document, mode) =>
        mode === 'onType' && vscode.workspace.getConfiguration('nianbao', document.uri).get<string>('run') === 'onSave',
    },
  };
  return new LanguageClient('nianbao', 'Nianbao', serverOptions, clientOptions);
}
