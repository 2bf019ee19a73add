// Pull diagnostics (textDocument/diagnostic) when the client declares it, and what settings changes
// do: in pull mode the server asks the client to pull again; in push mode it publishes again.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { FIXTURE, Session, byRule, ensureServerBuilt, readFixture, uriOf } from './harness';

const cixi = readFixture(FIXTURE.cixi);
const xiaocaoe = readFixture(FIXTURE.xiaocaoe);

const pull = (s: Session, uri: string, previousResultId?: string) =>
  s.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });

function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport {
  assert.equal(report.kind, 'full');
  return report as FullDocumentDiagnosticReport;
}

describe('pull diagnostics', () => {
  let s: Session;
  before(async () => {
    await ensureServerBuilt();
    s = await Session.start({ locale: 'zh-cn', pull: true });
  });
  after(() => s?.shutdown());

  it('declares a diagnostic provider and never pushes', async () => {
    assert.deepEqual(s.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'nianbao',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    const uri = uriOf('/pull/xiaocaoe.txt');
    await s.open(uri, 'plaintext', xiaocaoe);
    const report = full(await pull(s, uri));
    assert.equal(byRule(report.items, 'section-missing').length, 1);
    assert.ok(report.resultId);
    assert.deepEqual(s.diagnostics, [], 'no publishDiagnostics in pull mode');
    const checked = await s.didCheckFor(uri, 1);
    assert.ok(checked.errors >= 1);
  });

  it('cixi pulled: the two section-numbering findings [engine]', async () => {
    const uri = uriOf('/pull/cixi.txt');
    await s.open(uri, 'plaintext', cixi);
    const report = full(await pull(s, uri));
    assert.equal(byRule(report.items, 'section-numbering').length, 2);
  });

  it('answers unchanged for an unchanged document, full again after an edit', async () => {
    const uri = uriOf('/pull/xiaocaoe-2.txt');
    await s.open(uri, 'plaintext', xiaocaoe);
    const first = full(await pull(s, uri));
    const again = await pull(s, uri, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
    const row = xiaocaoe.indexOf('0\t2\t0\t0\t0\t0\t2', xiaocaoe.indexOf('一、本年新收'));
    await s.edit(uri, [{ range: s.rangeOf(uri, row, row + 13), newText: '0\t0\t0\t0\t0\t0\t0' }]);
    const edited = full(await pull(s, uri, first.resultId));
    assert.notEqual(edited.resultId, first.resultId);
    assert.deepEqual(byRule(edited.items, 'balance'), []);
  });

  it('a document that is not a report pulls as empty', async () => {
    const uri = uriOf('/pull/notes.txt');
    await s.open(uri, 'plaintext', '会议纪要\n今天讨论了三件事。\n');
    assert.deepEqual(full(await pull(s, uri)).items, []);
    assert.equal((await s.didCheckFor(uri, 1)).isReport, false);
  });

  it('a configuration change asks the client to pull again; the new settings apply', async () => {
    const uri = uriOf('/pull/xiaocaoe-3.txt');
    await s.open(uri, 'plaintext', xiaocaoe);
    assert.equal(byRule(full(await pull(s, uri)).items, 'balance').length > 0, true);
    const refreshes = s.diagnosticRefreshes;
    await s.changeSettings({ rules: { balance: 'off', 'section-missing': 'hint' } });
    await s.waitFor('workspace/diagnostic/refresh', () => (s.diagnosticRefreshes > refreshes ? true : undefined));
    const items = full(await pull(s, uri)).items;
    assert.deepEqual(byRule(items, 'balance'), []);
    assert.deepEqual(byRule(items, 'section-missing').map((d) => d.severity), [DiagnosticSeverity.Hint]);
    await s.changeSettings({});
  });
});

describe('configuration changes (push)', () => {
  let s: Session;
  before(async () => {
    await ensureServerBuilt();
    s = await Session.start({ locale: 'zh-cn' });
  });
  after(() => s?.shutdown());

  it('rules: {"section-numbering": "off"} removes the cixi headings finding, without an edit [engine]', async () => {
    const uri = uriOf('/config/cixi.txt');
    await s.open(uri, 'plaintext', cixi);
    const before = await s.diagnosticsFor(uri, 1);
    assert.equal(byRule(before.diagnostics, 'section-numbering').length, 2);
    const published = s.diagnostics.length;
    await s.changeSettings({ rules: { 'section-numbering': 'off' } });
    const after = await s.waitFor('diagnostics after the configuration change', () =>
      s.diagnostics.slice(published).find((p) => p.uri === uri),
    );
    assert.equal(after.version, 1);
    assert.deepEqual(byRule(after.diagnostics, 'section-numbering'), []);
  });

  it('rule severities from the settings reach the diagnostics; bad values are ignored', async () => {
    const uri = uriOf('/config/xiaocaoe.txt');
    await s.open(uri, 'plaintext', xiaocaoe);
    await s.diagnosticsFor(uri, 1);
    const published = s.diagnostics.length;
    await s.changeSettings({ rules: { 'section-missing': 'info', balance: 'loud' as never }, maxFileSize: -5 as never });
    const after = await s.waitFor('diagnostics after the configuration change', () =>
      s.diagnostics.slice(published).find((p) => p.uri === uri),
    );
    assert.deepEqual(byRule(after.diagnostics, 'section-missing').map((d) => d.severity), [DiagnosticSeverity.Information]);
    assert.deepEqual(byRule(after.diagnostics, 'balance').map((d) => d.severity), [DiagnosticSeverity.Error]);
  });
});
