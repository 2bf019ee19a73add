// Section headings as real published reports write them (issue 13, class 5): a title with the year
// or the subject before it, page debris before the numeral, a numeral lost before 、, sub-parts that
// start at （二）, a section after 六. Each shape with a report that must be flagged (or read), one
// that must stay clean, and the corpus report it comes from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { applyFixes, check, describe, lineAt, lineOf, ofRule, replaceOnce } from '../support/assertions';
import { base, keys, sectionFindings } from '../support/sections';
import { toTraditional } from '../support/reports';

const corpus = (name: string) => readFileSync(path.resolve(__dirname, '../data/corpus', name), 'utf8');

test('the base report is clean (every case below changes one heading)', () => {
  assert.deepEqual(keys(base), ['s1', 's2', 's3', 's4', 's5', 's6']);
  assert.equal(sectionFindings(base).found.length, 0);
});

for (const title of ['2019年政府信息公开工作的总体情况', '2023年度政府信息公开工作总体情况', '工作基本情况', '政务公开工作基本情况']) {
  test(`"一、${title}" is section 一 with a section-heading hint, not a missing section`, () => {
    const text = replaceOnce(base, '一、总体情况', `一、${title}`);
    assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
    const { r, found } = sectionFindings(text);
    assert.equal(found.length, 1, describe(r, found));
    assert.equal(found[0].rule, 'section-heading');
    assert.equal(text.slice(found[0].start, found[0].end), title);
    assert.equal(found[0].fix?.edits[0].newText, '总体情况');
  });
}

test('a year or subject before another section\'s title (inside 一) is not taken for that section', () => {
  // "二、2023年主动公开情况" as a sub-list of 总体情况, before the real 二: still six sections, in place.
  const text = replaceOnce(base, '（一）主动公开。', '二、2023年主动公开工作情况\n');
  assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
  assert.equal(check(text).report.sections[1].heading.title, '主动公开政府信息情况');
});

for (const debris of ['????', '？？', '\uFFFD\uFFFD', '?!?/p>', '<p>', '&nbsp;']) {
  test(`a heading behind page debris "${debris}" is its section, with no finding`, () => {
    const text = replaceOnce(base, '一、总体情况', `${debris}一、总体情况`);
    assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
    const { r, found } = sectionFindings(text);
    assert.equal(found.length, 0, describe(r, found));
    const h = r.report.sections[0].heading;
    assert.equal(text.slice(h.span.start, h.span.end), '一、总体情况');
  });
}

test('items "1.主动公开政府信息情况", "2.依申请公开政府信息情况" under a sub-part of 一 are not sections (a 2025 街道 report)', () => {
  const items =
    '（一）政府信息公开基本情况\n1.主动公开政府信息情况\n全年主动公开政府信息4条。\n2.依申请公开政府信息情况\n全年共收到政府信息公开申请2件。\n3.政府信息管理情况\n严格执行审查制度。\n';
  const text = replaceOnce(base, '（一）主动公开。', `${items}（一）主动公开。`);
  assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
  const { r, found } = sectionFindings(text);
  assert.equal(found.length, 0, describe(r, found));
  // An excerpt that ends after them: nothing says they are sections either.
  const excerpt = text.slice(0, text.indexOf('严格执行审查制度。'));
  assert.deepEqual(keys(excerpt), ['s1']);
  // The section itself numbered 2. (its own number, Arabic) is still that section, and a finding.
  const arabic = replaceOnce(base, '二、主动公开政府信息情况', '2.主动公开政府信息情况');
  assert.deepEqual(keys(arabic), ['s1', 's2', 's3', 's4', 's5', 's6']);
  assert.deepEqual(sectionFindings(arabic).found.map((d) => d.rule), ['section-numbering']);
});

test('a heading run into its first paragraph without punctuation ("一、总体情况2023年，…") is still section 一', () => {
  const runIn = replaceOnce(base, '一、总体情况\n', '一、总体情况2023年，我镇持续深化政务公开，全面推进各项工作。\n');
  assert.deepEqual(keys(runIn), ['s1', 's2', 's3', 's4', 's5', 's6']);
  assert.equal(sectionFindings(runIn).found.length, 0, describe(check(runIn)));
});

test('r07 (traditional mirror site): "????一、總體情況" is section 一, no 缺少第一部分', () => {
  const text = corpus('r07_tuoshi_2020_trad.txt');
  const r = check(text);
  assert.equal(r.report.sections[0]?.key, 's1');
  assert.equal(lineAt(r, r.report.sections[0].heading.span.start), 4);
  assert.ok(!ofRule(r, 'section-missing').some((d) => /第一部分/.test(d.message)), describe(r));
  // The same in a whole report converted to traditional script.
  const trad = replaceOnce(toTraditional(base), toTraditional('一、总体情况'), '????' + toTraditional('一、总体情况'));
  assert.deepEqual(keys(trad), ['s1', 's2', 's3', 's4', 's5', 's6']);
});

test('r09: "一、2019年政府信息公开工作的总体情况" is section 一, with the hint on line 11', () => {
  const r = check(corpus('r09_shangwan_2019.txt'));
  assert.deepEqual(r.report.sections.map((s) => s.key), ['s1', 's2', 's3']);
  const hints = ofRule(r, 'section-heading');
  assert.deepEqual(hints.map((d) => lineAt(r, d.start)), [11]);
  assert.ok(!ofRule(r, 'section-missing').some((d) => /第一部分/.test(d.message)), describe(r));
});

