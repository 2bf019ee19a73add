// year-mismatch and year-malformed (FORMAT.md §5) on the real fixtures, on variants derived from
// them (traditional characters, a wrong period, a plan, a previous-year sentence, a mistyped year)
// and on small reports of our own. Every fix is applied and the text checked again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes, check, type CheckOptions, type Diagnostic } from '../../server/src/core';
import { CIXI, SUSHUI, XIAOCAOE } from '../support/mini-report';
import { toTraditional } from '../support/reports';
import fc from 'fast-check';
import { leadLength } from '../../server/src/core/rules/years';


interface Found {
  diagnostic: Diagnostic;
  rule: string;
  /** 1-based line. */
  line: number;
  /** The source text the finding covers. */
  text: string;
  /** The replacement its fix offers, or null. */
  fixText: string | null;
  message: string;
}

function findings(text: string, rules: string[], options: CheckOptions = {}): Found[] {
  const { diagnostics, lines } = check(text, options);
  return diagnostics
    .filter((d) => rules.includes(d.rule))
    .map((d) => ({
      diagnostic: d,
      rule: d.rule,
      line: lines.positionAt(d.start).line + 1,
      text: text.slice(d.start, d.end),
      fixText: d.fix ? d.fix.edits.map((e) => e.newText).join('|') : null,
      message: d.message,
    }));
}

const mismatch = (text: string, options?: CheckOptions) => findings(text, ['year-mismatch'], options);
const malformed = (text: string) => findings(text, ['year-malformed']);
const yearRules = (text: string) => findings(text, ['year-mismatch', 'year-malformed']);

