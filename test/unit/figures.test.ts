// Figures stated in the narrative (parse/figures.ts): which numbers name which table cell, with
// the spans of the number and of its phrase; and which look alike but have another scope.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/core';
import type { Figure, Report } from '../../server/src/core/model';
import { CIXI, SUSHUI, XIAOCAOE, miniReport as mini } from '../support/mini-report';
import { countsIn, parseChineseCount } from '../../server/src/core/parse/counts';

const miniReport = (narrative: string) => mini({ narrative });

const figuresOf = (text: string): Report['figures'] => check(text).report.figures;
const at = (text: string, f: Figure) => text.slice(f.span.start, f.span.end);
const phraseAt = (text: string, f: Figure) => text.slice(f.phraseSpan.start, f.phraseSpan.end);
/** "target=value" of every figure read from a narrative placed in a mini report. */
const read = (narrative: string) =>
  figuresOf(miniReport(narrative)).map((f) => `${f.target}=${f.value}${f.approximate ? '~' : ''}`);

describe('figures: the fixtures', () => {
  test('cixi: 14 发布, 103 收到, 265 继续有效, 60 失效/废止 — and nothing else (not 325 清理, 33 解读, 400余人)', () => {
    const figures = figuresOf(CIXI);
    assert.deepEqual(
      figures.map((f) => [f.target, f.value, at(CIXI, f), phraseAt(CIXI, f)]),
      [
        ['t2.normative.0', 14, '14', '发布行政规范性文件14件'],
        ['t3.new.total', 103, '103', '收到信息公开申请103件'],
        ['t2.normative.2', 265, '265', '继续有效的行政规范性文件265件'],
        ['t2.normative.1', 60, '60', '失效、废止行政规范性文件60件'],
      ],
    );
    assert.ok(figures.every((f) => !f.approximate));
  });

  test('xiaocaoe: "收到依申请公开 **2** 件" is 新收 2, the span is the digit inside the Markdown bold', () => {
    const figures = figuresOf(XIAOCAOE);
    const received = figures.find((f) => f.target === 't3.new.total');
    assert.ok(received);
    assert.equal(received.value, 2);
    assert.equal(at(XIAOCAOE, received), '2');
    assert.equal(XIAOCAOE.slice(received.span.start - 2, received.span.end + 2), '**2**');
    assert.equal(received.phrase, '收到依申请公开2件');
    // "由于政府信息公开引起的行政诉讼、行政复议 **0** 件": all three 表四 totals together.
    const appeals = figures.find((f) => f.target === 't4.all.total');
    assert.ok(appeals);
    assert.equal(appeals.value, 0);
    // 262/44/218 条 are channel counts, 23/167 条 and "清理…规范文件 3 件" other scopes.
    assert.deepEqual(figures.map((f) => f.target).sort(), ['t3.new.total', 't4.all.total']);
  });

  test('sushui: "共受理、办理依申请公开申请0件" is 新收 0', () => {
    const figures = figuresOf(SUSHUI);
    assert.deepEqual(figures.map((f) => [f.target, f.value, at(SUSHUI, f)]), [['t3.new.total', 0, '0']]);
    assert.equal(figures[0].phrase, '受理、办理依申请公开申请0件');
  });
});

