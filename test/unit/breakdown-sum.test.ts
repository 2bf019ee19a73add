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
    // A part that a list of its own breaks down, after a comma, is still a part.
    ['共公开政府信息262条，其中政策文件44条，工作动态200条，包括通知公告10条。', '262', ['244', '小于总数 262']],
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
    // After a semicolon, a count that a list of its own breaks down opens another statement (a 2025 街道 report).
    '累计发布工作动态信息165条，其中重点聚焦乡镇街道动态102条；发布法定主动公开内容1条，包括机构概况1条。',
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

describe('breakdown-sum: the shapes real reports write', () => {
  test('a bracketed list "N条(其中…其他…条)" that adds up to more than the total', () => {
    const narrative = '全年共公布政府信息100条(其中机构职能类信息20条，政策、规范性文件类信息30条，其他应主动公开政府信息51条)，对于主动公开的政府信息，主要通过政府门户网站等媒介进行公开。';
    const d = assertOne(inMini(narrative), '100', ['101', '政策、规范性文件类信息 30', '其他应主动公开政府信息 51', '大于总数 100']);
    assert.equal(d.related.length, 3);
    assert.deepEqual(findings(inMini(narrative.replace('51条', '50条'))), []);
  });

  test('a bracketed list short of its total: what follows the bracket ("主要…等") does not make the list partial', () => {
    const narrative = '共公布政府信息100条，(其中机构职能类信息20条，规划计划类信息30条，其他应主动公开政府信息40条)对于主动公开的政府信息，主要通过政府门户网站等媒介发布公开。';
    assertOne(inMini(narrative), '100', ['90', '小于总数 100']);
    assert.deepEqual(findings(inMini(narrative.replace('40条', '50条'))), []);
    // Partial inside the bracket.
    assert.deepEqual(findings(inMini(narrative.replace('其他应主动公开政府信息40条', '规划信息10条等'))), []);
  });

  test('sections of the one website the total names add up (they are not separate channels)', () => {
    const narrative = '2023年，全县通过县政府网站主动公开政府信息400条，其中县政府门户网站概况类信息和政务动态信息共计150条，信息公开栏公开信息290条。';
    assertOne(inMini(narrative), '400', ['440', '大于总数 400']);
    assert.deepEqual(findings(inMini(narrative.replace('290条', '250条'))), []);
    // A total over several channels, or a part on another channel: the same item may be on both.
    assert.deepEqual(findings(inMini(narrative.replace('通过县政府网站', '通过县政府网站、微信公众号'))), []);
    assert.deepEqual(findings(inMini(narrative.replace('信息公开栏公开信息', '微信公众号转发信息'))), []);
  });

  test('a total without 共: parts that exceed it are flagged, a shorter list is not (it may be partial)', () => {
    assertOne(inMini('主动公开政府信息400条，其中概况类信息150条，政务动态信息290条。'), '400', ['440']);
    assert.deepEqual(findings(inMini('主动公开政府信息400条，其中概况类信息150条，政务动态信息200条。')), []);
    // The last item of a list: 其中 breaks down the whole list, not the count before it.
    assert.deepEqual(findings(inMini('办理人大代表建议12件、政协委员提案8件，其中主办10件，协办10件。')), []);
  });

  test('"包括…以及…": parts that exceed the total are flagged; fewer may be a partial list', () => {
    const narrative = '2022年，主动公开政府信息32条，包括领导信息类10条、机构职能类20条以及工作动态类6条。';
    const d = assertOne(inMini(narrative), '32', ['36', '“包括”', '工作动态类 6']);
    assert.ok(!d.message.includes('其中'));
    assert.deepEqual(findings(inMini(narrative.replace('20条', '16条'))), []);
    assert.deepEqual(findings(inMini(narrative.replace('20条', '10条'))), []);
    assert.deepEqual(findings(inMini('2022年，共主动公开政府信息32条，包括领导信息类10条、机构职能类12条等。')), []);
  });

  test('"…共81条。其中，…": a statement that opens with 其中 breaks down the count that ends the sentence before', () => {
    const narrative = '2020年，我镇通过网站主动公开政府信息共81条。其中，工作动态50条，通知公告9条，组织机构2条，政策文件20条。通过政务微信公开108条信息。';
    assert.deepEqual(findings(inMini(narrative)), []);
    assertOne(inMini(narrative.replace('工作动态50条', '工作动态40条')), '81', ['71', '小于总数 81']);
    assertOne(inMini(narrative.replace('工作动态50条', '工作动态60条')), '81', ['91', '大于总数 81']);
    // The count before is itself a part of a list; another unit; a list marked partial.
    assert.deepEqual(findings(inMini('共主动公开政府信息141条，其中机构职能类信息16条，其他类信息125条。其中主动公开政府信息17条，作为依申请公开信息数28条。')), []);
    assert.deepEqual(findings(inMini('2023年，主动公开信息总数4702条。其中，公布政务要闻672条，视频新闻259条，开展调查征集2次。')), []);
    assert.deepEqual(findings(inMini('2020年，我镇主动公开政府信息共81条。其中，工作动态50条，通知公告9条等。')), []);
  });

  test('公共 is not 共: "公共服务类信息" is a part, not a new total', () => {
    assertOne(inMini('共公开政府信息100条，其中公共服务类信息60条，政务动态信息50条。'), '100', ['110']);
    assert.deepEqual(findings(inMini('共公开政府信息100条，其中公共服务类信息50条，政务动态信息50条。')), []);
  });
});

