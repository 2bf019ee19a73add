// Code actions from the real server: the engine's fixes as quickfixes, fix-all (source action and
// the nianbao.server.fixAll command), and "忽略此问题" in Markdown and through .nianbao-ignore.json.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { FIXTURE, Session, applyTextEdits, byRule, ensureServerBuilt, readFixture, uriOf } from './harness';

const cixi = readFixture(FIXTURE.cixi);
const xiaocaoe = readFixture(FIXTURE.xiaocaoe);
const lines = (text: string) => text.split(/\r\n|\r|\n/);

function codeActions(s: Session, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return s.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
}

/** The text edits of a code action for `uri` (its edit is pinned to a document version). */
function editsOf(action: CodeAction, uri: string, version: number): TextEdit[] {
  const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
  assert.ok(changes, `${action.title} has documentChanges`);
  const change = changes.find((c) => c.textDocument.uri === uri);
  assert.ok(change);
  assert.equal(change.textDocument.version, version);
  return change.edits as TextEdit[];
}

describe('code actions', () => {
  let s: Session;
  let workspace: string;
  before(async () => {
    await ensureServerBuilt();
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-lsp-'));
    s = await Session.start({ locale: 'zh-cn', workspaceFolder: workspace });
  });
  after(async () => {
    await s?.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('quickfix for "1、 总体情况" replaces the numeral; after the edit the finding is gone [engine]', async () => {
    const uri = uriOf(path.join(workspace, 'cixi-quickfix.txt'));
    await s.open(uri, 'plaintext', cixi);
    const { diagnostics } = await s.diagnosticsFor(uri, 1);
    const first = byRule(diagnostics, 'section-numbering').find((d) => d.range.start.line === lines(cixi).findIndex((l) => l.startsWith('1、')));
    assert.ok(first, 'section-numbering on "1、 总体情况"');
    const actions = await codeActions(s, uri, [first]);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['section-numbering']);
    const edits = editsOf(fix, uri, 1);
    const fixed = applyTextEdits(cixi, edits);
    assert.ok(lines(fixed).includes('一、总体情况'), 'the heading reads 一、总体情况');

    const version = await s.edit(uri, edits);
    const after = await s.diagnosticsFor(uri, version);
    const remaining = byRule(after.diagnostics, 'section-numbering');
    assert.equal(remaining.length, 1);
    assert.equal(remaining[0].range.start.line, lines(cixi).findIndex((l) => l.startsWith('4、')));
  });

  it('source.fixAll.nianbao fixes both headings; the "4、" one becomes "四、" [engine]', async () => {
    const uri = uriOf(path.join(workspace, 'cixi-fixall.txt'));
    await s.open(uri, 'plaintext', cixi);
    await s.diagnosticsFor(uri, 1);
    const actions = await codeActions(s, uri, [], ['source.fixAll']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.nianbao');
    const edits = editsOf(actions[0], uri, 1);
    const fixed = applyTextEdits(cixi, edits);
    assert.ok(lines(fixed).includes('一、总体情况'));
    assert.ok(lines(fixed).includes('四、政府信息公开行政复议、行政诉讼情况'));
    const version = await s.edit(uri, edits);
    const after = await s.diagnosticsFor(uri, version);
    assert.deepEqual(byRule(after.diagnostics, 'section-numbering'), []);
  });

  it('the nianbao.server.fixAll command applies the fixes through workspace/applyEdit [engine]', async () => {
    assert.deepEqual(s.initializeResult.capabilities.executeCommandProvider?.commands, ['nianbao.server.fixAll']);
    const uri = uriOf(path.join(workspace, 'cixi-command.txt'));
    await s.open(uri, 'plaintext', cixi);
    await s.diagnosticsFor(uri, 1);
    const appliedBefore = s.applied.length;
    await s.request('workspace/executeCommand', { command: 'nianbao.server.fixAll', arguments: [{ uri, version: 1 }] });
    assert.equal(s.applied.length, appliedBefore + 1);
    const doc = s.document(uri);
    assert.equal(doc.version, 2);
    assert.ok(lines(doc.getText()).includes('一、总体情况'));
    const after = await s.diagnosticsFor(uri, 2);
    assert.deepEqual(byRule(after.diagnostics, 'section-numbering'), []);
    // A stale version is refused: nothing more is applied.
    await s.request('workspace/executeCommand', { command: 'nianbao.server.fixAll', arguments: [{ uri, version: 1 }] });
    assert.equal(s.applied.length, appliedBefore + 1);
  });

  it('"忽略此问题" in plain text creates .nianbao-ignore.json; once the watcher reports it the finding is gone', async () => {
    const uri = uriOf(path.join(workspace, 'xiaocaoe.txt'));
    await s.open(uri, 'plaintext', xiaocaoe);
    const { diagnostics } = await s.diagnosticsFor(uri, 1);
    const [missing] = byRule(diagnostics, 'section-missing');
    assert.ok(missing);
    const actions = await codeActions(s, uri, [missing]);
    const ignore = actions.find((a) => a.title.startsWith('忽略此问题'));
    assert.ok(ignore, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(ignore.isPreferred, undefined);
    const ignoreFile = path.join(workspace, '.nianbao-ignore.json');
    assert.equal(fs.existsSync(ignoreFile), false);
    await s.applyWorkspaceEdit(ignore.edit!);
    const line = lines(xiaocaoe)[missing.range.start.line].trim();
    assert.deepEqual(JSON.parse(fs.readFileSync(ignoreFile, 'utf8')), { ignore: [{ rule: 'section-missing', text: line }] });

    const checksBefore = s.didChecks.length;
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ignoreFile), type: 1 }] });
    const rechecked = await s.waitFor('recheck after the ignore file changed', () =>
      s.didChecks.slice(checksBefore).find((c) => c.uri === uri),
    );
    const latest = s.diagnostics.filter((p) => p.uri === uri).at(-1)!;
    assert.equal(rechecked.version, 1);
    assert.deepEqual(byRule(latest.diagnostics, 'section-missing'), []);
    assert.ok(byRule(latest.diagnostics, 'balance').length > 0, 'only that finding is dismissed');

    // A second dismissal appends to the existing file.
    const [balance] = byRule(latest.diagnostics, 'balance');
    const more = await codeActions(s, uri, [balance]);
    const second = more.find((a) => a.title.startsWith('忽略此问题'));
    assert.ok(second);
    await s.applyWorkspaceEdit(second.edit!);
    const entries = JSON.parse(fs.readFileSync(ignoreFile, 'utf8')).ignore as { rule: string }[];
    assert.deepEqual(entries.map((e) => e.rule), ['section-missing', 'balance']);
    fs.rmSync(ignoreFile);
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ignoreFile), type: 3 }] });
  });

  it('the server registers a watcher for .nianbao-ignore.json', () => {
    assert.ok(s.registrations.includes('workspace/didChangeWatchedFiles'));
    assert.ok(s.registrations.includes('workspace/didChangeConfiguration'));
  });

  it('"忽略此问题" in Markdown inserts a disable comment above the line [engine]', async () => {
    const uri = uriOf(path.join(workspace, 'cixi.md'));
    await s.open(uri, 'markdown', cixi);
    const { diagnostics } = await s.diagnosticsFor(uri, 1);
    const numbering = byRule(diagnostics, 'section-numbering');
    assert.equal(numbering.length, 2);
    const target = numbering[1];
    const actions = await codeActions(s, uri, [target]);
    const ignore = actions.find((a) => a.title.startsWith('忽略此问题'));
    assert.ok(ignore);
    const edits = editsOf(ignore, uri, 1);
    const changed = applyTextEdits(cixi, edits);
    assert.equal(lines(changed)[target.range.start.line], '<!-- nianbao-disable-next-line section-numbering -->');
    const version = await s.edit(uri, edits);
    const after = await s.diagnosticsFor(uri, version);
    assert.equal(byRule(after.diagnostics, 'section-numbering').length, 1);
    assert.equal(fs.existsSync(path.join(workspace, '.nianbao-ignore.json')), false, 'Markdown never writes the ignore file');
  });

  it('a 表四 typo: each candidate fix is its own quick fix, none preferred, and fix-all applies none [engine]', async () => {
    // c04 line 61, 行政复议 结果维持 2 → 7: the group's total (7) or 结果维持 may be the wrong one.
    const original = fs.readFileSync(path.resolve(__dirname, '../data/corpus/c04_pingtan_syq_2024.txt'), 'utf8');
    const text = original.replace('\n2\t1\t3\t1\t7\t0\t0\t0\t0\t0\t13', '\n7\t1\t3\t1\t7\t0\t0\t0\t0\t0\t13');
    assert.notEqual(text, original);
    const uri = uriOf(path.join(workspace, 'c04-appeal.txt'));
    await s.open(uri, 'plaintext', text);
    const { diagnostics } = await s.diagnosticsFor(uri, 1);
    const [appeal] = byRule(diagnostics, 'appeal-total');
    assert.ok(appeal, JSON.stringify(diagnostics.map((d) => d.code)));
    const fixes = (await codeActions(s, uri, [appeal], ['quickfix'])).filter((a) => !a.title.startsWith('忽略此问题'));
    assert.deepEqual(fixes.map((a) => a.title), ['将 行政复议 · 总计 改为 12', '将 行政复议 · 结果维持 改为 2']);
    assert.ok(fixes.every((a) => !a.isPreferred));
    const restored = fixes.map((a) => applyTextEdits(text, editsOf(a, uri, 1)));
    assert.equal(restored[1], original, 'the second candidate restores the report');
    // Nothing certain: no fix-all action, on save or from the menu.
    assert.deepEqual(await codeActions(s, uri, [], ['source.fixAll']), []);
  });

  it('a 表三 typo: one finding on the cell, its fix preferred, and fix-all restores the report [engine]', async () => {
    const fixedHeadings = cixi.replace('1、 总体情况', '一、总体情况').replace('4、 政府信息公开', '四、政府信息公开');
    const lines = fixedHeadings.split('\n');
    const at = lines.indexOf('\t（一）予以公开');
    assert.ok(at > 0);
    // One cell per line: the first number after the label is 自然人 (15).
    const cell = lines.findIndex((l, i) => i > at && /^\s*\d+\s*$/.test(l));
    assert.equal(lines[cell].trim(), '15');
    lines[cell] = lines[cell].replace('15', '16');
    const text = lines.join('\n');
    const uri = uriOf(path.join(workspace, 'cixi-leaf.txt'));
    await s.open(uri, 'plaintext', text);
    const { diagnostics } = await s.diagnosticsFor(uri, 1);
    const sums = diagnostics.filter((d) => ['balance', 'row-total', 'column-total', 'appeal-total'].includes(String(d.code)));
    assert.equal(sums.length, 1, JSON.stringify(sums.map((d) => d.message)));
    assert.equal(sums[0].range.start.line, cell);
    assert.equal(sums[0].relatedInformation?.length, 2, 'the row and the column it breaks');
    const [fix] = (await codeActions(s, uri, sums, ['quickfix'])).filter((a) => !a.title.startsWith('忽略此问题'));
    assert.equal(fix.isPreferred, true);
    const [all] = await codeActions(s, uri, [], ['source.fixAll']);
    assert.ok(all);
    // Fix-all also writes the standard row label the row-label hint offers (as it does without the typo).
    assert.equal(applyTextEdits(text, editsOf(all, uri, 1)), fixedHeadings.replace('本年新收到政府信息公开申请数量', '本年新收政府信息公开申请数量'));
  });

  it('a stale diagnostic (from an older version, no longer found) gets no actions', async () => {
    const uri = uriOf(path.join(workspace, 'cixi-stale.txt'));
    await s.open(uri, 'plaintext', cixi);
    const { diagnostics } = await s.diagnosticsFor(uri, 1);
    const [first] = byRule(diagnostics, 'section-numbering');
    assert.ok(first);
    const version = await s.replace(uri, '1、 总体情况', '一、总体情况');
    await s.diagnosticsFor(uri, version);
    const actions = await codeActions(s, uri, [first], ['quickfix']);
    assert.deepEqual(actions, []);
  });
});
