// Real reports as their bodies published them (test/data/README.md), read from the
// published file and checked whole: what a reviewer who collects them gets. Each was checked by hand:
// the findings below are all its defects, and nothing else may be reported.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Diagnostic } from '../../server/src/core';
import { readSource } from '../../server/src/sources';
import { LineIndex } from '../../server/src/core/text/lines';

const PUBLISHED = path.resolve(__dirname, '../data/published');

async function checked(name: string): Promise<{ text: string; diagnostics: Diagnostic[]; lineOf: (d: Diagnostic) => string }> {
  const file = path.join(PUBLISHED, name);
  const source = await readSource(fs.readFileSync(file), file);
  assert.ok(source.ok, JSON.stringify(source));
  const { text } = source;
  const result = check(text);
  const lines = new LineIndex(text);
  const lineOf = (d: Diagnostic) => text.slice(lines.starts[lines.positionAt(d.start).line], lines.lineEnd(lines.positionAt(d.start).line));
  return { text, diagnostics: result.diagnostics, lineOf };
}

/** "severity rule" of each finding above a hint, in order. */
const findings = (ds: Diagnostic[]) => ds.filter((d) => d.severity !== 'hint').map((d) => `${d.severity} ${d.rule}`);

describe('reports as published (PDF)', () => {
  it('淮安市 2024: page numbers between the rows and a 表三 label wrapped around its merged header cell read as the report; every sum holds', async () => {
    const { text, diagnostics } = await checked('2024-huaian-city.pdf');
    // The page numbers ("- 4 -") are not part of the text read.
    assert.doesNotMatch(text, /^\s*-\s*\d+\s*-\s*$/m);
    // The paragraph cut by the foot of page 2 goes on at the head of page 3, without its page number.
    assert.match(text, /将栏目不更新、政策解读不通俗易懂/);
    assert.deepEqual(findings(diagnostics), []);
    const t3 = check(text).report.tables.t3!;
    // "- 4 -" below 1.本机关不掌握相关政府信息 was read as three more cells of that row.
    assert.deepEqual(t3.rows.get('r4_1')!.cells.map((c) => c.value), [746, 12, 0, 0, 10, 1, 769]);
    // "（六）其" / "他处理" laid between the label's lines: the whole standard label is read.
    assert.equal(t3.rows.get('r6_2')!.label, '2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    for (const row of t3.rows.values()) if (row.cells.length) assert.ok(row.positioned, row.label);
  });

  it('洪泽区 2023: its two 表四 totals, the 2019 edition of its 表三, and a misprinted row label that is still its row', async () => {
    const { diagnostics, lineOf } = await checked('2023-hongze-district.pdf');
    assert.deepEqual(findings(diagnostics), ['information row-label', 'error edition-mismatch', 'error appeal-total', 'error appeal-total']);
    const [label, edition, review, lawsuit] = diagnostics.filter((d) => d.severity !== 'hint');
    // "2.其他法律行政止公开" (法规禁 lost) is the row 2.其他法律行政法规禁止公开, not a missing row.
    assert.match(label.message, /“2\.其他法律行政止公开”.*“2\.其他法律行政法规禁止公开”/);
    assert.match(lineOf(label), /^2\.其他法律行政止公开\t0/);
    // 表二 is of the 2021 edition; only 表三's single （六）其他处理 row is of the 2019 one.
    assert.match(edition.message, /但表三（收到和处理政府信息公开申请情况）是2019 年版/);
    assert.match(review.message, /^行政复议 · 总计 应为 11（结果维持 10 \+ 结果纠正 1），实为 0$/);
    assert.match(lawsuit.message, /^行政诉讼（复议后起诉） · 总计 应为 5（结果维持 5），实为 0$/);
    // Read as cells, the page number under 2.没有现成信息需要另行制作 took that row out of the sums.
    assert.ok(!diagnostics.some((d) => d.rule === 'cell-missing' || d.rule === 'row-missing'));
  });
});
