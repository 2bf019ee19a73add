// Hover, inlay hints, document symbols, folding and nianbao/summary from the real server, on the
// cixi report (one cell per line: every table number has its own line, easy to point at).
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DocumentSymbol, FoldingRange, Hover, InlayHint, MarkupContent, Position } from 'vscode-languageserver-protocol/node';
import type { SummaryResult } from '../../server/src/shared/protocol';
import { FIXTURE, Session, ensureServerBuilt, readFixture, uriOf } from './harness';

const cixi = readFixture(FIXTURE.cixi);
const cixiLines = cixi.split(/\r\n|\r|\n/);

/** Position of the `nth` (0-based) line after the line starting with `label` whose trimmed text is `value`. */
function cellPosition(label: string, value: string, nth = 0): Position {
  let line = cixiLines.findIndex((l) => l.trim().startsWith(label));
  assert.ok(line >= 0, `label ${label}`);
  let seen = -1;
  while (++line < cixiLines.length) {
    if (cixiLines[line].trim() === value && ++seen === nth) {
      return { line, character: cixiLines[line].indexOf(value) };
    }
  }
  throw new Error(`no ${value} after ${label}`);
}

const WHOLE = { start: { line: 0, character: 0 }, end: { line: cixiLines.length, character: 0 } };

describe('hover, inlay hints, symbols, folding, summary (zh-cn)', () => {
  let s: Session;
  const uri = uriOf('/reports/cixi.txt');
  before(async () => {
    await ensureServerBuilt();
    s = await Session.start({ locale: 'zh-cn' });
    await s.open(uri, 'plaintext', cixi);
    await s.diagnosticsFor(uri, 1);
  });
  after(() => s?.shutdown());

  const hover = async (position: Position) => {
    const result = await s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(result, `hover at ${JSON.stringify(position)}`);
    return { value: (result.contents as MarkupContent).value, range: result.range! };
  };

  it('hover on a 表三 cell names its standard row and column', async () => {
    const at = cellPosition('（一）予以公开', '15');
    const { value, range } = await hover(at);
    assert.match(value, /表三 · （一）予以公开 · 自然人/);
    assert.match(value, /本格：15/);
    assert.deepEqual(range.start, at);
    assert.deepEqual(range.end, { line: at.line, character: at.character + 2 });
  });

  it('hover on a total shows the sum it should be, with its parts', async () => {
    const { value } = await hover(cellPosition('一、本年新收', '103'));
    assert.match(value, /表三 · 一、本年新收政府信息公开申请数量 · 总计/);
    assert.match(value, /应为 103，相符/);
    assert.match(value, /102（自然人）\s*\+\s*1（商业企业）/);
  });

  it('hover on a 表四 cell names its group and column', async () => {
    const t4 = cixiLines.findIndex((l) => l.startsWith('4、'));
    let line = t4;
    const values: number[] = [];
    while (values.length < 10 && ++line < cixiLines.length) if (/^\d+$/.test(cixiLines[line].trim())) values.push(line);
    const tenth = values[9];
    const { value } = await hover({ line: tenth, character: cixiLines[tenth].indexOf(cixiLines[tenth].trim()) });
    assert.match(value, /表四 · 行政诉讼（未经复议直接起诉） · 总计/);
    assert.match(value, /应为 7/);
  });

  it('no hover outside the tables', async () => {
    const result = await s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.equal(result, null);
  });

  it('inlay hints: none while every sum holds; the computed sum beside a total once it does not', async () => {
    const none = await s.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
    assert.deepEqual(none, []);

    const at = cellPosition('一、本年新收', '103');
    const version = await s.edit(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 3 } }, newText: '104' }]);
    await s.diagnosticsFor(uri, version);
    const hints = await s.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
    const beside = hints.filter((h) => h.position.line === at.line);
    assert.equal(beside.length, 1, JSON.stringify(hints));
    assert.equal(beside[0].label, '= 103');
    assert.deepEqual(beside[0].position, { line: at.line, character: at.character + 3 });
    // Restore.
    const restored = await s.edit(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 3 } }, newText: '103' }]);
    await s.diagnosticsFor(uri, restored);
  });

  it('inlay hints: `always` shows every total; `off` none', async () => {
    s.settings = { inlayHints: 'always' };
    await s.changeSettings({ inlayHints: 'always' });
    const all = await s.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
    const at = cellPosition('一、本年新收', '103');
    assert.ok(all.some((h) => h.position.line === at.line && h.label === '= 103'));
    // 表三: 25 row totals + 6 column totals (（七）总计 row) + 7 balance cells; 表四: 3 totals.
    assert.ok(all.length >= 30, `${all.length} hints`);
    await s.changeSettings({ inlayHints: 'off' });
    assert.deepEqual(await s.request('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE }), []);
    await s.changeSettings({});
  });

  it('document symbols: the six sections as written, tables inside their sections', async () => {
    const symbols = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const sections = symbols.filter((x) => /^(\d|[一二三四五六])、/.test(x.name));
    assert.deepEqual(
      sections.map((x) => x.name),
      ['1、 总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '4、 政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    );
    const tables = (name: string) => sections.find((x) => x.name.includes(name))!.children!.filter((c) => c.name.startsWith('表')).map((c) => c.name);
    assert.deepEqual(tables('主动公开'), ['表二']);
    assert.deepEqual(tables('收到和处理'), ['表三']);
    assert.deepEqual(tables('行政复议'), ['表四']);
    for (const section of sections) {
      assert.equal(section.selectionRange.start.line, section.range.start.line);
      for (const child of section.children ?? []) {
        assert.ok(child.range.start.line >= section.range.start.line && child.range.end.line <= section.range.end.line);
      }
    }
  });

  it('folding ranges: one per section, from its heading', async () => {
    const ranges = await s.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const headingLines = cixiLines.map((l, i) => (/^ *(\d|[一二三四五六])、/.test(l) ? i : -1)).filter((i) => i >= 0);
    assert.equal(headingLines.length, 6);
    for (const line of headingLines) {
      const range = ranges.find((r) => r.startLine === line);
      assert.ok(range, `fold at ${line}`);
      assert.ok(range.endLine > line);
    }
  });

  it('nianbao/summary: figures from the tables and findings with 0-based positions', async () => {
    const result = await s.request<SummaryResult>('nianbao/summary', { uri });
    assert.equal(result.isReport, true);
    assert.equal(result.summary?.year, 2023);
    assert.equal(result.summary?.figures.received, 103);
    assert.equal(result.summary?.figures.handled, 103);
    const numbering = result.findings.filter((f) => f.rule === 'section-numbering');
    assert.deepEqual(
      numbering.map((f) => [f.line, f.character]),
      [
        [cixiLines.findIndex((l) => l.startsWith('1、')), 0],
        [cixiLines.findIndex((l) => l.startsWith('4、')), 0],
      ],
    );
  });
});

describe('locale', () => {
  it('initialize locale en: English engine and server messages; zh-cn: Chinese', async () => {
    await ensureServerBuilt();
    const messages: Record<string, string> = {};
    for (const locale of ['en', 'zh-cn']) {
      // nianbao.locale: auto follows the editor (the default, zh-cn, is tested in test/lsp/locale.test.ts).
      const s = await Session.start({ locale, settings: { locale: 'auto' } });
      try {
        const uri = uriOf(`/reports/xiaocaoe-${locale}.txt`);
        await s.open(uri, 'plaintext', readFixture(FIXTURE.xiaocaoe));
        const { diagnostics } = await s.diagnosticsFor(uri, 1);
        messages[locale] = String(diagnostics.find((d) => d.code === 'section-missing')?.message);
        const huge = uriOf(`/reports/huge-${locale}.nianbao`);
        s.settings = { maxFileSize: 10, locale: 'auto' };
        await s.open(huge, 'nianbao', '2023年政府信息公开工作年度报告\n');
        const [notice] = (await s.diagnosticsFor(huge, 1)).diagnostics;
        if (locale === 'en') assert.match(String(notice.message), /^File too large to check/);
        else assert.match(String(notice.message), /^文件过大/);
        const cixiUri = uriOf(`/reports/cixi-${locale}.txt`);
        s.settings = { locale: 'auto' };
        await s.open(cixiUri, 'plaintext', cixi);
        await s.diagnosticsFor(cixiUri, 1);
        const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri: cixiUri }, position: cellPosition('（一）予以公开', '15') });
        const value = (hover.contents as MarkupContent).value;
        // The report's labels stay as written; the server's words follow the locale.
        assert.match(value, /表三 · （一）予以公开 · 自然人/);
        assert.match(value, locale === 'en' ? /This cell: 15/ : /本格：15/);
      } finally {
        await s.shutdown();
      }
    }
    assert.match(messages.en, /[A-Za-z]{4,}/);
    assert.doesNotMatch(messages.en, /^缺少/);
    assert.match(messages['zh-cn'], /^缺少/);
  });

  it('nianbao.locale overrides the editor locale; initializationOptions.displayLanguage beats initialize locale', async () => {
    const s = await Session.start({ locale: 'zh-cn', initializationOptions: { displayLanguage: 'en-US' } });
    try {
      const uri = uriOf('/reports/display-language.nianbao');
      s.settings = { maxFileSize: 10, locale: 'auto' };
      await s.open(uri, 'nianbao', '2023年政府信息公开工作年度报告\n');
      assert.match(String((await s.diagnosticsFor(uri, 1)).diagnostics[0].message), /^File too large/);
      s.settings = { maxFileSize: 10, locale: 'zh-cn' };
      await s.changeSettings(s.settings);
      const republished = await s.waitFor('republished in Chinese', () =>
        s.diagnostics.find((p) => p.uri === uri && /^文件过大/.test(String(p.diagnostics[0]?.message))),
      );
      assert.equal(republished.version, 1);
    } finally {
      await s.shutdown();
    }
  });
});
