// The extension starts the server over Node IPC (vscode-languageclient's TransportKind.ipc passes
// --node-ipc and --clientProcessId); the other tests use --stdio. Both must work. Over stdio the
// server writes each message in one write (lsp/stdioWriter.ts).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { OneWriteMessageWriter, redirectConsole } from '../../server/src/lsp/stdioWriter';
import {
  IPCMessageReader,
  IPCMessageWriter,
  createProtocolConnection,
  type PublishDiagnosticsParams,
  type ResponseMessage,
} from 'vscode-languageserver-protocol/node';
import { FIXTURE, SERVER, ensureServerBuilt, readFixture, uriOf } from './harness';

describe('transport', () => {
  it('runs over --node-ipc and checks a report', async () => {
    await ensureServerBuilt();
    const child = fork(SERVER, ['--node-ipc', `--clientProcessId=${process.pid}`], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const uri = uriOf('/ipc/xiaocaoe.txt');
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
          if (p.uri === uri) resolve(p);
        }),
      );
      connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
      connection.listen();
      const result = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
      });
      assert.ok((result as { capabilities: object }).capabilities);
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'plaintext', version: 1, text: readFixture(FIXTURE.xiaocaoe) },
      });
      const { diagnostics } = await published;
      assert.ok(diagnostics.some((d) => d.code === 'section-missing'));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('over --stdio, ends when its input closes, as without a writer of its own', async () => {
    await ensureServerBuilt();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.end();
    assert.equal(await exited, 1, 'no shutdown request came first');
  });
});

describe('OneWriteMessageWriter', () => {
  function recorder(fail = false) {
    const writes: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        writes.push(Buffer.from(chunk));
        callback(fail ? new Error('pipe closed') : null);
      },
    });
    return { writes, stream };
  }

  it('writes header and body of each message in one write, in the order they are sent', async () => {
    const { writes, stream } = recorder();
    const writer = new OneWriteMessageWriter(stream);
    const first = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '共 12 件，其中 3 件' } };
    const second = { jsonrpc: '2.0', id: 7, result: null };
    await Promise.all([writer.write(first), writer.write(second)]);
    assert.equal(writes.length, 2);
    writes.forEach((frame, i) => {
      const text = frame.toString('utf8');
      const [header, body] = text.split('\r\n\r\n');
      assert.equal(header, `Content-Length: ${Buffer.byteLength(body, 'utf8')}`, 'the length counts UTF-8 bytes');
      assert.deepEqual(JSON.parse(body), [first, second][i]);
    });
  });

  it('a failed write rejects and is reported to the connection', async () => {
    const { stream } = recorder(true);
    stream.on('error', () => {}); // the writer reports it through onError
    const writer = new OneWriteMessageWriter(stream);
    const reported: unknown[] = [];
    writer.onError(([error, , count]) => reported.push([(error as Error).message, count]));
    const answer: ResponseMessage = { jsonrpc: '2.0', id: 1, result: null };
    await assert.rejects(writer.write(answer), /pipe closed/);
    assert.deepEqual(reported[0], ['pipe closed', 1]);
  });

  it('redirectConsole sends what would be printed on stdout to the client instead', () => {
    const sent: string[] = [];
    const saved = Object.fromEntries(Object.entries(console).filter(([, v]) => typeof v === 'function'));
    try {
      const to = (level: string) => (m: string) => sent.push(`${level}: ${m}`);
      redirectConsole({ console: { log: to('log'), info: to('info'), warn: to('warn'), error: to('error') } });
      console.log('共 %d 件', 12);
      console.error(new Error('boom').message);
      const stdout = process.stdout.write;
      let printed = '';
      process.stdout.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stdout.write;
      try {
        console.table([{ a: 1 }]);
        console.dir({ b: 2 });
      } finally {
        process.stdout.write = stdout;
      }
      assert.equal(printed, '', 'nothing reaches stdout');
    } finally {
      Object.assign(console, saved);
    }
    assert.deepEqual(sent, ['log: 共 12 件', 'error: boom']);
  });
});
