// fee-unreported: in the 2021 edition, section 六 states whether a 信息处理费 was charged (issue 16,
// part 5; FORMAT.md §2). Small reports built here: 六 answered 无 or speaking of other things (fires);
// the phrasings real reports use to say none was charged, the 2019 edition, a fee stated in 总体情况
// and a text cut inside 六 (clean); and the real reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core';
import { corpusNames, corpusReport } from '../support/corpus';
import { fixture, lineAt } from '../support/assertions';
import { findingsOf, miniReport, mutate, spanText } from '../support/mini-report';

const findings = findingsOf('fee-unreported');
const narrative = '本年度共收到政府信息公开申请12件。';
const base2021 = miniReport({ narrative });
const base2019 = miniReport({ narrative, edition2019: true });
const HEADING = '六、其他需要报告的事项';
const FEE = `${HEADING}\n本年度未收取信息处理费。\n`;
/** The report with the body of 六 replaced. */
const with6 = (body: string, base = base2021) => mutate(base, FEE, `${HEADING}\n${body}\n`);

function assertOne(text: string) {
  const found = findings(text);
  assert.equal(found.length, 1, found.map((d) => d.message).join('\n') || 'no finding');
  const d = found[0];
  assert.equal(spanText(text, d), HEADING, 'placed on the heading of 六');
  assert.equal(d.severity, 'warning');
  assert.equal(d.fix, null);
  assert.ok(d.message.includes(`“${HEADING}”未说明信息处理费`), d.message);
  return d;
}

test('the 2021 base report (六: 本年度未收取信息处理费) has no finding', () => {
  assert.equal(check(base2021).report.edition, '2021');
  assert.deepEqual(findings(base2021), []);
});

for (const body of ['无。', '無', '本年度无其他需要报告的事项。', '2024年，我局将进一步加强政务公开标准化规范化建设。']) {
  test(`2021 edition, 六 saying only “${body}” is reported`, () => {
    assertOne(with6(body));
  });
}

test('2021 edition, 六 left empty before the signature and date is reported', () => {
  assertOne(with6('\n东湖县统计局\n2024年1月20日'));
});

test('2021 edition, 六 answered on its heading line without the fee is reported', () => {
  assertOne(mutate(base2021, FEE, `${HEADING}：无。\n`));
});

test('a heading variant (其它需要报告的事项) is quoted as written; English message', () => {
  const text = mutate(with6('无。'), HEADING, '六、其它需要报告的事项');
  const found = findings(text, { locale: 'en' });
  assert.equal(found.length, 1);
  assert.ok(found[0].message.startsWith('“六、其它需要报告的事项” does not say whether a 信息处理费 was charged'), found[0].message);
});

test('a 2021 report cited from a real one: the fixture 小曹娥镇 (六: 无。) is reported at its 六', () => {
  const text = fixture('2023-xiaocaoe-town.txt');
  const r = check(text);
  const found = r.diagnostics.filter((d) => d.rule === 'fee-unreported');
  assert.deepEqual(found.map((d) => lineAt(r, d.start)), [101]);
});

test('the fixture 涑水镇 (六 speaks only of next year’s plans) is reported at its 六', () => {
  const r = check(fixture('2023-sushui-town.txt'));
  assert.deepEqual(r.diagnostics.filter((d) => d.rule === 'fee-unreported').map((d) => lineAt(r, d.start)), [106]);
});

// ---- must stay clean: the phrasings that report the fee

for (const body of [
  '本年度未收取信息处理费。',
  '2021年，无收取信息处理费情况。',
  '本年度没有收取信息公开处理费。',
  '不存在收费情况。',
  '信息处理费0元。',
  '本年度收取信息处理费共计120元。',
  '本机关依申请提供政府信息，未向申请人收取任何费用。',
  '本年度未产生信息处理费；另本年度不存在追究政务公开有关人员责任的情形。',
  '無收取信息處理費情況。',
  '（一）收取信息处理费情况\n本年度未收取。',
]) {
  test(`六 “${body.replace(/\n/g, ' / ')}” reports the fee`, () => {
    assert.deepEqual(findings(with6(body)), []);
  });
}

test('a fee run into the heading line reports it', () => {
  assert.deepEqual(findings(mutate(base2021, FEE, `${HEADING}。本年度未收取信息处理费。\n`)), []);
});

test('the 2019 edition asks for no fee statement: 六 “无。” is legitimate', () => {
  assert.equal(check(base2019).report.edition, '2019');
  assert.deepEqual(findings(with6('无。', base2019)), []);
});

test('a fee stated in 总体情况 (依申请公开不收取任何费用) is reported, 六 may then say 无', () => {
  const text = mutate(with6('无。'), narrative, narrative + '依申请公开政府信息不收取任何费用。');
  assert.deepEqual(findings(text), []);
});

test('表二’s 行政事业性收费 or “收费” in 主动公开 is not a fee statement', () => {
  const text = mutate(with6('无。'), narrative, narrative + '主动公开行政事业性收费项目3项。');
  assert.equal(findings(text).length, 1);
});

test('a text cut inside 六 (an excerpt) is not reported: the fee may lie beyond the end', () => {
  const at = base2021.indexOf(HEADING);
  // Cut right after the heading, and in the middle of a sentence of 六.
  assert.deepEqual(findings(base2021.slice(0, at + HEADING.length)), []);
  assert.deepEqual(findings(base2021.slice(0, at + HEADING.length) + '\n\n'), []);
  assert.deepEqual(findings(with6('本年度，我局认真落实政府信息公开各项制度，进一步规范依申请公开').trimEnd()), []);
});

test('六 followed by 七 is whole: a finding even when 七 ends mid-sentence', () => {
  const text = with6('无。') + '七、附件\n本报告中所列数据的统计期限为2023年1月1日至';
  assert.equal(findings(text).length, 1);
});

test('a rule turned off reports nothing', () => {
  assert.deepEqual(check(with6('无。'), { rules: { 'fee-unreported': 'off' } }).diagnostics.filter((d) => d.rule === 'fee-unreported'), []);
});

// ---- real reports

test('the corpus: the Pingtan 2021–2025 reports state the fee, the others are 2019 edition or cut before 六', () => {
  for (const name of corpusNames()) assert.deepEqual(findings(corpusReport(name)).map((d) => d.message), [], name);
});

test('the fixture 慈溪市 (六: 本年度未收取信息处理费；…) is clean', () => {
  assert.deepEqual(findings(fixture('2023-cixi-city-office.txt')), []);
});
