// Years as real reports get them wrong (issue 13, class 6): dates whose 年/月 were lost in a paste
// (year-malformed), and a statistics period that does not name the report year (year-mismatch),
// including a period whose end year is left out and one that spans two years. Each shape with
// legitimate neighbours that must stay clean, and the corpus reports they come from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes, check, describe, lineAt, lineOf, ofRule } from '../support/assertions';
import { generateReport } from '../support/reports';

const corpus = (name: string) => readFileSync(path.resolve(__dirname, '../data/corpus', name), 'utf8');
const YEAR_RULES = ['year-malformed', 'year-mismatch'] as const;
const base = generateReport({ year: 2020, body: '青山县青山镇人民政府', shape: 'tabs' }).text;
const PERIOD = '所列数据的统计期限自2020年1月1日起至2020年12月31日止。';
const withPeriod = (period: string) => {
  assert.ok(base.includes(PERIOD));
  return base.replace(PERIOD, period);
};
const yearFindings = (text: string) => {
  const r = check(text);
  return { r, found: ofRule(r, [...YEAR_RULES]) };
};

test('the base report is clean', () => {
  assert.equal(yearFindings(base).found.length, 0, describe(check(base)));
});

test('统计期限自202011日起,至20201231日止: both dates are year-malformed, fixed to 2020年1月1日 / 2020年12月31日', () => {
  const text = withPeriod('所列数据的统计期限自202011日起,至20201231日止。');
  const { r, found } = yearFindings(text);
  assert.deepEqual(found.map((d) => [d.rule, text.slice(d.start, d.end)]), [
    ['year-malformed', '202011日'],
    ['year-malformed', '20201231日'],
  ], describe(r));
  for (const d of found) assert.equal(d.severity, 'error');
  assert.match(found[0].message, /应为“2020年1月1日”/);
  const fixed = applyFixes(text, found);
  assert.ok(fixed.includes('统计期限自2020年1月1日起,至2020年12月31日止'));
  assert.equal(yearFindings(fixed).found.length, 0, describe(check(fixed)));
});

test('统计期限为2020111231日 (a whole period run together): year-malformed, with no fix', () => {
  const text = withPeriod('所列数据的统计期限为2020111231日。');
  const { r, found } = yearFindings(text);
  assert.deepEqual(found.map((d) => [d.rule, text.slice(d.start, d.end), d.fix]), [['year-malformed', '2020111231日', null]], describe(r));
  assert.match(found[0].message, /日期“2020111231日”写法有误/);
  // Long numbers before 日 that are no period (no two dates in order, or no year first) stay clean.
  const numbers = base.replace('（三）政府信息管理。', '（三）政府信息管理。编号2020993199日，服务1234567890日次，2020999999日。');
  assert.equal(yearFindings(numbers).found.length, 0, describe(check(numbers)));
});

test('a lost 年 before 月, and a date with two readings (no fix)', () => {
  const text = base.replace('（三）政府信息管理。', '（三）政府信息管理。自20203月起实行季度通报，2020111日召开专题会议。');
  const { r, found } = yearFindings(text);
  assert.deepEqual(found.map((d) => [text.slice(d.start, d.end), d.fix?.edits[0].newText ?? null]), [
    ['20203月', '2020年3月'],
    ['2020111日', null], // 1月11日 or 11月1日
  ], describe(r));
  assert.equal(lineAt(r, found[0].start), lineOf(text, '自20203月起'));
});

test('numbers before 日 or 月 that are not dates, and well-written dates, are not flagged', () => {
  const text = base.replace(
    '（三）政府信息管理。',
    '（三）政府信息管理。累计服务20000日次，发放手册12345月刊；索引号20201231-001；2020年1月1日起施行；截至2020年12月31日；文号〔2020〕11号。',
  );
  const { r, found } = yearFindings(text);
  assert.equal(found.length, 0, describe(r, found));
});

