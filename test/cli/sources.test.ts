// The command line on published formats: `check` reads .docx/.html/.pdf (files and directories),
// `extract` prints what was read, `--fix` refuses formats it cannot write back, a scanned PDF gives
// its one finding, garbage named .pdf is a clear error (exit 2).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, FIXTURE, runCli, tempDir } from './helpers';

before(ensureBuilt);

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal Word document of the report's lines (one paragraph each, tabs as Word tabs), zipped by jszip (mammoth's own). */
async function docxOf(text: string): Promise<Buffer> {
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const paragraphs = text
    .split('\n')
    .map((line) => `<w:p><w:r>${line.split('\t').map((part, i) => `${i ? '<w:tab/>' : ''}<w:t xml:space="preserve">${escapeXml(part)}</w:t>`).join('')}</w:r></w:p>`)
    .join('');
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${paragraphs}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const SOURCES = path.resolve(__dirname, '../data/sources');
const sample = (name: string) => path.join(SOURCES, name);

describe('nianbao on published formats', () => {
  it('check on a .docx reports the balance error at its line of the extracted text, which extract prints', () => {
    const file = sample('2023-xiaocaoe-town.docx');
    const checked = runCli(['check', '--format', 'json', file]);
    assert.equal(checked.code, 1, checked.stderr);
    const report = JSON.parse(checked.stdout);
    const files = report.files ?? report;
    const diagnostics = (Array.isArray(files) ? files[0] : files).diagnostics as { rule: string; line: number }[];
    const balance = diagnostics.find((d) => d.rule === 'balance');
    assert.ok(balance, checked.stdout.slice(0, 400));
    const extracted = runCli(['extract', file]);
    assert.equal(extracted.code, 0, extracted.stderr);
    const line = extracted.stdout.split('\n')[balance.line - 1];
    assert.match(line, /本年新收/);
    assert.match(line, /\t2\t/);
  });

  it('a directory of published formats is walked; a web page that is not a report is skipped silently', () => {
    const dir = tempDir('nianbao-sources-dir-');
    for (const name of ['2023-sushui-town.docx', '2023-sushui-town.gbk.html', '2023-xiaocaoe-town.scanned.pdf']) fs.copyFileSync(sample(name), path.join(dir, name));
    fs.writeFileSync(path.join(dir, 'index.html'), '<html><body><nav>首页</nav><p>2024年工作动态</p></body></html>');
    const r = runCli(['check', '--locale', 'en', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /2023-sushui-town\.docx:\d+:\d+ error year-mismatch/);
    assert.match(r.stdout, /2023-sushui-town\.gbk\.html:\d+:\d+ error year-mismatch/);
    assert.match(r.stdout, /scanned\.pdf:1:1 error table-missing .*no text layer/);
    assert.doesNotMatch(r.stdout + r.stderr, /index\.html/);
    assert.match(r.stderr, /^3 files/m);
  });

  it('a scanned PDF gives exactly one finding', () => {
    const r = runCli(['check', '--format', 'json', sample('2023-xiaocaoe-town.scanned.pdf')]);
    const diagnostics = JSON.parse(r.stdout).files[0].diagnostics as { rule: string; message: string }[];
    assert.deepEqual(diagnostics.map((d) => d.rule), ['table-missing']);
    assert.match(diagnostics[0].message, /没有文字层/);
  });

  it('--fix refuses a .docx (and a web page) with a message and exit 2; the .txt beside it is still fixed', async () => {
    const dir = tempDir('nianbao-sources-fix-');
    const cixi = fs.readFileSync(FIXTURE.cixi, 'utf8'); // its headings 1、/4、 have fixes
    const txt = path.join(dir, 'cixi.txt');
    fs.writeFileSync(txt, cixi);
    const docx = path.join(dir, 'cixi.docx');
    fs.writeFileSync(docx, await docxOf(cixi));
    const html = path.join(dir, 'cixi.html');
    fs.writeFileSync(html, `<html><meta charset="utf-8"><body>${cixi.split('\n').map((l) => `<p>${escapeXml(l)}</p>`).join('')}</body></html>`);
    const before = { docx: fs.readFileSync(docx), html: fs.readFileSync(html) };
    const r = runCli(['check', '--fix', '--locale', 'en', txt, docx, html]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cixi\.docx: Fixes were not applied: a Word \(\.docx\) file cannot be written back/);
    assert.match(r.stderr, /cixi\.html: Fixes were not applied: a HTML file cannot be written back/);
    assert.deepEqual(fs.readFileSync(docx), before.docx);
    assert.deepEqual(fs.readFileSync(html), before.html);
    assert.notEqual(fs.readFileSync(txt, 'utf8'), cixi, 'the .txt was fixed');
    const zh = runCli(['check', '--fix-dry-run', docx]);
    assert.equal(zh.code, 2);
    assert.match(zh.stderr, /Word \(\.docx\) 文件无法写回，未应用修复/);
  });

  it('garbage named .pdf or .docx: a clear error, exit 2, the other files still checked', () => {
    const dir = tempDir('nianbao-sources-bad-');
    const bad = path.join(dir, 'bad.pdf');
    const badDocx = path.join(dir, 'bad.docx');
    fs.writeFileSync(bad, Buffer.from('this is not a PDF at all'));
    fs.writeFileSync(badDocx, Buffer.alloc(100, 7));
    const r = runCli(['check', '--locale', 'en', bad, badDocx, FIXTURE.sushui]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.pdf: Cannot read the PDF file/);
    assert.match(r.stderr, /bad\.docx: Cannot read the Word document \(\.docx\): not a ZIP/);
    assert.match(r.stdout, /2023-sushui-town\.txt:\d+:\d+ error/);
    const e = runCli(['extract', bad]);
    assert.equal(e.code, 2);
    assert.equal(e.stdout, '');
    assert.match(e.stderr, /无法读取 PDF 文件/);
  });

  it('many published files go through the worker threads (asynchronous readers in workers)', () => {
    const dir = tempDir('nianbao-sources-many-');
    for (let i = 0; i < 40; i++) fs.copyFileSync(sample(i % 2 ? '2023-sushui-town.docx' : '2023-xiaocaoe-town.pdf'), path.join(dir, `r${String(i).padStart(2, '0')}.${i % 2 ? 'docx' : 'pdf'}`));
    const r = runCli(['check', '--jobs', '2', '--quiet', dir], { env: { NIANBAO_TRACE: '1' } });
    assert.match(r.stderr, /2 worker threads/);
    assert.match(r.stderr, /^40 /m);
    const balance = r.stdout.split('\n').filter((l) => / error balance /.test(l));
    assert.equal(balance.length, 20);
    // In input order.
    const names = r.stdout.split('\n').filter(Boolean).map((l) => path.basename(l.split(':')[0]));
    assert.deepEqual(names, [...names].sort());
  });
});
