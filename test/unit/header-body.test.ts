// The issuing body and the title in the shapes web pages print them (FORMAT.md §6): a byline under
// a title without a body, the body after the year, a "标题:" field label, a breadcrumb above the title.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { check } from '../../server/src/core';

const cases: [string, string, string, string][] = [
  ['byline under the title', '2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n', '2022年政府信息公开工作年度报告', '桃江县松木塘镇人民政府'],
  ['byline after a blank line', '2022年政府信息公开工作年度报告\n\n某某街道办事处\n发布日期：2023-01-20\n', '2022年政府信息公开工作年度报告', '某某街道办事处'],
  ['body after the year', '2022年度螅镇政府信息公开工作年度报告\n', '2022年度螅镇政府信息公开工作年度报告', '螅镇'],
  ['body after the year (provincial office)', '2019年上海市人民政府办公厅政府信息公开工作年度报告\n', '2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅'],
  ['a page field label before the title', '标题: 中埠镇人民政府2020年政府信息公开工作年度报告\n', '中埠镇人民政府2020年政府信息公开工作年度报告', '中埠镇人民政府'],
  [
    'a breadcrumb above the title is not the title',
    '首页 > 政务公开 > 政府信息公开年报 > 2021 > 街道办事处政府信息公开工作年度报告\n2021年迎宾路街道政府信息公开工作年度报告\n',
    '2021年迎宾路街道政府信息公开工作年度报告',
    '迎宾路街道',
  ],
];

for (const [name, head, title, body] of cases) {
  test(`header: ${name}`, () => {
    const text = head + '\n一、总体情况\n2023年，坚持以公开为常态。\n';
    const { report } = check(text);
    assert.equal(report.title?.text, title);
    assert.equal(text.slice(report.title!.span.start, report.title!.span.end), title);
    assert.equal(report.body?.text, body);
    assert.equal(text.slice(report.body!.span.start, report.body!.span.end), body);
  });
}

test('header: what follows a title is not taken for its body when it is not a name', () => {
  for (const below of ['发布日期：2023-01-20', '一、总体情况', '根据《中华人民共和国政府信息公开条例》要求，编制本报告。', '（2022年度）']) {
    const { report } = check(`政府信息公开工作年度报告\n${below}\n\n一、总体情况\n`);
    assert.equal(report.body, null, below);
  }
  // The year alone after the title words: nothing to read as a body.
  assert.equal(check('2023年政府信息公开工作年度报告\n\n一、总体情况\n').report.body, null);
});

test('header: the corpus reports whose body is printed below the title, after the year or behind a label', () => {
  const dir = path.resolve(__dirname, '../data/corpus');
  const bodies: Record<string, string> = {
    'r02_songmutang_2022.txt': '桃江县松木塘镇人民政府',
    'r03_jiaxian_xizhen_2022.txt': '螅镇',
    'r06_zhongbu_2020.txt': '中埠镇人民政府',
    'r15_yingbinlu_2021.txt': '迎宾路街道',
    'r16_zhangdian_gongyuan_2021.txt': '张店区公园街道办事处',
  };
  for (const [name, body] of Object.entries(bodies)) {
    assert.equal(check(readFileSync(path.join(dir, name), 'utf8')).report.body?.text, body, name);
  }
});

test('a title with spam injected before or after it is the title alone, its text the source over its span', () => {
  const spam = '澳门葡京娱乐场www.pj8888.com';
  const title = '青山镇人民政府2023年政府信息公开工作年度报告';
  const rest = '\n一、总体情况\n2023年，我镇认真贯彻落实《条例》。\n';
  for (const text of [`${spam}${title}${rest}`, `${title}${spam}${rest}`, `${title}${rest}`]) {
    const { report } = check(text);
    assert.equal(report.title?.text, title);
    assert.equal(text.slice(report.title!.span.start, report.title!.span.end), title);
    assert.equal(report.body?.text, '青山镇人民政府');
  }
});
