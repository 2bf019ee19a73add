// Shared by the language-server tests: builds dist/server.js when it is missing or older than the
// sources, starts `node dist/server.js --stdio` as a real process and talks LSP to it over its
// stdin/stdout with vscode-languageserver-protocol's node connection, playing the editor's part:
// it answers workspace/configuration from `settings`, applies workspace/applyEdit (open documents
// in memory, other files on disk) and records every notification so that tests wait on events.
//
// Build choice (as test/cli does): only the server bundle is built, with esbuild.mjs's entry point and
// options, written to a temporary file and renamed into place, under a lock directory so that test
// files starting together build once. Set NIANBAO_TEST_NO_BUILD=1 to use dist/server.js as it is
// (e.g. after `npm run build` in CI).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidCheckParams, NianbaoSettings } from '../../server/src/shared/protocol';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const FIXTURES = path.resolve(__dirname, '../data/fixtures');
export const FIXTURE = {
  cixi: path.join(FIXTURES, '2023-cixi-city-office.txt'),
  sushui: path.join(FIXTURES, '2023-sushui-town.txt'),
  xiaocaoe: path.join(FIXTURES, '2023-xiaocaoe-town.txt'),
};
export const readFixture = (file: string) => fs.readFileSync(file, 'utf8');

/** How long any single wait may take before the test fails instead of hanging. */
const WAIT_MS = 15_000;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  try {
    return fs.statSync(SERVER).mtimeMs >= newestSource(path.join(ROOT, 'server/src'));
  } catch {
    return false;
  }
}

export async function ensureServerBuilt(): Promise<void> {
  if (process.env.NIANBAO_TEST_NO_BUILD) return;
  const dist = path.dirname(SERVER);
  fs.mkdirSync(dist, { recursive: true });
  const lock = path.join(dist, '.server-test-build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (!held) continue;
      if (Date.now() > deadline || Date.now() - held.mtimeMs > 120_000) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (isFresh()) return;
    const esbuild = await import('esbuild');
    const temp = path.join(dist, `.server-${process.pid}.js`);
    // The build's own options (esbuild.mjs), written to a temp file renamed into place.
    const { common } = await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href);
    await esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'server/src/server.ts')], outfile: temp });
    fs.renameSync(temp + '.map', SERVER + '.map');
    fs.renameSync(temp, SERVER);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface StartOptions {
  /** Declare textDocument/diagnostic (pull) support. */
  pull?: boolean;
  /** initialize's `locale`. */
  locale?: string;
  /** The `nianbao` section answered to workspace/configuration. */
  settings?: Partial<NianbaoSettings>;
  /** A folder on disk opened as the workspace. */
  workspaceFolder?: string;
  initializationOptions?: Record<string, unknown>;
}

function capabilities(pull: boolean): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceFolders: true,
      diagnostics: pull ? { refreshSupport: true } : undefined,
      inlayHint: { refreshSupport: true },
    },
    textDocument: {
      synchronization: { didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      diagnostic: pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        isPreferredSupport: true,
        dataSupport: true,
      },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      inlayHint: {},
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: {},
    },
  };
}

type Listener = () => void;