describe('figures: phrasings that name a cell', () => {
  const cases: [string, string[]][] = [
    ['2023年共收到政府信息公开申请12件。', ['t3.new.total=12']],
    ['本年度新收政府信息公开申请12件，上年结转1件，共办结13件。', ['t3.new.total=12', 't3.carry.total=1', 't3.total.total=13']],
    ['全年共收到12件依申请公开请求。', ['t3.new.total=12']],
    ['共收到8份政府信息公开申请。', ['t3.new.total=8']],
    ['共收到政府信息申请公开件12件。', ['t3.new.total=12']],
    ['依法答复政府信息公开申请13件。', ['t3.total.total=13']],
    ['其中予以公开5件，部分公开3件。', ['t3.r1.total=5', 't3.r2.total=3']],
    // 表三 categories, and two of them together.
    ['予以公开及部分公开258件，不予公开35件，无法提供265件，不予处理158件，其他处理0件。', ['t3.r1r2.total=258', 't3.r3.total=35', 't3.r4.total=265', 't3.r5.total=158', 't3.r6.total=0']],
    ['全部或部分公开12件。', ['t3.r1r2.total=12']],
    ['因本机关不掌握等原因无法提供265件。', ['t3.r4.total=265']],
    ['集中发布现行有效行政规范性文件393件。', ['t2.normative.2=393']],
    // Carried over from last year, and into next year.
    ['共答复申请13件（含上年度结转申请1件），结转下年度继续办理2件。', ['t3.total.total=13', 't3.carry.total=1', 't3.next.total=2']],
    ['共办结12件，结转至2024年3件。', ['t3.next.total=3']],
    ['因政府信息公开被申请行政复议1件，被提起行政诉讼2件。', ['t4.review.total=1', 't4.lawsuit.total=2']],
    ['因政府信息公开被申请行政复议、提起行政诉讼共3件。', ['t4.all.total=3']],
    ['发生政府信息公开行政复议案件1起。', ['t4.review.total=1']],
    ['信息公开类行政复议7件，诉讼9件，均获维持。', ['t4.review.total=7', 't4.lawsuit.total=9']],
    ['因政府信息公开引起的行政复议和行政诉讼均为0件。', ['t4.all.total=0']],
    ['全年制发行政规范性文件3件，废止行政规范性文件1件，现行有效行政规范性文件20件。', ['t2.normative.0=3', 't2.normative.1=1', 't2.normative.2=20']],
    ['出台规范性文件3件。', ['t2.normative.0=3']],
    // Numbers in words, full-width digits, approximations.
    ['共收到政府信息公开申请十二件。', ['t3.new.total=12']],
    ['予以公开两件。', ['t3.r1.total=2']],
    ['共收到政府信息公开申请１２件。', ['t3.new.total=12']],
    ['共收到政府信息公开申请零件。', ['t3.new.total=0']],
    ['共收到政府信息公开申请10余件。', ['t3.new.total=10~']],
    ['共收到政府信息公开申请近20件。', ['t3.new.total=20~']],
    ['共收到政府信息公开申请约12件。', ['t3.new.total=12~']],
    ['共收到政府信息公开申请12件左右。', ['t3.new.total=12~']],
    // Zero said in words.
    ['2023年，我局未收到政府信息公开申请。', ['t3.new.total=0']],
    ['全年未接到依申请公开事项.', ['t3.new.total=0']],
    ['全年未发生因政府信息公开引起的行政复议、行政诉讼案件。', ['t4.all.total=0']],
    ['本年度没有因政府信息公开被申请行政复议的情况。', ['t4.review.total=0']],
  ];
  for (const [narrative, expected] of cases) {
    test(narrative, () => assert.deepEqual(read(narrative), expected));
  }

  test('each figure carries the span of its number and of its phrase', () => {
    const narrative = '2023年，我局共收到政府信息公开申请十二件，办结13件。';
    const text = miniReport(narrative);
    const [received, handled] = figuresOf(text);
    assert.equal(at(text, received), '十二');
    assert.equal(phraseAt(text, received), '收到政府信息公开申请十二件');
    assert.equal(at(text, handled), '13');
    assert.equal(phraseAt(text, handled), '办结13件');
    const none = figuresOf(miniReport('2023年，我局未收到政府信息公开申请。'))[0];
    assert.equal(miniReport('2023年，我局未收到政府信息公开申请。').slice(none.span.start, none.span.end), '未');
    assert.equal(none.phrase, '未收到政府信息公开申请');
  });

  test('traditional characters read the same, and the phrase is quoted as written', () => {
    const text = miniReport('2023年，我局共收到政府信息公開申請12件，辦結13件，其中予以公開5件，部分公開3件。因政府信息公開被申請行政複議1件，被提起行政訴訟2件。全年發佈行政規範性文件3件。');
    const figures = figuresOf(text);
    assert.deepEqual(
      figures.map((f) => `${f.target}=${f.value}`),
      ['t3.new.total=12', 't3.total.total=13', 't3.r1.total=5', 't3.r2.total=3', 't4.review.total=1', 't4.lawsuit.total=2', 't2.normative.0=3'],
    );
    assert.equal(figures[0].phrase, '收到政府信息公開申請12件');
    assert.equal(figures[6].phrase, '發佈行政規範性文件3件');
  });
});

