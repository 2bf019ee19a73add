// percentage: "予以公开5件，占38.5%" — a share of the requests matches its count and the total (the
// text's own, 表三 （七）总计, 新收, or 新收 + 上年结转), within the rounding of the stated decimals.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type CheckOptions, type Diagnostic } from '../../server/src/core';
import { CIXI, SUSHUI, XIAOCAOE, findingsOf, inMini, mutate, spanText } from '../support/mini-report';

const findings = findingsOf('percentage');

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

describe('percentage: shares of a breakdown in the narrative', () => {
  // 4 + 2 + 43 + 8 = 57; 4/57 = 7.0175…, 2/57 = 3.5087…, 43/57 = 75.438…, 8/57 = 14.035…
  const rounded = '2019年我乡主动公开政府信息57条：其中部门公告4条，信息公开总量的7.02%；概况信息2条，占信息公开总量的3.51%；工作动态43条，占信息公开总量的75.44%；其他信息8条，占信息公开总量的14.04%。';

  test('shares of the stated total that all agree: no finding', () => assert.deepEqual(findings(inMini(rounded)), []));

  test('a list that rounds cannot truncate one share (2/57 written 3.50%)', () => {
    const [d] = assertFindings(inMini(rounded.replace('3.51%', '3.50%')), [['3.50%', ['概况信息2条，占信息公开总量的3.50%', '2 ÷ 57', '3.5088%', '四舍五入为 3.51%']]]);
    assert.equal(d.related.length, 1);
  });

  test('a list that truncates every share is consistent', () => {
    const truncated = rounded.replace('7.02%', '7.01%').replace('3.51%', '3.50%').replace('75.44%', '75.43%').replace('14.04%', '14.03%');
    assert.deepEqual(findings(inMini(truncated)), []);
  });

  test('a share far from its count: wrong whatever the rounding', () => {
    assertFindings(inMini(rounded.replace('75.44%', '80%')), [['80%', ['43 ÷ 57', '75.4%']]]);
  });

  test('a lone share of a breakdown may be of something else: not checked', () => {
    assert.deepEqual(findings(inMini('主动公开政府信息57条，其中概况信息2条，占总量的5%。')), []);
  });

  test('English messages', () => {
    assertFindings(inMini(rounded.replace('3.51%', '3.50%')), [['3.50%', ['3.51% when rounded']]], { locale: 'en' });
  });
});

