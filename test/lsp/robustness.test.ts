// Bad input never takes the server down: requests for documents it does not know, malformed
// parameters, odd text. Every answer is empty rather than an error, and the server keeps working.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { FIXTURE, Session, byRule, ensureServerBuilt, readFixture, uriOf } from './harness';

describe('robustness', () => {
  let s: Session;
  before(async () => {
    await ensureServerBuilt();
    s = await Session.start({ locale: 'zh-cn' });
  });
  after(() => s?.shutdown());

  it('requests about documents that are not open answer empty', async () => {
    const textDocument = { uri: uriOf('/nowhere/x.txt') };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    assert.equal(await s.request('textDocument/hover', { textDocument, position }), null);
    assert.deepEqual(await s.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }), []);
    assert.deepEqual(await s.request('textDocument/documentSymbol', { textDocument }), []);
    assert.deepEqual(await s.request('textDocument/foldingRange', { textDocument }), []);
    assert.deepEqual(await s.request('textDocument/inlayHint', { textDocument, range }), []);
    assert.deepEqual(await s.request('nianbao/summary', { uri: textDocument.uri }), {
      uri: textDocument.uri,
      version: null,
      isReport: false,
      summary: null,
      findings: [],
    });
  });

  it('malformed parameters answer empty', async () => {
    const uri = uriOf('/odd/xiaocaoe.txt');
    await s.open(uri, 'plaintext', readFixture(FIXTURE.xiaocaoe));
    await s.diagnosticsFor(uri, 1);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const junk = [{ range, message: 'x', source: 'nianbao', code: 'balance', data: 'junk' }, { range, message: 'y', source: 'nianbao', code: 7 }];
    const actions = await s.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: junk } });
    assert.deepEqual(actions, []);
    assert.equal(await s.request('workspace/executeCommand', { command: 'nianbao.server.fixAll', arguments: [] }), null);
    assert.equal(await s.request('workspace/executeCommand', { command: 'nianbao.server.fixAll', arguments: [{ uri: 42 }] }), null);
    assert.equal(await s.request('textDocument/hover', { textDocument: { uri }, position: { line: -5, character: 1e9 } }), null);
    const summary = await s.request<{ isReport: boolean }>('nianbao/summary', null);
    assert.equal(summary.isReport, false);
  });

  it('odd text (lone surrogates, CR line ends, control characters, a huge line) is checked without error', async () => {
    const uri = uriOf('/odd/strange.nianbao');
    const text = '2023年政府信息公开工作年度报告\r一、总体情况\r\ud800\u0000\t\t|||\r' + '表三'.repeat(50_000) + '\r（七）总计\t1\t\t２\t-\t——\n';
    await s.open(uri, 'nianbao', text);
    const { diagnostics } = await s.diagnosticsFor(uri, 1);
    assert.ok(Array.isArray(diagnostics));
    const symbols = await s.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    // Still alive and working: a normal report is still checked.
    const report = uriOf('/odd/after.txt');
    await s.open(report, 'plaintext', readFixture(FIXTURE.xiaocaoe));
    assert.equal(byRule((await s.diagnosticsFor(report, 1)).diagnostics, 'section-missing').length, 1);
    assert.equal(s.process.exitCode, null);
  });
});
