// A small but real LSP client over stdio (vscode-jsonrpc, as VS Code's own client uses): it starts a
// server, initializes it, keeps its documents in sync (full or incremental, as the server asks),
// answers the server's requests, and waits for pushed or pulled diagnostics. Every wait is bounded.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Transform } from 'node:stream';
import rpc from 'vscode-jsonrpc/node.js';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = rpc;

const WAIT_MS = 60_000;

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Drops whatever a server prints on stdout before its first message (AutoCorrect's server says
 * "Starting AutoCorrect LSP server..." there), which would otherwise break the framing.
 */
function skipBanner() {
  let pending = Buffer.alloc(0);
  let started = false;
  return new Transform({
    transform(chunk, _encoding, done) {
      if (started) return done(null, chunk);
      pending = Buffer.concat([pending, chunk]);
      const at = pending.indexOf('Content-Length:');
      if (at < 0) return done();
      started = true;
      done(null, pending.subarray(at));
    },
  });
}

/** LSP position of a UTF-16 offset. */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

export class LspClient {
  /**
   * @param {object} o
   * @param {string} o.command
   * @param {string[]} o.args
   * @param {string} [o.cwd]
   * @param {object} [o.capabilities] client capabilities beyond the basics
   * @param {unknown} [o.initializationOptions]
   * @param {string} o.rootUri
   * @param {(method: string, params: any) => unknown} [o.onRequest] answers server requests; undefined → null
   */
  static async start(o) {
    const client = new LspClient(o);
    await client.initialize(o);
    return client;
  }

  constructor(o) {
    this.documents = new Map(); // uri → { text, version, languageId }
    this.pushWaiters = new Map(); // uri → [{ version, resolve }]
    this.lastPush = new Map(); // uri → params
    this.stderr = '';
    this.process = spawn(o.command, o.args, { cwd: o.cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...o.env } });
    this.process.stderr.on('data', (d) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout.pipe(skipBanner())), new StreamMessageWriter(this.process.stdin));
    this.connection.onRequest((method, params) => {
      if (method === 'workspace/configuration') return params.items.map((item) => o.configuration?.(item.section) ?? null);
      return o.onRequest?.(method, params, this) ?? null;
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.lastPush.set(params.uri, params);
      const waiters = this.pushWaiters.get(params.uri) ?? [];
      const remaining = [];
      for (const w of waiters) {
        // A server that says which version it checked must have checked this one (or later).
        const current = params.version === undefined || params.version === null || params.version >= w.version;
        if (current && --w.publishes === 0) w.resolve(params);
        else remaining.push(w);
      }
      this.pushWaiters.set(params.uri, remaining);
    });
    // Nianbao says how long its engine took (nianbao/didCheck): the work inside the latency.
    this.didCheck = new Map();
    this.connection.onNotification('nianbao/didCheck', (params) => this.didCheck.set(params.uri, params));
    this.connection.onNotification(() => undefined);
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  get pid() {
    return this.process.pid;
  }

  async initialize(o) {
    const capabilities = {
      // As VS Code declares them: servers register their own watchers and configuration sections.
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        ...(o.capabilities?.textDocument ?? {}),
      },
      window: { workDoneProgress: false },
      general: { positionEncodings: ['utf-16'] },
    };
    // A server that dies before answering (a missing bundle, a crash at start) fails at once.
    const died = this.exited.then(({ code, signal }) => {
      const lines = this.stderr.trim().split('\n');
      const why = lines.find((l) => /Error/.test(l)) ?? lines.slice(-2).join(' / ');
      throw new Error(`the server exited (${signal ?? `code ${code}`}) before answering initialize: ${why.trim()}`);
    });
    died.catch(() => undefined);
    const answer = withTimeout(
      this.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: o.rootUri,
        workspaceFolders: [{ uri: o.rootUri, name: 'bench' }],
        capabilities,
        initializationOptions: o.initializationOptions,
        locale: 'zh-cn',
      }),
      WAIT_MS,
      'initialize',
    );
    const result = await Promise.race([answer, died]);
    this.capabilities = result.capabilities;
    const sync = result.capabilities.textDocumentSync;
    this.syncKind = typeof sync === 'number' ? sync : (sync?.change ?? 1);
    await this.connection.sendNotification('initialized', {});
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  open(uri, languageId, text) {
    this.documents.set(uri, { text, version: 1, languageId });
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Inserts `insert` at UTF-16 `offset`; sends the change the way the server asked for. */
  type(uri, offset, insert) {
    const doc = this.documents.get(uri);
    const position = positionAt(doc.text, offset);
    doc.text = doc.text.slice(0, offset) + insert + doc.text.slice(offset);
    doc.version++;
    const contentChanges = this.syncKind === 2 ? [{ range: { start: position, end: position }, text: insert }] : [{ text: doc.text }];
    return { version: doc.version, sent: this.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges }) };
  }

  /**
   * Resolves on the publishDiagnostics for `uri` at `version` or later (any, if the server sends no
   * version); `publishes` > 1 for a server that publishes several times per change (AutoCorrect
   * clears first, then publishes its findings): the last one is the answer.
   */
  waitForPush(uri, version, publishes = 1) {
    return withTimeout(
      new Promise((resolve) => {
        const list = this.pushWaiters.get(uri) ?? [];
        list.push({ version, resolve, publishes });
        this.pushWaiters.set(uri, list);
      }),
      WAIT_MS,
      `publishDiagnostics for ${uri}`,
    );
  }

  pull(uri, previousResultId) {
    return withTimeout(
      this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }),
      WAIT_MS,
      `textDocument/diagnostic for ${uri}`,
    );
  }

  /** Resident and peak memory of the server process, in MB (Linux /proc). */
  memory() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  }

  async stop() {
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 5000, 'shutdown');
      await this.notify('exit');
    } catch {
      // a server that will not shut down is killed below
    }
    const exited = await Promise.race([this.exited, new Promise((r) => setTimeout(() => r(null), 3000))]);
    if (!exited) this.process.kill('SIGKILL');
    this.connection.dispose();
  }
}
