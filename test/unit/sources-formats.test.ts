// The input layer (server/src/sources/): each published format of a real report gives text the
// engine reads as it reads the report's own text. The samples in test/data/sources/ were made from
// test/data/fixtures/ by scripts/make-source-samples.mjs (LibreOffice for Word and PDF; CMS pages
// with merged cells); the web-page and table-grid cases are also built here, in the test.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, summarize, type Diagnostic } from '../../server/src/core';
import { readSource, readSourceFile, scannedFinding, type SourceResult, type SourceText } from '../../server/src/sources';
import { htmlToText } from '../../server/src/sources/html-text';
import { encodeGb18030 } from '../../server/src/sources/gb18030';
import { cellsOnTheirLines } from '../../server/src/sources/readers/doc';
import { reflow, type PageLine } from '../../server/src/sources/readers/pdf';

const DATA = path.resolve(__dirname, '../data');
const sample = (name: string) => path.join(DATA, 'sources', name);
const fixture = (name: string) => fs.readFileSync(path.join(DATA, 'fixtures', `${name}.txt`), 'utf8');

async function read(file: string): Promise<SourceText> {
  const source: SourceResult = await readSource(fs.readFileSync(file), file);
  assert.ok(source.ok, `${path.basename(file)}: ${JSON.stringify(source)}`);
  return source;
}

/** Findings that matter (errors and warnings), counted by rule: "rule severity" → count. */
function counted(diagnostics: Diagnostic[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of diagnostics) {
    if (d.severity !== 'error' && d.severity !== 'warning') continue;
    const key = `${d.rule} ${d.severity}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

function same(text: string, original: string): void {
  const got = check(text);
  const want = check(original);
  assert.deepEqual(counted(got.diagnostics), counted(want.diagnostics));
  const a = summarize(got.report);
  const b = summarize(want.report);
  assert.deepEqual({ year: a.year, edition: a.edition, body: a.body }, { year: b.year, edition: b.edition, body: b.body });
}

describe('published formats of real reports read as their text', () => {
  for (const report of ['2023-sushui-town', '2023-xiaocaoe-town']) {
    it(`${report}: .docx (mammoth, Word tables with merged cells) gives the text's findings`, async () => {
      const source = await read(sample(`${report}.docx`));
      assert.equal(source.format, 'docx');
      assert.equal(source.writable, false);
      same(source.text, fixture(report));
    });
  }

  it('涑水镇 as a GBK CMS page (meta http-equiv gb2312, nav, scripts, rowspan/colspan) gives the text\'s findings', async () => {
    const source = await read(sample('2023-sushui-town.gbk.html'));
    assert.equal(source.format, 'html');
    assert.match(source.text.split('\n')[0], /涑水镇 ?2023年政府信息公开工作年度报告/);
    // The page's navigation, script and footer are not part of the report.
    assert.doesNotMatch(source.text, /统计代码|首页|备案号|浏览次数|您的浏览器/);
    same(source.text, fixture('2023-sushui-town'));
  });

  it('小曹娥镇 as a UTF-8 CMS page gives the text\'s findings, the balance error among them', async () => {
    const source = await read(sample('2023-xiaocaoe-town.utf8.html'));
    same(source.text, fixture('2023-xiaocaoe-town'));
    const balance = check(source.text).diagnostics.filter((d) => d.rule === 'balance');
    assert.equal(balance.length, 1);
    const lines = source.text.split('\n');
    const line = source.text.slice(0, balance[0].start).split('\n').length - 1;
    assert.match(lines[line], /本年新收/);
  });

  it('涑水镇 as a PDF: the same errors and warnings as its text, from lines rebuilt from glyph positions', async () => {
    const source = await read(sample('2023-sushui-town.pdf'));
    assert.equal(source.format, 'pdf');
    assert.equal(source.scanned, false);
    assert.equal(source.pages, source.pageStarts?.length);
    // A table row is one line of TAB-separated cells.
    assert.ok(source.text.split('\n').some((l) => /^行政许可\t6429$/.test(l)), 'the 行政许可 row');
    same(source.text, fixture('2023-sushui-town'));
  });

  it('小曹娥镇 as a PDF: the same errors and warnings as its text, the balance error on the 本年新收 row', async () => {
    const source = await read(sample('2023-xiaocaoe-town.pdf'));
    const balance = check(source.text).diagnostics.filter((d) => d.rule === 'balance' && d.severity === 'error');
    assert.equal(balance.length, 1);
    assert.match(balance[0].message, /商业企业/);
    // "2. 其他法律行政法规禁" wraps inside its cell: the row is read by its label's start (a row-label note), not lost.
    assert.ok(source.text.split('\n').some((l) => l.startsWith('2. 其他法律行政法规禁 0\t')), 'the wrapped label as the PDF gives it');
    same(source.text, fixture('2023-xiaocaoe-town'));
  });

  for (const report of ['2023-sushui-town', '2023-xiaocaoe-town']) {
    it(`${report}: .doc (word-extractor; rows that run on laid out one cell per line) gives the text's findings`, async () => {
      const source = await read(sample(`${report}.doc`));
      assert.equal(source.format, 'doc');
      same(source.text, fixture(report));
    });
  }

  it('.doc text: run-on table rows become one cell per line; headings, header rows and prose keep their lines', () => {
    const runOn = '（一）予以公开\t0\t2\t0\t\t\t（二）部分公开\t1\t0\t0\t';
    assert.equal(cellsOnTheirLines(runOn), '（一）予以公开\n0\n2\n0\n（二）部分公开\n1\n0\n0');
    const kept = ['一、\t总体情况\t', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数\t', '全年共发布信息 1,024 条。', '行政许可\t5'];
    for (const line of kept) assert.equal(cellsOnTheirLines(line), line);
    assert.equal(cellsOnTheirLines('规章\t0\t0\t1,200\t'), '规章\n0\n0\n1,200');
  });
});

