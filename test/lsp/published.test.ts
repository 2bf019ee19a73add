// nianbao/extract and nianbao/checkFiles through the real server over stdio, on copies of the in-repo
// fixtures written to a temporary folder: the server reads the files itself (the client sends URIs),
// checks each as it checks an open document, says which are not reports and which it cannot read
// (Word and PDF: "not supported yet" until the input layer lands), and prefers an open document's
// text to the file's.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { CHECK_FILES_MAX, type CheckFilesResult, type CheckedFile, type ExtractResult } from '../../server/src/shared/protocol';
import { FIXTURE, Session, ensureServerBuilt, readFixture } from './harness';

const cixi = readFixture(FIXTURE.cixi);
const sushui = readFixture(FIXTURE.sushui);
const xiaocaoe = readFixture(FIXTURE.xiaocaoe);

/** A web page as a CMS publishes a plain report: the text in a <pre>, the markup on lines of its own. */
function asWebPage(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>年报</title></head><body><pre>\n${escaped}\n</pre></body></html>\n`;
}

const list = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line}`).sort();

describe('nianbao/extract and nianbao/checkFiles', () => {
  let dir: string;
  let s: Session;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;

  before(async () => {
    await ensureServerBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-published-'));
    fs.writeFileSync(path.join(dir, 'cixi.txt'), cixi);
    fs.writeFileSync(path.join(dir, 'sushui.md'), sushui);
    fs.writeFileSync(path.join(dir, 'xiaocaoe.html'), asWebPage(xiaocaoe));
    fs.writeFileSync(path.join(dir, 'notes.txt'), '购物清单\n苹果\n牛奶\n');
    // The same 小曹娥镇 report as published in Word and as a scanned PDF (test/data/sources), and a
    // broken Word file: the start of a ZIP and nothing else.
    const sources = path.join(__dirname, '..', 'data', 'sources');
    fs.copyFileSync(path.join(sources, '2023-xiaocaoe-town.docx'), path.join(dir, 'xiaocaoe.docx'));
    fs.copyFileSync(path.join(sources, '2023-xiaocaoe-town.scanned.pdf'), path.join(dir, 'scanned.pdf'));
    fs.writeFileSync(path.join(dir, 'report.docx'), 'PK\u0003\u0004');
    s = await Session.start({ locale: 'zh-cn' });
  });
  after(async () => {
    await s?.shutdown();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const extract = (u: string) => s.request<ExtractResult>('nianbao/extract', { uri: u });
  const checkFiles = async (uris: string[]) => (await s.request<CheckFilesResult>('nianbao/checkFiles', { uris })).files;
  const byUri = (files: CheckedFile[], u: string) => {
    const file = files.find((f) => f.uri === u);
    assert.ok(file, `an answer for ${u}`);
    return file;
  };

  it('extract gives a text file as it is, writable; a web page as its text, read-only', async () => {
    const text = await extract(uri('cixi.txt'));
    assert.deepEqual(text, { ok: true, text: cixi, format: 'text', writable: true, scanned: false });
    const page = await extract(uri('xiaocaoe.html'));
    assert.ok(page.ok);
    assert.equal(page.format, 'html');
    assert.equal(page.writable, false);
    assert.ok(page.text.includes('小曹娥镇'));
  });

  it('extract reads a Word file as read-only text, says why a broken one cannot be read, and refuses what is not a local file', async () => {
    const word = await extract(uri('xiaocaoe.docx'));
    assert.ok(word.ok, !word.ok ? word.message : '');
    assert.equal(word.format, 'docx');
    assert.equal(word.writable, false);
    assert.ok(word.text.includes('小曹娥镇'));
    assert.match(word.text, /本年新收[^\n]*\t/, '表三 rows come as tab-separated cells');
    const docx = await extract(uri('report.docx'));
    assert.equal(docx.ok, false);
    assert.match(!docx.ok ? docx.message : '', /无法读取 Word 文档/);
    const remote = await extract('https://example.gov.cn/report.docx');
    assert.equal(remote.ok, false);
    assert.match(!remote.ok ? remote.message : '', /本机上的文件/);
    const missing = await extract(uri('absent.txt'));
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.message : '', /ENOENT/);
  });

  it('checkFiles finds what opening the report finds, per file; not-reports and unreadable files carry nothing', async () => {
    // The same report opened in the editor, under another name: the reference findings.
    const opened = uri('opened-cixi.txt');
    await s.open(opened, 'plaintext', cixi);
    const reference = (await s.diagnosticsFor(opened, 1)).diagnostics;
    assert.ok(reference.some((d) => d.code === 'section-numbering'), 'cixi has its known findings');

    const files = await checkFiles([uri('cixi.txt'), uri('sushui.md'), uri('xiaocaoe.html'), uri('notes.txt'), uri('report.docx'), uri('xiaocaoe.docx'), uri('scanned.pdf')]);
    assert.equal(files.length, 7);
    const cixiFile = byUri(files, uri('cixi.txt'));
    assert.equal(cixiFile.state, 'report');
    assert.equal(cixiFile.format, 'text');
    assert.equal(cixiFile.body, '慈溪市人民政府办公室');
    assert.equal(cixiFile.year, 2023);
    assert.equal(cixiFile.edition, '2021');
    assert.deepEqual(list(cixiFile.diagnostics), list(reference));

    const sushuiFile = byUri(files, uri('sushui.md'));
    assert.equal(sushuiFile.state, 'report');
    assert.equal(sushuiFile.format, 'markdown');
    assert.ok(sushuiFile.diagnostics.some((d) => d.code === 'year-mismatch'), 'sushui: its years');

    const page = byUri(files, uri('xiaocaoe.html'));
    assert.equal(page.state, 'report');
    assert.equal(page.format, 'html');
    assert.ok(page.diagnostics.some((d) => d.code === 'section-missing'), 'xiaocaoe: section 四 is missing');

    const notes = byUri(files, uri('notes.txt'));
    assert.deepEqual([notes.state, notes.diagnostics], ['not-report', []]);
    const docx = byUri(files, uri('report.docx'));
    assert.equal(docx.state, 'unreadable');
    assert.match(docx.message ?? '', /无法读取 Word 文档/);
    assert.deepEqual(docx.diagnostics, []);

    const word = byUri(files, uri('xiaocaoe.docx'));
    assert.equal(word.state, 'report');
    assert.equal(word.format, 'docx');
    assert.ok(word.diagnostics.some((d) => d.code === 'balance'), `xiaocaoe as Word: its balance error (${list(word.diagnostics)})`);

    const scanned = byUri(files, uri('scanned.pdf'));
    assert.deepEqual(scanned.diagnostics.map((d) => d.code), ['table-missing'], 'a scanned PDF: one finding, that it has no text');
  });

  it('an open document is checked as the editor has it, not as saved', async () => {
    const u = uri('cixi.txt');
    // The author fixed the first heading in the editor but has not saved.
    await s.open(u, 'plaintext', cixi.replace('1、 总体情况', '一、总体情况'));
    const [file] = await checkFiles([u]);
    const onDisk = (await checkFiles([uri('opened-cixi.txt')]))[0];
    assert.equal(file.state, 'report');
    assert.equal(file.diagnostics.filter((d) => d.code === 'section-numbering').length, 1);
    assert.equal(onDisk.diagnostics.filter((d) => d.code === 'section-numbering').length, 2);
    await s.close(u);
  });

  it('checkFiles takes at most CHECK_FILES_MAX files a request and ignores what is not a URI', async () => {
    const many = Array.from({ length: CHECK_FILES_MAX + 5 }, () => uri('notes.txt'));
    const files = await checkFiles([...many]);
    assert.equal(files.length, CHECK_FILES_MAX);
    const odd = await s.request<CheckFilesResult>('nianbao/checkFiles', { uris: [42, null, uri('notes.txt')] });
    assert.equal(odd.files.length, 1);
    const none = await s.request<CheckFilesResult>('nianbao/checkFiles', {});
    assert.deepEqual(none.files, []);
  });

  it('speaks English when asked', async () => {
    const en = await Session.start({ locale: 'en', settings: { locale: 'en' } });
    try {
      const docx = await en.request<ExtractResult>('nianbao/extract', { uri: uri('report.docx') });
      assert.match(!docx.ok ? docx.message : '', /Cannot read the Word document/);
    } finally {
      await en.shutdown();
    }
  });
});
