// percentage: "予以公开5件，占38.5%" — a share of the requests matches its count and the total (the
// text's own, 表三 （七）总计, 新收, or 新收 + 上年结转), within the rounding of the stated decimals.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { check, type CheckOptions, type Diagnostic } from '../../server/src/core';
import { T3_ROWS } from '../../server/src/core/format/editions';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const CIXI = fixture('2023-cixi-city-office.txt');
const XIAOCAOE = fixture('2023-xiaocaoe-town.txt');
const SUSHUI = fixture('2023-sushui-town.txt');

interface Mini {
  narrative: string;
  t3?: Record<string, (number | string)[]>;
  t4?: number[];
  t2?: number[];
  edition2019?: boolean;
}

/** A small, consistent report (tab-separated tables, FORMAT.md §3) around a narrative paragraph. */
function miniReport(o: Mini): string {
  const edition = o.edition2019 ? '2019' : '2021';
  const t3: Record<string, (number | string)[]> = {
    new: [10, 2, 0, 0, 0, 0, 12],
    carry: [1, 0, 0, 0, 0, 0, 1],
    r1: [4, 1, 0, 0, 0, 0, 5],
    r2: [2, 1, 0, 0, 0, 0, 3],
    r4_1: [5, 0, 0, 0, 0, 0, 5],
    total: [11, 2, 0, 0, 0, 0, 13],
    ...o.t3,
  };
  const rows = T3_ROWS.filter((r) => !r.editions || r.editions.includes(edition)).map((r) =>
    r.header ? r.label : [r.label, ...(t3[r.key] ?? [0, 0, 0, 0, 0, 0, 0])].join('\t'),
  );
  const [made, repealed, valid] = o.t2 ?? [3, 1, 20];
  const t2 = o.edition2019
    ? ['信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量', '规章\t0\t0\t0', `规范性文件\t${made}\t${repealed}\t${valid}`]
    : ['信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t0\t0\t0', `行政规范性文件\t${made}\t${repealed}\t${valid}`];
  return [
    `东湖县统计局${o.edition2019 ? 2020 : 2023}年政府信息公开工作年度报告`,
    '',
    '一、总体情况',
    o.narrative,
    '',
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    ...t2,
    '',
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
    '\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
    ...rows,
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议\t\t\t\t\t行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    (o.t4 ?? [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1]).join('\t'),
    '',
    '五、存在的主要问题及改进情况',
    '信息更新不够及时。',
    '',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    '',
  ].join('\n');
}

const findings = (text: string, options: CheckOptions = {}): Diagnostic[] =>
  check(text, options).diagnostics.filter((d) => d.rule === 'percentage');
const spanText = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);
// 表三 of the mini report: 新收 12, 上年结转 1, 予以公开 5, 部分公开 3, 无法提供 5, （七）总计 13.
const inMini = (narrative: string) => miniReport({ narrative });