describe('平潭 2020 (long paragraphs, a 其中 list whose parts exceed its total) in every published format', () => {
  const text = fs.readFileSync(path.join(DATA, 'corpus', 'c06_pingtan_syq_2020.txt'), 'utf8');
  for (const ext of ['pdf', 'docx', 'doc', 'utf8.html']) {
    it(`.${ext} gives the text's findings, the breakdown-sum warning among them`, async () => {
      const source = await read(sample(`c06_pingtan_syq_2020.${ext}`));
      same(source.text, text);
      assert.equal(check(source.text).diagnostics.filter((d) => d.rule === 'breakdown-sum').length, 1);
    });
  }

  it('the PDF: a paragraph wrapped by the page is one line again, its figures next to their units', async () => {
    const source = await read(sample('c06_pingtan_syq_2020.pdf'));
    assert.ok(source.text.split('\n').some((l) => l.includes('机构职能类信息 82条，政策、规范性文件类信息 80 条')));
  });
});

describe('PDF reflow', () => {
  const at = (text: string, left = 72, right = 523, size = 10.5): PageLine => ({ text, left, right, size });
  // Full lines of running text set the block's edges (72 … 523).
  const prose = [at('一、总体情况', 72, 135, 16), at('　　2020年，我区以习近平新时代中国特色社会主义思想为指导，深入贯彻', 93), at('相关精神，坚持“以公开为常态，不公开为例外”，不断提升政务公开的主动性'), at('公众的知情权、参与权和监督权。', 72, 230)];

  it('joins a line cut by the right edge to the next unindented line, with a space only between Latin words or numbers', () => {
    const page = [...prose, at('全年共公布政府信息 2602 条(其中机构职能类信息 82'), at('条，规划计划类信息 21 条)，主要通过 LED', 72, 520), at('屏公开。', 72, 120)];
    const [lines] = reflow([page]);
    assert.deepEqual(lines.slice(1), ['　　2020年，我区以习近平新时代中国特色社会主义思想为指导，深入贯彻相关精神，坚持“以公开为常态，不公开为例外”，不断提升政务公开的主动性公众的知情权、参与权和监督权。', '全年共公布政府信息 2602 条(其中机构职能类信息 82条，规划计划类信息 21 条)，主要通过 LED屏公开。']);
  });

  it('keeps apart: a clause that ends at the edge, an indented next line, a numbered next line, a heading size, table rows', () => {
    const page = [
      at('本年度未收到申请，相关工作均按期完成，全年累计发布各类信息若干。'),
      at('下一句从左边开始，', 72, 200),
      at('这一行写满了到右边为止但是下一行首行缩进'),
      at('　　新的段落首行缩进了两个字', 93, 300),
      at('这一行也写满了到右边为止但是下一行有编号'),
      at('（一）强化组织协调', 72, 170),
      at('这一行同样写满了到右边为止但是下一行是标题'),
      at('二、主动公开政府信息情况', 72, 300, 16),
      at('规章\t0\t0\t0'),
      at('行政规范性文件\t4\t19\t179'),
    ];
    // The prose page sets the edges; this page's lines all stay as they are.
    const [, lines] = reflow([prose, page]);
    assert.deepEqual(lines, page.map((l) => l.text));
  });

  it('a paragraph cut by the foot of a page goes on at the head of the next; a new paragraph there does not', () => {
    const foot = [...prose, at('定期对政府信息公开栏目进行检查，将栏目不更')];
    const [, joined] = reflow([foot, [at('新、政策解读不通俗易懂等问题列入重点检查范围。', 72, 400), at('下一行', 72, 150)]]);
    assert.equal(reflow([foot, [at('新、政策解读不通俗易懂等问题列入重点检查范围。', 72, 400)]])[0].at(-1), '定期对政府信息公开栏目进行检查，将栏目不更新、政策解读不通俗易懂等问题列入重点检查范围。');
    assert.deepEqual(joined, ['下一行']);
    // Indented at the head of the next page: a paragraph of its own.
    const [first, second] = reflow([foot, [at('　　新的段落。', 93, 300)]]);
    assert.equal(first.at(-1), '定期对政府信息公开栏目进行检查，将栏目不更');
    assert.deepEqual(second, ['　　新的段落。']);
  });

  it('a short document (too few lines of text to know the edges) is left as it is', () => {
    const page = [at('第一行很长很长很长很长很长'), at('第二行')];
    assert.deepEqual(reflow([page]), [['第一行很长很长很长很长很长', '第二行']]);
  });
});

