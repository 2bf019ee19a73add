// Structural rules: table-missing, row-missing, edition-mismatch (and the pre-2019 note),
// regulation-scope, row-label. Each with a report that must pass and one that must fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateReport } from '../support/reports';
import {
  applyFixes,
  assertNoSerious,
  check,
  deleteLines,
  describe,
  lineAt,
  lineOf,
  ofRule,
  replaceOnce,
  serious,
} from '../support/assertions';
import { T3_ROWS } from '../../server/src/core/format/editions';

const town = generateReport({ year: 2023, body: '青山县青山镇人民政府', shape: 'tabs' });
const T = town.text;

/** Removes the body of a section (keeps its heading), up to the next heading. */
function emptySection(text: string, heading: string, next: string): string {
  const start = text.indexOf('\n', text.indexOf(heading)) + 1;
  const end = text.indexOf(next);
  assert.ok(start > 0 && end > start);
  return text.slice(0, start) + '\n本年度无相关情况。\n\n' + text.slice(end);
}

test('table-missing: the clean report has all three tables', () => {
  const r = check(T);
  assert.equal(ofRule(r, 'table-missing').length, 0, describe(r));
  assert.deepEqual(r.report.tableProblems, []);
});

test('table-missing: a removed 表四 is one finding at its section', () => {
  const text = emptySection(T, '四、政府信息公开行政复议', '五、存在的主要问题');
  const r = check(text);
  const found = ofRule(r, 'table-missing');
  assert.equal(found.length, 1, describe(r));
  assert.equal(found[0].severity, 'error');
  assert.match(found[0].message, /表四/);
  assert.equal(lineAt(r, found[0].start), lineOf(text, '四、政府信息公开行政复议'));
  assert.equal(ofRule(r, 'appeal-total').length, 0);
  assert.deepEqual(serious(r).map((d) => d.rule), ['table-missing'], describe(r));
});

test('table-missing: 表三 whose row labels are all gone is reported with a reason', () => {
  // Keep the numbers, drop every label of the table's rows.
  const start = T.indexOf('三、收到和处理政府信息公开申请情况');
  const end = T.indexOf('四、政府信息公开行政复议');
  // Every text cell of the table goes (numbered labels such as "1.属于国家秘密" too); numbers stay.
  const table = T.slice(start, end).split('\n').map((line, i) => (i === 0 ? line : line.split('\t').map((c) => (/^\d+$/.test(c) ? c : '')).join('\t')));
  const text = T.slice(0, start) + table.join('\n') + T.slice(end);
  const r = check(text);
  const found = ofRule(r, 'table-missing');
  assert.equal(found.length, 1, describe(r));
  assert.match(found[0].message, /表三/);
  assert.match(found[0].message, /找不到它的标准行标签|没有读到数字|无法读取/);
  const problem = r.report.tableProblems.find((p) => p.id === 't3');
  assert.ok(problem, 'a table problem for 表三');
  assert.equal(lineAt(r, found[0].start), lineOf(text, '三、收到和处理政府信息公开申请情况'));
});

test('row-missing: a deleted 表三 row is named', () => {
  // A row of zeros, so that no sum breaks and row-missing is the only finding.
  const key = [...town.t3.entries()].find(([k, v]) => /^r\d/.test(k) && v[6] === 0)![0];
  const label = T3_ROWS.find((r) => r.key === key)!.label;
  const text = deleteLines(T, lineOf(T, label));
  const r = check(text);
  const found = ofRule(r, 'row-missing');
  assert.equal(found.length, 1, describe(r));
  assert.equal(found[0].severity, 'error');
  assert.ok(found[0].message.includes(label), found[0].message);
  assert.deepEqual(serious(r).map((d) => d.rule), ['row-missing'], describe(r));
});

test('row-missing: a deleted 表二 row is named', () => {
  const text = deleteLines(T, lineOf(T, '行政强制\t'));
  const r = check(text);
  const found = ofRule(r, 'row-missing');
  assert.equal(found.length, 1, describe(r));
  assert.match(found[0].message, /行政强制/);
  assert.match(found[0].message, /表二/);
});

test('row-missing: none in the clean report', () => {
  assert.equal(ofRule(check(T), 'row-missing').length, 0);
});

/** A 2020 report (2019-edition tables) relabelled as a report for `year`. */
function relabel2020(year: number): string {
  const g = generateReport({ year: 2020, body: '青山县人民政府', shape: 'tabs' });
  return g.text.replaceAll('2021年', `${year + 1}年`).replaceAll('2020年', `${year}年`).replaceAll('2021-', `${year + 1}-`);
}

