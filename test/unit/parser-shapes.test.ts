// The parser reads the same tables out of every shape a report arrives in (FORMAT.md §6): generated
// reports in each shape and edition must parse to exactly the generated numbers with no finding,
// and small hand-made variants exercise one oddity each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateReport, SHAPES } from '../support/reports';
import {
  assertNoSerious,
  check,
  describe,
  lineOf,
  lineAt,
  ofRule,
  replaceOnce,
  serious,
  sumFindings,
} from '../support/assertions';
import { T2_ROWS, T3_ROWS } from '../../server/src/core/format/editions';

const YEARS = [2019, 2020, 2021, 2023];

for (const year of YEARS) {
  for (const shape of SHAPES) {
    for (const traditional of [false, true]) {
      for (const webDebris of [false, true]) {
        const name = `${year} ${shape}${traditional ? ' traditional' : ''}${webDebris ? ' with web debris' : ''}`;
        test(`generated report parses exactly: ${name}`, () => {
          const g = generateReport({ year, body: '青山市东湖区人民政府', shape, traditional, webDebris });
          const r = check(g.text);
          const { report } = r;
          assert.equal(report.year.value, year, 'report year');
          assert.equal(report.edition, g.edition, 'edition');
          assert.ok(report.title, 'title found');
          const t3 = report.tables.t3;
          assert.ok(t3, '表三 found');
          for (const [key, values] of g.t3) {
            const row = t3.rows.get(key);
            assert.ok(row, `表三 row ${key} found`);
            assert.ok(row.positioned, `表三 row ${key} positioned`);
            assert.deepEqual(row.cells.map((c) => c.value), values, `表三 row ${key}`);
          }
          const t4 = report.tables.t4?.rows.get('values');
          assert.ok(t4?.positioned, '表四 row positioned');
          assert.deepEqual(t4.cells.map((c) => c.value), g.t4, '表四 values');
          const t2 = report.tables.t2;
          assert.ok(t2, '表二 found');
          for (const spec of T2_ROWS) {
            if (spec.editions && !spec.editions.includes(g.edition)) continue;
            assert.ok(t2.rows.get(spec.key), `表二 row ${spec.key} found`);
          }
          assertNoSerious(r, name);
        });
      }
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Hand-made variants of one clean tab-shaped 2023 report.

const base = generateReport({ year: 2023, body: '青山县青山镇人民政府', shape: 'tabs' });
const T = base.text;
const row = (key: string) => base.t3.get(key)!;
/** The tab-shaped source line of a 表三 row: label then its 7 numbers. */
const rowLine = (label: string, key: string) => `${label}\t${row(key).join('\t')}`;

test('the base report is clean', () => {
  assertNoSerious(check(T), 'base');
  assert.equal(sumFindings(check(T)).length, 0);
});

test('half-width brackets read like full-width ones', () => {
  const text = T.replaceAll('（', '(').replaceAll('）', ')');
  const r = check(text);
  assert.deepEqual(r.report.tables.t3?.rows.get('r2')?.cells.map((c) => c.value), row('r2'));
  assertNoSerious(r, 'half-width brackets');
});

test('labels split by PDF spaces still match their rows', () => {
  const text = replaceOnce(replaceOnce(T, '7.属于行政执法案卷', '7.属于行政执 法案卷'), '1.本机关不掌握相关政府信息', '1. 本机关不掌 握相关政府信 息');
  const r = check(text);
  const t3 = r.report.tables.t3!;
  assert.deepEqual(t3.rows.get('r3_7')?.cells.map((c) => c.value), row('r3_7'));
  assert.deepEqual(t3.rows.get('r4_1')?.cells.map((c) => c.value), row('r4_1'));
  assertNoSerious(r, 'PDF spaces');
});

test('Markdown **bold** cells read as their numbers, with no finding', () => {
  const v = row('r1');
  const text = replaceOnce(T, rowLine('（一）予以公开', 'r1'), `**（一）予以公开**\t**${v[0]}**\t${v.slice(1, 6).join('\t')}\t**${v[6]}**`);
  const r = check(text);
  const cells = r.report.tables.t3?.rows.get('r1');
  assert.ok(cells?.positioned);
  assert.deepEqual(cells.cells.map((c) => c.value), v);
  assertNoSerious(r, 'bold cells');
});

test('a merged header spread over several lines does not disturb the rows', () => {
  const header = T.slice(T.indexOf('\t（本列数据的勾稽关系'), T.indexOf('\t一、本年新收'));
  const spread = '\t（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）\n\t申请人情况\n\n\t自然人\n\t法人或其他组织\n\t总计\n\t商业企业\n\t科研机构\n\t社会公益组织\n\t法律服务机构\n\t其他\n';
  const r = check(T.replace(header, spread));
  for (const [key, values] of base.t3) assert.deepEqual(r.report.tables.t3?.rows.get(key)?.cells.map((c) => c.value), values, key);
  assertNoSerious(r, 'spread header');
});

test('a row with 6 numbers is one cell-missing on that row and no sum finding', () => {
  const v = row('r1');
  const text = replaceOnce(T, rowLine('（一）予以公开', 'r1'), `（一）予以公开\t${[...v.slice(0, 2), ...v.slice(3)].join('\t')}`);
  const r = check(text);
  const missing = ofRule(r, 'cell-missing');
  assert.equal(missing.length, 1, describe(r));
  assert.equal(lineAt(r, missing[0].start), lineOf(text, '（一）予以公开'));
  assert.match(missing[0].message, /6/);
  assert.equal(r.report.tables.t3?.rows.get('r1')?.positioned, false);
  assert.equal(sumFindings(r).length, 0, describe(r, sumFindings(r)));
});

test('an explicit blank cell between tabs is positioned and reported on that cell', () => {
  const v = row('r1');
  const text = replaceOnce(T, rowLine('（一）予以公开', 'r1'), `（一）予以公开\t${v[0]}\t\t${v.slice(2).join('\t')}`);
  const r = check(text);
  const r1 = r.report.tables.t3?.rows.get('r1');
  assert.ok(r1?.positioned, 'row stays positioned');
  assert.equal(r1.cells[1].status, 'missing');
  assert.equal(r1.cells[1].value, null);
  assert.deepEqual(r1.cells.map((c) => c.value).filter((_, i) => i !== 1), v.filter((_, i) => i !== 1));
  const missing = ofRule(r, 'cell-missing');
  assert.equal(missing.length, 1, describe(r));
  assert.equal(lineAt(r, missing[0].start), lineOf(text, '（一）予以公开'));
  assert.match(missing[0].message, /商业企业/);
  assert.equal(sumFindings(r).length, 0, 'an incomplete relation is not judged');
});

test('"——" in 表三 is a missing cell; in 表二 it is an accepted placeholder', () => {
  const v = row('r3_2');
  const t3text = replaceOnce(T, rowLine('2.其他法律行政法规禁止公开', 'r3_2'), `2.其他法律行政法规禁止公开\t——\t${v.slice(1).join('\t')}`);
  const r3 = check(t3text);
  const missing = ofRule(r3, 'cell-missing');
  assert.equal(missing.length, 1, describe(r3));
  assert.equal(lineAt(r3, missing[0].start), lineOf(t3text, '2.其他法律行政法规禁止公开'));
  assert.match(missing[0].message, /自然人/);

  const t2text = replaceOnce(T, '规章\t0\t0\t0', '规章\t——\t——\t——');
  const r2 = check(t2text);
  assert.deepEqual(r2.report.tables.t2?.rows.get('rules')?.cells.map((c) => c.raw), ['——', '——', '——']);
  assert.equal(r2.diagnostics.length, 0, describe(r2));
});

for (const [spelling, canonical, value] of [
  ['00', '0', 0],
  ['0 0', '0', 0],
  ['１', '1', 1],
] as const) {
  test(`表三 cell written "${spelling}" reads as ${value} with a cell-malformed hint fixing it to "${canonical}"`, () => {
    // An existing cell that already holds `value`, so no sum and no narrative figure changes.
    const spec = T3_ROWS.find((r) => /^r\d/.test(r.key) && base.t3.get(r.key)?.slice(0, 6).includes(value))!;
    const key = spec.key;
    const label = spec.label;
    const column = row(key).indexOf(value);
    const cells = row(key).map(String);
    cells[column] = spelling;
    const text = replaceOnce(T, rowLine(label, key), `${label}\t${cells.join('\t')}`);
    const r = check(text);
    const cell = r.report.tables.t3?.rows.get(key)?.cells[column];
    assert.equal(cell?.value, value);
    const hints = ofRule(r, 'cell-malformed');
    assert.equal(hints.length, 1, describe(r));
    assert.equal(hints[0].severity, 'information');
    assert.equal(lineAt(r, hints[0].start), lineOf(text, label));
    assert.equal(hints[0].fix?.edits.length, 1);
    assert.equal(hints[0].fix?.edits[0].newText, canonical);
    assert.equal(text.slice(hints[0].fix!.edits[0].start, hints[0].fix!.edits[0].end), spelling);
    assertNoSerious(r, spelling);
  });
}

test('表二 cell "1,234" reads as 1234 with a hint fixing it to "1234"', () => {
  const license = T.match(/行政许可\t(\d+)/)!;
  const text = replaceOnce(T, license[0], '行政许可\t1,234');
  const r = check(text);
  assert.equal(r.report.tables.t2?.rows.get('license')?.cells[0].value, 1234);
  const hints = ofRule(r, 'cell-malformed');
  assert.equal(hints.length, 1, describe(r));
  assert.equal(hints[0].severity, 'information');
  assert.equal(hints[0].fix?.edits[0].newText, '1234');
  assertNoSerious(r, '1,234');
});

test('web debris before the title: title, body and year are still read', () => {
  const text = '首页 > 政务公开 > 年报\n发布日期：2024-01-20    浏览次数：321\n字号：大 中 小\n?!?/p>\n' + T;
  const r = check(text);
  assert.equal(r.report.year.value, 2023);
  assert.equal(r.report.year.source, 'title');
  assert.equal(r.report.body?.text, '青山县青山镇人民政府');
  assert.match(r.report.title?.text ?? '', /2023年政府信息公开工作年度报告/);
  assertNoSerious(r, 'web debris');
});

test('CRLF line endings give the same findings on the same lines as LF', () => {
  // A report with findings of several kinds: a lost cell, a wrong total, a plan in the wrong year.
  const v = row('r1');
  let text = replaceOnce(T, rowLine('（一）予以公开', 'r1'), `（一）予以公开\t${[...v.slice(0, 2), ...v.slice(3)].join('\t')}`);
  const w = row('r4_1');
  text = replaceOnce(text, rowLine('1.本机关不掌握相关政府信息', 'r4_1'), `1.本机关不掌握相关政府信息\t${w.slice(0, 6).join('\t')}\t${w[6] + 1}`);
  text = replaceOnce(text, '2024年，将进一步', '2023年，将进一步');
  const lf = check(text);
  const crlf = check(text.replace(/\n/g, '\r\n'));
  const shape = (r: typeof lf) => r.diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, line: r.lines.positionAt(d.start).line, character: r.lines.positionAt(d.start).character, endLine: r.lines.positionAt(d.end).line, message: d.message }));
  assert.ok(serious(lf).length >= 2, describe(lf));
  assert.deepEqual(shape(crlf), shape(lf));
});

test('a duplicated row line does not shift its numbers into the next row', () => {
  // A paste that repeats a row: （二） must keep its own numbers, not take the repeated （一）'s.
  const line = rowLine('（一）予以公开', 'r1');
  const text = replaceOnce(T, line, `${line}\n${line}`);
  const r = check(text);
  const t3 = r.report.tables.t3!;
  assert.deepEqual(t3.rows.get('r1')?.cells.map((c) => c.value), row('r1'));
  assert.deepEqual(t3.rows.get('r2')?.cells.map((c) => c.value), row('r2'), `r2 read as “${t3.rows.get('r2')?.label}”`);
});
