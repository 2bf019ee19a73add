// Sections (FORMAT.md §2): the six standard ones, accepted variants, local extra sections, gaps,
// Word auto-numbering, sub-part numbering, numbered lists that are not sections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base, keys, sectionFindings } from '../support/sections';
import {
  applyFixes,
  assertNoSerious,
  check,
  describe,
  fixture,
  lineAt,
  lineOf,
  ofRule,
  replaceOnce,
  serious,
} from '../support/assertions';


test('the standard six sections are found in order with no section finding', () => {
  assert.deepEqual(keys(base), ['s1', 's2', 's3', 's4', 's5', 's6']);
  const { r, found } = sectionFindings(base);
  assert.equal(found.length, 0, describe(r, found));
});

test('accepted title variants are recognized and not flagged', () => {
  let text = base;
  text = replaceOnce(text, '二、主动公开政府信息情况', '二、行政机关主动公开政府信息情况');
  text = replaceOnce(text, '四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况');
  text = replaceOnce(text, '五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进措施');
  text = replaceOnce(text, '六、其他需要报告的事项', '六、其它需要报告的事项');
  assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
  const { r, found } = sectionFindings(text);
  assert.equal(found.length, 0, describe(r, found));
  assertNoSerious(r, 'variants');
});

test('the 7-section local variant (三、公开平台建设和信息发布情况 inserted, rest shifted) is accepted', () => {
  let text = base;
  text = replaceOnce(text, '六、其他需要报告的事项', '七、其他需要报告的事项');
  text = replaceOnce(text, '五、存在的主要问题及改进情况', '六、存在的主要问题及改进情况');
  text = replaceOnce(text, '四、政府信息公开行政复议、行政诉讼情况', '五、政府信息公开行政复议、行政诉讼情况');
  text = replaceOnce(text, '三、收到和处理政府信息公开申请情况', '三、公开平台建设和信息发布情况\n\n本年度通过政府网站发布信息120条，政务新媒体发布信息85条。\n\n四、收到和处理政府信息公开申请情况');
  assert.deepEqual(keys(text), ['s1', 's2', null, 's3', 's4', 's5', 's6']);
  const { r, found } = sectionFindings(text);
  assert.equal(found.length, 0, describe(r, found));
  assertNoSerious(r, '7 sections');
});

test('a skipped section (三 then 五) is section-missing at the next heading, not a numbering error', () => {
  const start = base.indexOf('四、政府信息公开行政复议');
  const end = base.indexOf('五、存在的主要问题');
  const text = base.slice(0, start) + base.slice(end);
  const r = check(text);
  const missing = ofRule(r, 'section-missing');
  assert.equal(missing.length, 1, describe(r));
  assert.equal(missing[0].severity, 'error');
  assert.equal(lineAt(r, missing[0].start), lineOf(text, '五、存在的主要问题'));
  assert.match(missing[0].message, /第四部分/);
  assert.match(missing[0].message, /政府信息公开行政复议、行政诉讼情况/);
  assert.equal(ofRule(r, 'section-numbering').length, 0, describe(r));
});

test('cixi: Arabic numerals among Chinese ones are flagged with fixes 一、 and 四、', () => {
  const text = fixture('2023-cixi-city-office.txt');
  const r = check(text);
  const found = ofRule(r, 'section-numbering');
  assert.deepEqual(found.map((d) => lineAt(r, d.start)), [4, 347], describe(r));
  assert.deepEqual(found.map((d) => d.fix?.edits.map((e) => e.newText)), [['一、'], ['四、']]);
  assert.deepEqual(found.map((d) => text.slice(d.fix!.edits[0].start, d.fix!.edits[0].end).trim()), ['1、', '4、']);
  const fixed = applyFixes(text, found);
  assert.equal(ofRule(check(fixed), 'section-numbering').length, 0);
  assert.match(fixed, /^一、\s?总体情况$/m);
  assert.match(fixed, /^四、\s?政府信息公开行政复议、行政诉讼情况$/m);
});