test('a period whose end year is left out ("2019年1月1日到12月31日") in a 2020 report: title vs period', () => {
  const text = withPeriod('所列数据统计期限从2019年1月1日到12月31日止。');
  const { r, found } = yearFindings(text);
  assert.equal(found.length, 1, describe(r));
  assert.equal(found[0].rule, 'year-mismatch');
  assert.equal(text.slice(found[0].start, found[0].end), '2019');
  assert.match(found[0].message, /标题年份（2020年）与统计期限（2019年）不一致/);
  const fixed = applyFixes(text, found);
  assert.ok(fixed.includes('从2020年1月1日到12月31日止'));
  // The same with the report's year is fine.
  assert.equal(yearFindings(withPeriod('所列数据统计期限从2020年1月1日到12月31日止。')).found.length, 0);
});

test('a period that spans two years: the end that is not the title year is flagged and fixed', () => {
  for (const [period, wrong] of [
    ['所列数据的统计期限自2019年1月1日起至2020年12月31日止。', '2019'],
    ['所列数据的统计期限自2020年1月1日起至2021年12月31日止。', '2021'],
  ] as const) {
    const text = withPeriod(period);
    const { r, found } = yearFindings(text);
    assert.equal(found.length, 1, describe(r));
    assert.equal(text.slice(found[0].start, found[0].end), wrong);
    assert.match(found[0].message, /统计期限跨了两个年度/);
    const fixed = applyFixes(text, found);
    assert.ok(fixed.includes(PERIOD.replace('所列数据的统计期限', '')), fixed.slice(0, 300));
    assert.equal(yearFindings(fixed).found.length, 0);
  }
});

test('no title year: a period spanning two years is flagged where the narrative disagrees, unsure otherwise', () => {
  const untitled = (narrative: string) =>
    `政府信息公开工作年度报告\n\n所列数据的统计期限自2022年1月1日起至2023年12月31日止。\n\n一、总体情况\n\n${narrative}\n`;
  const decided = untitled('2023年，我镇坚持以公开为常态。2023年共收到申请3件。');
  const { r, found } = yearFindings(decided);
  assert.equal(found.length, 1, describe(r));
  assert.equal(decided.slice(found[0].start, found[0].end), '2022');
  assert.equal(found[0].fix?.edits[0].newText, '2023');
  const open = untitled('我镇坚持以公开为常态。');
  const unsure = yearFindings(open).found;
  assert.equal(unsure.length, 1);
  assert.equal(unsure[0].fix, null);
  assert.match(unsure[0].message, /2022年1月1日至2023年12月31日/);
});

test('corpus: r06 keeps its 202020年; r01 and r14 (end year left out) read their period and stay clean', () => {
  const r06 = check(corpus('r06_zhongbu_2020.txt'));
  assert.deepEqual(ofRule(r06, [...YEAR_RULES]).map((d) => [d.rule, lineAt(r06, d.start)]), [['year-malformed', 16]]);
  for (const [name, year] of [['r01_shanghai_bgt_2019.txt', 2019], ['r14_wuqi_2023.txt', 2023]] as const) {
    const r = check(corpus(name));
    assert.equal(r.report.year.periodYear?.value, year, name);
    assert.deepEqual(ofRule(r, [...YEAR_RULES]), [], name);
  }
});

test('no title year: a period copied from last year, against a narrative that says the year twice, is one finding on the period', () => {
  const untitled = (period: number, narrative: string) =>
    `政府信息公开工作年度报告\n\n所列数据的统计期限为${period}年1月1日至${period}年12月31日。\n\n一、总体情况\n\n${narrative}\n`;
  const text = untitled(2022, '2023年，我镇坚持以公开为常态。\n\n2023年共收到政府信息公开申请3件，均按时答复。');
  const { r, found } = yearFindings(text);
  assert.equal(found.length, 1, describe(r));
  assert.match(found[0].message, /统计期限（2022年）与正文叙述的年度（2023年）不一致/);
  assert.deepEqual(found[0].fix?.edits.map((e) => e.newText), ['2023', '2023']);
  // The narrative naming the period's year once, or the other year only once, leaves the period alone.
  for (const narrative of ['2023年，我镇坚持以公开为常态。2022年共收到申请3件。', '2023年，我镇坚持以公开为常态。']) {
    assert.equal(ofRule(check(untitled(2022, narrative)), 'year-mismatch').filter((d) => /统计期限/.test(d.message)).length, 0, narrative);
  }
});