describe('figures: numbers with another scope name no cell', () => {
  const cases = [
    '公报刊登行政规范性文件15件。',
    '备案行政规范性文件15件。',
    '报送备案规范性文件3件。',
    '共清理规范性文件40件。',
    '同步发布政策解读材料33件。',
    '通过政府网站发布规范性文件解读材料12件。',
    '组织开展政务公开专题培训3次，400余人参加培训。',
    '通过政府网站公开信息44条，微信公众号发布218条，微博发布30条。',
    '2023年全市共收到政府信息公开申请1203件。',
    '各部门发布规范性文件30件。',
    '2022年共收到政府信息公开申请80件。',
    '共收到政府信息公开申请数较上年增加20件。',
    '全年未收到行政许可申请。',
    '信息公开工作中涉及民事诉讼3件。',
    '信息公开类诉讼9件。',
    '收到市长热线转办件1200件，办结1200件。',
    '共办理行政复议案件56件，其中维持40件，纠正16件。',
    '被行政复议纠错1件。',
    '均按期规范办结且无一件被行政诉讼或行政复议纠错。',
    '主动公开政府信息120条，其中予以公开的政策文件12条。',
    '高效办成一件事，推进一件事一次办。',
    '共收到政府信息公开申请12件，其中网上申请10件，当面申请2件。',
    // A category given with one of its reasons: that reason's row, not the category.
    '因属于国家秘密不予公开2件。',
    '因本机关不掌握相关政府信息无法提供4件。',
    '信访举报投诉类申请不予处理3件。',
    // Counts in 条 are items published, not requests.
    '作为依申请公开信息数28条，不予公开信息数8条。',
  ];
  for (const narrative of cases) {
    test(narrative, () => {
      const figures = read(narrative);
      // Only the total of the last case is a cell; its parts are not.
      if (narrative.startsWith('共收到政府信息公开申请12件，其中')) assert.deepEqual(figures, ['t3.new.total=12']);
      else assert.deepEqual(figures, []);
    });
  }

  test('sections 五 and 六 (problems, plans) are not read', () => {
    const text = miniReport('2023年，我局共收到政府信息公开申请12件。').replace('信息更新不够及时。', '2024年将力争办结政府信息公开申请20件。');
    assert.deepEqual(figuresOf(text).map((f) => f.value), [12]);
  });
});

describe('figures: numbers', () => {
  test('Chinese numerals', () => {
    const cases: [string, number | null][] = [
      ['零', 0], ['一', 1], ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['二十三', 23], ['一百零五', 105], ['三百', 300], ['两千零二十四', 2024], ['一二', null], ['', null],
    ];
    for (const [s, n] of cases) assert.equal(parseChineseCount(s), n, s);
  });

  test('counts keep their unit, decimals and approximation', () => {
    const text = '共计１０５件，占比14.6%，400余人，近百件，1,234条，12345热线，第一批，2.重复申请';
    const counts = countsIn({ text, norm: check(text).report.norm }, 0, text.length);
    assert.deepEqual(
      counts.map((c) => [c.value, c.unit, c.decimals, c.approximate, text.slice(c.span.start, c.span.end)]),
      [
        [105, '件', 0, false, '１０５'],
        [14.6, '%', 1, false, '14.6'],
        [400, '人', 0, true, '400'],
        [100, '件', 0, true, '百'],
        [1234, '条', 0, false, '1,234'],
      ],
    );
  });
});

describe('figures: robustness', () => {
  test('never throws and every span lies in the text', () => {
    const pieces = ['收到', '申请', '办结', '行政复议', '、', '行政诉讼', '其中', '未发生', '无', '规范性文件', '发布', '废止', '12', '两', '件', '条', '%', '占', '，', '。', '；', '\n', '**', '余', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = miniReport(parts.join(''));
        for (const f of figuresOf(text)) {
          assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start < f.span.end);
          assert.ok(f.phraseSpan.start <= f.span.start && f.span.end <= f.phraseSpan.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});