describe('scanned PDF', () => {
  it('a PDF with only a page image is scanned: one table-missing error saying so', async () => {
    const source = await read(sample('2023-xiaocaoe-town.scanned.pdf'));
    assert.equal(source.scanned, true);
    const finding = scannedFinding(source.text, 'zh-cn');
    assert.equal(finding?.rule, 'table-missing');
    assert.equal(finding?.severity, 'error');
    assert.match(finding!.message, /没有文字层/);
    assert.match(scannedFinding(source.text, 'en')!.message, /no text layer/);
    assert.equal(scannedFinding(source.text, 'zh-cn', { 'table-missing': 'off' }), null);
    assert.equal(scannedFinding(source.text, 'zh-cn', { 'table-missing': 'warning' })?.severity, 'warning');
  });

  it('a PDF with a text layer is not scanned', async () => {
    assert.equal((await read(sample('2023-xiaocaoe-town.pdf'))).scanned, false);
  });
});

describe('web pages: charset, junk, table grid', () => {
  const TABLE = `<table>
<tr><td rowspan="2" colspan="2">(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)</td><td colspan="3">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="2">法人或其他组织</td></tr>
<tr><td colspan="2"></td><td>商业企业</td><td>科研机构</td></tr>
<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>3</td><td>1</td><td>0</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>2</td><td>1</td><td>0</td></tr>
<tr><td>（二）部分公开</td><td>1</td><td>0</td><td>0</td></tr>
</table>`;

  it('rowspan and colspan are laid on the grid: the merged text once, covered positions empty', () => {
    assert.deepEqual(htmlToText(TABLE, { article: false }).split('\n'), [
      '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t',
      '\t\t自然人\t法人或其他组织\t',
      '\t\t\t商业企业\t科研机构',
      '一、本年新收政府信息公开申请数量\t\t3\t1\t0',
      '三、本年度办理结果\t（一）予以公开\t2\t1\t0',
      '\t（二）部分公开\t1\t0\t0',
    ]);
  });

  it('a GBK page declared by <meta http-equiv> is decoded; scripts, styles, nav, header and footer are dropped; entities decoded', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>年报</title>
<style>p{color:red}</style><script>var s = "</p>2024年";</script></head><body>
<header>网站首页</header><nav><a href="/">首页</a></nav>
<div class="content"><h1>某县人民政府2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>2023年&nbsp;共公开&lt;政府信息&gt;12条&amp;更多</p><p>第一行<br>第二行</p></div>
<footer>版权所有</footer></body></html>`;
    const bytes = encodeGb18030(page)!;
    assert.notDeepEqual(bytes, Buffer.from(page, 'utf8'));
    const source = await readSource(bytes, 'page.htm');
    assert.ok(source.ok);
    assert.equal(source.text, '某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年\u00a0共公开<政府信息>12条&更多\n第一行\n第二行');
  });

  it('the CMS article container is kept, with the report title from a heading above it', () => {
    const article = '<p>一、总体情况</p>'.repeat(30);
    const html = `<body><div class="side"><ul><li>2024年政府信息公开年报</li><li>政府信息公开指南</li></ul></div>
<div class="main"><h1>某镇2023年政府信息公开工作年度报告</h1><div class="info">发布时间：2024-01-20</div><div class="zoom">${article}</div></div></body>`;
    const text = htmlToText(html, { article: true });
    assert.ok(text.startsWith('某镇2023年政府信息公开工作年度报告\n一、总体情况'), text.slice(0, 60));
    assert.doesNotMatch(text, /2024年政府信息公开年报|发布时间/);
  });

  it('a page spread over several sibling blocks is kept whole (no container holds most of it)', () => {
    const html = `<body><div><p>甲：${'一'.repeat(100)}</p></div><div><p>乙：${'二'.repeat(100)}</p></div></body>`;
    const text = htmlToText(html, { article: true });
    assert.match(text, /甲：/);
    assert.match(text, /乙：/);
  });

  it('a layout table around the article is read as blocks, not as one row', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>第${i}段：${'内容'.repeat(40)}</p>`).join('');
    const html = `<table><tr><td>导航</td><td>${paragraphs}<table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>`;
    const lines = htmlToText(html, { article: false }).split('\n');
    assert.ok(lines.includes('规章\t0'), lines.join('|'));
    assert.ok(lines.some((l) => l.startsWith('第5段：')));
  });

  it('a deeply nested page neither throws nor loses its text', () => {
    const html = '<div>'.repeat(20000) + '深处的文字' + '</div>'.repeat(20000);
    assert.match(htmlToText(html, { article: true }), /深处的文字/);
  });
});