export class Session {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly didChecks: DidCheckParams[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  readonly registrations: string[] = [];
  readonly stderr: string[] = [];
  diagnosticRefreshes = 0;
  settings: Partial<NianbaoSettings>;
  initializeResult!: InitializeResult;
  private readonly docs = new Map<string, TextDocument>();
  private listeners = new Set<Listener>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions = {}): Promise<Session> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new Session(child, connection, options);
    child.stderr!.on('data', (chunk) => session.stderr.push(String(chunk)));
    session.listen();
    connection.listen();
    const folder = options.workspaceFolder;
    session.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      locale: options.locale,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
      capabilities: capabilities(!!options.pull),
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return session;
  }

  private listen(): void {
    const c = this.connection;
    const notify = () => {
      for (const listener of [...this.listeners]) listener();
    };
    c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.push(p);
      notify();
    });
    c.onNotification('nianbao/didCheck', (p: DidCheckParams) => {
      this.didChecks.push(p);
      notify();
    });
    c.onNotification('window/logMessage', (p: { message: string }) => {
      this.stderr.push(p.message + '\n');
    });
    c.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((item) => (item.section === 'nianbao' ? this.settings : null)),
    );
    c.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
      return null;
    });
    c.onRequest('workspace/diagnostic/refresh', () => {
      this.diagnosticRefreshes++;
      notify();
      return null;
    });
    c.onRequest('workspace/inlayHint/refresh', () => null);
    c.onRequest('workspace/applyEdit', async (p: ApplyWorkspaceEditParams) => {
      this.applied.push(p);
      await this.applyWorkspaceEdit(p.edit);
      notify();
      return { applied: true };
    });
  }

  /** Resolves when `pick` returns a value for the events seen so far (checked now and after each event). */
  waitFor<T>(what: string, pick: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = pick();
        if (value === undefined) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.join('').slice(-2000)}`));
      }, WAIT_MS);
      this.listeners.add(check);
      check();
    });
  }

  /** The first publishDiagnostics for `uri` at `version` (or any version if omitted). */
  diagnosticsFor(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics of ${uri} v${version ?? '*'}`, () =>
      this.diagnostics.find((p) => p.uri === uri && (version === undefined || p.version === version)),
    );
  }

  didCheckFor(uri: string, version: number): Promise<DidCheckParams> {
    return this.waitFor(`didCheck of ${uri} v${version}`, () => this.didChecks.find((p) => p.uri === uri && p.version === version));
  }

  document(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc;
  }

  async open(uri: string, languageId: string, text: string): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  /** Sends one incremental change per edit, from the last to the first so that positions stay valid. */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const doc = this.document(uri);
    const ordered = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    const contentChanges = ordered.map((e) => ({ range: e.range, text: e.newText }));
    const version = doc.version + 1;
    TextDocument.update(doc, contentChanges, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** Replaces the first occurrence of `find` (after `from`) with `replacement`. */
  async replace(uri: string, find: string, replacement: string, from = 0): Promise<number> {
    const doc = this.document(uri);
    const start = doc.getText().indexOf(find, from);
    if (start < 0) throw new Error(`"${find}" not in ${uri}`);
    return this.edit(uri, [{ range: this.rangeOf(uri, start, start + find.length), newText: replacement }]);
  }

  rangeOf(uri: string, start: number, end: number): Range {
    const doc = this.document(uri);
    return { start: doc.positionAt(start), end: doc.positionAt(end) };
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async changeSettings(settings: Partial<NianbaoSettings>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Applies an edit as an editor would: open documents in memory (sending didChange), other files on disk. */
  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<void> {
    const changes: (TextDocumentEdit | { kind: string; uri?: string })[] = edit.documentChanges
      ? [...edit.documentChanges]
      : Object.entries(edit.changes ?? {}).map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits }));
    for (const change of changes) {
      if ('kind' in change) {
        if (change.kind !== 'create') throw new Error(`unexpected resource operation ${change.kind}`);
        const file = fileURLToPath(change.uri!);
        if (!fs.existsSync(file)) fs.writeFileSync(file, '');
        continue;
      }
      const { uri, version } = change.textDocument;
      const edits = change.edits as TextEdit[];
      const open = this.docs.get(uri);
      if (open) {
        if (version !== null && version !== open.version) throw new Error(`edit for v${version} of ${uri}, open is v${open.version}`);
        await this.edit(uri, edits);
      } else {
        const file = fileURLToPath(uri);
        const before = TextDocument.create(uri, 'json', 0, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
        fs.writeFileSync(file, TextDocument.applyEdits(before, edits));
      }
    }
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The process may already be gone.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** file:// URI of a document that need not exist on disk. */
export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** Applies LSP edits to a text (what the editor does with a code action's edit). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 0, text), edits);
}

export function byRule(diagnostics: Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === rule);
}
