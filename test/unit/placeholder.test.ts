// placeholder: the prompts of the new-report template (core/template.ts) left in a report, in either
// language, and its "（单位名称）" field; never other bracketed text (page chrome, headings in 【】,
// ordinary sentences about 填写), and "XX镇" stays foreign-text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core';
import { CIXI, SUSHUI, XIAOCAOE } from '../support/mini-report';

const CORPUS = path.resolve(__dirname, '../data/corpus');

function placeholders(text: string, locale: 'zh-cn' | 'en' = 'zh-cn') {
  return check(text, { locale })
    .diagnostics.filter((d) => d.rule === 'placeholder')
    .map((d) => ({ text: text.slice(d.start, d.end), message: d.message, severity: d.severity, fix: d.fix }));
}

/** A real report (xiaocaoe) with `line` added after its first paragraph of 总体情况. */
function withLine(line: string): string {
  const at = XIAOCAOE.indexOf('2023年，全镇通过不同渠道');
  assert.ok(at > 0);
  return `${XIAOCAOE.slice(0, at)}${line}\n${XIAOCAOE.slice(at)}`;
}

test('a prompt left in a real report is an error on the prompt, in any of the phrasings', () => {
  const cases = [
    '【请在此填写本年度主动公开政府信息的主要做法和成效】',
    '【此处填写政府信息管理工作情况】',
    '【请补充本年度依申请公开的办理情况】',
    '［请在此处填写监督保障情况］', // full-width square brackets
    '（请在此填写政府网站建设情况）', // round brackets: only 在此/此处 填写
    '【如有其他需要报告的事项，请在此填写；没有可删去本句】',
    '【Describe this year’s proactive disclosure work and its results here】',
    '[Other matters to report, if any; otherwise delete this sentence]',
  ];
  for (const prompt of cases) {
    const found = placeholders(withLine(`本镇加强政务公开。${prompt}`));
    assert.deepEqual(found.map((f) => f.text), [prompt], prompt);
    assert.equal(found[0].severity, 'error');
    assert.equal(found[0].fix, null);
    // Quoted as written, cut after 40 characters.
    const quoted = prompt.length > 40 ? prompt.slice(0, 40) + '…' : prompt;
    assert.equal(found[0].message, `模板的提示语尚未替换为报告内容：“${quoted}”`);
  }
  assert.equal(
    placeholders(withLine('【请填写】'), 'en')[0].message,
    'A prompt of the report template is still here, not replaced by the report’s text: "【请填写】"',
  );
});

test('the template\'s "（单位名称）" field is reported where it stands', () => {
  const text = XIAOCAOE.replace('小曹娥镇人民政府\n', '（单位名称）\n');
  const found = placeholders(text);
  assert.deepEqual(found.map((f) => [f.text, f.message]), [['（单位名称）', '模板中的“（单位名称）”尚未填写']]);
});

test('bracketed text that is not a prompt of the template is not reported', () => {
  const passing = [
    '【字体：大 中 小】【打印】【关闭】', // page chrome (foreign-text)
    '【 打印 】 【 关闭窗口 】',
    '【依申请公开】群众可到便民服务中心提出申请。', // a heading in 【】
    '群众可到便民服务中心提出申请（申请人请填写《政府信息公开申请表》）。', // an ordinary sentence about 填写
    '申请人请填写申请表，并在此签名。',
    '[1] 数据来源：镇党政办。',
    '（单位名称：小曹娥镇人民政府）', // a filled-in field
    '【说明】本报告数据截至2023年12月31日。',
  ];
  for (const line of passing) assert.deepEqual(placeholders(withLine(line)), [], line);
});

test('"XX镇" stays a foreign-text hint, not a placeholder', () => {
  const text = XIAOCAOE.replace('2023年，小曹娥镇认真对照', '2023年，XX镇认真对照');
  const { diagnostics } = check(text);
  assert.deepEqual(diagnostics.filter((d) => d.rule === 'placeholder'), []);
  assert.ok(diagnostics.some((d) => d.rule === 'foreign-text' && text.slice(d.start, d.end) === 'XX镇'));
});

test('the fixtures and the 36 corpus reports hold no prompt', () => {
  for (const text of [CIXI, SUSHUI, XIAOCAOE]) assert.deepEqual(placeholders(text), []);
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
  assert.equal(files.length, 36);
  for (const f of files) assert.deepEqual(placeholders(readFileSync(path.join(CORPUS, f), 'utf8')), [], f);
});

test('placeholder stays total and bounded on odd input', () => {
  const inputs = ['', '【', '】', '【'.repeat(100000), '(填写'.repeat(50000), '【请填写'.repeat(30000), `【${'请在此填写'.repeat(100)}】`, '（单位名称'.repeat(20000)];
  for (const text of inputs) {
    const errors: unknown[] = [];
    check(text, { onRuleError: (_rule, e) => errors.push(e) });
    assert.deepEqual(errors, []);
  }
  // At most 50 findings, however many prompts.
  assert.equal(placeholders('【请填写】\n'.repeat(200)).length, 50);
});
