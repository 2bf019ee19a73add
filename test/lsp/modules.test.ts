// The server's pure modules, in process: fix-all selection agrees with the engine, settings are
// validated, the ignore file is parsed and edited, cells are found by offset.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { applyEdits, applyFixes, check, type Diagnostic } from '../../server/src/core/index';
import { fixAllEdits, selectFixEdits } from '../../server/src/lsp/fixes';
import { normalizeSettings, resolveLocale } from '../../server/src/lsp/settings';
import { IgnoreStore, WorkspaceFolders, parseIgnoreFile } from '../../server/src/lsp/ignoreFile';
import { cellAt, tableCells } from '../../server/src/lsp/cells';
import { isCandidate, type Analysis } from '../../server/src/lsp/analysis';
import { codeActions } from '../../server/src/lsp/codeActions';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS } from '../../server/src/shared/protocol';
import { FIXTURE, applyTextEdits, readFixture } from './harness';

function finding(edits: [number, number, string][], start = edits[0]?.[0] ?? 0): Diagnostic {
  return {
    rule: 'section-numbering',
    severity: 'warning',
    start,
    end: start,
    message: '',
    related: [],
    fix: { title: 'fix', preferred: true, certain: true, edits: edits.map(([s, e, newText]) => ({ start: s, end: e, newText })) },
  };
}

describe('fixAllEdits', () => {
  it('skips a fix that overlaps an earlier one and applies an edit offered twice once', () => {
    const text = 'abcdefghij';
    const diagnostics = [finding([[0, 3, 'X']]), finding([[2, 5, 'Y']]), finding([[6, 7, 'Z']]), finding([[6, 7, 'Z']])];
    const edits = fixAllEdits(text, diagnostics);
    assert.deepEqual(edits, [
      { start: 0, end: 3, newText: 'X' },
      { start: 6, end: 7, newText: 'Z' },
    ]);
    assert.equal(applyEdits(text, edits), 'XdefZhij');
  });

  it('gives the same text as the engine’s applyFixes for any set of fixes', () => {
    const edit = fc.tuple(fc.nat(20), fc.nat(4), fc.string({ maxLength: 3 })).map(([s, len, t]) => [s, s + len, t] as [number, number, string]);
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (fixes) => {
        const text = 'x'.repeat(30);
        const diagnostics = fixes.map((f) => finding(f));
        // The selection itself, not the fallback, must agree with the engine.
        const edits = selectFixEdits(diagnostics);
        assert.equal(applyEdits(text, edits), applyFixes(text, diagnostics));
        assert.deepEqual(fixAllEdits(text, diagnostics), edits);
        // LSP requires non-overlapping edits.
        for (let i = 1; i < edits.length; i++) assert.ok(edits[i].start >= edits[i - 1].end);
      }),
    );
  });
});

describe('settings', () => {
  it('fills defaults and drops invalid values', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(
      normalizeSettings({ detect: 'sometimes', run: 'onSave', rules: { balance: 'off', x: 7, y: 'information' }, reportYear: 2023.5, maxFileSize: 0, locale: 'en' }),
      { ...DEFAULT_SETTINGS, run: 'onSave', rules: { balance: 'off', y: 'info' }, locale: 'en' },
    );
    assert.equal(normalizeSettings({ reportYear: 2022 }).reportYear, 2022);
  });

  it('locale auto follows the editor: en* is English, anything else Chinese', () => {
    assert.equal(resolveLocale('auto', 'en-US'), 'en');
    assert.equal(resolveLocale('auto', 'en'), 'en');
    assert.equal(resolveLocale('auto', 'zh-cn'), 'zh-cn');
    assert.equal(resolveLocale('auto', 'de'), 'zh-cn');
    assert.equal(resolveLocale('auto', undefined), 'zh-cn');
    assert.equal(resolveLocale('zh-cn', 'en-US'), 'zh-cn');
  });

  it('which documents are candidates', () => {
    const report = readFixture(FIXTURE.cixi);
    assert.equal(isCandidate('nianbao', 'never', 'x'), true);
    assert.equal(isCandidate('plaintext', 'auto', report), true);
    assert.equal(isCandidate('markdown', 'auto', 'just notes'), false);
    assert.equal(isCandidate('plaintext', 'always', 'just notes'), true);
    assert.equal(isCandidate('plaintext', 'never', report), false);
    assert.equal(isCandidate('json', 'always', report), false);
  });
});