test('"、主动公开政府信息情况" lost its numeral: section-numbering warning on that line, fixed to 二、', () => {
  const text = replaceOnce(base, '二、主动公开政府信息情况', '、主动公开政府信息情况');
  assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
  const { r, found } = sectionFindings(text);
  assert.equal(found.length, 1, describe(r, found));
  assert.equal(found[0].rule, 'section-numbering');
  assert.equal(found[0].severity, 'warning');
  assert.equal(lineAt(r, found[0].start), lineOf(text, '、主动公开政府信息情况'));
  assert.match(found[0].message, /缺少编号/);
  const fixed = applyFixes(text, found);
  assert.match(fixed, /^二、主动公开政府信息情况$/m);
  assert.equal(sectionFindings(fixed).found.length, 0);
});

test('a lost numeral whose neighbours disagree gets the finding but no fix', () => {
  let text = replaceOnce(base, '三、收到和处理政府信息公开申请情况', '、收到和处理政府信息公开申请情况');
  text = replaceOnce(text, '四、政府信息公开行政复议', '五、政府信息公开行政复议');
  const found = ofRule(check(text), 'section-numbering').filter((d) => /收到和处理/.test(d.message));
  assert.equal(found.length, 1, describe(check(text)));
  assert.equal(found[0].fix, null);
});

test('a line opening with 、 that names no section is not a heading', () => {
  const text = replaceOnce(base, '（三）政府信息管理。', '、做好信息发布审核\n（三）政府信息管理。');
  assert.deepEqual(keys(text), ['s1', 's2', 's3', 's4', 's5', 's6']);
  assert.equal(sectionFindings(text).found.length, 0);
});

test('sub-parts of 总体情况 that start at （二）: section-numbering on the （二）', () => {
  const text = replaceOnce(base, '（一）主动公开。', '主动公开。');
  const { r, found } = sectionFindings(text);
  assert.equal(found.length, 1, describe(r, found));
  assert.equal(found[0].rule, 'section-numbering');
  assert.equal(text.slice(found[0].start, found[0].end), '（二）');
  assert.match(found[0].message, /缺少“（一）”/);
});

test('sub-parts starting at （二） are fine when （一） is written before them in the section', () => {
  // （一） run into a paragraph, and in a line the scan reads as prose: nothing was skipped.
  const inline = replaceOnce(base, '（一）主动公开。', '2023年，本镇继续推进政务公开。（一）主动公开。');
  assert.equal(sectionFindings(inline).found.length, 0, describe(check(inline)));
  const headingLine = replaceOnce(base, '一、总体情况\n\n（一）主动公开。', '一、总体情况 （一）主动公开。');
  assert.equal(sectionFindings(headingLine).found.length, 0, describe(check(headingLine)));
});

test('a section after 六、其他需要报告的事项 ("七、…") is a section-numbering warning on it', () => {
  const text = base.trimEnd() + '\n\n七、信息处理费收取情况\n\n本年度未收取信息处理费。\n';
  const { r, found } = sectionFindings(text);
  assert.equal(found.length, 1, describe(r, found));
  assert.equal(found[0].rule, 'section-numbering');
  assert.equal(found[0].severity, 'warning');
  assert.equal(lineAt(r, found[0].start), lineOf(text, '七、信息处理费收取情况'));
  assert.match(found[0].message, /六、其他需要报告的事项/);
});

test('a numbered list inside 六, and the 7-section local variant, are not sections after 六', () => {
  const list = base.trimEnd() + '\n\n一、信息处理费：本年度未收取。\n二、人大代表建议办理：无。\n';
  assert.equal(sectionFindings(list).found.length, 0, describe(check(list)));
  let seven = base;
  seven = replaceOnce(seven, '六、其他需要报告的事项', '七、其他需要报告的事项');
  seven = replaceOnce(seven, '五、存在的主要问题及改进情况', '六、存在的主要问题及改进情况');
  seven = replaceOnce(seven, '四、政府信息公开行政复议、行政诉讼情况', '五、政府信息公开行政复议、行政诉讼情况');
  seven = replaceOnce(seven, '三、收到和处理政府信息公开申请情况', '三、公开平台建设和信息发布情况\n\n本年度通过政府网站发布信息120条。\n\n四、收到和处理政府信息公开申请情况');
  assert.deepEqual(keys(seven), ['s1', 's2', null, 's3', 's4', 's5', 's6']);
  assert.equal(sectionFindings(seven).found.length, 0, describe(check(seven)));
  // …but an eighth after its 七、其他需要报告的事项 is flagged.
  const eight = seven.trimEnd() + '\n\n八、附则\n\n本报告由镇党政办负责解释。\n';
  assert.equal(ofRule(check(eight), 'section-numbering').length, 1, describe(check(eight)));
});

test('the 36 corpus reports: no section-numbering finding, and section-heading only on the two odd headings', () => {
  const dir = path.resolve(__dirname, '../data/corpus');
  const hinted: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const r = check(corpus(name));
    assert.deepEqual(ofRule(r, 'section-numbering'), [], name);
    for (const d of ofRule(r, 'section-heading')) hinted.push(`${name.slice(0, 3)}:${lineAt(r, d.start)}`);
  }
  assert.deepEqual(hinted, ['c02:62', 'r09:11', 'r27:8']);
});