/** Replaces exactly one occurrence (fails loudly when the fixture no longer has it). */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `fixture text not found: ${from}`);
  assert.equal(text.indexOf(from, at + 1), -1, `fixture text not unique: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const key = (d: Diagnostic) => `${d.rule}\u0000${d.message}`;
const atLeastWarning = (d: Diagnostic) => d.severity === 'error' || d.severity === 'warning';

/** Applying the fix removes the finding and brings no error or warning that was not there before. */
function assertFixIsClean(text: string, f: Found) {
  assert.ok(f.diagnostic.fix, `no fix on ${f.text}`);
  const before = check(text).diagnostics;
  const fixed = applyFixes(text, [f.diagnostic]);
  assert.notEqual(fixed, text);
  const after = check(fixed).diagnostics;
  const sameRule = (ds: Diagnostic[]) => ds.filter((d) => d.rule === f.rule).length;
  assert.equal(sameRule(after), sameRule(before) - 1, `fix of "${f.text}" did not remove its finding`);
  const known = new Set(before.filter(atLeastWarning).map(key));
  const fresh = after.filter(atLeastWarning).filter((d) => !known.has(key(d)));
  assert.deepEqual(fresh.map((d) => `${d.rule}: ${d.message}`), [], `fix of "${f.text}" brought new findings`);
}

// --- The fixtures --------------------------------------------------------------------------

test('sushui: exactly the four year findings of the fixture README', () => {
  const found = yearRules(SUSHUI);
  assert.deepEqual(
    found.map((f) => [f.rule, f.line, f.text, f.fixText]),
    [
      ['year-mismatch', 11, '2024年', '2023'], // 2024年，涑水镇加强巩固…
      ['year-mismatch', 15, '2024年', '2023'], // 2024年，我镇共受理、办理依申请公开申请0件
      ['year-mismatch', 37, '2024年', '2023'], // 2024年我镇信息公开工作未发现违反…
      ['year-mismatch', 108, '2023年', '2024'], // 2023年涑水镇将尝试推进… (a plan, in 六)
    ],
  );
  const lines = SUSHUI.split('\n');
  assert.ok(lines[10].startsWith('2024年，涑水镇加强巩固'));
  assert.ok(lines[14].includes('2024年，我镇共受理、办理依申请公开申请0件'));
  assert.ok(lines[36].includes('2024年我镇信息公开工作未发现违反'));
  assert.ok(lines[107].startsWith('2023年涑水镇将尝试推进'));
  // The messages say what is wrong and quote the report's sentence.
  assert.match(found[0].message, /2023 年的工作/);
  assert.match(found[0].message, /涑水镇加强巩固/);
  assert.match(found[3].message, /2024 年的安排/);
  assert.match(found[3].message, /涑水镇将尝试推进/);
  // "针对2023年工作落实情况进行核查" is the report year in use: not a finding.
  assert.ok(!found.some((f) => f.line === 37 && f.text === '2023年'));
});

test('sushui: each fix removes its finding and adds no new error; all together clear the rule', () => {
  const found = mismatch(SUSHUI);
  assert.equal(found.length, 4);
  for (const f of found) assertFixIsClean(SUSHUI, f);
  const fixed = applyFixes(SUSHUI, found.map((f) => f.diagnostic));
  assert.deepEqual(mismatch(fixed), []);
  assert.ok(fixed.includes('2023年，涑水镇加强巩固') && fixed.includes('2024年涑水镇将尝试推进'));
});

test('cixi and xiaocaoe: no year finding at all', () => {
  assert.deepEqual(yearRules(CIXI).map((f) => f.text), []);
  assert.deepEqual(yearRules(XIAOCAOE).map((f) => f.text), []);
});

test('xiaocaoe must-not list: the publication date and the plan for next year in 五', () => {
  assert.ok(XIAOCAOE.includes('时间：2024年1月'));
  assert.ok(XIAOCAOE.includes('2024年，小曹娥镇将继续'));
  // The same sentences in a report that has other year findings are still left alone.
  const broken = replaceOnce(XIAOCAOE, '2023年，全镇通过不同渠道', '2024年，全镇通过不同渠道');
  const found = mismatch(broken);
  assert.deepEqual(found.map((f) => [f.line, f.text, f.fixText]), [[15, '2024年', '2023']]);
});

test('cixi: the signature date and a document title in 《》 are never flagged, even with the next year', () => {
  assert.ok(CIXI.includes('2024年1月11日'));
  assert.ok(CIXI.includes('《慈溪市人民政府2023年度重大行政决策事项目录》'));
  const nextYearTitle = replaceOnce(CIXI, '《慈溪市人民政府2023年度重大行政决策事项目录》', '《慈溪市人民政府2024年度重大行政决策事项目录》');
  assert.deepEqual(mismatch(nextYearTitle), []);
});

test('cixi: the next year describing the year\'s figures is flagged (fix: the report year)', () => {
  const broken = replaceOnce(CIXI, '2023年发布行政规范性文件14件', '2024年发布行政规范性文件14件');
  const found = mismatch(broken);
  assert.equal(found.length, 1);
  assert.equal(found[0].text, '2024年');
  assert.equal(found[0].fixText, '2023');
  assert.match(found[0].message, /2024年/);
  assertFixIsClean(broken, found[0]);
  assert.deepEqual(mismatch(applyFixes(broken, [found[0].diagnostic])), []);
});

// --- Traditional characters ------------------------------------------------------------------

test('traditional sushui gives the same findings, quoting the traditional text', () => {
  const trad = toTraditional(SUSHUI);
  assert.ok(trad.includes('2024年，涑水鎮加強鞏固'));
  const simplified = mismatch(SUSHUI).map((f) => [f.line, f.text, f.fixText]);
  const found = mismatch(trad);
  assert.deepEqual(found.map((f) => [f.line, f.text, f.fixText]), simplified);
  assert.match(found[0].message, /涑水鎮加強鞏固/);
  for (const f of found) assertFixIsClean(trad, f);
});

test('traditional sentences in a simplified report: flagged like their simplified form', () => {
  const mixed = replaceOnce(CIXI, '2023年共收到信息公开申请103件', '2024年共收到信息公開申請103件');
  assert.deepEqual(mismatch(mixed).map((f) => [f.text, f.fixText]), [['2024年', '2023']]);
  const plan = replaceOnce(XIAOCAOE, '2024年，小曹娥镇将继续', toTraditional('2024年，小曹娥镇将继续'));
  assert.deepEqual(mismatch(plan), []);
});

// --- Shapes that must pass ----------------------------------------------------------------------

test('legitimate next-year mentions in 一–四: dates, meta lines, plans, ranges, comparisons, budgets', () => {
  const sentences = [
    '2024年1月，我办印发了年度报告编制通知。',
    '发布日期：2024年02月18日',
    '2024年，我办将继续深化政务公开。',
    '2024年计划新建政务公开专区2个。',
    '2023年至2024年，累计清理文件60件。',
    '2023—2024年度，我办持续推进目录化管理。',
    '《慈溪市2024年政务公开工作要点》已印发。',
    '截至2024年，现行有效规范性文件265件。',
    '2024年度部门预算已按要求公开。',
    '根据余姚市2024年度政务公开考核细则开展自查。', // a year inside a phrase names a document
  ];
  for (const s of sentences) {
    const text = replaceOnce(CIXI, '（四）平台建设情况。', `（四）平台建设情况。${s}`);
    assert.deepEqual(mismatch(text).map((f) => f.text), [], s);
  }
});

test('plans in 五/六: "Y年…将…" flagged; 将 as a preposition and "Y年度" reviews are not', () => {
  // Fails: a plan dated in the report year, in 五.
  const plan = replaceOnce(CIXI, '我办将认真贯彻落实上级相关文件', '2023年，我办将认真贯彻落实上级相关文件');
  const found = mismatch(plan);
  assert.deepEqual(found.map((f) => [f.text, f.fixText]), [['2023年', '2024']]);
  assertFixIsClean(plan, found[0]);

  const passing = [
    '2023年，我镇将政务公开纳入年度目标考核。', // 将…纳入: what was done
    '2023年，我镇将信息公开工作作为重点任务。',
    '2023年度，我镇政务公开工作稳步推进，将继续巩固。', // a review of the year
    '2023年，我镇完成了专区建设，将在此基础上继续推进。', // looks back first
    '2023年12月，我镇将目录全部更新。',
    '2023年，我镇将上年报告指出的问题全部整改到位。', // 把-construction: what was done
  ];
  for (const s of passing) {
    const text = replaceOnce(SUSHUI, '2023年涑水镇将尝试推进', s + '另外，涑水镇将尝试推进');
    assert.deepEqual(mismatch(text).filter((f) => f.line === 108).map((f) => f.text), [], s);
  }
});

test('the previous year used as the current year in 一–四 (conservative)', () => {
  const broken = replaceOnce(CIXI, '2023年发布行政规范性文件14件', '2022年，我办发布行政规范性文件14件');
  const found = mismatch(broken);
  assert.deepEqual(found.map((f) => [f.text, f.fixText]), [['2022年', '2023']]);
  assert.match(found[0].message, /本报告为 2023 年度报告/);
  assertFixIsClean(broken, found[0]);

  // A statement of the year's figures opening with the previous year: flagged as well.
  const figures = replaceOnce(CIXI, '2023年共收到信息公开申请103件', '2022年共收到信息公开申请103件');
  assert.deepEqual(mismatch(figures).map((f) => [f.text, f.fixText]), [['2022年', '2023']]);

  const passing = [
    '2022年发布的行政规范性文件已全部清理。', // "2022年发布的…": names last year's documents
    '较2022年，发布数量有所增加。',
    '2022年，我办发布行政规范性文件10件，2023年增加到14件。',
    '2022年度决算已按要求公开。',
    '自2022年以来，我办持续推进目录化管理。',
    '2022年12月，我办印发了政务公开工作要点。',
    '2022年，我办受理的1件申请结转至本年度办理。',
    '与2022年相比，依申请公开数量有所下降。',
  ];
  for (const s of passing) {
    const text = replaceOnce(CIXI, '（四）平台建设情况。', `（四）平台建设情况。${s}`);
    assert.deepEqual(mismatch(text).map((f) => f.text), [], s);
  }
});

test('title year vs statistics period: flagged where the narrative disagrees; the fix writes the other year', () => {
  const period = (y: number) => `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`;
  const consistent = replaceOnce(CIXI, '1、 总体情况', `${period(2023)}\n1、 总体情况`);
  assert.deepEqual(mismatch(consistent), []);

  // A stale period (copied from last year's report): the narrative says 2023 like the title.
  const stalePeriod = replaceOnce(CIXI, '1、 总体情况', `${period(2022)}\n1、 总体情况`);
  const found = mismatch(stalePeriod);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /标题年份（2023年）与统计期限（2022年）不一致/);
  assert.equal(found[0].line, 4); // the period line
  assert.equal(found[0].fixText, '2023|2023'); // both years of the period
  assert.equal(found[0].diagnostic.fix?.preferred, true); // the narrative backs the title
  assert.equal(found[0].diagnostic.related.length, 1); // points at the title year
  assertFixIsClean(stalePeriod, found[0]);
  assert.ok(applyFixes(stalePeriod, [found[0].diagnostic]).includes(period(2023)));
  const en = check(stalePeriod, { locale: 'en' }).diagnostics.find((d) => d.rule === 'year-mismatch');
  assert.match(en!.message, /title year \(2023\) differs from the statistics period \(2022\)/);

  // The narrative names both years: the finding stays, with no fix (which one is right is unknown).
  const tie = replaceOnce(stalePeriod, '2023年共收到信息公开申请103件', '2022年共收到信息公开申请103件');
  assert.deepEqual(mismatch(tie).map((f) => [f.line, f.fixText]), [[4, null]]);

  // A wrong title: the period and the narrative say 2023. Flagged at the title, fixed to 2023; the
  // year sentences are not flagged on top of it while the report contradicts itself.
  const wrongTitle = replaceOnce(consistent, '2023年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告');
  const atTitle = mismatch(wrongTitle);
  assert.deepEqual(atTitle.map((f) => [f.line, f.text, f.fixText]), [[2, '2024', '2023']]);
  assertFixIsClean(wrongTitle, atTitle[0]);
  assert.deepEqual(mismatch(applyFixes(wrongTitle, [atTitle[0].diagnostic])), []);

  // No year in the narrative: the finding stays on the period, its fix offered but not preferred.
  const small = smallReport({ s1: '甲镇认真贯彻落实《条例》，共公开政府信息120条。', s5: '下一步，甲镇将继续完善政务公开制度。' });
  const bare = replaceOnce(small, '一、总体情况', `${period(2021)}\n一、总体情况`);
  const onPeriod = mismatch(bare);
  assert.deepEqual(onPeriod.map((f) => [f.line, f.fixText]), [[3, '2022|2022']]);
  assert.equal(onPeriod[0].diagnostic.fix?.preferred, false);
  assertFixIsClean(bare, onPeriod[0]);
});

test('a report year given as an option is the year the sentences are checked against', () => {
  // Read as a 2024 report, sushui's 2024 sentences are the report year and "2023年…将" in 六 is
  // neither a plan in the report year nor a previous-year sentence in 一–四.
  assert.deepEqual(mismatch(SUSHUI, { reportYear: 2024 }).map((f) => f.text), []);
  assert.equal(mismatch(SUSHUI, { reportYear: 2023 }).length, 4);
});

// --- A small report of our own --------------------------------------------------------------

function smallReport(opts: { title?: string; s1: string; s5?: string; s6?: string }): string {
  return [
    '甲镇人民政府',
    opts.title ?? '2022年政府信息公开工作年度报告',
    '一、总体情况',
    opts.s1,
    '二、主动公开政府信息情况',
    '本年度主动公开政府信息120条。',
    '三、收到和处理政府信息公开申请情况',
    '本年度未收到政府信息公开申请。',
    '四、政府信息公开行政复议、行政诉讼情况',
    '本年度未发生政府信息公开行政复议、行政诉讼。',
    '五、存在的主要问题及改进情况',
    opts.s5 ?? '2023年，甲镇将继续完善政务公开制度。',
    '六、其他需要报告的事项',
    opts.s6 ?? '本年度未收取信息处理费。',
    '甲镇人民政府',
    '2023年1月20日',
    '',
  ].join('\n');
}

test('a small 2022 report: clean, then with each kind of year error', () => {
  const clean = smallReport({ s1: '2022年，甲镇认真贯彻落实《条例》，共公开政府信息120条。' });
  assert.deepEqual(yearRules(clean), []);

  const next = smallReport({ s1: '2023年，甲镇认真贯彻落实《条例》，共公开政府信息120条。' });
  assert.deepEqual(mismatch(next).map((f) => [f.line, f.text, f.fixText]), [[4, '2023年', '2022']]);

  const plan = smallReport({ s1: '2022年，甲镇认真贯彻落实《条例》。', s6: '2022年甲镇将推进政务公开向村级延伸。' });
  assert.deepEqual(mismatch(plan).map((f) => [f.line, f.text, f.fixText]), [[14, '2022年', '2023']]);

  const previous = smallReport({ s1: '2021年，甲镇认真贯彻落实《条例》，共公开政府信息120条。' });
  assert.deepEqual(mismatch(previous).map((f) => [f.line, f.text, f.fixText]), [[4, '2021年', '2022']]);

  for (const text of [next, plan, previous]) for (const f of mismatch(text)) assertFixIsClean(text, f);

  // Traditional characters.
  const trad = toTraditional(next);
  assert.deepEqual(mismatch(trad).map((f) => [f.line, f.text, f.fixText]), [[4, '2023年', '2022']]);
});

// --- year-malformed -------------------------------------------------------------------------

test('year-malformed: runs of digits before 年, letter O; fix only when certain', () => {
  const at = '2023年共收到信息公开申请103件';
  const cases: [string, string, string | null][] = [
    ['202020年共收到信息公开申请103件', '202020年', null], // not the report year: no fix
    ['20232023年共收到信息公开申请103件', '20232023年', '2023'], // the report year typed twice
    ['20233年共收到信息公开申请103件', '20233年', '2023'], // a doubled digit
    ['2O23年共收到信息公开申请103件', '2O23年', '2023'], // letter O
    ['20232024年共收到信息公开申请103件', '20232024年', null], // two years run together: which one?
  ];
  for (const [replacement, text, fix] of cases) {
    const broken = replaceOnce(CIXI, at, replacement);
    const found = malformed(broken);
    assert.deepEqual(found.map((f) => [f.text, f.fixText]), [[text, fix]], replacement);
    assert.equal(found[0].diagnostic.severity, 'error');
    assert.match(found[0].message, new RegExp(text));
    if (fix) {
      assertFixIsClean(broken, found[0]);
      assert.deepEqual(yearRules(applyFixes(broken, [found[0].diagnostic])), []);
    }
    // year-mismatch does not also read the malformed run as a year.
    assert.deepEqual(mismatch(broken), []);
  }
});

test('year-malformed: full-width years, amounts and plain years are not malformed', () => {
  const passing = [
    '２０２３年共收到信息公开申请103件', // full-width: only normalized
    '2023 年共收到信息公开申请103件',
    '2023年共收到信息公开申请12345件，涉及金额10000元',
    '二〇二三年共收到信息公开申请103件',
  ];
  for (const s of passing) {
    const text = replaceOnce(CIXI, '2023年共收到信息公开申请103件', s);
    assert.deepEqual(yearRules(text).map((f) => f.text), [], s);
  }
});

test('year rules never throw and stay fast on odd input', () => {
  const inputs = [
    '', '年', '2023年', '202020年'.repeat(1000), '2024年，'.repeat(5000), '《2024年'.repeat(2000), '一、总体情况\n2024年',
    'O'.repeat(50000) + '年', '2023' + ' '.repeat(5000) + 'x', '1'.repeat(50000) + '年', '一、'.repeat(20000) + '2024年',
    '五、存在的主要问题及改进情况\n2022年' + '将'.repeat(50000), '（一）'.repeat(20000) + '2022年，我镇',
  ];
  for (const text of inputs) {
    const errors: unknown[] = [];
    const t0 = Date.now();
    check(text, { onRuleError: (_rule, e) => errors.push(e) });
    assert.deepEqual(errors, []);
    assert.ok(Date.now() - t0 < 3000, `slow on ${text.slice(0, 20)}`);
  }
});

test('leadLength: list markers and a short label before the first words, as the anchored patterns read them', () => {
  // The anchored patterns on slices that leadLength read with before its sticky ones: the same answers.
  const reference = (text: string) => {
    const marker = /^(?:[\s*#>]|\(?[一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.是]|\d{1,2}[.、)](?!\d)|第[一二三四五六七八九十]{1,3}[,、])*/;
    let n = marker.exec(text)![0].length;
    const label = /^[^,，。:：;；\d]{1,12}[:：]/.exec(text.slice(n));
    if (label) n += label[0].length + marker.exec(text.slice(n + label[0].length))![0].length;
    return n;
  };
  assert.equal(leadLength('(一)整改措施:2023年，我镇…'), '(一)整改措施:'.length);
  assert.equal(leadLength('一是加强组织领导'), 2);
  assert.equal(leadLength('2023年，本机关…'), 0);
  assert.equal(leadLength('12.3万元'), 0);
  const piece = fc.constantFrom('(一)', '一、', '一是', '1.', '12)', '123.', '第二,', ' ', '*', '#', '>', '整改措施', ':', '：', '，', '2023年', '我镇', '3');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
      const text = pieces.join('');
      assert.equal(leadLength(text), reference(text), JSON.stringify(text));
    }),
    { numRuns: 3000 },
  );
});
