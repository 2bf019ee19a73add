// Section headings worded unlike the standard, and lists that look like headings but are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/core';
import { endsTable, endsWithNumberCells, readHeading, readHeadingUnfiltered } from '../../server/src/core/parse/sections';
import { normalize } from '../../server/src/core/text/normalize';
import { generateReport } from '../support/reports';

const base = generateReport({ year: 2023, body: '某某县人民政府', shape: 'tabs' }).text;
const keys = (text: string) => check(text).report.sections.map((s) => s.key);
const errorsAndWarnings = (text: string) =>
  check(text).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.rule}: ${d.message}`);

test('similar titles are still their sections, with a section-heading hint and no error', () => {
  const text = base
    .replace('一、总体情况', '一、工作概况')
    .replace('二、主动公开政府信息情况', '二、主动公开情况')
    .replace('三、收到和处理政府信息公开申请情况', '三、依申请公开情况')
    .replace('五、存在的主要问题及改进情况', '五、存在的不足及改进措施')
    .replace('六、其他需要报告的事项', '六、其他事项');
  assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
  assert.deepEqual(errorsAndWarnings(text), []);
  const hints = check(text).diagnostics.filter((d) => d.rule === 'section-heading');
  assert.equal(hints.length, 5);
  assert.ok(hints.every((d) => d.severity === 'information' && d.fix));
});

test('sub-parts of 总体情况 numbered 一、二、 are not taken for sections 二 and 三', () => {
  const text = base.replace('（一）主动公开。', '一、主动公开情况\n').replace('（二）依申请公开。', '二、依申请公开情况\n');
  assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
  const s2 = check(text).report.sections.find((s) => s.key === 's2')!;
  assert.equal(s2.heading.title, '主动公开政府信息情况');
  assert.deepEqual(errorsAndWarnings(text), []);
});

test('a table row that resembles a title ("3.其他", "（七）总计") does not end the table', () => {
  const r = check(base);
  for (const key of ['r6_3', 'total', 'next']) assert.ok(r.report.tables.t3?.rows.get(key)?.positioned, key);
});

test('the pre-tests and the memo in front of readHeading never change what a line reads as', () => {
  const piece = fc.constantFrom(
    '一', '二', '十', '三十一', '第', '1', '12', '123', '部分', '、', '.', '．', ',', ':', ' ', '　', '\t', '#', '>', '*', '**',
    '总体情况', '主动公开政府信息情况', '其他需要报告的事项', '是', '2023年', '收到', '。', '（一）', 'x', '信息内容',
    // Bare titles behind blanks, noise and markup that the bare-title pre-test must see through.
    '概述', '概 述', '总体情况：', '“', '」', '|', '`', '_', '\u1680', '\u2028', '\u202f', '\u00a0', '\ufeff', '自然人', '0',
    // Long enough that the line cannot be a bare title: only the numbered reading can take it.
    '政府信息公开工作存在的主要问题及改进情况和下一步工作打算', '进一步加强政务公开工作提升信息发布质量和群众满意度',
  );
  const same = (line: string) => {
    const norm = normalize(line);
    const fast = readHeading(line, norm, 0, line.length);
    const slow = line.length > 160 || line.length < 3 ? null : readHeadingUnfiltered(norm);
    assert.deepEqual(fast && { ...fast, heading: { ...fast.heading, title: '' } }, slow, JSON.stringify(line));
  };
  for (const line of [
    // Longer than any bare title can be, so that only the numbered reading can take them.
    '第一部分、政府信息公开工作存在的主要问题及改进情况和下一步工作打算',
    '第五部分 政府信息公开工作存在的主要问题及改进情况和下一步工作打算',
    '## 十、其他需要报告的事项',
    '> **六、其他需要报告的事项**',
    '12. 进一步加强政务公开工作提升信息发布质量',
    '123、进一步加强政务公开工作提升信息发布质量',
    '一是进一步加强政务公开工作提升信息发布质量',
    '2023年，进一步加强政务公开工作提升信息发布质量',
    '一  ',
    '一 、',
    '\u1680概述',
    '\u2003\u2003一、总体情况',
    '> **总体情况**',
    '  >  其他需要报告的事项 |',
    '概述\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680\u1680',
  ]) {
    same(line);
  }
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
      const line = pieces.join('');
      // By design a line that opens with a quote, a pipe or other noise is never a heading (a table
      // row, a quotation), though the bare reading alone would take "“概述”" for one.
      fc.pre(!/^\s*[“”‘’「」『』"'|`_~]/.test(line));
      same(line);
    }),
    { numRuns: 20000 },
  );
});

test('headings indented with em spaces (as Word indents them) are still the sections', () => {
  const text = base.replace(/^([一二三四五六]、)/gm, '\u2003\u2003$1');
  assert.notEqual(text, base);
  assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
  assert.deepEqual(
    check(text).diagnostics.filter((d) => d.rule.startsWith('section-')).map((d) => d.message),
    [],
  );
});

test('a line that ends with three number cells is a table row, never the heading that ends a table', () => {
  const ends = (line: string) => endsTable(normalize(line), 0, line.length);
  // Rows of 表三 in the shapes reports use: tabs, pipes, spaces, thousands and decimals.
  for (const row of [
    '四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1',
    '| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    '1.属于国家秘密 0 0 0 0 0 0 0',
    '三、本年度办理结果 1,024 0.5 3',
  ]) {
    assert.equal(endsWithNumberCells(normalize(row), 0, row.length), true, row);
    assert.equal(ends(row), false, row);
  }
  // Not cells: numbers inside words or fewer than three; these lines are read as before.
  for (const line of ['一、总体情况\t2023年，我镇共发布信息12条', '二、主动公开政府信息情况 2 3', '五、存在的主要问题及改进情况2023 2024 2025年', '六、其他需要报告的事项']) {
    assert.equal(endsWithNumberCells(normalize(line), 0, line.length), false, line);
  }
  // The heading that runs into its paragraph after a tab still ends a table.
  assert.equal(ends('一、总体情况\t2023年，我镇共发布信息12条'), true);
  assert.equal(ends('六、其他需要报告的事项'), true);
});
