// `nianbao check --format csv`: one row per report, read back with an RFC 4180 parser written here,
// must carry each fixture's figures (as the fixtures README states them and as the engine's summary
// gives them); it must open in WPS and Excel (BOM, CRLF), defuse formulas, and list unreadable files.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, summarize } from '../../server/src/core';
import { csvField } from '../../server/src/cli/format-csv';
import { FIXTURE, ensureBuilt, readFixture, runCli, tempDir } from './helpers';

before(ensureBuilt);

/** RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      // A quoted field runs to the next quote not doubled.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        assert.ok(q >= 0, 'unterminated quoted field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      assert.ok(i >= text.length || text[i] === ',' || text.startsWith('\r\n', i), `garbage after a quoted field at ${i}`);
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      assert.ok(c !== '\n' && c !== '\r' && c !== '"', `bare ${JSON.stringify(c)} at ${i}: records must end with CRLF, quotes only in quoted fields`);
      field += c;
      i++;
    }
  }
  assert.equal(record.length + field.length, 0, 'the last record must end with CRLF');
  return records;
}

/** Runs --format csv; checks the BOM, returns the header and the rows as objects keyed by the header. */
function runCsv(args: string[]): { code: number | null; stderr: string; header: string[]; rows: Record<string, string>[] } {
  const r = runCli(['check', '--format', 'csv', ...args]);
  assert.ok(r.stdout.startsWith('\ufeff'), 'UTF-8 byte-order mark first (Excel reads Chinese with it)');
  const [header, ...records] = parseCsv(r.stdout.slice(1));
  for (const record of records) assert.equal(record.length, header.length, `every row has ${header.length} fields`);
  const rows = records.map((record) => Object.fromEntries(header.map((h, i) => [h, record[i]])));
  return { code: r.code, stderr: r.stderr, header, rows };
}

const num = (n: number | null) => (n === null ? '' : String(n));

