// The engine's own contract: configuration, locale, dismissals, isolation of a failing rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, ruleById, type RuleId } from '../../server/src/core';
import { CIXI, XIAOCAOE } from '../support/mini-report';

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const rulesOf = (text: string, options = {}) => check(text, options).diagnostics.map((d) => d.rule);

test('a rule that throws is contained: the others still report, the failure is told once with the rule id', () => {
  const rule = ruleById('section-numbering')!;
  const original = rule.check;
  rule.check = () => {
    throw new Error('boom');
  };
  try {
    const failures: [RuleId, unknown][] = [];
    const r = check(XIAOCAOE, { onRuleError: (id, error) => failures.push([id, error]) });
    assert.deepEqual(failures.map(([id]) => id), ['section-numbering']);
    assert.ok(r.diagnostics.some((d) => d.rule === 'section-missing'), 'the other rules still ran');
  } finally {
    rule.check = original;
  }
});

test('nianbao.rules: off removes a rule, a level changes its severity', () => {
  assert.ok(rulesOf(CIXI).includes('section-numbering'));
  assert.ok(!rulesOf(CIXI, { rules: { 'section-numbering': 'off' } }).includes('section-numbering'));
  const raised = check(CIXI, { rules: { 'row-label': 'error' } }).diagnostics.filter((d) => d.rule === 'row-label');
  assert.ok(raised.length > 0 && raised.every((d) => d.severity === 'error'));
  const info = check(CIXI, { rules: { 'section-numbering': 'info' } }).diagnostics.filter((d) => d.rule === 'section-numbering');
  assert.ok(info.length === 2 && info.every((d) => d.severity === 'information'));
});

test('messages are Chinese by default and English with locale en; report labels stay as written', () => {
  const zh = check(CIXI).diagnostics.find((d) => d.rule === 'section-numbering')!;
  const en = check(CIXI, { locale: 'en' }).diagnostics.find((d) => d.rule === 'section-numbering')!;
  assert.match(zh.message, /部分标题“1、 总体情况”/);
  assert.match(en.message, /^The heading “1、 总体情况” is numbered with an Arabic numeral/);
  assert.equal(en.fix?.edits[0].newText, '一、');
});

test('a .nianbao-ignore.json entry dismisses exactly that finding', () => {
  const all = check(CIXI).diagnostics.filter((d) => d.rule === 'section-numbering');
  assert.equal(all.length, 2);
  const r = check(CIXI, { ignore: [{ rule: 'section-numbering', text: '1、 总体情况' }] });
  const left = r.diagnostics.filter((d) => d.rule === 'section-numbering');
  assert.equal(left.length, 1);
  assert.equal(r.lines.positionAt(left[0].start).line, lineOf(CIXI, '4、 政府信息公开'));
  // Another rule's entry on the same line dismisses nothing.
  assert.equal(check(CIXI, { ignore: [{ rule: 'balance', text: '1、 总体情况' }] }).diagnostics.filter((d) => d.rule === 'section-numbering').length, 2);
});

test('Markdown disable comments: next line for the named rule, or the whole file', () => {
  const md = CIXI.replace('1、 总体情况', '<!-- nianbao-disable-next-line section-numbering -->\n1、 总体情况');
  assert.equal(rulesOf(md).filter((r) => r === 'section-numbering').length, 1);
  const other = CIXI.replace('1、 总体情况', '<!-- nianbao-disable-next-line balance -->\n1、 总体情况');
  assert.equal(rulesOf(other).filter((r) => r === 'section-numbering').length, 2);
  const file = '<!-- nianbao-disable section-numbering row-label -->\n' + CIXI;
  assert.deepEqual(rulesOf(file).filter((r) => r === 'section-numbering' || r === 'row-label'), []);
});

test('a text that is not a report gets one information note and nothing else', () => {
  const r = check('会议纪要\n\n今天讨论了三件事。\n一是安排工作。\n');
  assert.equal(r.report.notAReport, true);
  assert.deepEqual(r.diagnostics.map((d) => [d.rule, d.severity]), [['section-missing', 'information']]);
});

test('results are sorted by position and every range lies inside the text', () => {
  const r = check(XIAOCAOE);
  for (let i = 1; i < r.diagnostics.length; i++) assert.ok(r.diagnostics[i - 1].start <= r.diagnostics[i].start);
  for (const d of r.diagnostics) assert.ok(0 <= d.start && d.start <= d.end && d.end <= XIAOCAOE.length);
});