describe('bad input: a clear reason, never a crash', () => {
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));

  for (const name of ['fake.pdf', 'fake.docx', 'fake.doc', 'fake.wps']) {
    it(`garbage bytes named ${name} → unreadable, with a bilingual reason`, async () => {
      const source = await readSource(garbage, name);
      assert.equal(source.ok, false);
      if (source.ok) return;
      assert.equal(source.problem, 'unreadable');
      assert.ok(source.message?.['zh-cn'] && source.message.en, JSON.stringify(source));
    });
  }

  it('a ZIP that is not a Word document, named .docx → unreadable', async () => {
    // A minimal empty ZIP (end of central directory only), with the local-header magic in front.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    const source = await readSource(zip, 'x.docx');
    assert.equal(source.ok, false);
  });

  it('a truncated real PDF → unreadable or read, never a throw', async () => {
    const bytes = fs.readFileSync(sample('2023-sushui-town.pdf'));
    const source = await readSource(bytes.subarray(0, 2000), 'cut.pdf');
    assert.equal(typeof source.ok, 'boolean');
  });

  it('a .docx renamed .doc is read by what it is', async () => {
    const source = await readSource(fs.readFileSync(sample('2023-sushui-town.docx')), 'renamed.doc');
    assert.ok(source.ok);
    assert.equal(source.format, 'docx');
  });

  it('binary bytes named .html → not text', async () => {
    const source = await readSource(Buffer.from([0, 1, 2, 3, 0, 0, 5]), 'x.html');
    assert.deepEqual(source, { ok: false, problem: 'nul-bytes', format: 'html' });
  });

  it('readSourceFile reads by path (the language server\'s entry), bounded', async () => {
    const ok = await readSourceFile(sample('2023-sushui-town.docx'), { maxSize: 1_000_000 });
    assert.ok(ok.ok && ok.format === 'docx' && ok.text.includes('涑水镇'));
    const big = await readSourceFile(sample('2023-sushui-town.pdf'), { maxSize: 1000 });
    assert.equal(!big.ok && big.problem, 'too-large');
  });

  it('a .txt report stays writable, with its encoding', async () => {
    const source = await readSource(encodeGb18030(fixture('2023-cixi-city-office'))!, 'r.txt');
    assert.ok(!(source instanceof Promise) && source.ok && source.writable);
    assert.equal(source.decoded?.encoding, 'gb18030');
  });
});
