// R5 text-vs-table: a figure stated in the narrative equals the table cell it names; "均获维持"
// contradicts a 表四 case that was 纠正 or is 尚未审结; "均已办结" contradicts a 表三 结转下年度 above 0.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check, type CheckOptions, type Diagnostic } from '../../server/src/core';
import { CIXI, SUSHUI, XIAOCAOE, assertOneFinding, findingsOf, miniReport, mutate, spanText } from '../support/mini-report';
import { corpusReport } from '../support/corpus';

const findings = findingsOf('text-vs-table');

const assertOne = (text: string, number: string, says: string[], options: CheckOptions = {}): Diagnostic =>
  assertOneFinding(findings, text, number, says, options);

describe('text-vs-table: the fixtures', () => {
  for (const [name, text] of [['cixi', CIXI], ['xiaocaoe', XIAOCAOE], ['sushui', SUSHUI]] as const) {
    test(`${name}: every figure agrees with its table (no finding)`, () => assert.deepEqual(findings(text), []));
  }

  test('cixi "收到信息公开申请105件" differs from 新收 总计 103', () => {
    const text = mutate(CIXI, '收到信息公开申请103件', '收到信息公开申请105件');
    const d = assertOne(text, '105', ['收到信息公开申请105件', '本年新收', '103']);
    const cell = check(text).report.tables.t3!.rows.get('new')!.cells[6];
    assert.deepEqual(d.related.map((r) => [r.start, r.end]), [[cell.span.start, cell.span.end]]);
    assert.equal(spanText(text, d.related[0]), '103');
  });

  test('cixi 表二 figures: 发布 14, 废止 60, 现行有效 265', () => {
    assertOne(mutate(CIXI, '发布行政规范性文件14件', '发布行政规范性文件15件'), '15', ['发布行政规范性文件15件', '本年制发件数', '14']);
    assertOne(mutate(CIXI, '废止行政规范性文件60件', '废止行政规范性文件61件'), '61', ['本年废止件数', '60']);
    assertOne(mutate(CIXI, '继续有效的行政规范性文件265件', '继续有效的行政规范性文件266件'), '266', ['现行有效件数', '265']);
  });

  test('xiaocaoe "收到依申请公开 **3** 件" differs from 新收 2; the finding sits on the digit', () => {
    assertOne(mutate(XIAOCAOE, '依申请公开 **2** 件', '依申请公开 **3** 件'), '3', ['收到依申请公开3件', '为 2']);
  });

  test('sushui "受理、办理依申请公开申请2件" differs from 新收 0', () => {
    assertOne(mutate(SUSHUI, '依申请公开申请0件', '依申请公开申请2件'), '2', ['受理、办理依申请公开申请2件', '为 0']);
  });
});

