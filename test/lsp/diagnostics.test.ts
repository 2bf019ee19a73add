// Push diagnostics from the real server process: which documents are checked, what a diagnostic
// carries, debouncing and stale versions, the size limit, run: onSave, close.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { FIXTURE, ROOT, Session, byRule, ensureServerBuilt, readFixture, uriOf } from './harness';

const cixi = readFixture(FIXTURE.cixi);
const xiaocaoe = readFixture(FIXTURE.xiaocaoe);
const lineStarting = (text: string, prefix: string) => text.split(/\r\n|\r|\n/).findIndex((l) => l.startsWith(prefix));

describe('push diagnostics', () => {
  let s: Session;
  before(async () => {
    await ensureServerBuilt();
    s = await Session.start({ locale: 'zh-cn' });
  });
  after(() => s?.shutdown());

  it('declares incremental sync and no pull provider when the client cannot pull', () => {
    const caps = s.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.equal(caps.diagnosticProvider, undefined);
  });

  it('checks a plain-text report: the cixi headings "1、" and "4、" (section-numbering) [engine]', async () => {
    const uri = uriOf('/reports/cixi.txt');
    await s.open(uri, 'plaintext', cixi);
    const { diagnostics, version } = await s.diagnosticsFor(uri, 1);
    assert.equal(version, 1);
    const numbering = byRule(diagnostics, 'section-numbering');
    assert.deepEqual(
      numbering.map((d) => d.range.start.line).sort((a, b) => a - b),
      [lineStarting(cixi, '1、'), lineStarting(cixi, '4、')],
    );
    for (const d of numbering) {
      assert.equal(d.source, 'nianbao');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      // A client that serves no rule pages itself gets the shipped page's file (test/lsp/links.test.ts).
      assert.equal(d.codeDescription?.href, uriOf(`${ROOT}/docs/rules/section-numbering.md`));
      assert.deepEqual(Object.keys(d.data as object).sort(), ['index', 'version']);
    }
    // FORMAT: everything else in cixi adds up; at most a note (information) on the label "本年新收到…".
    const others = diagnostics.filter((d) => d.code !== 'section-numbering');
    assert.deepEqual(others.filter((d) => d.severity !== DiagnosticSeverity.Information || d.code !== 'row-label'), [], JSON.stringify(others));
  });

  it('a finding built from other cells links them as relatedInformation (xiaocaoe 勾稽关系)', async () => {
    const uri = uriOf('/reports/xiaocaoe.txt');
    await s.open(uri, 'plaintext', xiaocaoe);
    const { diagnostics } = await s.diagnosticsFor(uri, 1);
    const [balance] = byRule(diagnostics, 'balance');
    assert.ok(balance, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.equal(balance.severity, DiagnosticSeverity.Error);
    assert.ok(balance.relatedInformation && balance.relatedInformation.length > 0);
    const doc = s.document(uri);
    for (const r of balance.relatedInformation) {
      assert.equal(r.location.uri, uri);
      // Each related span is a cell: a number in the text.
      assert.match(doc.getText(r.location.range).trim(), /^\d+$/);
    }
    assert.equal(byRule(diagnostics, 'section-missing').length, 1);
  });

  it('an incremental edit gets diagnostics for its own version (fixing the received count clears 勾稽关系)', async () => {
    const uri = uriOf('/reports/xiaocaoe-edit.txt');
    await s.open(uri, 'plaintext', xiaocaoe);
    await s.diagnosticsFor(uri, 1);
    const row = xiaocaoe.indexOf('一、本年新收');
    const cells = xiaocaoe.indexOf('0\t2\t0\t0\t0\t0\t2', row);
    assert.ok(row >= 0 && cells > row);
    const version = await s.edit(uri, [{ range: s.rangeOf(uri, cells, cells + 13), newText: '0\t0\t0\t0\t0\t0\t0' }]);
    const { diagnostics } = await s.diagnosticsFor(uri, version);
    assert.deepEqual(byRule(diagnostics, 'balance'), []);
    assert.equal(byRule(diagnostics, 'section-missing').length, 1, 'other findings stay');
  });

  it('never publishes for a stale version: two quick edits give one check, of the last one', async () => {
    const uri = uriOf('/reports/xiaocaoe-quick.txt');
    await s.open(uri, 'plaintext', xiaocaoe);
    await s.diagnosticsFor(uri, 1);
    await s.replace(uri, '小曹娥镇', '小曹娥镇人民');
    const last = await s.replace(uri, '小曹娥镇人民', '小曹娥镇');
    await s.diagnosticsFor(uri, last);
    assert.deepEqual(
      s.diagnostics.filter((p) => p.uri === uri).map((p) => p.version),
      [1, last],
    );
    const checked = await s.didCheckFor(uri, last);
    assert.equal(checked.isReport, true);
    assert.ok(checked.errors >= 1);
  });

  it('a plain .txt that is not a report is not checked: no diagnostics, didCheck isReport false', async () => {
    const uri = uriOf('/notes/shopping.txt');
    await s.open(uri, 'plaintext', '买菜：白菜 2 斤，豆腐 1 块。\n2024年1月1日\n一、总体情况\n');
    const checked = await s.didCheckFor(uri, 1);
    assert.deepEqual(checked, { uri, version: 1, errors: 0, warnings: 0, others: 0, elapsed: 0, isReport: false });
    assert.deepEqual(s.diagnostics.filter((p) => p.uri === uri), []);
    const summary = await s.request<{ isReport: boolean; summary: unknown }>('nianbao/summary', { uri });
    assert.equal(summary.isReport, false);
    assert.equal(summary.summary, null);
  });

  it('other languages are never checked, even a report', async () => {
    const uri = uriOf('/reports/cixi.js');
    await s.open(uri, 'javascript', cixi);
    const checked = await s.didCheckFor(uri, 1);
    assert.equal(checked.isReport, false);
  });

  it('a Markdown report is detected too', async () => {
    const uri = uriOf('/reports/xiaocaoe.md');
    await s.open(uri, 'markdown', xiaocaoe);
    const { diagnostics } = await s.diagnosticsFor(uri, 1);
    assert.equal(byRule(diagnostics, 'section-missing').length, 1);
  });

  it('a huge document gets one information diagnostic and no engine run, quickly', async () => {
    const uri = uriOf('/reports/huge.nianbao');
    const huge = cixi + '\n' + '其他需要报告的事项。'.repeat(Math.ceil(2_100_000 / 30));
    assert.ok(Buffer.byteLength(huge) > 2_000_000);
    const started = Date.now();
    await s.open(uri, 'nianbao', huge);
    const { diagnostics } = await s.diagnosticsFor(uri, 1);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(String(diagnostics[0].message), /过大/);
    assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
    assert.ok(Date.now() - started < 5000);
    const checked = await s.didCheckFor(uri, 1);
    assert.equal(checked.isReport, false);
    assert.equal(checked.others, 1);
    await s.close(uri);
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = uriOf('/reports/xiaocaoe-close.txt');
    await s.open(uri, 'plaintext', xiaocaoe);
    const first = await s.diagnosticsFor(uri, 1);
    assert.ok(first.diagnostics.length > 0);
    await s.close(uri);
    const cleared = await s.waitFor('cleared diagnostics', () =>
      s.diagnostics.find((p) => p.uri === uri && p.diagnostics.length === 0),
    );
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('detection and run settings', () => {
  let s: Session;
  before(async () => {
    await ensureServerBuilt();
    s = await Session.start({ locale: 'zh-cn' });
  });
  after(() => s?.shutdown());

  it('detect: never skips plain text but still checks languageId nianbao', async () => {
    s.settings = { detect: 'never' };
    const txt = uriOf('/never/xiaocaoe.txt');
    await s.open(txt, 'plaintext', xiaocaoe);
    assert.equal((await s.didCheckFor(txt, 1)).isReport, false);
    const own = uriOf('/never/xiaocaoe.nianbao');
    await s.open(own, 'nianbao', xiaocaoe);
    const { diagnostics } = await s.diagnosticsFor(own, 1);
    assert.ok(byRule(diagnostics, 'section-missing').length === 1);
  });

  it('detect: always checks plain text that does not look like a report', async () => {
    s.settings = { detect: 'always' };
    const uri = uriOf('/always/notes.txt');
    await s.open(uri, 'plaintext', '随手记：今天开会。\n');
    assert.equal((await s.didCheckFor(uri, 1)).isReport, true);
    await s.diagnosticsFor(uri, 1);
  });

  it('maxFileSize from the settings', async () => {
    s.settings = { maxFileSize: 1000 };
    const uri = uriOf('/small-limit/cixi.txt');
    await s.open(uri, 'plaintext', cixi);
    const { diagnostics } = await s.diagnosticsFor(uri, 1);
    assert.deepEqual(
      diagnostics.map((d: Diagnostic) => d.severity),
      [DiagnosticSeverity.Information],
    );
  });

  it('run: onSave checks on open and on save, not while typing', async () => {
    s.settings = { run: 'onSave' };
    const uri = uriOf('/on-save/xiaocaoe.txt');
    await s.open(uri, 'plaintext', xiaocaoe);
    await s.diagnosticsFor(uri, 1);
    const typed = await s.replace(uri, '小曹娥镇', '小曹娥');
    // Absence can only be shown by waiting: well past the debounce, the edit has not been checked.
    await new Promise((r) => setTimeout(r, 600));
    assert.deepEqual(s.diagnostics.filter((p) => p.uri === uri).map((p) => p.version), [1]);
    await s.save(uri);
    const published = await s.diagnosticsFor(uri, typed);
    assert.equal(published.version, typed);
    assert.deepEqual(
      s.diagnostics.filter((p) => p.uri === uri).map((p) => p.version),
      [1, typed],
    );
  });
});

describe('debounce from initializationOptions', () => {
  let s: Session;
  before(async () => {
    await ensureServerBuilt();
    s = await Session.start({ locale: 'zh-cn', initializationOptions: { displayLanguage: 'zh-cn', debounceMs: 1500 } });
  });
  after(() => s?.shutdown());

  it('opening is checked at once; an edit only after the debounce', async () => {
    const uri = uriOf('/debounce/xiaocaoe.txt');
    let started = Date.now();
    await s.open(uri, 'plaintext', xiaocaoe);
    await s.diagnosticsFor(uri, 1);
    assert.ok(Date.now() - started < 1000, `open published after ${Date.now() - started} ms`);
    started = Date.now();
    const version = await s.replace(uri, '小曹娥镇', '小曹娥');
    await s.diagnosticsFor(uri, version);
    assert.ok(Date.now() - started >= 1400, `edit published after ${Date.now() - started} ms`);
  });
});