test('edition-mismatch: a 2023 report with 2019-edition tables is one error', () => {
  const text = relabel2020(2023);
  assert.match(text, /2023年政府信息公开工作年度报告/);
  assert.match(text, /（六）其他处理\t\d/); // the single 2019 row with numbers
  const r = check(text);
  assert.equal(r.report.year.value, 2023);
  assert.equal(r.report.tableEdition, '2019');
  const found = ofRule(r, 'edition-mismatch');
  assert.equal(found.length, 1, describe(r));
  assert.equal(found[0].severity, 'error');
  assert.match(found[0].message, /2023/);
  assert.match(found[0].message, /2021 年版/);
  assert.match(found[0].message, /2019 年版/);
});

test('edition-mismatch: a 2023 report whose 表二 is of the 2021 edition and 表三 of the 2019 one names 表三', () => {
  // The three （六） sub-rows written as the 2019 edition's single row, with their sums.
  const lines = T.split('\n');
  const at = lines.findIndex((l) => l.trim() === '（六）其他处理');
  const subRows = lines.slice(at + 1, at + 4).map((l) => l.split('\t').slice(2).map(Number));
  assert.equal(subRows.length, 3);
  assert.ok(subRows.every((cells) => cells.length === 7 && cells.every(Number.isInteger)), lines.slice(at, at + 4).join('\n'));
  const single = `\t（六）其他处理\t${subRows[0].map((_, c) => subRows[0][c] + subRows[1][c] + subRows[2][c]).join('\t')}`;
  const r = check([...lines.slice(0, at), single, ...lines.slice(at + 4)].join('\n'));
  assert.equal(r.report.tables.t2?.edition, '2021');
  assert.equal(r.report.tables.t3?.edition, '2019');
  const found = ofRule(r, 'edition-mismatch');
  assert.equal(found.length, 1, describe(r));
  assert.match(found[0].message, /^2023 年度报告应使用2021 年版.*，但表三（收到和处理政府信息公开申请情况）是2019 年版/);
  // The single row's numbers are the sub-rows' sums: nothing else is wrong.
  assert.deepEqual(serious(r).map((d) => d.rule), ['edition-mismatch'], describe(r));
});

test('edition-mismatch: a 2020 report with 2019-edition tables is clean', () => {
  const g = generateReport({ year: 2020, body: '青山县人民政府', shape: 'tabs' });
  const r = check(g.text);
  assert.equal(ofRule(r, 'edition-mismatch').length, 0, describe(r));
  assertNoSerious(r, '2020 with 2019 tables');
});

test('edition-mismatch: a 2021 report with 2021-edition tables is clean, a 2020 one with them is not', () => {
  assert.equal(ofRule(check(T), 'edition-mismatch').length, 0);
  const g = generateReport({ year: 2022, body: '青山县人民政府', shape: 'tabs' });
  const text = g.text.replaceAll('2022年', '2020年').replaceAll('2023年', '2021年');
  const found = ofRule(check(text), 'edition-mismatch');
  assert.equal(found.length, 1, describe(check(text)));
});

const PRE_2019 = `青山县人民政府2017年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。

一、概述

2017年，青山县人民政府认真贯彻落实政府信息公开工作要求，全年主动公开政府信息1234条。

二、主动公开政府信息情况

全年主动公开政府信息1234条，其中规范性文件12件。

三、依申请公开政府信息情况

全年共收到政府信息公开申请20件，均已按期答复。

四、政府信息公开的收费及减免情况

本年度未收取任何费用。

五、因政府信息公开申请行政复议、提起行政诉讼的情况

本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。

六、存在的主要问题及改进情况

公开内容的深度有待提高。2018年将进一步加强培训。

七、其他需要报告的事项

无。

附表：青山县人民政府2017年政府信息公开情况统计表

统计指标\t单位\t统计数
一、主动公开情况\t——\t——
（一）主动公开政府信息数\t条\t1234
其中：主动公开规范性文件数\t条\t12
制发规范性文件总数\t件\t15
二、回应解读情况\t——\t——
（一）回应公众关注热点或重大舆情数\t次\t3
三、依申请公开情况\t——\t——
（一）收到申请数\t件\t20
1.当面申请数\t件\t5
2.传真申请数\t件\t0
3.网络申请数\t件\t12
4.信函申请数\t件\t3
（二）申请办结数\t件\t20
1.按时办结数\t件\t20
2.延期办结数\t件\t0
四、因政府信息公开申请提起行政复议、行政诉讼情况\t——\t——
（一）维持具体行政行为数\t件\t0
五、举办各类培训班数\t次\t4

青山县人民政府办公室
2018年3月20日
`;

