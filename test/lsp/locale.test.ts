// Chinese by default (issue 15, item 1): with the editor in English, findings, hovers and quick-fix
// titles are Chinese unless nianbao.locale says `en` (or `auto`, which follows the editor), and a
// change of the setting re-words the open reports at once, without reopening them.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { FIXTURE, Session, ensureServerBuilt, readFixture, uriOf } from './harness';

const cixi = readFixture(FIXTURE.cixi);
const HAN = /[\u4e00-\u9fff]/;
/** The first heading numbered "1、": the first finding of cixi. */
const headingLine = cixi.split('\n').findIndex((l) => l.startsWith('1、'));

describe('locale', () => {
  let s: Session;
  const uri = uriOf('/reports/locale-cixi.txt');
  before(async () => {
    await ensureServerBuilt();
    // An English editor, and a client that sends every default, as VS Code does.
    s = await Session.start({ locale: 'en', initializationOptions: { displayLanguage: 'en' }, settings: {} });
    await s.open(uri, 'plaintext', cixi);
  });
  after(() => s?.shutdown());

  const numbering = (diagnostics: Diagnostic[]) => diagnostics.find((d) => d.code === 'section-numbering' && d.range.start.line === headingLine);
  const hoverText = async () => {
    // 表三's 一、本年新收 total: the first "103" after its label (one cell per line in cixi).
    const lines = cixi.split('\n');
    const label = lines.findIndex((l) => l.trim().startsWith('一、本年新收'));
    const line = lines.findIndex((l, i) => i > label && l.trim() === '103');
    const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].indexOf('103') } });
    return (hover.contents as MarkupContent).value;
  };
  const actionTitles = async (diagnostic: Diagnostic) =>
    (await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })).map(
      (a) => a.title,
    );

  it('the default is Chinese, whatever the editor speaks', async () => {
    const finding = numbering((await s.diagnosticsFor(uri, 1)).diagnostics);
    assert.ok(finding);
    assert.match(String(finding.message), /^部分标题“1、 总体情况”/);
    assert.match(await hoverText(), /本年新收/);
    assert.match(await hoverText(), /应为 103/);
    const titles = await actionTitles(finding);
    assert.equal(titles[0], '改为“一、”');
    assert.ok(titles.some((t) => t.startsWith('修复全部可自动修复的问题')), titles.join(' | '));
  });

  it('nianbao.locale en: the open report is checked again in English, without reopening it', async () => {
    const before = s.diagnostics.length;
    await s.changeSettings({ locale: 'en' });
    const republished = await s.waitFor('English findings', () =>
      s.diagnostics.slice(before).find((p) => p.uri === uri && !HAN.test(String(numbering(p.diagnostics)?.message).replace(/“[^”]*”/g, ''))),
    );
    assert.equal(republished.version, 1, 'the same version: the setting alone changed the wording');
    const finding = numbering(republished.diagnostics)!;
    // The report's own words stay quoted as written.
    assert.match(String(finding.message), /“1、 总体情况”/);
    assert.match(await hoverText(), /should be 103/);
    const titles = await actionTitles(finding);
    assert.equal(titles[0], 'Change to “一、”');
    assert.ok(titles.some((t) => t.startsWith('Fix all auto-fixable problems')), titles.join(' | '));
  });

  it('nianbao.locale auto follows the editor (English here); back to zh-cn, Chinese again', async () => {
    await s.changeSettings({ locale: 'auto' });
    assert.match(await hoverText(), /should be 103/);
    const before = s.diagnostics.length;
    await s.changeSettings({ locale: 'zh-cn' });
    await s.waitFor('Chinese findings', () => s.diagnostics.slice(before).find((p) => p.uri === uri && /^部分标题/.test(String(numbering(p.diagnostics)?.message))));
    assert.match(await hoverText(), /应为 103/);
  });
});
