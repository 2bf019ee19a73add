// R6 breakdown-sum: "共 N …，其中 a …、b …" — the parts add up to the total and none exceeds it;
// what is not an identity (channel lists, "包括…等", approximations, other units) is never flagged.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type CheckOptions, type Diagnostic } from '../../server/src/core';
import { CIXI, SUSHUI, XIAOCAOE, assertOneFinding, findingsOf, inMini, mutate, spanText } from '../support/mini-report';

const findings = findingsOf('breakdown-sum');

const assertOne = (text: string, number: string, says: string[], options: CheckOptions = {}): Diagnostic =>
  assertOneFinding(findings, text, number, says, options);

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
