// The four sum rules (FORMAT.md §4 R1–R4): every single wrong number of 表三 and 表四 is found at
// its line and the offered fix repairs the table; a wrong total alone is fixed to the computed sum;
// two independent errors leave no single culprit, so the findings sit on the totals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateReport } from '../support/reports';
import {
  applyEdits,
  check,
  coversLine,
  describe,
  fixture,
  lineAt,
  replaceSpan,
  serious,
  sumFindings,
  valueCells,
  type PlacedCell,
} from '../support/assertions';
import type { CheckResult } from '../../server/src/core';
import { t3ValueRows } from '../../server/src/core/format/editions';

const SOURCES: [string, string][] = [
  ['cixi (one cell per line)', fixture('2023-cixi-city-office.txt')],
  ['generated 2023, tabs', generateReport({ year: 2023, body: '青山县青山镇人民政府', shape: 'tabs' }).text],
  ['generated 2020, tabs', generateReport({ year: 2020, body: '青山县青山镇人民政府', shape: 'tabs' }).text],
];

const cellName = (p: PlacedCell) => `${p.table} ${p.row}[${p.column}]`;

function errorsOf(r: CheckResult): string[] {
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule}:${d.message}`);
}

for (const [name, original] of SOURCES) {
  test(`${name}: the unchanged report has no sum finding`, () => {
    const r = check(original);
    assert.equal(sumFindings(r).length, 0, describe(r, sumFindings(r)));
    // The tables the mutation tests below rely on are readable.
    const rows = t3ValueRows(r.report.edition === '2019' ? '2019' : '2021');
    assert.equal(valueCells(r).filter((c) => c.table === 't3').length, 7 * rows.length, 'all 表三 cells positioned');
    assert.equal(valueCells(r).filter((c) => c.table === 't4').length, 15, 'all 表四 cells positioned');
  });

  test(`${name}: every single changed cell of 表三/表四 is found on its line and the fix repairs it`, () => {
    const clean = check(original);
    const cleanErrors = errorsOf(clean);
    const failures: string[] = [];
    for (const placed of valueCells(clean)) {
      const v = placed.cell.value!;
      for (const changed of v > 0 ? [v + 1, v - 1] : [v + 1, v + 3]) {
        const text = replaceSpan(original, placed.cell.span, String(changed));
        const r = check(text);
        const line = lineAt(r, placed.cell.span.start);
        const covering = sumFindings(r).filter((d) => coversLine(r, d, line));
        const what = `${cellName(placed)} ${v}→${changed} (line ${line})`;
        if (covering.length === 0) {
          failures.push(`${what}: no sum finding covers the line\n${describe(r, sumFindings(r))}`);
          continue;
        }
        const withFix = covering.find((d) => d.fix);
        if (!withFix) {
          failures.push(`${what}: no covering sum finding has a fix\n${describe(r, covering)}`);
          continue;
        }
        const fixed = applyEdits(text, withFix.fix!.edits);
        const after = check(fixed);
        if (sumFindings(after).length) failures.push(`${what}: after the fix of ${withFix.rule}, still\n${describe(after, sumFindings(after))}`);
        const newErrors = errorsOf(after).filter((e) => !cleanErrors.includes(e));
        if (newErrors.length) failures.push(`${what}: the fix adds errors ${newErrors.join('; ')}`);
        // In 表三 one wrong cell is the only cell that explains every failing sum: the fix restores it.
        if (placed.table === 't3' && fixed !== original) failures.push(`${what}: the fix of ${withFix.rule} does not restore the cell (${JSON.stringify(withFix.fix!.edits)})`);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} failures:\n${failures.slice(0, 12).join('\n')}`);
  });
}

const cixi = fixture('2023-cixi-city-office.txt');

test('a wrong row total alone is a row-total finding on that cell, fixed to the computed sum', () => {
  const clean = check(cixi);
  const r2 = clean.report.tables.t3!.rows.get('r2')!; // 26 1 0 0 0 0 27
  const cell = r2.cells[6];
  assert.equal(cell.value, 27);
  const text = replaceSpan(cixi, cell.span, '28');
  const r = check(text);
  const rowTotal = sumFindings(r).filter((d) => d.rule === 'row-total');
  assert.equal(rowTotal.length, 1, describe(r, sumFindings(r)));
  assert.equal(rowTotal[0].start, cell.span.start);
  assert.equal(rowTotal[0].severity, 'error');
  assert.match(rowTotal[0].message, /27/);
  assert.match(rowTotal[0].message, /28/);
  assert.deepEqual(rowTotal[0].fix?.edits, [{ start: cell.span.start, end: cell.span.start + 2, newText: '27' }]);
  // Every sum finding points at the same cell: one mistake, one place.
  for (const d of sumFindings(r)) assert.equal(d.start, cell.span.start, describe(r, [d]));
});