test('pre-2019 layout: one information note, no errors or warnings', () => {
  const r = check(PRE_2019);
  assert.equal(r.report.edition, 'pre-2019');
  assertNoSerious(r, 'pre-2019');
  const notes = ofRule(r, 'edition-mismatch');
  assert.equal(notes.length, 1, describe(r));
  assert.equal(notes[0].severity, 'information');
  assert.match(notes[0].message, /2019 年以前/);
  assert.equal(r.diagnostics.filter((d) => d.severity === 'information').length, 1, describe(r));
});

test('regulation-scope: a 镇 report with 规章 1 is a warning on the cell', () => {
  const text = replaceOnce(T, '规章\t0\t0\t0', '规章\t1\t0\t1');
  const r = check(text);
  const found = ofRule(r, 'regulation-scope');
  assert.equal(found.length, 1, describe(r)); // one for the row: 本年制发 1 and 现行有效 1
  for (const d of found) {
    assert.equal(d.severity, 'warning');
    assert.equal(lineAt(r, d.start), lineOf(text, '规章\t1'));
    assert.equal(text.slice(d.start, d.end), '1');
    assert.match(d.message, /青山县青山镇人民政府/);
    assert.equal(d.related.length, 1);
  }
});

test('regulation-scope: a 市人民政府 report with 规章 1 is fine', () => {
  const city = generateReport({ year: 2023, body: '青山市人民政府', shape: 'tabs' }).text;
  const r = check(replaceOnce(city, '规章\t0\t0\t0', '规章\t1\t0\t1'));
  assert.equal(r.report.body?.text, '青山市人民政府');
  assert.equal(ofRule(r, 'regulation-scope').length, 0, describe(r));
  assertNoSerious(r, 'city 规章');
});

test('regulation-scope: a 镇 report with 规章 0 is fine', () => {
  assert.equal(ofRule(check(T), 'regulation-scope').length, 0);
});

test('row-label: 上年转结 is a note (information) with the standard label as fix', () => {
  const text = replaceOnce(T, '二、上年结转政府信息公开申请数量', '二、上年转结政府信息公开申请数量');
  const r = check(text);
  const found = ofRule(r, 'row-label');
  assert.equal(found.length, 1, describe(r));
  assert.equal(found[0].severity, 'information');
  assert.equal(lineAt(r, found[0].start), lineOf(text, '上年转结'));
  assert.equal(found[0].fix?.edits[0].newText, '二、上年结转政府信息公开申请数量');
  assert.equal(applyFixes(text, found), T);
  assertNoSerious(r, '上年转结');
});

test('row-label: 本年新收到 is a note (information)', () => {
  const text = replaceOnce(T, '一、本年新收政府信息公开申请数量', '一、本年新收到政府信息公开申请数量');
  const r = check(text);
  const found = ofRule(r, 'row-label');
  assert.equal(found.length, 1, describe(r));
  assert.equal(found[0].severity, 'information');
  assert.match(found[0].message, /本年新收到/);
  assertNoSerious(r, '本年新收到');
});

