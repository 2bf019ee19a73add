// R5 text-vs-table: a figure stated in the narrative equals the table cell it names; "均获维持"
// contradicts a 表四 case that was 纠正 or is 尚未审结.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check, type CheckOptions, type Diagnostic } from '../../server/src/core';
import { CIXI, SUSHUI, XIAOCAOE, assertOneFinding, findingsOf, miniReport, mutate, spanText } from '../support/mini-report';

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
