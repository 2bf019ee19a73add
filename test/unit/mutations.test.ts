// Mutation tests on the real fixtures (issue 5): plant one defect of a known kind in a real report
// and require the matching rule to find it, as a finding the unmutated report does not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIXTURE_NAMES,
  SUM_RULES,
  check,
  coversLine,
  describe,
  fixture,
  lineAt,
  lineOf,
  ofRule,
  replaceSpan,
  valueCells,
  type FixtureName,
} from '../support/assertions';
import { SECTIONS, t3ValueRows } from '../../server/src/core/format/editions';
import { standardRowLabel } from '../../server/src/core/rules/tables-common';
import type { CheckResult, Diagnostic } from '../../server/src/core';

const key = (d: Diagnostic) => `${d.rule}|${d.message}`;
const newFindings = (before: CheckResult, after: CheckResult, rules: Diagnostic['rule'][]) => {
  const old = new Set(before.diagnostics.map(key));
  return after.diagnostics.filter((d) => rules.includes(d.rule) && !old.has(key(d)));
};

/** Removes the lines [from, to] (0-based) of a text, whole, with their line breaks. */
function cutLines(r: CheckResult, text: string, from: number, to: number): string {
  const start = r.lines.starts[from];
  const end = to + 1 < r.lines.lineCount ? r.lines.starts[to + 1] : text.length;
  return text.slice(0, start) + text.slice(end);
}

for (const name of FIXTURE_NAMES) {
  const text = fixture(name);
  const base = check(text);

  test(`${name}: every single changed 表三/表四 cell is found by a sum rule`, () => {
    const cells = valueCells(base);
    assert.ok(cells.length > 0);
    const misses: string[] = [];
    for (const placed of cells) {
      const v = placed.cell.value!;
      for (const changed of v > 0 ? [v + 1, v - 1] : [v + 1]) {
        const r = check(replaceSpan(text, placed.cell.span, String(changed)));
        const line = lineAt(r, placed.cell.span.start);
        const found = newFindings(base, r, SUM_RULES).filter((d) => coversLine(r, d, line));
        if (!found.length) misses.push(`${placed.table} ${placed.row}[${placed.column}] ${v}→${changed} (line ${line})\n${describe(r, ofRule(r, SUM_RULES))}`);
      }
    }
    assert.equal(misses.length, 0, `${misses.length} undetected:\n${misses.slice(0, 8).join('\n')}`);
  });

  test(`${name}: every deleted 表三 row is found by row-missing`, () => {
    const t3 = base.report.tables.t3;
    assert.ok(t3);
    const valueRows = new Set(t3ValueRows(base.report.edition === '2019' ? '2019' : '2021'));
    const misses: string[] = [];
    let tried = 0;
    for (const [rowKey, row] of t3.rows) {
      if (!valueRows.has(rowKey)) continue;
      tried++;
      const label = standardRowLabel('t3', rowKey);
      const from = base.lines.lineOf(row.span.start);
      const to = base.lines.lineOf(Math.max(row.span.start, row.span.end - 1));
      const r = check(cutLines(base, text, from, to));
      const found = newFindings(base, r, ['row-missing']).filter((d) => d.message.includes(`“${label}”`));
      if (!found.length) misses.push(`${rowKey} “${label}” (lines ${from + 1}-${to + 1})\n${describe(r, ofRule(r, 'row-missing'))}`);
    }
    assert.ok(tried >= 20, `only ${tried} rows`);
    assert.equal(misses.length, 0, `${misses.length} undetected:\n${misses.slice(0, 8).join('\n')}`);
  });

  test(`${name}: every deleted section heading is found by section-missing`, () => {
    const misses: string[] = [];
    for (const s of base.report.sections) {
      if (!s.key) continue;
      const spec = SECTIONS.find((x) => x.key === s.key)!;
      const line = base.lines.lineOf(s.heading.span.start);
      const r = check(cutLines(base, text, line, line));
      const found = newFindings(base, r, ['section-missing']).filter((d) => d.message.includes(spec.standard));
      if (!found.length) misses.push(`${s.key} “${text.slice(s.heading.span.start, s.heading.span.end)}” (line ${line + 1})\n${describe(r, ofRule(r, ['section-missing', 'section-numbering']))}`);
    }
    assert.ok(base.report.sections.length >= 5);
    assert.equal(misses.length, 0, `${misses.length} undetected:\n${misses.join('\n')}`);
  });
}

/** Years in 一、总体情况 that are the report year used as the current year (picked by hand). */
const CURRENT_YEARS: Record<FixtureName, string[]> = {
  '2023-cixi-city-office.txt': ['2023年发布行政规范性文件14件', '2023年共收到信息公开申请'],
  '2023-xiaocaoe-town.txt': ['2023年，全镇通过不同渠道和方式共公开政府信息262条'],
  // Its 总体情况 says 2024 where it means 2023 (already reported); "针对2023年工作落实情况进行核查"
  // shifted by a year could be a check of last year's work, so it is not a clean mutation.
  '2023-sushui-town.txt': [],
};

for (const name of FIXTURE_NAMES) {
  for (const phrase of CURRENT_YEARS[name]) {
    for (const shift of [-1, 1]) {
      test(`${name}: "${phrase.slice(0, 12)}…" with the year ${shift > 0 ? '+1' : '−1'} is a year-mismatch`, () => {
        const text = fixture(name);
        const base = check(text);
        const at = text.indexOf(phrase);
        assert.ok(at >= 0);
        const s1 = base.report.sections.find((s) => s.key === 's1')!;
        assert.ok(at >= s1.span.start && at < s1.span.end, 'the phrase is in 总体情况');
        const mutated = replaceSpan(text, { start: at, end: at + 4 }, String(2023 + shift));
        const r = check(mutated);
        const line = lineOf(mutated, String(2023 + shift) + phrase.slice(4));
        const found = ofRule(r, 'year-mismatch').filter((d) => d.start === at);
        assert.equal(found.length, 1, `line ${line}\n${describe(r, ofRule(r, ['year-mismatch', 'year-malformed']))}`);
        assert.ok(['error', 'warning'].includes(found[0].severity));
        assert.equal(found[0].fix?.edits[0].newText, '2023');
      });
    }
  }
}
