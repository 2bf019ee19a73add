// The three real reports of test/data/fixtures (copied from the shared fixtures): exactly the findings their README lists at
// error/warning level (rule and line, lines checked by hand in the files), the "worth a hint" items
// as hints, and the offered fixes repair what they claim to without breaking anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyFixes,
  check,
  describe,
  findingSet,
  fixture,
  lineAt,
  type FixtureName,
} from '../support/assertions';
import type { Diagnostic, RuleId } from '../../server/src/core';

interface Expectation {
  /** rule@line at error/warning severity, exactly. */
  serious: string[];
  /** rule@line that must be present at hint severity (others are allowed). */
  hints: string[];
  /** Substrings that the message at rule@line must contain. */
  messages?: Record<string, RegExp[]>;
}

const EXPECTED: Record<FixtureName, Expectation> = {
  '2023-xiaocaoe-town.txt': {
    serious: [
      // 三 (line 60) is followed by 五 (line 91): section 四 and its 表四 are missing.
      'section-missing@91',
      'table-missing@91',
      // 表三 ends at line 89 (（六）2.…): 3.其他, （七）总计, 四、结转下年度继续办理 are not there.
      'row-missing@89',
      // 一、本年新收 商业企业 2 (line 67), nothing accounted for: the 勾稽关系 fails.
      'balance@67',
      // 六 says only "无。" (line 101): the 2021 edition asks it to state the 信息处理费.
      'fee-unreported@101',
    ],
    hints: [
      'row-label@46', // 本年度止件数
      'row-label@68', // 二、上年转结…
    ],
    messages: {
      'section-missing@91': [/第四部分/, /政府信息公开行政复议、行政诉讼情况/],
      'table-missing@91': [/表四/],
      'row-missing@89': [/3\.其他/, /（七）总计/, /四、结转下年度继续办理/],
      'balance@67': [/商业企业/],
      'row-label@46': [/本年度止件数/, /本年废止件数/],
      'row-label@68': [/上年转结/, /上年结转/],
    },
  },
  '2023-sushui-town.txt': {
    serious: [
      'year-mismatch@11', // 2024年，涑水镇加强巩固…
      'year-mismatch@15', // 2024年，我镇共受理、办理依申请公开申请0件
      'year-mismatch@37', // 2024年我镇信息公开工作未发现违反…
      'year-mismatch@108', // 2023年涑水镇将尝试推进… (a plan: 2024)
      'cell-missing@64', // （一）予以公开 has 6 numbers
      'fee-unreported@106', // 六 speaks only of plans, not of the 信息处理费 (2021 edition)
    ],
    hints: [],
    messages: {
      'cell-missing@64': [/予以公开/, /6/, /7/],
    },
  },
  '2023-cixi-city-office.txt': {
    serious: ['section-numbering@4', 'section-numbering@347'],
    hints: ['row-label@80'],
    messages: {
      'section-numbering@4': [/1、/, /一、/],
      'section-numbering@347': [/4、/, /四、/],
      'row-label@80': [/本年新收到/, /本年新收政府信息公开申请数量/],
    },
  },
};

const FIXED_RULES: RuleId[] = ['balance', 'column-total', 'row-total', 'appeal-total', 'year-mismatch', 'year-malformed', 'section-numbering'];

const at = (r: ReturnType<typeof check>, d: Diagnostic) => `${d.rule}@${lineAt(r, d.start)}`;

for (const [name, expected] of Object.entries(EXPECTED) as [FixtureName, Expectation][]) {
  const text = fixture(name);

  test(`${name}: exactly the expected errors and warnings`, () => {
    const r = check(text);
    assert.deepEqual(findingSet(r), [...expected.serious].sort(), describe(r));
  });

  test(`${name}: the items worth a hint are notes (information)`, () => {
    const r = check(text);
    const hints = findingSet(r, ['information']);
    for (const h of expected.hints) assert.ok(hints.includes(h), `${h} missing among notes\n${describe(r)}`);
  });

  test(`${name}: messages name what is wrong`, () => {
    const r = check(text);
    for (const [key, patterns] of Object.entries(expected.messages ?? {})) {
      const d = r.diagnostics.filter((x) => at(r, x) === key);
      assert.ok(d.length, `${key} not found\n${describe(r)}`);
      for (const p of patterns) assert.ok(d.some((x) => p.test(x.message)), `${key}: no message matches ${p}\n${describe(r, d)}`);
    }
  });

  test(`${name}: applying every fix removes the fixed findings and adds no error`, () => {
    const r = check(text);
    const fixed = applyFixes(text, r.diagnostics);
    const after = check(fixed);
    // Fixes replace text within a line, so lines stay where they were.
    assert.equal(after.lines.lineCount, r.lines.lineCount);
    const remaining = new Set(after.diagnostics.map((d) => at(after, d)));
    for (const d of r.diagnostics) {
      if (!d.fix || !FIXED_RULES.includes(d.rule)) continue;
      assert.ok(!remaining.has(at(r, d)), `${at(r, d)} still there after its fix\n${describe(after)}`);
    }
    const before = new Set(r.diagnostics.filter((d) => d.severity === 'error').map((d) => at(r, d)));
    const added = after.diagnostics.filter((d) => d.severity === 'error' && !before.has(at(after, d)));
    assert.equal(added.length, 0, `new errors after the fixes:\n${describe(after, added)}`);
  });

  test(`${name}: applying every fix twice changes nothing the second time`, () => {
    const once = applyFixes(text, check(text).diagnostics);
    const twice = applyFixes(once, check(once).diagnostics);
    assert.equal(twice, once);
  });
}

test('sushui: the year fixes write the report year, the plan fix the next year', () => {
  const text = fixture('2023-sushui-town.txt');
  const r = check(text);
  const years = r.diagnostics.filter((d) => d.rule === 'year-mismatch');
  assert.deepEqual(years.map((d) => [lineAt(r, d.start), text.slice(d.fix!.edits[0].start, d.fix!.edits[0].end), d.fix!.edits[0].newText]), [
    [11, '2024', '2023'],
    [15, '2024', '2023'],
    [37, '2024', '2023'],
    [108, '2023', '2024'],
  ]);
});
