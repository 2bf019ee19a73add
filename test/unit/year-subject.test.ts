// year-mismatch: a year of the next year right after the body's own name ("本局2024年度收到…") still
// states when the work happened (found by the single-defect mutants of the clean real reports).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateReport } from '../support/reports';
import { check, describe, lineAt, lineOf, ofRule, replaceOnce } from '../support/assertions';

const base = generateReport({ year: 2023, body: '青山县市场监督管理局', shape: 'tabs' }).text;
const SENTENCE = '（三）政府信息管理。定期开展规范性文件清理，做好信息发布审核。';

function yearFindings(text: string, needle: string) {
  const r = check(text);
  const line = lineOf(text, needle);
  return { r, found: ofRule(r, 'year-mismatch').filter((d) => lineAt(r, d.start) === line) };
}

for (const subject of ['本局', '我局', '本机关']) {
  test(`"${subject}2024年度收到…" in a 2023 report is a year-mismatch fixed to 2023`, () => {
    const text = replaceOnce(base, SENTENCE, `${SENTENCE}${subject}2024年度收到4件咨询。`);
    const { r, found } = yearFindings(text, `${subject}2024年度`);
    assert.equal(found.length, 1, describe(r));
    assert.equal(found[0].fix?.edits[0].newText, '2023');
  });
}

test('after a comma: "…审核，本局2024年共公开信息12条" is a year-mismatch', () => {
  const text = replaceOnce(base, SENTENCE, SENTENCE.replace('。', '，本局2024年共公开信息12条。'));
  const { r, found } = yearFindings(text, '本局2024年');
  assert.equal(found.length, 1, describe(r));
});

test('clean neighbours: the report year, a plan, a document and another body before the year pass', () => {
  for (const sentence of [
    '本局2023年度收到4件咨询。',
    '本局2024年将继续推进政务公开。',
    '本局2024年度部门预算已公开。',
    '省局2024年度工作要点已转发。',
  ]) {
    const text = replaceOnce(base, SENTENCE, `${SENTENCE}${sentence}`);
    const { r, found } = yearFindings(text, sentence.slice(0, 4));
    assert.equal(found.length, 0, `${sentence}\n${describe(r)}`);
  }
});

test('r21 (real excerpt, traditional): "本局2024年度收到4件…" made 2025 is found', () => {
  const file = path.resolve(__dirname, '../data/corpus/r21_scjg_2024_trad.txt');
  const original = readFileSync(file, 'utf8');
  assert.equal(ofRule(check(original), 'year-mismatch').length, 0);
  const text = replaceOnce(original, '本局2024年度收到', '本局2025年度收到');
  const { r, found } = yearFindings(text, '本局2025年度收到');
  assert.equal(found.length, 1, describe(r));
  assert.ok(['error', 'warning'].includes(found[0].severity));
});