function mutate(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture contains ${from}`);
  return text.replace(from, to);
}

/** Exactly one finding per expected percentage, each at that percentage, naming `says`. */
function assertFindings(text: string, expected: [string, string[]][], options: CheckOptions = {}): Diagnostic[] {
  const found = findings(text, options);
  assert.equal(found.length, expected.length, found.map((d) => d.message).join('\n'));
  found.forEach((d, i) => {
    const [percent, says] = expected[i];
    assert.equal(spanText(text, d), percent);
    assert.equal(d.severity, 'warning');
    assert.equal(d.fix, null);
    for (const s of says) assert.ok(d.message.includes(s), `"${d.message}" mentions ${s}`);
  });
  return found;
}

describe('percentage: the fixtures', () => {
  for (const [name, text] of [['cixi', CIXI], ['xiaocaoe', XIAOCAOE], ['sushui', SUSHUI]] as const) {
    test(`${name}: no finding`, () => assert.deepEqual(findings(text), []));
  }

  test('xiaocaoe "两化建设率达87.5%" has no count next to it: never checked', () => {
    assert.deepEqual(findings(mutate(XIAOCAOE, '87.5%', '97.5%')), []);
  });

  test('cixi with shares of its 103 requests: right ones pass, a wrong one is flagged with the computation', () => {
    const right = '办结103件，其中予以公开15件，占14.6%，部分公开27件，占26.2%，本机关不掌握相关政府信息54件，占52.4%。';
    const text = mutate(CIXI, '组织开展政务公开专题培训3次，各地各部门400余人参加培训。', right);
    assert.deepEqual(findings(text), []);
    const wrong = mutate(CIXI, '组织开展政务公开专题培训3次，各地各部门400余人参加培训。', right.replace('占26.2%', '占28.2%'));
    const [d] = assertFindings(wrong, [['28.2%', ['部分公开27件，占28.2%', '27 ÷ 103', '26.2%']]]);
    assert.deepEqual(d.related.map((r) => spanText(wrong, r)), ['103']);
  });
});

describe('percentage: bases and rounding', () => {
  test('the base may be （七）总计, 新收, or 新收 + 上年结转', () => {
    for (const narrative of ['其中予以公开5件，占38.5%。', '其中予以公开5件，占41.7%。', '其中部分公开3件，占比25%。']) {
      assert.deepEqual(findings(inMini(narrative)), [], narrative);
    }
    assertFindings(inMini('其中予以公开5件，占45%。'), [['45%', ['5 ÷ 13', '表三“（七）总计”', '38.5%']]]);
  });

  test('rounding and truncation to the stated decimals are both accepted', () => {
    // 5 ÷ 13 = 38.46…%
    for (const p of ['38.5', '38.4', '38', '38.46', '38.47']) assert.deepEqual(findings(inMini(`其中予以公开5件，占${p}%。`)), [], p);
    for (const p of ['38.3', '38.6', '37', '40']) assert.equal(findings(inMini(`其中予以公开5件，占${p}%。`)).length, 1, p);
  });

  test('a total stated in the text is the base of its shares', () => {
    const narrative = '全县共收到政府信息公开申请200件，其中予以公开50件，占25%，部分公开30件，占比15%。';
    assert.deepEqual(findings(inMini(narrative)), []);
    assertFindings(inMini(narrative.replace('占比15%', '占比18%')), [['18%', ['30 ÷ 200', '正文所述总数', '15.0%']]]);
  });

  test('占比 / 占总数的 / 所占比例为, and 、 between count and share', () => {
    assert.deepEqual(findings(inMini('部分公开3件、占总数的23.1%；无法提供5件，所占比例为38.5%。')), []);
    assertFindings(inMini('部分公开3件、占总数的23.9%；无法提供5件，所占比例为38.5%。'), [['23.9%', ['3 ÷ 13', '23.1%']]]);
  });

  test('several shares that all miss every total are shares of something else (no total stated): not flagged', () => {
    assert.deepEqual(findings(inMini('其中予以公开5件，占50%，部分公开3件，占30%。')), []);
    // With the total stated next to them, they are wrong.
    assertFindings(inMini('共办结13件，其中予以公开5件，占50%，部分公开3件，占30%。'), [
      ['50%', ['5 ÷ 13']],
      ['30%', ['3 ÷ 13']],
    ]);
  });
});

describe('percentage: what is never checked', () => {
  const never = [
    '办结率100%，群众满意率98.5%。',
    '共收到政府信息公开申请12件，同比增长25%。',
    '村“两化”建设率达87.5%。',
    '主动公开政府信息50条，其中政策法规类4条，占8%。',
    '主动公开文件12件，其中规范性文件3件，占50%。',
    '受理行政许可申请500件，占全县的30%。',
    '其中予以公开5件，约占40%。',
    '其中予以公开约5件，占45%。',
    '占比45%的申请为予以公开。',
  ];
  for (const narrative of never) {
    test(narrative, () => assert.deepEqual(findings(inMini(narrative)), []));
  }
});

describe('percentage: traditional and English', () => {
  test('traditional characters (佔)', () => {
    assert.deepEqual(findings(inMini('其中予以公開5件，佔38.5%。')), []);
    assertFindings(inMini('其中予以公開5件，佔45%。'), [['45%', ['予以公開5件，佔45%', '5 ÷ 13']]]);
  });

  test('English messages', () => {
    assertFindings(inMini('其中予以公开5件，占45%。'), [['45%', ['The text says "予以公开5件，占45%"', '5 ÷ 13', '= 38.5%']]], { locale: 'en' });
  });
});