describe('.nianbao-ignore.json', () => {
  it('parses the CLI’s shape and rejects anything else', () => {
    const ok = parseIgnoreFile('\uFEFF{"ignore":[{"rule":"balance","text":" 一、 "},{"rule":1}],"note":"x"}');
    assert.equal(ok.kind, 'valid');
    assert.deepEqual(ok.kind === 'valid' && ok.entries, [{ rule: 'balance', text: '一、' }]);
    assert.equal(parseIgnoreFile('[{"rule":"balance","text":"x"}]').kind, 'invalid');
    assert.equal(parseIgnoreFile('{"ignore": ').kind, 'invalid');
  });

  it('appends to an existing file keeping its other keys; never touches a broken one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-ignore-'));
    try {
      const folders = new WorkspaceFolders();
      folders.set([{ uri: pathToFileURL(dir).href, name: 'w' }]);
      const store = new IgnoreStore(folders);
      const doc = pathToFileURL(path.join(dir, 'sub', 'a.txt')).href;
      const file = path.join(dir, '.nianbao-ignore.json');
      const support = { documentChanges: true, createFile: true };

      const create = await store.addEntryEdit(doc, { rule: 'balance', text: 'x' }, support);
      assert.equal((create?.documentChanges?.[0] as { kind: string }).kind, 'create');

      fs.writeFileSync(file, '{\n  "note": "team",\n  "ignore": [{ "rule": "a", "text": "b" }]\n}\n');
      const append = await store.addEntryEdit(doc, { rule: 'balance', text: 'x' }, support);
      const edit = (append?.documentChanges?.[0] as { edits: { newText: string }[] }).edits[0];
      assert.deepEqual(JSON.parse(edit.newText), { note: 'team', ignore: [{ rule: 'a', text: 'b' }, { rule: 'balance', text: 'x' }] });
      assert.deepEqual(await store.entriesFor(doc), [{ rule: 'a', text: 'b' }]);
      assert.equal(await store.addEntryEdit(doc, { rule: 'a', text: 'b' }, support), null, 'already there');

      fs.writeFileSync(file, '{ broken');
      store.invalidate(pathToFileURL(file).href);
      assert.equal(await store.addEntryEdit(doc, { rule: 'balance', text: 'x' }, support), null);
      assert.deepEqual(await store.entriesFor(doc), []);
      assert.deepEqual(await store.entriesFor('file:///elsewhere/a.txt'), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cells', () => {
  it('every 表三 number of cixi has a name, and cellAt finds it by offset', () => {
    const text = readFixture(FIXTURE.cixi);
    const cells = tableCells(check(text).report, 'zh-cn');
    const t3 = cells.filter((c) => c.title.startsWith('表三'));
    assert.ok(t3.length >= 7 * 25, `${t3.length} cells`);
    for (const c of cells) {
      assert.equal(cellAt(cells, c.span.start), c);
      assert.equal(cellAt(cells, c.span.end), c, 'just after the last digit');
    }
    assert.equal(cellAt(cells, 0), undefined);
    const total = cells.find((c) => c.title === '表三 · （七）总计 · 总计');
    assert.equal(total?.cell.value, 103);
  });
});

describe('"忽略此问题" in Markdown', () => {
  const support = { documentChanges: true, createFile: true };
  function analysisOf(text: string, uri: string): Analysis {
    const result = check(text);
    return {
      uri,
      version: 1,
      languageId: 'markdown',
      settings: DEFAULT_SETTINGS,
      locale: 'zh-cn',
      kind: 'report',
      result,
      diagnostics: result.diagnostics.map((d, i) => toLspDiagnostic(uri, 1, result.lines, d, i)),
      elapsed: 0,
      arithmetic: () => ({ relations: [] }),
      cells: () => [],
    };
  }
  const ignoreTitle = (a: CodeAction) => a.title.startsWith('忽略此问题');

  it('adds the rule to a disable comment already above the line (across blank lines) [engine]', async () => {
    const cixi = readFixture(FIXTURE.cixi);
    const heading = cixi.indexOf('4、 政府信息公开');
    const text = cixi.slice(0, heading) + '<!-- nianbao-disable-next-line row-label -->\n\n' + cixi.slice(heading);
    const uri = 'file:///w/cixi.md';
    const analysis = analysisOf(text, uri);
    const headingLine = analysis.result!.lines.lineOf(text.indexOf('4、 政府信息公开'));
    const target = analysis.diagnostics.find((d) => d.code === 'section-numbering' && d.range.start.line === headingLine);
    assert.ok(target, 'the 4、 finding is still reported: the comment names another rule');
    const store = new IgnoreStore(new WorkspaceFolders());
    const actions = await codeActions({ textDocument: { uri }, range: target.range, context: { diagnostics: [target] } }, analysis, { ignore: store, editSupport: support });
    const ignore = actions.find(ignoreTitle);
    assert.ok(ignore);
    const edits = (ignore.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    assert.equal(edits.length, 1);
    const lines = applyTextEdits(text, edits).split('\n');
    assert.ok(lines.includes('<!-- nianbao-disable-next-line row-label section-numbering -->'), edits[0].newText);
    const after = check(lines.join('\n'));
    assert.deepEqual(after.diagnostics.filter((d) => d.rule === 'section-numbering' && d.start > heading), []);
  });

  it('a finding on a pipe-table row goes to .nianbao-ignore.json instead of splitting the table', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-md-'));
    try {
      const folders = new WorkspaceFolders();
      folders.set([{ uri: pathToFileURL(dir).href, name: 'w' }]);
      const xiaocaoe = readFixture(FIXTURE.xiaocaoe);
      // The same report with 表三 as a Markdown pipe table: one row per line, cells between pipes.
      const start = xiaocaoe.indexOf('一、本年新收');
      const end = xiaocaoe.indexOf('\n', xiaocaoe.indexOf('（六）', start) >= 0 ? xiaocaoe.indexOf('（六）', start) : start);
      const table = xiaocaoe
        .slice(start, end)
        .split('\n')
        .map((row) => `| ${row.split('\t').join(' | ')} |`)
        .join('\n');
      const text = xiaocaoe.slice(0, start) + table + xiaocaoe.slice(end);
      const uri = pathToFileURL(path.join(dir, 'xiaocaoe.md')).href;
      const analysis = analysisOf(text, uri);
      const onRow = analysis.diagnostics.find((d) => {
        const line = text.split('\n')[d.range.start.line];
        return line.trimStart().startsWith('|');
      });
      assert.ok(onRow, JSON.stringify(analysis.diagnostics.map((d) => [d.code, d.range.start.line])));
      const actions = await codeActions(
        { textDocument: { uri }, range: onRow.range, context: { diagnostics: [onRow] } },
        analysis,
        { ignore: new IgnoreStore(folders), editSupport: support },
      );
      const ignore = actions.find(ignoreTitle);
      assert.ok(ignore);
      const create = ignore.edit!.documentChanges![0] as { kind: string; uri: string };
      assert.equal(create.kind, 'create');
      assert.ok(create.uri.endsWith('/.nianbao-ignore.json'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