test('an Arabic numeral heading in a generated report gets the Chinese numeral fix', () => {
  const text = replaceOnce(base, '三、收到和处理政府信息公开申请情况', '3、收到和处理政府信息公开申请情况');
  const r = check(text);
  const found = ofRule(r, 'section-numbering');
  assert.equal(found.length, 1, describe(r));
  assert.equal(found[0].fix?.edits[0].newText, '三、');
  assert.equal(applyFixes(text, found), base);
});

test('a duplicated sub-part （二） is flagged and renumbered to （三）', () => {
  const text = replaceOnce(base, '（三）政府信息管理', '（二）政府信息管理');
  const r = check(text);
  const found = ofRule(r, 'section-numbering');
  assert.equal(found.length, 1, describe(r));
  assert.equal(lineAt(r, found[0].start), lineOf(text, '（二）政府信息管理'));
  assert.match(found[0].message, /重复/);
  assert.equal(applyFixes(text, found), base);
});

test('a skipped sub-part number （一）（三） is flagged', () => {
  let text = replaceOnce(base, '（二）依申请公开', '（三）依申请公开');
  text = replaceOnce(text, '（三）政府信息管理', '（四）政府信息管理');
  text = replaceOnce(text, '（四）政府信息公开平台', '（五）政府信息公开平台');
  text = replaceOnce(text, '（五）监督保障', '（六）监督保障');
  const r = check(text);
  const found = ofRule(r, 'section-numbering');
  assert.equal(found.length, 1, describe(r));
  assert.equal(lineAt(r, found[0].start), lineOf(text, '（三）依申请公开'));
});

test('a list numbered 一、二、 inside 五 does not become sections', () => {
  const text = replaceOnce(base, '信息公开的及时性有待提高。', '信息公开的及时性有待提高。\n\n一、加强业务培训，提高工作人员能力。\n\n二、完善信息发布机制。\n\n三、强化监督考核。\n');
  assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
  const { r, found } = sectionFindings(text);
  assert.equal(found.length, 0, describe(r, found));
  assertNoSerious(r, 'list in 五');
});

test('cixi: 三、 removed from its heading is a warning at that heading', () => {
  const text = replaceOnce(fixture('2023-cixi-city-office.txt'), '三、收到和处理', '收到和处理');
  const r = check(text);
  const line = lineOf(text, '收到和处理政府信息公开申请情况');
  const found = ofRule(r, 'section-numbering').filter((d) => lineAt(r, d.start) === line);
  assert.equal(found.length, 1, describe(r));
  assert.equal(found[0].severity, 'warning');
  assert.equal(found[0].fix?.edits[0].newText, '三、');
});

test('a cut excerpt with one numbered heading and one without: the unnumbered one stays a note', () => {
  // Too few headings to say the report numbers them: a web copy may drop numerals.
  const text = ['2023年某镇政府信息公开工作年度报告', '一、总体情况', '2023年，我镇坚持公开透明。', '主动公开政府信息情况', '全年公开信息12条。'].join('\n');
  const r = check(text);
  const found = ofRule(r, 'section-numbering');
  assert.ok(found.every((d) => d.severity === 'information'), describe(r));
});

test('unnumbered headings with the exact standard titles are recognized as sections', () => {
  let text = base;
  for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
    text = replaceOnce(text, h, h.slice(2));
  }
  assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
  const r = check(text);
  assert.equal(ofRule(r, 'section-missing').length, 0, describe(r));
  assertNoSerious(r, 'unnumbered');
});

test('one unnumbered heading among numbered ones has lost its numeral: a warning with a fix adding it', () => {
  const text = replaceOnce(base, '五、存在的主要问题及改进情况', '存在的主要问题及改进情况');
  const r = check(text);
  assert.deepEqual(r.report.sections.map((s) => s.key), ['s1', 's2', 's3', 's4', 's5', 's6']);
  const found = ofRule(r, 'section-numbering');
  assert.equal(found.length, 1, describe(r));
  assert.equal(found[0].severity, 'warning');
  assert.deepEqual(serious(r).map((d) => d.rule), ['section-numbering'], describe(r));
  assert.equal(found[0].fix?.edits[0].newText, '五、');
  assert.equal(applyFixes(text, found), base);
});