test('two wrong cells at once: no culprit, the findings sit on the stated totals', () => {
  const clean = check(cixi);
  const t3 = clean.report.tables.t3!;
  const a = t3.rows.get('r1')!.cells[0]; // （一）予以公开 · 自然人 15
  const b = t3.rows.get('r4_2')!.cells[1]; // 2.没有现成信息 · 商业企业 0
  let text = replaceSpan(cixi, b.span, '2'); // b is later in the text: replace it first
  text = replaceSpan(text, a.span, String(a.value! + 1)); // same length: spans stay valid
  assert.equal(String(a.value! + 1).length, a.raw.length);
  const r = check(text);
  const found = sumFindings(r);
  const totals = new Map<number, string>([
    [t3.rows.get('r1')!.cells[6].span.start, 'r1 总计'],
    [t3.rows.get('r4_2')!.cells[6].span.start, 'r4_2 总计'],
    [t3.rows.get('total')!.cells[0].span.start, '（七）总计 · 自然人'],
    [t3.rows.get('total')!.cells[1].span.start, '（七）总计 · 商业企业'],
  ]);
  assert.ok(found.length >= 4, describe(r, found));
  for (const d of found) {
    assert.ok(totals.has(d.start), `finding not on a total:\n${describe(r, [d])}`);
    assert.notEqual(d.start, a.span.start);
    assert.notEqual(d.start, b.span.start);
    if (d.fix) assert.equal(d.fix.preferred, false, 'without a culprit a fix is only a suggestion');
  }
  assert.deepEqual(new Set(found.map((d) => totals.get(d.start))), new Set(totals.values()));
  assert.equal(serious(r).filter((d) => d.rule === 'balance').length, 0, 'the balance still holds');
});

test('表四: a wrong group total is an appeal-total finding with the computed total as fix', () => {
  const clean = check(cixi);
  const t4 = clean.report.tables.t4!.rows.get('values')!;
  const total = t4.cells[9]; // 未经复议直接起诉 · 总计 7 = 5+0+0+2
  assert.equal(total.value, 7);
  const text = replaceSpan(cixi, total.span, '8');
  const r = check(text);
  const found = sumFindings(r);
  assert.equal(found.length, 1, describe(r, found));
  assert.equal(found[0].rule, 'appeal-total');
  assert.ok(coversLine(r, found[0], lineAt(r, total.span.start)));
  assert.equal(found[0].fix?.edits[0].newText, '7');
  assert.equal(applyEdits(text, found[0].fix!.edits), cixi);
});

test('the English locale words sum findings in English', () => {
  const clean = check(cixi);
  const cell = clean.report.tables.t3!.rows.get('r2')!.cells[6];
  const r = check(replaceSpan(cixi, cell.span, '28'), { locale: 'en' });
  const d = sumFindings(r).find((x) => x.rule === 'row-total');
  assert.ok(d);
  assert.match(d.message, /should be 27/);
});

test('without a culprit, an offered total fix never breaks a sum that holds', () => {
  // Two leaves of the 自然人 column one too high (their row totals untouched): column-total fails
  // with no single culprit. Writing the computed 自然人 total would break the row total of （七）总计
  // and the balance, which hold now: such a fix must not be offered.
  const clean = check(cixi);
  const t3 = clean.report.tables.t3!;
  const a = t3.rows.get('r3_1')!.cells[0];
  const b = t3.rows.get('r3_2')!.cells[0];
  let text = replaceSpan(cixi, b.span, '1');
  text = replaceSpan(text, a.span, '1');
  const r = check(text);
  const holdingBefore = new Set(r.diagnostics.map((d) => d.rule));
  for (const d of sumFindings(r)) {
    if (!d.fix) continue;
    const after = check(applyEdits(text, d.fix.edits));
    const broken = sumFindings(after).filter((x) => !holdingBefore.has(x.rule));
    assert.deepEqual(broken.map((x) => `${x.rule}: ${x.message}`), [], `the fix of “${d.message}” breaks sums that held`);
  }
});
