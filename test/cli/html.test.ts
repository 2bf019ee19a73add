// `nianbao check --format html`: one self-contained page, parsed back with a real HTML parser
// (parse5, which reports every HTML parse error): every report with its findings and 办理结果 chart,
// the summary and table of reports, hostile report text and file names kept inert, and the page's
// own sort script run on the parsed table (its browser behaviour is in test/panel/batch-html.test.ts).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { FIXTURE, ensureBuilt, readFixture, runCli, runJson, tempDir } from './helpers';

before(ensureBuilt);

type Element = T.Element;

function parseStrict(html: string): T.Document {
  const errors: string[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
  assert.deepEqual(errors, [], 'the page parses without a single HTML error');
  return doc;
}

function elements(node: T.ParentNode, out: Element[] = []): Element[] {
  for (const child of node.childNodes) {
    if ('tagName' in child) {
      out.push(child);
      elements(child.tagName === 'template' ? (child as T.Template).content : child, out);
    }
  }
  return out;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const byTag = (node: T.ParentNode, tag: string) => elements(node).filter((e) => e.tagName === tag);
const byId = (node: T.ParentNode, id: string) => elements(node).find((e) => attr(e, 'id') === id);

function text(node: T.Node): string {
  if ('value' in node && node.nodeName === '#text') return (node as T.TextNode).value;
  if (!('childNodes' in node)) return '';
  return (node as T.ParentNode).childNodes.map(text).join('');
}

function runHtml(args: string[], options: Parameters<typeof runCli>[1] = {}) {
  const r = runCli(['check', '--format', 'html', ...args], options);
  return { ...r, doc: parseStrict(r.stdout) };
}

const FILES = [FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe];

describe('HTML format', () => {
  it('is one self-contained page: no external resource, one inline script, a print style sheet', () => {
    const { doc, stdout } = runHtml(FILES);
    assert.match(stdout, /^<!DOCTYPE html>/);
    assert.equal(attr(byTag(doc, 'html')[0], 'lang'), 'zh-CN');
    assert.equal(byTag(doc, 'link').length, 0);
    for (const el of elements(doc)) {
      assert.equal(attr(el, 'src'), undefined, `<${el.tagName} src>`);
      const href = attr(el, 'href');
      if (href !== undefined) assert.match(href, /^#[a-z0-9-]+$/, 'links stay inside the page');
    }
    const scripts = byTag(doc, 'script');
    assert.equal(scripts.length, 1);
    const style = byTag(doc, 'style').map(text).join('');
    assert.doesNotMatch(style, /url\(|@import/);
    assert.match(style, /@media print\{[^]*\.report\{break-before:page/);
    assert.match(style, /#summary\{order:-1\}/, 'the summary, written last, is shown first');
  });

  it('has a section per report with its findings as --format json gives them, and a row per report', () => {
    const { doc } = runHtml(FILES);
    const json = runJson(FILES);
    const rows = byTag(byId(doc, 'index')!, 'tbody')[0].childNodes.filter((n): n is Element => 'tagName' in n);
    assert.equal(rows.length, 3);
    json.files.forEach((file, i) => {
      const section = byId(doc, `r${i}`);
      assert.ok(section, `section r${i}`);
      assert.equal(text(byTag(section, 'h2')[0]), file.report!.title);
      assert.ok(text(section).includes(file.path));
      const findings = byTag(section, 'table').find((t) => attr(t, 'class') === 'findings');
      const shown = findings ? byTag(byTag(findings, 'tbody')[0], 'tr').map((tr) => byTag(tr, 'td').map(text)) : [];
      assert.deepEqual(
        shown.map(([line, , rule, message]) => [Number(line), rule, message]),
        file.diagnostics!.map((d) => [d.line, d.rule, d.message.replace(/\s*[\r\n]+\s*/g, ' ')]),
      );
      const errors = file.diagnostics!.filter((d) => d.severity === 'error').length;
      const warnings = file.diagnostics!.filter((d) => d.severity === 'warning').length;
      assert.equal(attr(rows[i], 'data-errors'), String(errors));
      assert.equal(attr(rows[i], 'data-warnings'), String(warnings));
      assert.equal(attr(rows[i], 'data-index'), String(i));
      assert.ok(text(rows[i]).includes(file.report!.body!));
    });
  });

  it('draws each report\'s 办理结果 as bars scaled to the largest kind', () => {
    const { doc } = runHtml([FIXTURE.cixi]);
    const chart = byTag(byId(doc, 'r0')!, 'table').find((t) => attr(t, 'class') === 'chart')!;
    const bars = byTag(chart, 'tr').map((tr) => ({ label: text(byTag(tr, 'td')[0]), value: text(byTag(tr, 'td')[2]), width: Number(attr(byTag(tr, 'rect')[0], 'width')) }));
    // 慈溪 表三: 予以公开 15, 部分公开 27, 不予公开 5, 无法提供 55, 不予处理 1, 其他处理 0 (sum 103 = 总计, README).
    assert.deepEqual(bars.map((b) => [b.label, b.value]), [
      ['（一）予以公开', '15'], ['（二）部分公开', '27'], ['（三）不予公开', '5'], ['（四）无法提供', '55'], ['（五）不予处理', '1'], ['（六）其他处理', '0'],
    ]);
    assert.equal(bars[3].width, 100);
    assert.ok(Math.abs(bars[1].width - (27 / 55) * 100) < 0.01);
    assert.equal(bars[5].width, 0);
  });

  it('says so when 表三 gave no 办理结果, instead of an empty chart', () => {
    const dir = tempDir();
    const file = path.join(dir, 'no-tables.txt');
    fs.writeFileSync(file, '某某镇人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度认真做好政务公开工作。\n');
    const { doc } = runHtml([file]);
    const section = byId(doc, 'r0')!;
    assert.equal(byTag(section, 'rect').length, 0);
    assert.match(text(section), /未读到表三的办理结果/);
  });

  it('keeps hostile report text and file names inert: shown as text, never markup', () => {
    const dir = tempDir();
    const name = '<img src=x onerror=alert(1)>.txt';
    // The heading is quoted by the section-numbering finding; the engine reads no markup as a title,
    // so the section's title falls back to the file name.
    const heading = '1、 总体情况<script>alert(1)</script>\u202e';
    const report = readFixture(FIXTURE.cixi).replace(/^1、 总体情况$/m, heading).replace(/^2023年政府信息公开工作年度报告$/m, '<h1>2023年政府信息公开工作年度报告</h1>');
    fs.writeFileSync(path.join(dir, name), report);
    const { doc, stdout } = runHtml(['--', name], { cwd: dir });
    assert.equal(byTag(doc, 'script').length, 1, 'only the page\'s own script');
    assert.equal(byTag(doc, 'img').length, 0);
    assert.equal(byTag(doc, 'h1').length, 1, 'only the page\'s own heading');
    assert.equal(elements(doc).filter((e) => e.attrs.some((a) => a.name.startsWith('on'))).length, 0, 'no event handler attribute');
    const section = byId(doc, 'r0')!;
    assert.equal(text(byTag(section, 'h2')[0]), name, 'the title shown is the file name, as written');
    const messages = byTag(byTag(section, 'tbody')[0], 'tr').map((tr) => text(byTag(tr, 'td')[3]));
    const quoted = messages.find((m) => m.includes('<script>alert(1)</script>'));
    assert.ok(quoted, `the heading is quoted as text: ${messages.join(' | ')}`);
    assert.ok(quoted.includes('\\u202e'), 'a bidi override is shown as an escape, not applied');
    assert.doesNotMatch(stdout, /\u202e/);
  });

  it('lists an unreadable file in the table with its reason, and counts the run in the summary', () => {
    const missing = path.join(tempDir(), 'missing.txt');
    const dir = tempDir();
    const clean = path.join(dir, 'clean.txt');
    fs.writeFileSync(clean, readFixture(FIXTURE.cixi).replace(/^1、 总体情况/m, '一、总体情况').replace(/^4、 政府信息公开行政复议/m, '四、政府信息公开行政复议'));
    const { doc, code } = runHtml([clean, FIXTURE.cixi, FIXTURE.xiaocaoe, missing]);
    assert.equal(code, 2);
    const totals = byTag(byId(doc, 'summary')!, 'div').map((d) => [text(byTag(d, 'dt')[0]), text(byTag(d, 'dd')[0])]);
    assert.deepEqual(totals, [['检查报告', '4'], ['无问题', '1'], ['有错误', '1'], ['无法检查', '1']]);
    const rows = byTag(byTag(byId(doc, 'index')!, 'tbody')[0], 'tr');
    assert.equal(attr(rows[3], 'data-unreadable'), '1');
    assert.match(text(rows[3]), /missing\.txt.*无法检查：找不到文件或目录/);
    assert.equal(byId(doc, 'r3'), undefined, 'no section for a file that was not checked');
  });

  it('speaks English with --locale en', () => {
    const { doc } = runHtml(['--locale', 'en', FIXTURE.cixi]);
    assert.equal(attr(byTag(doc, 'html')[0], 'lang'), 'en');
    assert.equal(text(byTag(doc, 'title')[0]), 'Annual reports on government information disclosure: check results');
    assert.match(text(byId(doc, 'index')!), /Errors/);
    assert.match(text(byId(doc, 'r0')!), /Findings[^]*Outcomes of the requests/);
  });

  it('its sort script orders the table by errors (most first, then fewest), unreadable files first', () => {
    const missing = path.join(tempDir(), 'missing.txt');
    const files = [FIXTURE.cixi, FIXTURE.xiaocaoe, missing, FIXTURE.sushui];
    const { doc } = runHtml(files);
    const json = runJson([FIXTURE.cixi, FIXTURE.xiaocaoe, FIXTURE.sushui]).files;
    const counts = json.map((f) => ({
      errors: f.diagnostics!.filter((d) => d.severity === 'error').length,
      warnings: f.diagnostics!.filter((d) => d.severity === 'warning').length,
    }));
    // The table's rows as the script sees them: attributes, and a tbody that moves them.
    const order: string[] = [];
    const rows = byTag(byTag(byId(doc, 'index')!, 'tbody')[0], 'tr').map((tr) => ({ getAttribute: (name: string) => attr(tr, name) ?? null, path: text(byTag(tr, 'td')[1]) }));
    const body = { rows, appendChild: (row: { path: string }) => order.push(row.path) };
    let click: () => void = () => assert.fail('no click handler');
    const th = { sort: '', setAttribute: (_: string, value: string) => (th.sort = value) };
    const button = { parentNode: th, addEventListener: (type: string, handler: () => void) => type === 'click' && (click = handler) };
    const table = { tBodies: [body] };
    const document = { getElementById: (id: string) => (id === 'sort-errors' ? button : id === 'index' ? table : null) };
    vm.runInNewContext(text(byTag(doc, 'script')[0]), { document });

    const byWorst = files
      .map((file, i) => ({ file, i, unreadable: file === missing ? 1 : 0, ...(counts[[0, 1, -1, 2][i]] ?? { errors: 0, warnings: 0 }) }))
      .sort((a, b) => b.unreadable - a.unreadable || b.errors - a.errors || b.warnings - a.warnings || a.i - b.i)
      .map((x) => x.file);
    click();
    assert.deepEqual(order, byWorst);
    assert.equal(th.sort, 'descending');
    assert.equal(order[0], missing);
    order.length = 0;
    click();
    assert.equal(th.sort, 'ascending');
    assert.equal(order[0], FIXTURE.cixi, 'fewest errors first: 慈溪 has none');
    assert.equal(order[order.length - 1], missing);
  });

  it('checked by worker threads, the sections and rows come in input order', () => {
    const dir = tempDir();
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      const source = FILES[i % 3];
      const name = path.join(dir, `${String(i).padStart(2, '0')}.txt`);
      fs.copyFileSync(source, name);
      names.push(name);
    }
    const { doc } = runHtml(['--jobs', '2', dir], { env: { NIANBAO_NO_RELAUNCH: '1' } });
    const rows = byTag(byTag(byId(doc, 'index')!, 'tbody')[0], 'tr');
    assert.deepEqual(rows.map((tr) => text(byTag(tr, 'td')[1])), names);
    const sections = elements(doc).filter((e) => attr(e, 'class') === 'report').map((s) => attr(s, 'id'));
    assert.deepEqual(sections, names.map((_, i) => `r${i}`));
  });
});
