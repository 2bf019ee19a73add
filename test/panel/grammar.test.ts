// The TextMate grammar (syntaxes/nianbao.tmLanguage.json). VS Code runs it with Oniguruma; the
// patterns use only syntax that JavaScript's RegExp reads the same way, so they are checked here
// with RegExp on the lines they must (and must not) match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const grammar = JSON.parse(readFileSync(join(root, 'syntaxes/nianbao.tmLanguage.json'), 'utf8'));
const repo = grammar.repository as Record<string, { match?: string; begin?: string; patterns?: { match?: string; name?: string }[] }>;
const re = (source: string) => new RegExp(source);
const matches = (name: string, line: string) => re(repo[name].match!).test(line);

test('every pattern compiles', () => {
  const sources: string[] = [];
  JSON.stringify(grammar, (key, value) => {
    if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') sources.push(value);
    return value;
  });
  assert.ok(sources.length > 10);
  for (const s of sources) assert.doesNotThrow(() => re(s), s);
  assert.equal(grammar.scopeName, 'text.nianbao');
});

test('section headings: 一、…六、 (and 1、 typed by Word), not table labels or sentences', () => {
  for (const line of ['一、总体情况', '四、政府信息公开行政复议、行政诉讼情况', '**五、存在的主要问题及改进情况**', '## 六、其他需要报告的事项', '1、 总体情况']) {
    assert.ok(matches('section-heading', line), line);
  }
  for (const line of ['一、本年新收政府信息公开申请数量', '四、结转下年度继续办理', '一是完善工作流程。', '一、我镇共收到申请2件，办结2件。']) {
    assert.ok(!matches('section-heading', line), line);
  }
});

test('sub-headings and table header lines', () => {
  assert.ok(matches('sub-heading', '（一）主动公开'));
  assert.ok(matches('sub-heading', '(二) 依申请公开方面'));
  assert.ok(!matches('sub-heading', '我镇（一）'));
  for (const line of ['三、本年度办理结果', '（三）不予公开', '(六)其他处理', '第二十条第（一）项']) {
    assert.ok(matches('table-header-line', line), line);
  }
  assert.ok(!matches('table-header-line', '（一）主动公开'));
});

test('dates and years; a malformed year is marked', () => {
  const [malformed, date, iso] = repo.date.patterns!.map((p) => re(p.match!));
  assert.equal('落款 2024年1月11日'.match(date)?.[0], '2024年1月11日');
  assert.equal('2023年度'.match(date)?.[0], '2023年度');
  assert.equal('发布日期：2024-02-18'.match(iso)?.[0], '2024-02-18');
  assert.equal('202020年'.match(malformed)?.[0], '202020年');
  assert.equal('202020年'.match(date), null);
  assert.equal(repo.date.patterns![0].name, 'invalid.illegal.year.nianbao');
});

test('table rows: lines with a tab or a pipe; labels and numbers inside them', () => {
  const begin = re(repo['table-row'].begin!);
  assert.ok(begin.test('一、本年新收政府信息公开申请数量\t0\t2'));
  assert.ok(begin.test('| 规章 | 0 | 0 | 0 |'));
  assert.ok(!begin.test('2023年，我镇共收到申请2件。'));
  const label = re(repo['table-row'].patterns!.find((p) => p.name === 'entity.name.tag.table-label.nianbao' && p.match!.includes('本年新收'))!.match!);
  assert.equal('一、本年新收政府信息公开申请数量\t0'.slice(2).match(label)?.[0], '本年新收政府信息公开申请数量');
  assert.equal('其他结果\t'.match(label)?.[0], '其他结果');
  assert.equal('\t（七）总计\t0'.match(label)?.[0], '总计');
  const number = re(repo.number.match!);
  assert.equal('收费 1.5 万元'.match(number)?.[0], '1.5');
  assert.equal('共１２件'.match(number)?.[0], '１２');
});
