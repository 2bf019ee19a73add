// Year over year: carry-over (R7), stock-continuity, copied-report. On the seven consecutive Pingtan
// reports (CROSS-YEAR.md gives what must and must not be found), on mutants of them, and on small
// reports built here in each shape the rules read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check, RULES } from '../../server/src/core';
import { crossYearDiagnostics } from '../../server/src/core/crossyear/diagnostics';
import { corpusNames, corpusReport } from '../support/corpus';
import { compareNarratives } from '../../server/src/core/rules/copied-report';
import { miniReport, mutate, spanText } from '../support/mini-report';
import { CROSS_RULES, PINGTAN, copiedNextYear, crossFindings, pingtanProfile, profileOfText } from '../support/crossyear';

const pairs = PINGTAN.slice(1).map((name, i) => ({ previous: PINGTAN[i], current: name }));

describe('cross-year rules on the Pingtan series (CROSS-YEAR.md)', () => {
  test('without last year, no cross-year rule says anything on any report', () => {
    for (const name of PINGTAN) assert.deepEqual(check(corpusReport(name)).diagnostics.filter((d) => CROSS_RULES.includes(d.rule)), []);
  });

  test('carry-over and copied-report are silent on all six real pairs', () => {
    for (const { previous, current } of pairs) {
      const found = crossFindings(corpusReport(current), pingtanProfile(previous)).filter((d) => d.rule !== 'stock-continuity');
      assert.deepEqual(found.map((d) => d.message), [], `${previous} → ${current}`);
    }
  });

  test('stock-continuity gives exactly the anchors of CROSS-YEAR.md (c06 L34, c03 L17, c04 L17, c05 L17), as hints', () => {
    const anchors: string[] = [];
    for (const { previous, current } of pairs) {
      for (const d of crossFindings(corpusReport(current), pingtanProfile(previous))) {
        if (d.rule !== 'stock-continuity') continue;
        assert.equal(d.severity, 'hint');
        anchors.push(`${current.slice(0, 3)} L${d.line}`);
      }
    }
    assert.deepEqual(anchors, ['c06 L34', 'c03 L17', 'c04 L17', 'c05 L17']);
  });

  test('the stock-continuity message gives the arithmetic and asks for an explanation (c03: 698 + 77 − 132 = 643, stated 470)', () => {
    const [d] = crossFindings(corpusReport('c03_pingtan_syq_2023'), pingtanProfile('c02_pingtan_syq_2022'));
    assert.equal(spanText(corpusReport('c03_pingtan_syq_2023'), d), '470');
    for (const piece of ['“行政规范性文件”', '470', '2022', '698', '77', '132', '643', '-173', '清理', '所属单位增减', '请在报告中说明']) assert.ok(d.message.includes(piece), `${piece} in ${d.message}`);
    const [en] = crossFindings(corpusReport('c03_pingtan_syq_2023'), pingtanProfile('c02_pingtan_syq_2022'), { locale: 'en' });
    assert.match(en.message, /698 in force \+ 77 issued − 132 repealed this year = 643 .*please explain/);
  });

  test('carry-over fires on a changed 二、上年结转 cell of c02, on that cell, as an error', () => {
    const text = mutate(corpusReport('c02_pingtan_syq_2022'), '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1', '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t2\t3');
    const found = crossFindings(text, pingtanProfile('c01_pingtan_syq_2021')).filter((d) => d.rule === 'carry-over');
    assert.deepEqual(found.map((d) => [d.line, spanText(text, d), d.severity]), [[38, '2', 'error'], [38, '3', 'error']]);
    assert.equal(found[0].message, '其他：本年“二、上年结转政府信息公开申请数量”为 2，但 2021 年报告“四、结转下年度继续办理”为 0（该报告第 58 行），两者应相等');
    assert.ok(found[1].message.startsWith('总计：'));
  });

  test('carry-over holds across the edition change 2020 → 2021, and stock-continuity skips it', () => {
    assert.deepEqual(crossFindings(corpusReport('c01_pingtan_syq_2021'), pingtanProfile('c06_pingtan_syq_2020')), []);
    // The same pair with a carry-over that differs: still compared (same cell in both editions).
    const text = mutate(corpusReport('c01_pingtan_syq_2021'), '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '二、上年结转政府信息公开申请数量\t4\t0\t0\t0\t0\t0\t4');
    assert.deepEqual(crossFindings(text, pingtanProfile('c06_pingtan_syq_2020')).map((d) => d.rule), ['carry-over', 'carry-over']);
  });

  test('the same findings from the two profiles alone (what the CLI computes), placed on the same lines', () => {
    for (const { previous, current } of pairs) {
      const fromCheck = crossFindings(corpusReport(current), pingtanProfile(previous)).map((d) => `${d.rule}:${d.line}:${d.message}`);
      const profile = JSON.parse(JSON.stringify(pingtanProfile(current)));
      const fromProfiles = crossYearDiagnostics(JSON.parse(JSON.stringify(pingtanProfile(previous))), profile).map((d) => `${d.rule}:${d.place.line}:${d.message}`);
      assert.deepEqual(fromProfiles, fromCheck);
    }
  });
});

// ---- the shapes, on small reports ----------------------------------------------------------------

/** The mini report (东湖县统计局) for another year: its title year replaced. */
const inYear = (text: string, from: number, to: number) => mutate(text, `东湖县统计局${from}年`, `东湖县统计局${to}年`);
const NARRATIVE = '本年度，我局认真贯彻落实政府信息公开条例。';

const only = (rule: string) => (...args: Parameters<typeof crossFindings>) => crossFindings(...args).filter((d) => d.rule === rule);
const carryOver = only('carry-over');
const stockContinuity = only('stock-continuity');
const copiedReport = only('copied-report');

describe('carry-over: shapes', () => {
  const thisYear = miniReport({ narrative: NARRATIVE, t3: { carry: [1, 0, 0, 0, 0, 0, 1] } });

  test('equal to last year’s 结转下年度 in every column: silent', () => {
    const last = inYear(miniReport({ narrative: NARRATIVE, t3: { next: [1, 0, 0, 0, 0, 0, 1], total: [10, 2, 0, 0, 0, 0, 12] } }), 2023, 2022);
    assert.deepEqual(carryOver(thisYear, profileOfText(last)), []);
  });

  test('last year carried forward nothing: one finding per differing column, on this year’s cells', () => {
    const last = inYear(miniReport({ narrative: NARRATIVE }), 2023, 2022);
    const found = carryOver(thisYear, profileOfText(last));
    assert.deepEqual(found.map((d) => d.message.split('：')[0]), ['自然人', '总计']);
    const carry = check(thisYear).report.tables.t3!.rows.get('carry')!;
    assert.deepEqual(found.map((d) => [d.start, d.end]), [carry.cells[0].span, carry.cells[6].span].map((s) => [s.start, s.end]));
  });

  test('a blank cell on either side is not compared (cell-missing reports it)', () => {
    const last = inYear(miniReport({ narrative: NARRATIVE, t3: { next: ['', 0, 0, 0, 0, 0, 1] } }), 2023, 2022);
    assert.deepEqual(carryOver(thisYear, profileOfText(last)), []);
  });

  test('traditional characters in last year’s table (結轉下年度) read the same', () => {
    const last = inYear(miniReport({ narrative: NARRATIVE, t3: { next: [1, 0, 0, 0, 0, 0, 1] } }), 2023, 2022).replace('四、结转下年度继续办理', '四、結轉下年度繼續辦理');
    assert.deepEqual(carryOver(thisYear, profileOfText(last)), []);
    const other = inYear(miniReport({ narrative: NARRATIVE, t3: { next: [2, 0, 0, 0, 0, 0, 2] } }), 2023, 2022).replace('四、结转下年度继续办理', '四、結轉下年度繼續辦理');
    const found = carryOver(thisYear, profileOfText(other));
    assert.equal(found.length, 2);
    assert.ok(found[0].message.includes('“四、結轉下年度繼續辦理”为 2'), found[0].message);
  });

  test('a previous report of another year or another body is not compared', () => {
    const twoYearsBefore = inYear(miniReport({ narrative: NARRATIVE }), 2023, 2021);
    assert.deepEqual(carryOver(thisYear, profileOfText(twoYearsBefore)), []);
    const otherBody = inYear(miniReport({ narrative: NARRATIVE }), 2023, 2022).replace('东湖县统计局', '西湖县统计局');
    assert.deepEqual(carryOver(thisYear, profileOfText(otherBody)), []);
  });

  test('turned off, or set to another severity, like any rule', () => {
    const last = profileOfText(inYear(miniReport({ narrative: NARRATIVE }), 2023, 2022));
    assert.deepEqual(carryOver(thisYear, last, { rules: { 'carry-over': 'off' } }), []);
    assert.deepEqual(carryOver(thisYear, last, { rules: { 'carry-over': 'warning' } }).map((d) => d.severity), ['warning', 'warning']);
  });
});

describe('stock-continuity: shapes', () => {
  test('2021 edition: 20 + 3 − 1 = 22 is silent; 25 is a hint on the 现行有效 cell', () => {
    const last = profileOfText(inYear(miniReport({ narrative: NARRATIVE, t2: [5, 0, 20] }), 2023, 2022));
    assert.deepEqual(stockContinuity(miniReport({ narrative: NARRATIVE, t2: [3, 1, 22] }), last), []);
    const text = miniReport({ narrative: NARRATIVE, t2: [3, 1, 25] });
    const [d, ...rest] = stockContinuity(text, last);
    assert.deepEqual(rest, []);
    assert.equal(d.severity, 'hint');
    assert.equal(spanText(text, d), '25');
    assert.ok(d.message.includes('20 件 + 本年制发 3 件 − 本年废止 1 件 = 22 件（相差 +3）'), d.message);
  });

  test('2019 edition: 对外公开总数量 = last year’s + 本年新公开数量', () => {
    const last = profileOfText(inYear(miniReport({ narrative: NARRATIVE, t2: [5, 5, 40], edition2019: true }), 2020, 2019));
    assert.deepEqual(stockContinuity(miniReport({ narrative: NARRATIVE, t2: [7, 6, 46], edition2019: true }), last), []);
    const found = stockContinuity(miniReport({ narrative: NARRATIVE, t2: [7, 6, 50], edition2019: true }), last);
    assert.deepEqual(found.map((d) => d.rule), ['stock-continuity']);
    assert.ok(found[0].message.includes('对外公开总数量为 50') && found[0].message.includes('40 + 本年新公开 6 = 46'), found[0].message);
  });

  test('never across the edition change, never with a blank or —— cell', () => {
    const last2019 = profileOfText(inYear(miniReport({ narrative: NARRATIVE, t2: [5, 5, 40], edition2019: true }), 2020, 2022));
    assert.deepEqual(stockContinuity(miniReport({ narrative: NARRATIVE, t2: [3, 1, 99] }), last2019).filter((d) => d.rule === 'stock-continuity'), []);
    const last = profileOfText(inYear(miniReport({ narrative: NARRATIVE, t2: [5, 0, 20] }), 2023, 2022));
    assert.deepEqual(stockContinuity(miniReport({ narrative: NARRATIVE, t2: [3, '——' as unknown as number, 99] }), last), []);
    const blankLast = profileOfText(inYear(miniReport({ narrative: NARRATIVE, t2: [5, 0, '' as unknown as number] }), 2023, 2022));
    assert.deepEqual(stockContinuity(miniReport({ narrative: NARRATIVE, t2: [3, 1, 99] }), blankLast), []);
  });
});

describe('copied-report', () => {
  test('silent on every real Pingtan pair (narrative similarity 0.02–0.11)', () => {
    for (const { previous, current } of pairs) {
      assert.deepEqual(crossFindings(corpusReport(current), pingtanProfile(previous)).filter((d) => d.rule === 'copied-report'), [], current);
    }
  });

  test('silent on all 36 × 35 ordered pairs of the corpus but the same body’s (whatever their years)', () => {
    const names = corpusNames();
    const profiles = names.map((n) => profileOfText(corpusReport(n)));
    const fired: string[] = [];
    for (let a = 0; a < names.length; a++) {
      for (let b = 0; b < names.length; b++) {
        if (a === b || (names[a].startsWith('c0') && names[b].startsWith('c0'))) continue;
        if (compareNarratives({ ...profiles[a], year: 2000 }, { ...profiles[b], year: 2001 }).length) fired.push(`${names[a]} → ${names[b]}`);
      }
    }
    assert.deepEqual(fired, []);
  });

  test('fires on a real report copied into next year with its years and figures changed, on the title', () => {
    for (const name of PINGTAN) {
      const text = copiedNextYear(corpusReport(name));
      const found = crossFindings(text, pingtanProfile(name)).filter((d) => d.rule === 'copied-report');
      assert.equal(found.length, 1, name);
      const { report } = check(text);
      assert.deepEqual([found[0].start, found[0].end], [report.title!.span.start, report.title!.span.end]);
      assert.equal(found[0].severity, 'warning');
      assert.match(found[0].message, /^本年报告正文与 20\d\d 年报告高度雷同（年份和数字之外，约 100% 的文字片段相同）/);
    }
  });

  test('fires on a copy with one section rewritten (c03 copied, its 五 replaced by c04’s)', () => {
    const c03 = copiedNextYear(corpusReport('c03_pingtan_syq_2023'));
    const c04 = corpusReport('c04_pingtan_syq_2024');
    const section5 = (t: string) => t.slice(t.indexOf('五、存在的主要问题'), t.indexOf('六、其他需要报告'));
    const text = c03.replace(section5(c03), section5(c04));
    assert.notEqual(text, c03);
    assert.deepEqual(crossFindings(text, pingtanProfile('c03_pingtan_syq_2023')).map((d) => d.rule).filter((r) => r === 'copied-report'), ['copied-report']);
  });

  test('a narrative too short to tell (under 100 distinct shingles) is never called a copy', () => {
    const last = inYear(miniReport({ narrative: NARRATIVE }), 2023, 2022);
    assert.deepEqual(copiedReport(miniReport({ narrative: NARRATIVE }), profileOfText(last)), []);
  });

  test('the template sentences every year shares (statistics period, electronic version) do not count', () => {
    const template = [
      '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。',
      '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
      '本报告电子版可在东湖县人民政府门户网站政府信息公开专栏查阅或下载。',
      '如对本报告有疑问，请与东湖县统计局办公室联系，联系地址为东湖县人民路一百号统计大楼三楼办公室，邮政编码000000，联系电话0000-1234567，传真0000-7654321。',
      '报告中的数据统计口径与上级主管部门及省市统计部门下发的统计报表要求保持一致，各项指标均按照统一标准进行汇总和核对。',
    ].join('');
    const OWN: Record<string, string> = {
      山水: '我局围绕统计执法检查、统计数据质量提升和统计法治宣传等重点工作，通过门户网站及时公开统计公报、统计年鉴和主要经济指标，全年更新统计信息栏目，组织开展统计开放日活动，邀请企业代表和社会公众走进统计局，面对面解答数据生产流程，回应社会关切。',
      云林: '针对去年群众反映较多的数据查询不便问题，本年度改版了数据发布库，新增按乡镇、按行业分类检索功能，并在政务新媒体开设图说统计专栏，用图表解读季度经济运行情况；同时完善依申请公开登记台账，规范答复文书格式，加强与业务科室的会商机制。',
    };
    const own = (seed: string) => OWN[seed];
    // The template adds nothing to the sketch: the report reads as its own sentences alone.
    assert.deepEqual(profileOfText(miniReport({ narrative: template + own('云林') })).narrative, profileOfText(miniReport({ narrative: own('云林') })).narrative);
    const last = inYear(miniReport({ narrative: template + own('山水') }), 2023, 2022);
    assert.deepEqual(copiedReport(miniReport({ narrative: template + own('云林') }), profileOfText(last)), []);
    // The same reports with their own sentences the same: a copy.
    assert.equal(copiedReport(miniReport({ narrative: template + own('山水') }), profileOfText(last)).length, 1);
  });
});

describe('the cross-year rules are declared like the others', () => {
  test('registered, with their severities and both languages', () => {
    const byId = new Map(RULES.map((r) => [r.id as string, r]));
    assert.deepEqual(CROSS_RULES.map((id) => byId.get(id)?.defaultSeverity), ['error', 'hint', 'warning']);
    for (const id of CROSS_RULES) for (const m of Object.values(byId.get(id)!.messages)) assert.ok(m['zh-cn'] && m.en);
  });
});