test('row-label: standard labels and accepted variants are not flagged', () => {
  assert.equal(ofRule(check(T), 'row-label').length, 0);
  const text = replaceOnce(T, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开');
  assert.equal(ofRule(check(text), 'row-label').length, 0, describe(check(text)));
});

// ------------------------------------------------------------------------------------------------
// The edition the tables' own labels tell (FORMAT.md §1, §3).

const y2020 = generateReport({ year: 2020, body: '青山县青山镇人民政府', shape: 'tabs' });
/** The 2020 report with its single 2019 （六）其他处理 row left without numbers (tabs kept). */
const blankOther = (text: string) => text.replace(/（六）其他处理((?:\t\d+){7})/, (_, cells: string) => '（六）其他处理' + '\t'.repeat(cells.split('\t').length - 1));

test('edition: a 2019 report whose （六）其他处理 has no numbers and no sub-rows uses the 2019 tables (r01, r10)', () => {
  const text = blankOther(y2020.text);
  assert.notEqual(text, y2020.text);
  const r = check(text);
  assert.equal(r.report.tableEdition, '2019');
  assert.equal(r.report.tables.t3?.edition, '2019');
  assert.ok(r.report.tables.t3?.rows.has('r6'), 'the （六） row is the 2019 single row');
  assert.deepEqual(r.report.tables.t3?.missingRows, []);
  assert.equal(ofRule(r, 'edition-mismatch').length, 0, describe(r));
  assert.equal(ofRule(r, 'row-missing').length, 0, describe(r));
  // The row is there without numbers: cell-missing on it, nothing else.
  assert.deepEqual(serious(r).map((d) => `${d.rule}@${lineAt(r, d.start)}`), [`cell-missing@${lineOf(text, '（六）其他处理')}`], describe(r));
});

test('edition: the same tables in a 2022 report are an edition-mismatch', () => {
  const text = blankOther(relabel2020(2022));
  const r = check(text);
  assert.equal(r.report.year.value, 2022);
  assert.equal(r.report.tableEdition, '2019');
  assert.equal(r.report.edition, '2019', 'the tables are read by their own edition');
  const found = ofRule(r, 'edition-mismatch');
  assert.equal(found.length, 1, describe(r));
  assert.equal(found[0].severity, 'error');
});

test('edition: a 2021 table cut right after （六）其他处理 does not say which edition it is', () => {
  const text = T.slice(0, T.indexOf('\n', T.indexOf('（六）其他处理')) + 1);
  const r = check(text);
  assert.equal(r.report.tables.t3?.edition, 'unknown');
  assert.equal(r.report.edition, '2021', 'from the year');
  assert.equal(ofRule(r, 'edition-mismatch').length, 0, describe(r));
});

test('edition: 表二 without column labels is read by 表三\'s edition, not the year\'s', () => {
  // 2019 tables in a 2022 report whose 表二 lost its column labels and its 2019-only rows: 表三's
  // single （六） row tells the edition, and 行政许可 keeps its three columns.
  const text = relabel2020(2022).replace(/\n\t?(信息内容|其他对外管理服务事项|政府集中采购)\t[^\n]*/g, '');
  const r = check(text);
  assert.equal(r.report.tables.t2?.edition, 'unknown', '表二 says nothing');
  assert.equal(r.report.tables.t3?.edition, '2019');
  const license = r.report.tables.t2?.rows.get('license');
  assert.ok(license?.positioned);
  assert.equal(license.cells.length, 3);
  assert.equal(ofRule(r, 'cell-missing').length, 0, describe(r));
});

// ------------------------------------------------------------------------------------------------
// 表二's column labels, told by their place.

test('row-label: a 表二 column label cut short (本年新) or written twice is a hint on it; the rows are read', () => {
  const header = '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量';
  assert.ok(y2020.text.includes(header));
  for (const [written, line, standard] of [
    ['信息内容\t本年新\t本年新\t对外公开总数量', 0, '本年新制作数量'],
    ['信息内容\t本年新制作数量\t本年新制作数量\t对外公开总数量', 0, '本年新公开数量'],
  ] as const) {
    const text = replaceOnce(y2020.text, header, written);
    const r = check(text);
    const found = ofRule(r, 'row-label');
    assert.ok(found.length >= 1, describe(r));
    assert.ok(found.every((d) => d.severity === 'information'));
    assert.ok(found.some((d) => d.message.includes(`“${standard}”`)), describe(r, found));
    assert.ok(found.every((d) => lineAt(r, d.start) === lineOf(text, written) + line));
    assert.ok(r.report.tables.t2?.rows.get('rules')?.positioned);
    assertNoSerious(r, written);
  }
});

test('row-label: 现行有效件 (a 2021 column label cut short) is a hint; the standard labels are not', () => {
  const text = replaceOnce(T, '本年废止件数\t现行有效件数', '本年废止件数\t现行有效件');
  const r = check(text);
  const found = ofRule(r, 'row-label');
  assert.equal(found.length, 1, describe(r));
  assert.match(found[0].message, /现行有效件数/);
  assert.equal(found[0].fix?.edits[0].newText, '现行有效件数');
  assert.equal(ofRule(check(y2020.text), 'row-label').length, 0, describe(check(y2020.text)));
});

test('row-missing: 表二 rows written without numbers are present (cell-missing), not missing (r03)', () => {
  const text = T.replace(/^(\t?)(规章|行政规范性文件|行政许可|行政处罚|行政强制|行政事业性收费)\t[^\n]*/gm, '$1$2');
  assert.notEqual(text, T);
  const r = check(text);
  assert.deepEqual(r.report.tables.t2?.missingRows, []);
  assert.equal(ofRule(r, 'row-missing').length, 0, describe(r));
  assert.equal(ofRule(r, 'cell-missing').length, 6, describe(r));
});

test('edition: （六） followed by numbers under labels that cannot be read is not the 2019 single row', () => {
  const text = T.replace(/1\.申请人无正当理由逾期不补正[^\t]*/, '1.（略）').replace(/2\.申请人逾期未按收费通知[^\t]*/, '2.（略）').replace(/(\t)3\.其他(\t)/, '$1（略）$2');
  assert.notEqual(text, T);
  const r = check(text);
  assert.notEqual(r.report.tables.t3?.edition, '2019');
  assert.equal(ofRule(r, 'edition-mismatch').length, 0, describe(r));
});
