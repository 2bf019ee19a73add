#!/usr/bin/env node
// Builds the published-format samples in test/data/sources/ from two real reports of
// test/data/fixtures/ (涑水镇, whose findings are known; 小曹娥镇, with its balance error), as bodies
// publish them: a CMS web page (GBK for 涑水镇, UTF-8 for 小曹娥镇) with navigation, scripts and a
// footer around the article, and tables whose merged cells are real rowspan/colspan; a Word .docx
// and a legacy .doc, and a PDF with a text layer, all converted from the same article by LibreOffice
// (real Word tables with gridSpan/vMerge, a real PDF table grid); and a scanned PDF (a page image,
// no text layer). The outputs are committed; tests never run this script.
//
// Needs LibreOffice (`soffice`, e.g. apt-get install libreoffice-writer-nogui) and a CJK font
// (fonts-wqy-microhei). Run from the repository root:
//   node --import tsx scripts/make-source-samples.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OUT = 'test/data/sources';
const REPORTS = [
  { name: '2023-sushui-town', charset: 'gbk', body: '涑水镇人民政府' },
  { name: '2023-xiaocaoe-town', charset: 'utf-8', body: '小曹娥镇人民政府' },
  // Long paragraphs a PDF wraps mid-figure ("…信息 82" / "条，…"), and a 其中 list that breaks its sum.
  { name: 'c06_pingtan_syq_2020', dir: 'corpus', charset: 'utf-8', body: '平潭' },
];

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const isNumber = (s) => /^\s*\d+\s*$/.test(s);

/**
 * The report's tab-separated rows as an HTML table whose merges are real: a label followed by empty
 * cells in a row without numbers spans them (colspan: 法人或其他组织 over its five columns), and a
 * leading label above an empty leading cell spans down to it (rowspan). A reader that expands the
 * grid and leaves spanned positions empty gives the report's rows back exactly.
 */
