// Title, issuing body and year in the title shapes real reports use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core';

const cases: [string, string, string | null, number | null][] = [
  ['body before the year', '某某县人民政府2021年度政府信息公开工作年度报告\n', '某某县人民政府', 2021],
  ['关于 before the body', '关于某某县人民政府2021年度政府信息公开工作年度报告\n', '某某县人民政府', 2021],
  ['body on the line above', '慈溪市人民政府办公室\n2023年政府信息公开工作年度报告\n', '慈溪市人民政府办公室', 2023],
  ['year inside the title words', '某某区政府信息公开工作2023年度报告\n', '某某区', 2023],
  ['year on the line below', '某某局政府信息公开工作年度报告\n（2022年度）\n', '某某局', 2022],
  ['Chinese-numeral year', '某某镇二〇二二年政府信息公开工作年度报告\n', '某某镇', 2022],
  ['traditional characters', '某某縣人民政府2021年度政府資訊公開工作年度報告\n', null, 2021],
  ['navigation before the title', '首页 > 政务公开 > 年报\n发布日期：2024-01-20\n某某街道办事处2023年政府信息公开工作年度报告\n', '某某街道办事处', 2023],
];

for (const [name, text, body, year] of cases) {
  test(`header: ${name}`, () => {
    const { report } = check(text + '\n一、总体情况\n');
    if (body !== null) assert.equal(report.body?.text, body);
    assert.equal(report.year.value, year);
    assert.equal(report.year.source, 'title');
  });
}

test('a preamble sentence that names the report is not its title', () => {
  const text = '某某乡人民政府\n根据《中华人民共和国政府信息公开条例》规定，现公布我乡2023年政府信息公开工作年度报告。\n\n一、总体情况\n';
  const { report } = check(text);
  assert.equal(report.title, null);
});

test('the statistics period gives the year when the title has none', () => {
  const text = '政府信息公开工作年度报告\n\n本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n\n一、总体情况\n';
  const { report } = check(text);
  assert.equal(report.year.value, 2022);
  assert.equal(report.year.source, 'period');
});
