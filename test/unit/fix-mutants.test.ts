// A fix never hides an error (issue 14): mutants of the repository's own real reports (the three
// fixtures and the complete reports c01–c05), each with one 表三/表四 cell changed by ±1…5 or
// blanked, are fixed as `nianbao check --fix` fixes them (core/fix.ts applyFixes, pass after pass)
// and as fix-all over LSP does (lsp/fixes.ts fixAllEdits). After either:
// - only numbers changed;
// - no error appeared that the mutant did not have;
// - a mutant that re-checks as clean as its original (no error beyond the original's own) is
//   byte-identical to the original: otherwise a fix hid the typo;
// - a blanked mutant comes out unchanged (a blank is not a zero, and never makes a fix free).
// Each report is first given its own fixes (cixi's two headings), so that the tables are all a fix
// could touch. Every cell is blanked; one of the ten changes ±1…5 of each cell is drawn with a fixed
// seed (NIANBAO_ALL_MUTANTS=1 runs all ten that leave the cell a count: 9,480 mutants).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyEdits, applyFixes, check, fixture, lineAt, replaceSpan, valueCells, type PlacedCell } from '../support/assertions';
import { rng } from '../support/reports';
import { fixAllEdits } from '../../server/src/lsp/fixes';
import type { CheckResult } from '../../server/src/core';

const REPORTS: [string, string][] = [
  ['2023-xiaocaoe-town.txt', fixture('2023-xiaocaoe-town.txt')],
  ['2023-sushui-town.txt', fixture('2023-sushui-town.txt')],
  ['2023-cixi-city-office.txt', fixture('2023-cixi-city-office.txt')],
  ...['c01_pingtan_syq_2021', 'c02_pingtan_syq_2022', 'c03_pingtan_syq_2023', 'c04_pingtan_syq_2024', 'c05_pingtan_syq_2025'].map(
    (name): [string, string] => [name, readFileSync(path.resolve(__dirname, '../data/corpus', `${name}.txt`), 'utf8')],
  ),
];
const ALL = process.env.NIANBAO_ALL_MUTANTS === '1';
const DELTAS = [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5];

/** `nianbao check --fix`: fixes applied pass after pass until nothing changes (at most 10). */
function cliFix(text: string, first: CheckResult): string {
  let current = text;
  let result = first;
  for (let pass = 0; pass < 10; pass++) {
    const next = applyFixes(current, result.diagnostics);
    if (next === current) break;
    current = next;
    result = check(current);
  }
  return current;
}

const errors = (r: CheckResult) => new Set(r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.rule}@${lineAt(r, d.start)}`));
const digitsMasked = (s: string) => s.replace(/[0-9]+/g, '#');

interface Mutant {
  what: string;
  text: string;
  blank: boolean;
}

function mutantsOf(text: string, base: CheckResult, cells: PlacedCell[], seed: number): Mutant[] {
  const random = rng(seed);
  const out: Mutant[] = [];
  for (const c of cells) {
    const name = `${c.table} ${c.row}[${c.column}] at line ${lineAt(base, c.cell.span.start)}`;
    out.push({ what: `${name} blanked`, text: replaceSpan(text, c.cell.span, ''), blank: true });
    const v = c.cell.value!;
    const deltas = DELTAS.filter((d) => v + d >= 0);
    const chosen = ALL ? deltas : deltas.length ? [deltas[Math.floor(random() * deltas.length)]] : [];
    for (const d of chosen) out.push({ what: `${name} ${v}→${v + d}`, text: replaceSpan(text, c.cell.span, String(v + d)), blank: false });
  }
  return out;
}

let total = 0;
let hidden = 0;

REPORTS.forEach(([name, raw], index) => {
  test(`${name}: no fix hides a changed or blanked table cell, over --fix and over LSP fix-all`, () => {
    const original = cliFix(raw, check(raw));
    const base = check(original);
    const baseErrors = errors(base);
    const cells = valueCells(base);
    assert.ok(cells.length >= 15, `${name}: ${cells.length} table cells read`);
    const failures: string[] = [];
    const mutants = mutantsOf(original, base, cells, 1000 + index);
    total += mutants.length;
    for (const m of mutants) {
      const r = check(m.text);
      const mutantErrors = errors(r);
      const byCli = cliFix(m.text, r);
      const byLsp = applyEdits(m.text, fixAllEdits(m.text, r.diagnostics));
      const rechecked = new Map<string, Set<string>>();
      for (const [how, fixed] of [['--fix', byCli], ['fix-all', byLsp]] as const) {
        if (fixed === m.text) continue;
        const what = `${m.what}, ${how}`;
        if (m.blank) failures.push(`${what}: a blanked mutant was changed`);
        if (digitsMasked(fixed) !== digitsMasked(m.text)) failures.push(`${what}: something other than numbers changed`);
        if (fixed === original) continue; // restored: nothing new, nothing hidden
        let afterErrors = rechecked.get(fixed);
        if (!afterErrors) rechecked.set(fixed, (afterErrors = errors(check(fixed))));
        const fresh = [...afterErrors].filter((k) => !mutantErrors.has(k) && !baseErrors.has(k));
        if (fresh.length) failures.push(`${what}: new errors ${fresh.join(', ')}`);
        const clean = [...afterErrors].every((k) => baseErrors.has(k));
        if (clean && fixed !== original) {
          if (how === '--fix') hidden++;
          failures.push(`${what}: re-checks clean but differs from the original (the typo is hidden)`);
        }
      }
    }
    assert.equal(failures.length, 0, `${failures.length} failures of ${mutants.length} mutants:\n${failures.slice(0, 10).join('\n')}`);
  });
});

test('mutant count', () => {
  // Printed for the record (issue 14 asks for the count and how many hid a typo).
  process.stdout.write(`# fix mutants: ${total}, typos hidden by --fix: ${hidden}\n`);
  assert.ok(total > 1000, `only ${total} mutants`);
});
