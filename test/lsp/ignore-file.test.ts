// Every document of a workspace folder waits for the folder's `.nianbao-ignore.json`: a FIFO or a
// link to /dev/zero by that name must not leave them without diagnostics, nor documentSymbol without
// an answer. In-process against IgnoreStore, then end to end against the real server.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IgnoreStore, WorkspaceFolders } from '../../server/src/lsp/ignoreFile';
import { FIXTURE, Session, byRule, ensureServerBuilt, readFixture, uriOf } from './harness';

const skip = process.platform === 'win32' && 'no FIFOs or /dev/zero';

const KINDS: [string, (file: string) => void][] = [
  ['a FIFO', (file) => execFileSync('mkfifo', [file])],
  ['a link to /dev/zero', (file) => fs.symlinkSync('/dev/zero', file)],
];

/** Opens a FIFO for writing and closes it: a reader blocked on it (the bug) gets end-of-file and lets go. */
function release(file: string): void {
  try {
    if (fs.statSync(file).isFIFO()) fs.closeSync(fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
  } catch {
    // no reader left
  }
}

function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('IgnoreStore with an ignore file that is not a regular file', { skip }, () => {
  for (const [kind, make] of KINDS) {
    it(`${kind}: no entries, at once; never offered for writing`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-ignore-'));
      const file = path.join(dir, '.nianbao-ignore.json');
      try {
        make(file);
        const folders = new WorkspaceFolders();
        folders.set([{ uri: pathToFileURL(dir).href, name: 'w' }]);
        const store = new IgnoreStore(folders);
        const doc = pathToFileURL(path.join(dir, 'a.txt')).href;
        assert.deepEqual(await within(5000, 'entriesFor', store.entriesFor(doc)), []);
        const edit = await within(5000, 'addEntryEdit', store.addEntryEdit(doc, { rule: 'balance', text: 'x' }, { documentChanges: true, createFile: true }));
        assert.equal(edit, null, 'the path is not a file the server would overwrite');
      } finally {
        release(file);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('a regular file larger than the limit is not used', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-ignore-'));
    try {
      const entry = { rule: 'balance', text: 'x' };
      fs.writeFileSync(path.join(dir, '.nianbao-ignore.json'), JSON.stringify({ ignore: [entry], pad: 'x'.repeat(2 * 1024 * 1024) }));
      const folders = new WorkspaceFolders();
      folders.set([{ uri: pathToFileURL(dir).href, name: 'w' }]);
      assert.deepEqual(await new IgnoreStore(folders).entriesFor(pathToFileURL(path.join(dir, 'a.txt')).href), []);
      // The same list in a file of ordinary size is used (the limit, not the content, refused it).
      fs.writeFileSync(path.join(dir, '.nianbao-ignore.json'), JSON.stringify({ ignore: [entry] }));
      assert.deepEqual(await new IgnoreStore(folders).entriesFor(pathToFileURL(path.join(dir, 'a.txt')).href), [entry]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the server with such an ignore file at the workspace root', { skip }, () => {
  before(ensureServerBuilt);

  for (const [kind, make] of KINDS) {
    describe(kind, () => {
      let s: Session;
      let workspace: string;
      before(async () => {
        workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-ws-'));
        make(path.join(workspace, '.nianbao-ignore.json'));
        s = await Session.start({ locale: 'zh-cn', workspaceFolder: workspace });
      });
      after(async () => {
        release(path.join(workspace, '.nianbao-ignore.json'));
        await s?.shutdown();
        fs.rmSync(workspace, { recursive: true, force: true });
      });

      it('documents of the folder get their diagnostics and documentSymbol answers', async () => {
        const uri = uriOf(path.join(workspace, 'reports', 'xiaocaoe.txt'));
        await s.open(uri, 'plaintext', readFixture(FIXTURE.xiaocaoe));
        const { diagnostics } = await s.diagnosticsFor(uri, 1);
        assert.equal(byRule(diagnostics, 'section-missing').length, 1, 'checked (needs the engine)');
        const symbols = await within(10_000, 'documentSymbol', s.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }));
        assert.ok(symbols.length > 0);
        // A second document of the same folder too (the ignore file is not waited on again).
        const other = uriOf(path.join(workspace, 'cixi.txt'));
        await s.open(other, 'plaintext', readFixture(FIXTURE.cixi));
        assert.ok((await s.diagnosticsFor(other, 1)).diagnostics.length > 0);
      });
    });
  }
});
