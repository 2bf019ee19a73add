// R6 breakdown-sum: "共 N …，其中 a …、b …" — the parts add up to the total and none exceeds it;
// what is not an identity (channel lists, "包括…等", approximations, other units) is never flagged.
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
  check(text, options).diagnostics.filter((d) => d.rule === 'breakdown-sum');
const spanText = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);
const inMini = (narrative: string) => miniReport({ narrative });

function mutate(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture contains ${from}`);
  return text.replace(from, to);
}

/** Exactly one finding, at `number`, whose message names every piece of `says`. */
function assertOne(text: string, number: string, says: string[], options: CheckOptions = {}): Diagnostic {
  const found = findings(text, options);
  assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
  const d = found[0];
  assert.equal(spanText(text, d), number);
  assert.equal(d.severity, 'warning');
  assert.equal(d.fix, null);
  for (const s of says) assert.ok(d.message.includes(s), `"${d.message}" mentions ${s}`);
  return d;
}

describe('breakdown-sum: the fixtures', () => {
  for (const [name, text] of [['cixi', CIXI], ['xiaocaoe', XIAOCAOE], ['sushui', SUSHUI]] as const) {
    test(`${name}: no finding`, () => assert.deepEqual(findings(text), []));
  }

  test('cixi "共清理…325件，其中…265件，…60件": a smaller total is flagged, with the parts', () => {
    const text = mutate(CIXI, '政策文件325件', '政策文件320件');
    const d = assertOne(text, '320', ['325', '320', '265', '60', '大于总数']);
    assert.deepEqual(d.related.map((r) => spanText(text, r)), ['265', '60']);
  });

  test('cixi: a larger total is flagged too (an exhaustive 其中 list)', () => {
    assertOne(mutate(CIXI, '政策文件325件', '政策文件330件'), '330', ['325', '330', '小于总数']);
  });

  test('cixi: a part larger than the total sits on the part', () => {
    assertOne(mutate(CIXI, '行政规范性文件265件', '行政规范性文件330件'), '330', ['330', '大于总数 325']);
  });

  test('xiaocaoe "共公开政府信息262条" has its parts in other paragraphs: never compared', () => {
    assert.deepEqual(findings(mutate(XIAOCAOE, '262条', '300条')), []);
  });
});

describe('breakdown-sum: what holds and what does not', () => {
  const flagged: [string, string, string[]][] = [
    ['共公开政府信息262条，其中政策文件44条，工作动态200条。', '262', ['244', '政策文件 44 + 工作动态 200', '小于总数 262']],
    ['共组织培训400人，其中市级200人，县级300人。', '400', ['500', '大于总数 400']],
    ['共公开政府信息262条，其中政策文件44条；工作动态200条；通知公告10条。', '262', ['254', '小于总数']],
    ['共公开政府信息262条，其中政府网站44条，微信公众号300条。', '300', ['微信公众号', '300', '大于总数 262']],
    ['共收到政府信息公开申请12件，其中予以公开5件，部分公开3件，无法提供7件。', '12', ['15', '大于总数 12']],
    ['合计公开信息100条，其中文件30条、动态50条。', '100', ['80']],
  ];
  for (const [narrative, number, says] of flagged) {
    test(`flagged: ${narrative}`, () => {
      assertOne(inMini(narrative), number, says);
    });
  }

  const holds = [
    // Sums that hold.
    '共公开政府信息262条，其中政策文件44条，工作动态218条。',
    '共公开政府信息262条，其中政策文件44条；工作动态200条；通知公告18条。',
    // Channels: the same item on several channels counts once.
    '共公开政府信息262条，其中政府网站44条，微信公众号218条，微博100条。',
    '共公开政府信息262条，其中政府网站44条，微信公众号100条。',
    // Partial lists.
    '共公开政府信息262条，其中包括政策文件44条、工作动态100条等。',
    '共公开政府信息262条，其中主要有政策文件44条、工作动态100条。',
    '共公开政府信息262条，其中政策文件44条、工作动态100条等。',
    // Approximate figures.
    '共公开政府信息260余条，其中政策文件44条，工作动态200条。',
    '共公开政府信息262条，其中政策文件40余条，工作动态200条。',
    // Parts in another unit.
    '共公开政府信息262条，其中图片30张，视频10个。',
    '共开展培训3次，其中线上培训200人次。',
    // A total that does not say it is one.
    '公开政府信息262条，其中政策文件44条，工作动态200条。',
    // A second breakdown of the same items (by kind, then by theme).
    '共公开政府信息262条，其中政策文件44条，工作动态218条，政策解读30条。',
    // Requests are broken into results that include 上年结转 (新收 12 + 结转 1 = 13).
    '共收到政府信息公开申请12件，其中予以公开5件，部分公开3件，无法提供5件。',
    // The list stops where another statement begins.
    '共收到政府信息公开申请12件，其中自然人10件，办结13件。',
    // Breakdowns in separate sentences.
    '共收到政府信息公开申请12件。其中予以公开5件。',
  ];
  for (const narrative of holds) {
    test(`not flagged: ${narrative}`, () => assert.deepEqual(findings(inMini(narrative)), []));
  }

  test('traditional characters', () => {
    const text = inMini('共公開政府信息262條，其中政策文件44條，工作動態200條。');
    assertOne(text, '262', ['244', '政策文件 44 + 工作動態 200']);
    assert.deepEqual(findings(inMini('共公開政府信息262條，其中政府網站44條，微信公眾號218條，微博100條。')), []);
  });

  test('English messages', () => {
    assertOne(inMini('共组织培训400人，其中市级200人，县级300人。'), '400', ['add up to 500', 'more than the total 400'], { locale: 'en' });
  });
});