describe('breakdown-sum: a count whose number was left blank', () => {
  test('a total: "共发布公开信息条。" with its parts after it', () => {
    const narrative = '截止2023年12月31日，共发布公开信息条。公开指南1条；依申请公开2条；工作动态54条；概况信息2条。';
    const d = assertOne(inMini(narrative), '共发布公开信息条', ['缺少数字', '59']);
    assert.deepEqual(d.related, []);
    assert.deepEqual(findings(inMini(narrative.replace('信息条', '信息59条'))), []);
    // Without a list after it the message only says what is missing.
    assertOne(inMini('2023年，我局共受理政府信息公开申请件，均按时答复。'), '共受理政府信息公开申请件', ['缺少数字']);
  });

  test('a gap left for the number after a verb', () => {
    assertOne(inMini('2023年，我局主动公开政府信息  条，均在网站公开。'), '公开政府信息  条', ['缺少数字']);
    assertOne(inMini('2023年，我局主动公开政府信息__条。'), '公开政府信息__条', ['缺少数字']);
    assert.deepEqual(findings(inMini('2023年，我局主动公开政府信息 5 条，均在网站公开。')), []);
  });

  test('the words of a figure every report states, with no number', () => {
    const cases: [string, string][] = [
      ['2023年，我局收到政府信息公开申请件，办结13件。', '收到政府信息公开申请件'],
      ['2023年，我局办结13件，其中予以公开件，部分公开3件。', '予以公开件'],
      ['因政府信息公开被申请行政复议件。', '行政复议件'],
      ['全年制发行政规范性文件件，废止1件。', '制发行政规范性文件件'],
      ['2023年，我局主动公开政府信息条。', '主动公开政府信息条'],
    ];
    for (const [narrative, phrase] of cases) assertOne(inMini(narrative), phrase, ['缺少数字']);
    for (const narrative of ['对收到的申请件，均在法定期限内答复。', '全年制发行政规范性文件，均经合法性审查。', '本机关受理的申请件已全部办结。']) {
      assert.deepEqual(findings(inMini(narrative)), [], narrative);
    }
  });

  test('traditional characters, quoted as written', () => {
    assertOne(inMini('截止2023年12月31日,共發布公開信息條。公開指南1條;工作動態54條。'), '共發布公開信息條', ['共發布公開信息條', '55']);
  });

  test('an item of a list whose neighbours have their numbers', () => {
    const narrative = '全年公开核准企业资质条、施工许可证76条、安全生产许可证121条、排水许可证5条。';
    assertOne(inMini(narrative), '核准企业资质条', ['核准企业资质条', '缺少数字']);
    assert.deepEqual(findings(inMini(narrative.replace('资质条', '资质9条'))), []);
    assertOne(inMini('全年公开施工许可证76条、核准企业资质条。'), '核准企业资质条', ['缺少数字']);
  });

  test('words that end in 条 or 件 are not blanks', () => {
    for (const narrative of [
      '全年印发文件、通知等30件，发布头条、专题信息10条。',
      '共公开政府信息20条，逐条审核、每件把关。',
      '2023年，我局共承办依申请公开政府信息事项14件，无当面申请件。',
      '共办理案件、信件、邮件12件。',
      '共发布若干条、各类信息10条。',
      '收到群众来信50件，均已办结。',
    ]) {
      assert.deepEqual(findings(inMini(narrative)), [], narrative);
    }
  });

  test('English messages', () => {
    assertOne(inMini('截止2023年12月31日，共发布公开信息条。公开指南1条；工作动态54条。'), '共发布公开信息条', ['number is missing', 'add up to 55'], { locale: 'en' });
  });
});