describe('CSV format', () => {
  it('has one row per report, in input order, with the figures the fixtures README states', () => {
    const files = [FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe];
    const { header, rows } = runCsv(files);
    assert.deepEqual(header, [
      '文件', '机关', '标题', '年度', '格式版本', '错误', '警告', '本年新收', '上年结转', '办理结果总计', '结转下年度',
      '予以公开和部分公开占比', '行政复议', '行政诉讼', '无法检查的原因',
    ]);
    assert.deepEqual(rows.map((r) => r['文件']), files);
    const [cixi, sushui, xiaocaoe] = rows;
    // README: 慈溪 "总计 103, 勾稽 103+0 = 103+0", 表四 复议 总计 1, 诉讼 7 + 1.
    assert.equal(cixi['机关'], '慈溪市人民政府办公室');
    assert.deepEqual([cixi['本年新收'], cixi['上年结转'], cixi['办理结果总计'], cixi['结转下年度']], ['103', '0', '103', '0']);
    assert.deepEqual([cixi['行政复议'], cixi['行政诉讼']], ['1', '8']);
    assert.equal(cixi['错误'], '0', 'the 慈溪 report has no error (README: only two headings to renumber, warnings)');
    // README: 小曹娥 新收 2, 上年结转 0, and no （七）总计 nor 结转下年度 row, no 表四.
    assert.deepEqual([xiaocaoe['本年新收'], xiaocaoe['上年结转'], xiaocaoe['办理结果总计'], xiaocaoe['结转下年度']], ['2', '0', '', '']);
    assert.deepEqual([xiaocaoe['行政复议'], xiaocaoe['行政诉讼'], xiaocaoe['予以公开和部分公开占比']], ['', '', '']);
    assert.ok(Number(xiaocaoe['错误']) >= 1, 'the 小曹娥 balance error is counted');
    // README: 涑水 all 0 in 表三: a share of nothing is left empty, not 0% or NaN.
    assert.equal(sushui['办理结果总计'], '0');
    assert.equal(sushui['予以公开和部分公开占比'], '');
    for (const row of rows) {
      assert.equal(row['年度'], '2023');
      assert.equal(row['格式版本'], '2021');
      assert.equal(row['无法检查的原因'], '');
    }
  });

  it('gives for each fixture exactly the engine summary figures and the error and warning counts of --format json', () => {
    const files = [FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe];
    const { rows } = runCsv(['--locale', 'en', ...files]);
    const json = JSON.parse(runCli(['check', '--format', 'json', ...files]).stdout) as { files: { diagnostics: { severity: string }[] }[] };
    files.forEach((file, i) => {
      const s = summarize(check(readFixture(file)).report);
      const row = rows[i];
      assert.equal(row.body, s.body ?? '');
      assert.equal(row.title, s.title ?? '');
      assert.equal(row.received, num(s.figures.received));
      assert.equal(row['carried over'], num(s.figures.carriedOver));
      assert.equal(row['handled (total)'], num(s.figures.handled));
      assert.equal(row['carried forward'], num(s.figures.carriedForward));
      assert.equal(row['administrative reviews'], num(s.figures.reviews));
      assert.equal(row.lawsuits, num(s.figures.lawsuits));
      const share = s.figures.disclosedShare;
      assert.equal(row['disclosed in full or in part'], share === null ? '' : `${(share * 100).toFixed(1)}%`);
      const diagnostics = json.files[i].diagnostics;
      assert.equal(row.errors, String(diagnostics.filter((d) => d.severity === 'error').length));
      assert.equal(row.warnings, String(diagnostics.filter((d) => d.severity === 'warning').length));
    });
    // 慈溪: (予以公开 15 + 部分公开 27) / 103.
    assert.equal(rows[0]['disclosed in full or in part'], '40.8%');
  });

  it('a clean report has 0 errors and 0 warnings in its row', () => {
    const dir = tempDir();
    const clean = path.join(dir, 'cixi-renumbered.txt');
    // The 慈溪 report with its two Arabic-numbered headings fixed (README): nothing left to report.
    const text = readFixture(FIXTURE.cixi).replace(/^1、 总体情况/m, '一、总体情况').replace(/^4、 政府信息公开行政复议/m, '四、政府信息公开行政复议');
    fs.writeFileSync(clean, text);
    const { rows, code } = runCsv([clean]);
    assert.equal(code, 0);
    assert.deepEqual([rows[0]['错误'], rows[0]['警告']], ['0', '0']);
  });

  it('defuses a body name or a file name that a spreadsheet would run as a formula, quoting as needed', () => {
    const dir = tempDir();
    const bodies = ['=慈溪市人民政府办公室', '+慈溪市人民政府办公室', '@慈溪市人民政府办公室', '-慈溪市"人民政府"办公室'];
    const names = bodies.map((body, i) => {
      const name = `${'=+@-'[i]}report-${i}.txt`;
      fs.writeFileSync(path.join(dir, name), readFixture(FIXTURE.cixi).replace(/^慈溪市人民政府办公室$/m, body));
      return name;
    });
    const r = runCli(['check', '--format', 'csv', '--', ...names], { cwd: dir });
    const rows = parseCsv(r.stdout.slice(1)).slice(1);
    assert.equal(rows.length, names.length);
    rows.forEach((row, i) => {
      assert.equal(row[0], `'${names[i]}`, 'the file name is shown with an apostrophe before it');
      assert.equal(row[1], `'${bodies[i]}`, 'the body is shown, never run, its quotes kept');
      for (const field of row) assert.doesNotMatch(field, /^[=+\-@]/, `field ${JSON.stringify(field)} starts like a formula`);
    });
    assert.match(r.stdout, /,"'-慈溪市""人民政府""办公室",/, 'quotes doubled inside a quoted field');
  });

  it('writes fields by RFC 4180 and guards every formula start', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('=1+2'), "'=1+2");
    assert.equal(csvField('+86 571'), "'+86 571");
    assert.equal(csvField('-2'), "'-2");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField('\t=1'), "'\t=1");
    assert.equal(csvField('=A1,"x"'), `"'=A1,""x"""`);
    assert.equal(csvField(12), '12');
    assert.equal(csvField(null), '');
    assert.equal(csvField(Number.NaN), '');
  });

  it('gives an unreadable file a row with the reason, and exits 2', () => {
    const missing = path.join(tempDir(), 'missing.txt');
    const { rows, code, stderr } = runCsv([FIXTURE.cixi, missing]);
    assert.equal(code, 2);
    assert.equal(rows.length, 2);
    assert.equal(rows[1]['文件'], missing);
    assert.equal(rows[1]['无法检查的原因'], '找不到文件或目录');
    assert.equal(rows[1]['错误'], '', 'no count for a file that was not checked');
    assert.match(stderr, /1 个文件无法检查/);
  });
});
