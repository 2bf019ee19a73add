// Shared helpers for the engine's unit tests: fixtures, line numbers, finding sets, cell edits.
// Line numbers in these helpers are 1-based, as the fixtures' README and editors show them.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { check, applyFixes, applyEdits } from '../../server/src/core';
import type { CheckOptions, CheckResult, Diagnostic, Severity, RuleId, Cell, Table } from '../../server/src/core';
import { t3ValueRows } from '../../server/src/core/format/editions';

export { check, applyFixes, applyEdits };

export const FIXTURES_DIR = path.resolve(__dirname, '../data/fixtures');
export const FIXTURE_NAMES = ['2023-xiaocaoe-town.txt', '2023-sushui-town.txt', '2023-cixi-city-office.txt'] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

const fixtureCache = new Map<string, string>();
export function fixture(name: FixtureName): string {
  let text = fixtureCache.get(name);
  if (text === undefined) fixtureCache.set(name, (text = readFileSync(path.join(FIXTURES_DIR, name), 'utf8')));
  return text;
}

export const SUM_RULES: RuleId[] = ['balance', 'column-total', 'row-total', 'appeal-total'];
export const SERIOUS: Severity[] = ['error', 'warning'];

/** 1-based line of an offset. */
export function lineAt(result: CheckResult, offset: number): number {
  return result.lines.positionAt(offset).line + 1;
}

export function startLine(result: CheckResult, d: { start: number }): number {
  return lineAt(result, d.start);
}

/** 1-based line of an offset computed on the text alone (no check needed). */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}

/** "rule@line" for every finding at one of the severities, sorted, duplicates kept once. */
export function findingSet(result: CheckResult, severities: Severity[] = SERIOUS): string[] {
  const set = new Set(result.diagnostics.filter((d) => severities.includes(d.severity)).map((d) => `${d.rule}@${startLine(result, d)}`));
  return [...set].sort();
}

export function ofRule(result: CheckResult, rule: RuleId | RuleId[]): Diagnostic[] {
  const rules = Array.isArray(rule) ? rule : [rule];
  return result.diagnostics.filter((d) => rules.includes(d.rule));
}

export function serious(result: CheckResult): Diagnostic[] {
  return result.diagnostics.filter((d) => SERIOUS.includes(d.severity));
}

/** A readable dump of findings for assertion messages. */
export function describe(result: CheckResult, diagnostics: readonly Diagnostic[] = result.diagnostics): string {
  return diagnostics.map((d) => `  ${startLine(result, d)}: ${d.severity} ${d.rule} ${d.message}`).join('\n') || '  (none)';
}

/** Whether a finding's range covers a line (start line ≤ line ≤ end line). */
export function coversLine(result: CheckResult, d: Diagnostic, line: number): boolean {
  return lineAt(result, d.start) <= line && line <= lineAt(result, d.end);
}

export function assertNoSerious(result: CheckResult, what: string): void {
  const found = serious(result);
  assert.equal(found.length, 0, `${what}: expected no error/warning, got\n${describe(result, found)}`);
}

/** A table cell with the row key and column it sits at. */
export interface PlacedCell {
  table: 't3' | 't4';
  row: string;
  column: number;
  cell: Cell;
}

/** Every readable value cell of positioned rows of 表三 and 表四 (the cells the sum rules judge). */
export function valueCells(result: CheckResult): PlacedCell[] {
  const out: PlacedCell[] = [];
  const t3: Table | null = result.report.tables.t3;
  if (t3) {
    const keys = new Set([...t3ValueRows('2021'), ...t3ValueRows('2019')]);
    for (const [key, row] of t3.rows) {
      if (!keys.has(key) || !row.positioned) continue;
      row.cells.forEach((cell, column) => {
        if (cell.value !== null) out.push({ table: 't3', row: key, column, cell });
      });
    }
  }
  const t4row = result.report.tables.t4?.rows.get('values');
  if (t4row?.positioned) {
    t4row.cells.forEach((cell, column) => {
      if (cell.value !== null) out.push({ table: 't4', row: 'values', column, cell });
    });
  }
  return out;
}

/** Replaces the source text of a cell's span. */
export function replaceSpan(text: string, span: { start: number; end: number }, newText: string): string {
  return text.slice(0, span.start) + newText + text.slice(span.end);
}

/** Removes whole lines [from, to] (1-based, inclusive), keeping the line breaks of the rest. */
export function deleteLines(text: string, from: number, to = from): string {
  const lines = text.split('\n');
  lines.splice(from - 1, to - from + 1);
  return lines.join('\n');
}

/** The 1-based line of the first occurrence of `needle` (throws if absent, so a test cannot silently pass). */
export function lineOf(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `"${needle}" not in the text`);
  return lineOfOffset(text, i);
}

/** Replaces exactly one occurrence of `needle` (fails when it is absent). */
export function replaceOnce(text: string, needle: string, replacement: string): string {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not in the text`);
  return text.slice(0, i) + replacement + text.slice(i + needle.length);
}

export function sumFindings(result: CheckResult): Diagnostic[] {
  return ofRule(result, SUM_RULES);
}

export function run(text: string, options?: CheckOptions): CheckResult {
  return check(text, options);
}
