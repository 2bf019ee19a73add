// The extension starts the server over Node IPC (vscode-languageclient's TransportKind.ipc passes
// --node-ipc and --clientProcessId); the other tests use --stdio. Both must work.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import {
  IPCMessageReader,
  IPCMessageWriter,
  createProtocolConnection,
  type PublishDiagnosticsParams,
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
});