describe('text-vs-table: a small report', () => {
  const ok = '2023年，我局共收到政府信息公开申请12件，上年结转1件，办结13件，其中予以公开5件，部分公开3件。全年制发行政规范性文件3件，废止行政规范性文件1件，现行有效行政规范性文件20件。因政府信息公开被申请行政复议1件，被提起行政诉讼2件。';

  test('agrees with its tables: no finding', () => assert.deepEqual(findings(miniReport({ narrative: ok })), []));

  const mutations: [string, string, string, string[]][] = [
    ['办结13件', '办结14件', '14', ['办结14件', '（七）总计', '13']],
    ['予以公开5件', '予以公开6件', '6', ['予以公开6件', '（一）予以公开', '5']],
    ['部分公开3件', '部分公开4件', '4', ['部分公开4件', '（二）部分公开', '3']],
    ['现行有效行政规范性文件20件', '现行有效行政规范性文件21件', '21', ['现行有效件数', '20']],
    ['被申请行政复议1件', '被申请行政复议2件', '2', ['被申请行政复议2件', '行政复议', '为 1']],
    ['被提起行政诉讼2件', '被提起行政诉讼3件', '3', ['被提起行政诉讼3件', '未经复议直接起诉 1 + 复议后起诉 1', '为 2']],
  ];
  for (const [from, to, number, says] of mutations) {
    test(`"${to}" is flagged with both numbers`, () => {
      assertOne(miniReport({ narrative: ok.replace(from, to) }), number, says);
    });
  }

  test('上年结转 and 结转下年度 are compared with their rows', () => {
    const narrative = '2023年，我局共收到政府信息公开申请12件，上年结转1件，结转下年度继续办理0件。';
    assert.deepEqual(findings(miniReport({ narrative })), []);
    assertOne(miniReport({ narrative: narrative.replace('上年结转1件', '上年结转2件') }), '2', ['上年结转2件', '二、上年结转', '为 1']);
    assertOne(miniReport({ narrative: narrative.replace('继续办理0件', '继续办理3件') }), '3', ['结转下年度继续办理3件', '四、结转下年度继续办理', '为 0']);
  });

  test('收到 N件 may count 新收 + 上年结转; otherwise the message shows both sums', () => {
    assert.deepEqual(findings(miniReport({ narrative: ok.replace('收到政府信息公开申请12件', '收到政府信息公开申请13件') })), []);
    assertOne(miniReport({ narrative: ok.replace('收到政府信息公开申请12件', '收到政府信息公开申请14件') }), '14', ['为 12', '加上年结转为 13']);
  });

  test('行政复议、行政诉讼 together are compared with the three 表四 totals', () => {
    assert.deepEqual(findings(miniReport({ narrative: '因政府信息公开被申请行政复议、提起行政诉讼共3件。' })), []);
    assertOne(miniReport({ narrative: '因政府信息公开被申请行政复议、提起行政诉讼共4件。' }), '4', ['行政复议 1 + 未经复议直接起诉 1 + 复议后起诉 1', '为 3']);
  });

  test('a zero said in words contradicts a non-zero table', () => {
    const none = miniReport({ narrative: '2023年，我局未收到政府信息公开申请。' });
    assertOne(none, '未', ['未收到政府信息公开申请', '为 12']);
    assertOne(miniReport({ narrative: '全年未发生因政府信息公开引起的行政复议、行政诉讼案件。' }), '未发生', ['为 3']);
    const zeros = { new: [0, 0, 0, 0, 0, 0, 0] };
    assert.deepEqual(findings(miniReport({ narrative: '2023年，我局未收到政府信息公开申请。', t3: zeros })), []);
  });

  test('approximate figures and figures of another scope are not compared', () => {
    for (const narrative of ['共收到政府信息公开申请近20件。', '共收到政府信息公开申请10余件。', '2023年全县共收到政府信息公开申请99件。', '2022年共收到政府信息公开申请80件。', '公报刊登行政规范性文件9件。']) {
      assert.deepEqual(findings(miniReport({ narrative })), [], narrative);
    }
  });

  test('a blank cell or a missing table is not compared', () => {
    const blank = miniReport({ narrative: '共收到政府信息公开申请99件。', t3: { new: [10, 2, 0, 0, 0, 0, ''] } });
    assert.equal(check(blank).report.tables.t3!.rows.get('new')!.cells[6]?.value ?? null, null);
    assert.deepEqual(findings(blank), []);
    const noT4 = mutate(XIAOCAOE, '行政诉讼、行政复议 **0** 件', '行政诉讼、行政复议 **5** 件');
    assert.deepEqual(findings(noT4), []);
  });

  test('2019 edition: 表二 has other columns, so 发布/废止 are not compared; 表三 still is', () => {
    const narrative = '2020年，我局共收到政府信息公开申请12件，全年发布规范性文件9件。';
    assert.deepEqual(findings(miniReport({ narrative, edition2019: true })), []);
    assertOne(miniReport({ narrative: narrative.replace('12件', '15件'), edition2019: true }), '15', ['为 12']);
  });

  test('traditional characters: flagged the same, the phrase quoted as written', () => {
    const narrative = '2023年，我局共收到政府信息公開申請14件，辦結13件。';
    const d = assertOne(miniReport({ narrative }), '14', ['收到政府信息公開申請14件', '12']);
    assert.ok(d.message.includes('收到政府信息公開申請14件'));
  });

  test('cixi in traditional characters: clean, and a mutated figure fires', async () => {
    const OpenCC = await import('opencc-js');
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const text = toTraditional(CIXI);
    assert.deepEqual(findings(text), []);
    const mutated = text.replace('收到信息公開申請103件', '收到信息公開申請105件');
    assert.notEqual(mutated, text);
    assertOne(mutated, '105', ['收到信息公開申請105件', '103']);
  });

  test('English messages', () => {
    const d = assertOne(miniReport({ narrative: ok.replace('办结13件', '办结14件') }), '14', ['The text says "办结14件"', 'is 13'], { locale: 'en' });
    assert.ok(!/[，。]/.test(d.message.replace(/"[^"]*"/g, '')));
  });
});

describe('text-vs-table: "均获维持"', () => {
  test('contradicts a case 尚未审结 in the group the sentence names', () => {
    const pending = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1];
    const d = assertOne(miniReport({ narrative: '因政府信息公开被提起行政诉讼2件，均获维持。', t4: pending }), '均获维持', ['尚未审结', '1']);
    assert.equal(d.related.length, 1);
  });

  test('contradicts a case 纠正', () => {
    const corrected = [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    assertOne(miniReport({ narrative: '因政府信息公开被申请行政复议1件，复议结果全部维持。', t4: corrected }), '全部维持', ['结果纠正', '1']);
  });

  test('holds when every case was upheld, or when only another group has a pending case', () => {
    const upheld = [1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1];
    assert.deepEqual(findings(miniReport({ narrative: '因政府信息公开被申请行政复议1件，提起行政诉讼2件，均获维持。', t4: upheld })), []);
    const lawsuitPending = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1];
    assert.deepEqual(findings(miniReport({ narrative: '因政府信息公开被申请行政复议1件，均获维持。', t4: lawsuitPending })), []);
  });
});

describe('text-vs-table: 表三 categories named in the text', () => {
  // The mini report's 表三: （一）5 + （二）3; （三）0; （四）5 (all in 1.本机关不掌握); （五）0; （六）0.
  const ok = '2023年，我局共收到政府信息公开申请12件，办结13件。予以公开及部分公开8件；不予公开0件；因本机关不掌握等原因无法提供5件；不予处理0件；其他处理0件。';

  test('agrees with its table: no finding', () => assert.deepEqual(findings(miniReport({ narrative: ok })), []));

  const mutations: [string, string, string, string[]][] = [
    ['予以公开及部分公开8件', '予以公开及部分公开7件', '7', ['予以公开及部分公开7件', '“（一）予以公开”与“（二）部分公开”之和为 8', '5 + 3']],
    ['不予公开0件', '不予公开2件', '2', ['不予公开2件', '“（三）不予公开”合计为 0']],
    ['等原因无法提供5件', '等原因无法提供4件', '4', ['无法提供4件', '“（四）无法提供”合计为 5', '5 + 0 + 0']],
    ['不予处理0件', '不予处理1件', '1', ['不予处理1件', '（五）不予处理']],
    ['其他处理0件', '其他处理3件', '3', ['其他处理3件', '（六）其他处理']],
  ];
  for (const [from, to, number, says] of mutations) {
    test(`"${to}" is flagged with the rows it adds up`, () => {
      assertOne(miniReport({ narrative: ok.replace(from, to) }), number, says);
    });
  }

  test('a category given with one of its reasons may be that row alone: compared only with 等', () => {
    for (const narrative of ['因属于国家秘密不予公开2件。', '因本机关不掌握相关政府信息无法提供4件。', '信访举报投诉类申请不予处理3件。']) {
      assert.deepEqual(findings(miniReport({ narrative })), [], narrative);
    }
  });

  test('a row whose 总计 is blank counts the sum of its cells, and the message says so', () => {
    const t3 = { r1: [4, 1, 0, 0, 0, 0, '——'] };
    assert.deepEqual(findings(miniReport({ narrative: '予以公开及部分公开8件。', t3 })), []);
    assertOne(miniReport({ narrative: '予以公开及部分公开9件。', t3 }), '9', ['为 8', '总计栏空白的行按各列之和计']);
    // A row with no number at all is not known: the category is not compared.
    const unknown = { r4_2: ['——', '——', '——', '——', '——', '——', '——'] };
    assert.deepEqual(findings(miniReport({ narrative: '因本机关不掌握等原因无法提供9件。', t3: unknown })), []);
  });

  test('2019 edition: （六）其他处理 is one row', () => {
    const narrative = '2020年，我局共收到政府信息公开申请12件，其他处理0件。';
    assert.deepEqual(findings(miniReport({ narrative, edition2019: true })), []);
    assertOne(miniReport({ narrative: narrative.replace('其他处理0件', '其他处理2件'), edition2019: true }), '2', ['（六）其他处理', '为 0']);
  });

  test('English messages', () => {
    assertOne(miniReport({ narrative: ok.replace('予以公开及部分公开8件', '予以公开及部分公开7件') }), '7', ['"（一）予以公开" + "（二）部分公开" is 8 (5 + 3)'], { locale: 'en' });
  });
});

describe('text-vs-table: 表二 现行有效 in the phrasings reports use', () => {
  test('"清理并集中发布现行有效行政规范性文件N件" names the 现行有效 cell', () => {
    const narrative = '清理并集中发布现行有效行政规范性文件25件，动态更新本年度制发的规范性文件3件。';
    assertOne(miniReport({ narrative }), '25', ['现行有效行政规范性文件25件', '现行有效件数', '20']);
    assert.deepEqual(findings(miniReport({ narrative: narrative.replace('25件', '20件') })), []);
    assert.deepEqual(findings(miniReport({ narrative: '集中公开现行有效行政规范性文件20件。' })), []);
  });
});

describe('text-vs-table: a real report (r01, 2019 上海市人民政府办公厅)', () => {
  // As published: its 表三/表四 leave cells blank between tabs, and the table reader keeps them in place.
  const r01 = corpusReport('r01_shanghai_bgt_2019');
  const found = findings(r01);
  const on = (phrase: string) => found.find((d) => r01.slice(d.start, d.end + phrase.length).includes(phrase));

  test('"予以公开及部分公开258件": （一）272 + （二）3 = 275', () => {
    const d = found.find((d) => d.message.includes('予以公开及部分公开258件'));
    assert.ok(d, found.map((d) => d.message).join('\n'));
    assert.equal(spanText(r01, d), '258');
    assert.ok(d.message.includes('275') && d.message.includes('272 + 3'));
  });

  test('"无法提供265件": （四） = 265 + 47 + 25 = 337', () => {
    const d = found.find((d) => d.message.includes('无法提供265件'));
    assert.ok(d);
    assert.ok(d.message.includes('337') && d.message.includes('265 + 47 + 25'));
  });

  test('"均获维持": 复议 尚未审结 2, 直接起诉 尚未审结 1', () => {
    const d = found.find((d) => spanText(r01, d) === '均获维持');
    assert.ok(d);
    assert.deepEqual(d.related.map((r) => spanText(r01, r)), ['2', '1']);
  });

  test('and nothing else: 859, 805, 不予公开35, 不予处理158, 行政复议7 agree with the tables', () => {
    assert.equal(found.length, 3, found.map((d) => d.message).join('\n'));
    assert.equal(on('859'), undefined);
  });
});

describe('text-vs-table: the same yearly figure stated twice', () => {
  test('the body\'s 主动公开 total, and a left-over template sentence that states another', () => {
    const narrative = '（一）主动公开情况。2021年，市政府办公室共主动公开政府信息141条，其中机构职能类信息16条，其他类信息125条。其中主动公开政府信息17条，作为依申请公开信息数28条，不予公开信息数8条。';
    const text = miniReport({ narrative });
    const d = assertOne(text, '17', ['其中主动公开政府信息17条', '市政府办公室共主动公开政府信息141条']);
    assert.deepEqual(d.related.map((r) => spanText(text, r)), ['141']);
    assert.deepEqual(findings(miniReport({ narrative: narrative.replace('17条', '141条') })), []);
  });

  test('one named channel with two yearly counts ("审计信息栏目" and "审计信息专栏")', () => {
    const narrative = '（一）主动公开政府信息情况\n2022年，我局通过管委会网站审计信息栏目公开信息20条。\n（四）政府信息公开平台建设情况\n在管委会网站设置审计信息专栏，全年通过审计信息专栏公开政府信息16条。';
    assertOne(miniReport({ narrative }), '16', ['全年通过审计信息专栏公开政府信息16条', '我局通过管委会网站审计信息栏目公开信息20条']);
    assert.deepEqual(findings(miniReport({ narrative: narrative.replace('16条', '20条') })), []);
  });

  test('figures that look alike but are not the same figure', () => {
    for (const narrative of [
      // Two bureaus' counts in one paragraph each: 发布信息 names no channel and is not the body's total.
      '区经济发展局全年共发布信息291条。区应急管理局全年共发布信息68条。',
      // A category of the total, and the total.
      '共公布政府信息2602条，其中其他应主动公开政府信息1053条。',
      // Two channels.
      '通过政府网站公开信息20条，通过政务微信公开信息16条。',
      // Two bodies.
      '市政府主动公开政府信息5000条。市政府办公室主动公开政府信息141条。',
      // Another scope, part of the year, a comparison.
      '全区共主动公开政府信息13561条。我局主动公开政府信息141条。',
      '上半年主动公开政府信息60条。全年主动公开政府信息141条。',
      '全年主动公开政府信息141条，较2020年主动公开政府信息120条有所增加。',
      // Parts of the total, by body.
      '2023年主动公开政府信息2122条，其中管委会主动公开政府信息1509条，乡镇主动公开政府信息613条。',
      '2023年主动公开政府信息2122条。管委会机关主动公开政府信息1509条，乡镇主动公开政府信息613条。',
      // A channel named without 通过, then the total.
      '政府网站主动公开政府信息120条。全年主动公开政府信息141条。',
    ]) {
      assert.deepEqual(findings(miniReport({ narrative })), [], narrative);
    }
  });

  test('English messages', () => {
    assertOne(miniReport({ narrative: '共主动公开政府信息141条。其中主动公开政府信息17条。' }), '17', ['the same figure with two values'], { locale: 'en' });
  });
});


describe('text-vs-table: "均已办结" while 表三 carries requests into next year', () => {
  // A consistent 表三 that carries one request into next year: 新收 12 + 上年结转 1 = （七）总计 12 + 结转 1.
  const carrying = { r4_1: [4, 0, 0, 0, 0, 0, 4], total: [10, 2, 0, 0, 0, 0, 12], next: [1, 0, 0, 0, 0, 0, 1] };
  const finishing = { r4_1: [5, 0, 0, 0, 0, 0, 5], total: [11, 2, 0, 0, 0, 0, 13], next: [0, 0, 0, 0, 0, 0, 0] };
  const received = '本年度共收到政府信息公开申请12件，';
  const carried = (narrative: string) => miniReport({ narrative, t3: carrying });

  test('the two tables are consistent (no other finding of 表三 arithmetic)', () => {
    const r = check(carried('本年度共收到政府信息公开申请12件。'));
    assert.deepEqual(r.diagnostics.filter((d) => ['balance', 'column-total', 'row-total'].includes(d.rule)), []);
  });

  for (const phrase of ['均已办结', '已全部办结', '全部按期办结', '均在法定期限内办结', '均严格按照相关规定在法定期限内依法办结', '办结率100%', '均按期规范办结', '全部办理完毕']) {
    test(`"${received}${phrase}" while 结转 is 1`, () => {
      const text = carried(`${received}${phrase}。`);
      const d = assertOne(text, phrase, [`正文称“${phrase}”`, '四、结转下年度继续办理', '为 1']);
      const cell = check(text).report.tables.t3!.rows.get('next')!.cells[6];
      assert.deepEqual(d.related.map((r) => [r.start, r.end]), [[cell.span.start, cell.span.end]]);
    });
  }

  test('the subject named in the sentence before (the sub-heading "（二）依申请公开")', () => {
    assertOne(carried('（二）依申请公开\n本年度共收到12件，均已办结。'), '均已办结', ['均已办结']);
  });

  test('quoted as the report writes it (traditional)', () => {
    assertOne(carried('本年度共收到政府信息公開申請12件，均已辦結。'), '均已辦結', ['正文称“均已辦結”']);
  });

  test('a 结转 row whose 总计 is blank counts its cells', () => {
    const text = miniReport({ narrative: `${received}均已办结。`, t3: { ...carrying, next: [1, 0, 0, 0, 0, 0, ''] } });
    assertOne(text, '均已办结', ['为 1']);
  });

  test('the message in English', () => {
    const d = findings(carried(`${received}均已办结。`), { locale: 'en' })[0];
    assert.ok(d.message.includes('The text says "均已办结", but 表三 "四、结转下年度继续办理" 总计 is 1'), d.message);
  });

  // ---- must stay clean

  test('结转 0 or blank: every request was finished', () => {
    assert.deepEqual(findings(miniReport({ narrative: `${received}均已办结。`, t3: finishing })), []);
    const blank = miniReport({ narrative: `${received}均已办结。`, t3: { ...finishing, next: ['', '', '', '', '', '', ''] } });
    assert.deepEqual(findings(blank), []);
  });

  for (const narrative of [
    // Timeliness of the answers given, not "none pending" (r01: 805 answered on time, 72 carried over).
    `${received}均在法定期限内予以答复。`,
    `${received}均在法定期限内答复。`,
    // A subset, or a sentence that itself says one is carried over.
    `${received}1件结转下年度继续办理，其余均已办结。`,
    `${received}除1件正在办理外，均已办结。`,
    '上年结转的1件申请均已办结。',
    // Other subjects: review, lawsuits, hotline, services.
    '本年度因政府信息公开被申请行政复议1件，均已办结。',
    `${received}行政复议1件，均已办结。`,
    '收到群众诉求348件，办结率100%。',
    '全部事项均可在30分钟内办结。',
    // Rates of timeliness, goals, negations.
    `${received}按时办结率100%。`,
    '确保依申请公开全部按期办结。',
    `${received}未全部办结。`,
  ]) {
    test(`clean: "${narrative}" with 结转 1`, () => {
      assert.deepEqual(findings(carried(narrative)).map((d) => d.message), []);
    });
  }

  test('clean: a plan in 五 ("…确保全部按期办结", "做到依申请公开全部办结")', () => {
    const text = mutate(carried('本年度共收到政府信息公开申请12件。'), '信息更新不够及时。', '2024年将规范依申请公开办理，依申请公开全部按期办结。');
    assert.deepEqual(findings(text), []);
  });

  test('real reports: c02 "办结率100%" and cixi "均按期规范办结" hold (结转 0); with 结转 1 they are reported', () => {
    const c02 = corpusReport('c02_pingtan_syq_2022');
    assert.deepEqual(findings(c02).map((d) => d.message), []);
    const c02Carrying = mutate(c02, '四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0', '四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1');
    assertOne(c02Carrying, '办结率100%', ['办结率100%', '为 1']);
    const cixiCarrying = mutate(CIXI, '\t四、结转下年度继续办理\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0', '\t四、结转下年度继续办理\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1');
    assertOne(cixiCarrying, '均按期规范办结', ['均按期规范办结', '为 1']);
  });

  test('r01 "均在法定期限内予以答复" with 72 carried into next year is not reported', () => {
    const r01 = corpusReport('r01_shanghai_bgt_2019');
    assert.ok(r01.includes('均在法定期限内予以答复'));
    assert.equal(findings(r01).filter((d) => d.message.includes('结转下年度')).length, 0);
  });
});
