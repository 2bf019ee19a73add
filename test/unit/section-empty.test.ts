// section-empty: section 五、存在的主要问题及改进情况 blank or only "无" (issue 16, part 5). Small
// reports built here in each shape (a body of 无 in its spellings, blank, answered on the heading
// line, sub-headings answered 无), the legitimate variants that must stay clean (a real body, 无
// about one sub-point only, 六 answered 无, a text cut after the heading), and the real reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core';
import { corpusNames, corpusReport } from '../support/corpus';
import { FIXTURE_NAMES, fixture, lineAt } from '../support/assertions';
import { findingsOf, miniReport, mutate, spanText } from '../support/mini-report';

const findings = findingsOf('section-empty');
const base = miniReport({ narrative: '本年度共收到政府信息公开申请12件。' });
const HEADING = '五、存在的主要问题及改进情况';
/** The mini report with the body of 五 replaced. */
const withBody = (body: string) => mutate(base, `${HEADING}\n信息更新不够及时。\n`, `${HEADING}\n${body}\n`);

function assertOne(text: string, says: string[]) {
  const found = findings(text);
  assert.equal(found.length, 1, found.map((d) => d.message).join('\n') || 'no finding');
  const d = found[0];
  assert.equal(spanText(text, d), HEADING, 'placed on the heading');
  assert.equal(d.severity, 'warning');
  assert.equal(d.fix, null);
  for (const s of says) assert.ok(d.message.includes(s), `"${d.message}" mentions ${s}`);
  return d;
}

test('the base report (五 states a problem) has no finding', () => {
  assert.deepEqual(findings(base), []);
});

for (const body of ['无', '无。', '暂无。', '没有。', '無。', '暫無', '沒有', '**无。**', '本年度无。', '暂无存在的主要问题。']) {
  test(`五 answered only “${body}” is reported, quoting the answer as written`, () => {
    assertOne(withBody(body), [`“${HEADING}”`, `只写了“${body}”`]);
  });
}

test('五 with nothing before 六 is reported as empty', () => {
  assertOne(withBody(''), [`“${HEADING}”部分没有内容`]);
});

test('五 with only a decorative line is empty', () => {
  assertOne(withBody('★★★★'), ['部分没有内容']);
});

test('五 answered on its heading line ("…改进情况：无。") is reported', () => {
  const text = mutate(base, `${HEADING}\n信息更新不够及时。\n`, `${HEADING}：无。\n`);
  const found = findings(text);
  assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
  assert.ok(found[0].message.includes('只写了“无。”'), found[0].message);
});

test('五 whose sub-headings are each answered 无 (or left blank) is reported', () => {
  assertOne(withBody('（一）存在的主要问题\n无\n（二）改进情况\n无'), ['只写了“无”']);
  assertOne(withBody('（一）存在的主要问题：无。\n（二）改进措施：无。'), ['只写了“（一）存在的主要问题：无。”']);
  assertOne(withBody('（一）存在的主要问题\n（二）改进情况'), ['部分没有内容']);
});

test('the message in English', () => {
  const d = findings(withBody('无。'), { locale: 'en' })[0];
  assert.ok(d.message.includes(`Section “${HEADING}” only says “无。”`), d.message);
});

test('a heading variant is quoted as the report writes it', () => {
  const variant = '五、政府信息公开工作存在的主要问题及改进措施';
  const text = mutate(withBody('无。'), HEADING, variant);
  const found = findings(text);
  assert.equal(found.length, 1);
  assert.equal(spanText(text, found[0]), variant);
  assert.ok(found[0].message.includes(`“${variant}”`), found[0].message);
});

// ---- must stay clean

test('无 about one sub-point, with text elsewhere, is not empty', () => {
  assert.deepEqual(findings(withBody('（一）存在的主要问题：无。\n（二）改进措施：加强业务培训，提高信息发布质量。')), []);
  assert.deepEqual(findings(withBody('无。下一步将继续加强政府信息公开工作。')), []);
});

test('a body that begins with 无 but says something is not empty', () => {
  assert.deepEqual(findings(withBody('无论主动公开还是依申请公开，工作仍有差距。')), []);
  assert.deepEqual(findings(withBody('没有及时更新部分栏目的信息。')), []);
});

test('六 answered 无 is legitimate: no section-empty', () => {
  const text = mutate(base, '六、其他需要报告的事项\n本年度未收取信息处理费。', '六、其他需要报告的事项\n无。');
  assert.deepEqual(findings(text), []);
});

test('a text cut right after the heading of 五 (an excerpt) is not reported', () => {
  const at = base.indexOf(HEADING) + HEADING.length;
  assert.deepEqual(findings(base.slice(0, at)), []);
  assert.deepEqual(findings(base.slice(0, at) + '\n\n'), []);
});

test('a text cut inside the heading of 五 is not reported', () => {
  assert.deepEqual(findings(base.slice(0, base.indexOf(HEADING) + 6)), []);
});

test('五 answered 无。 at the very end of a text (no 六 after it) is still reported', () => {
  const text = withBody('无。').slice(0, withBody('无。').indexOf('六、其他需要报告的事项'));
  assert.equal(findings(text).length, 1);
});

test('a rule turned off reports nothing', () => {
  assert.deepEqual(check(withBody('无。'), { rules: { 'section-empty': 'off' } }).diagnostics.filter((d) => d.rule === 'section-empty'), []);
});

// ---- real reports

test('no real report of the corpus or the fixtures has an empty 五 (each states its problems, or was cut before 五)', () => {
  for (const name of corpusNames()) assert.deepEqual(findings(corpusReport(name)).map((d) => d.message), [], name);
  for (const name of FIXTURE_NAMES) assert.deepEqual(findings(fixture(name)).map((d) => d.message), [], name);
});

test('r10 (an excerpt cut inside the heading "五、存在的主") is not reported', () => {
  const text = corpusReport('r10_xiongxian_xiang_2019');
  assert.ok(text.trimEnd().endsWith('五、存在的主'));
  assert.deepEqual(findings(text), []);
});

test('a real report whose 五 is replaced by 无。 is reported at its heading', () => {
  const real = fixture('2023-cixi-city-office.txt');
  const start = real.indexOf('五、存在的主要问题及改进情况');
  const end = real.indexOf('六、其他需要报告的事项');
  const text = real.slice(0, start) + '五、存在的主要问题及改进情况\n\n无。\n\n    ' + real.slice(end);
  const r = check(text);
  const found = r.diagnostics.filter((d) => d.rule === 'section-empty');
  assert.equal(found.length, 1);
  assert.equal(lineAt(r, found[0].start), lineAt(r, start));
});