function tableHtml(rows) {
  const grid = rows.map((line) => line.split('\t'));
  const covered = grid.map((cells) => cells.map(() => false));
  const spans = grid.map((cells) => cells.map(() => ({ row: 1, col: 1 })));
  for (let r = 0; r < grid.length; r++) {
    const cells = grid[r];
    const numeric = cells.some(isNumber);
    for (let c = 0; c < cells.length; c++) {
      if (covered[r][c] || !cells[c].trim() || isNumber(cells[c])) continue;
      if (!numeric) {
        let end = c + 1;
        while (end < cells.length && !cells[end].trim()) end++;
        spans[r][c].col = end - c;
        for (let k = c + 1; k < end; k++) covered[r][k] = true;
      }
      // Down: the next rows whose cells up to this column are all empty.
      let below = r + 1;
      while (below < grid.length && spans[r][c].col === 1 && c < grid[below].length && grid[below].slice(0, c + 1).every((x) => !x.trim()) && !covered[below][c]) below++;
      if (below > r + 1) {
        spans[r][c].row = below - r;
        for (let k = r + 1; k < below; k++) covered[k][c] = true;
      }
    }
  }
  const trs = grid.map((cells, r) => {
    const tds = [];
    for (let c = 0; c < cells.length; c++) {
      if (covered[r][c]) continue;
      const { row, col } = spans[r][c];
      const attrs = (row > 1 ? ` rowspan="${row}"` : '') + (col > 1 ? ` colspan="${col}"` : '');
      tds.push(`<td${attrs}>${escape(cells[c].trim())}</td>`);
    }
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table border="1" cellspacing="0" cellpadding="2">\n${trs.join('\n')}\n</table>`;
}

/** Paragraphs and tables: lines with tabs form tables (a blank line ends one), the others paragraphs. */
function articleHtml(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const parts = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i].includes('\t')) {
      const rows = [];
      while (i < lines.length && lines[i].includes('\t')) rows.push(lines[i++]);
      parts.push(tableHtml(rows));
    } else {
      if (lines[i].trim()) parts.push(`<p>${escape(lines[i].trim())}</p>`);
      i++;
    }
  }
  return parts.join('\n');
}

const STYLE = 'body{font-family:"WenQuanYi Micro Hei";font-size:10.5pt} table{border-collapse:collapse} td{font-size:8pt;border:1px solid #000}';

function plainPage(article) {
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>\n${article}\n</body></html>\n`;
}

/** What a county site's CMS wraps around the article. */
function cmsPage(article, { body, charset }) {
  const meta = charset === 'gbk' ? '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' : '<meta charset="utf-8">';
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head>${meta}
<title>${body}2023年政府信息公开工作年度报告_政府信息公开年报</title>
<script type="text/javascript">var _hmt = _hmt || []; if (a < b && c > d) { document.write("<div>统计代码</div>"); }</script>
<style>.nav li{float:left} /* 2024年 样式 */</style>
</head><body>
<div class="header"><img src="logo.png" alt="${body}"><span>无障碍 | 长者模式 | English</span></div>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></nav>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<div class="sidebar"><h3>栏目导航</h3><ul><li>政府信息公开指南</li><li>政府信息公开制度</li><li>2024年政府信息公开年报</li></ul></div>
<div class="article">
<div class="article-info">发布时间：2024-01-31 10:00 &nbsp; 来源：${body} &nbsp; 浏览次数：<span id="views">128</span></div>
<div class="article-content" id="zoom">
${article}
</div>
<div class="share">分享到：微信 微博 &nbsp;【打印本页】【关闭窗口】</div>
</div>
<noscript><p>您的浏览器不支持脚本</p></noscript>
<iframe src="/footer-links.html" title="相关链接"></iframe>
<footer class="footer"><p>主办单位：${body} &nbsp; 网站标识码：3300000000 &nbsp; 备案号：浙ICP备00000000号-1</p><p>版权所有 © 2024</p></footer>
<script>window.onload = function () { var t = "</p><p>2022年"; };</script>
</body></html>
`;
}

function soffice(args, cwd) {
  execFileSync('soffice', ['--headless', '--norestore', ...args], { cwd, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120000 });
}

async function renderFirstPage(file) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createCanvas } = await import('@napi-rs/canvas');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 1.25 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  return canvas.toBuffer('image/png');
}

mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'nianbao-samples-'));
// The GBK encoder of the checker itself (GB18030 is a superset; these reports use only GBK characters).
const { encodeGb18030 } = await import('../server/src/sources/gb18030.ts');
try {
  for (const report of REPORTS) {
    const text = readFileSync(`test/data/${report.dir ?? 'fixtures'}/${report.name}.txt`, 'utf8');
    const article = articleHtml(text);
    const cms = cmsPage(article, report);
    const cmsBytes = report.charset === 'gbk' ? encodeGb18030(cms) : Buffer.from(cms, 'utf8');
    if (!cmsBytes) throw new Error(`${report.name}: not encodable in GBK`);
    writeFileSync(join(OUT, `${report.name}.${report.charset === 'gbk' ? 'gbk' : 'utf8'}.html`), cmsBytes);

    const source = join(work, `${report.name}.html`);
    writeFileSync(source, plainPage(article));
    // Imported as a Writer document (not Writer/Web), so that the Word and PDF exports are of a page.
    soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, source], work);
    soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'doc:MS Word 97', '--outdir', work, source], work);
    soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, source], work);
    for (const ext of ['docx', 'doc', 'pdf']) copyFileSync(join(work, `${report.name}.${ext}`), join(OUT, `${report.name}.${ext}`));
  }
  // A scanned report: the first page of 小曹娥镇's PDF rendered to an image (pdfjs with the canvas it
  // uses in Node), in a PDF with no text at all.
  const png = await renderFirstPage(join(OUT, '2023-xiaocaoe-town.pdf'));
  writeFileSync(join(work, 'page.png'), png);
  writeFileSync(join(work, 'scanned.html'), `<!DOCTYPE html><html><body><p><img src="page.png" width="600"></p></body></html>`);
  soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, join(work, 'scanned.html')], work);
  copyFileSync(join(work, 'scanned.pdf'), join(OUT, '2023-xiaocaoe-town.scanned.pdf'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`samples written to ${OUT}/`);
