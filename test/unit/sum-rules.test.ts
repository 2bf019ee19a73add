// The four sum rules (FORMAT.md §4 R1–R4) and how failures become findings and fixes:
// - one wrong cell of 表三 is one finding, on that cell, with the sums it breaks as related
//   information and a certain fix that restores it (batch fixing applies it);
// - where the sums cannot tell which cell is wrong (any 表四 group; two typos on the corners of a
//   rectangle), the finding sits on the stated total, every repairing cell is a candidate fix, and
//   batch fixing applies none of them;
// - a blank is not a zero; a table cut off before its 办理结果 rows has no balance;
// - numbers past 2^53 add up exactly, and a fix writes plain digits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateReport } from '../support/reports';
import { miniReport } from '../support/mini-report';
import {
  applyEdits,
  applyFixes,
  check,
  coversLine,
  describe,
  fixture,
  lineAt,
  ofRule,
  replaceSpan,
  serious,
  sumFindings,
  valueCells,
  type PlacedCell,
} from '../support/assertions';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CheckResult, Diagnostic, Fix } from '../../server/src/core';
import { t3ValueRows } from '../../server/src/core/format/editions';

/** A real report with its two heading fixes applied: the tables are all that batch fixing could touch. */
const cixiTablesOnly = (() => {
  const text = fixture('2023-cixi-city-office.txt');
  return applyFixes(text, check(text).diagnostics);
})();

const SOURCES: [string, string][] = [
  ['cixi (one cell per line)', cixiTablesOnly],
  ['generated 2023, tabs', generateReport({ year: 2023, body: '青山县青山镇人民政府', shape: 'tabs' }).text],
  ['generated 2020, tabs', generateReport({ year: 2020, body: '青山县青山镇人民政府', shape: 'tabs' }).text],
];

const corpus = (name: string) => readFileSync(path.resolve(__dirname, '../data/corpus', name), 'utf8');
const cellName = (p: PlacedCell) => `${p.table} ${p.row}[${p.column}]`;
const offered = (d: Diagnostic): Fix[] => (d.fix ? [d.fix, ...(d.alternatives ?? [])] : []);
const errorKeys = (r: CheckResult) => new Set(serious(r).map((d) => `${d.rule}@${lineAt(r, d.start)}`));

for (const [name, original] of SOURCES) {
  test(`${name}: the unchanged report has no sum finding`, () => {
    const r = check(original);
    assert.equal(sumFindings(r).length, 0, describe(r, sumFindings(r)));
    // The tables the mutation tests below rely on are readable.
    const rows = t3ValueRows(r.report.edition === '2019' ? '2019' : '2021');
    assert.equal(valueCells(r).filter((c) => c.table === 't3').length, 7 * rows.length, 'all 表三 cells positioned');
    assert.equal(valueCells(r).filter((c) => c.table === 't4').length, 15, 'all 表四 cells positioned');
  });

  test(`${name}: one changed 表三 cell is one finding on that cell, and its certain fix restores it`, () => {
    const clean = check(original);
    const failures: string[] = [];
    for (const placed of valueCells(clean).filter((c) => c.table === 't3')) {
      const v = placed.cell.value!;
      for (const changed of v > 0 ? [v + 1, v - 1] : [v + 1, v + 3]) {
        const text = replaceSpan(original, placed.cell.span, String(changed));
        const r = check(text);
        const what = `${cellName(placed)} ${v}→${changed} (line ${lineAt(r, placed.cell.span.start)})`;
        const found = sumFindings(r);
        if (found.length !== 1 || found[0].start !== placed.cell.span.start) {
          failures.push(`${what}: expected one sum finding on the cell\n${describe(r, found)}`);
          continue;
        }
        const [d] = found;
        if (!d.fix?.certain || !d.fix.preferred) failures.push(`${what}: the fix is not certain`);
        if (d.related.length < 2) failures.push(`${what}: the sums it breaks are not related information`);
        if (applyFixes(text, r.diagnostics) !== original) failures.push(`${what}: batch fixing does not restore the report`);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} failures:\n${failures.slice(0, 12).join('\n')}`);
  });

  test(`${name}: one changed 表四 cell is found, its candidate fixes include the original, batch fixing applies none`, () => {
    const clean = check(original);
    const failures: string[] = [];
    for (const placed of valueCells(clean).filter((c) => c.table === 't4')) {
      const v = placed.cell.value!;
      for (const changed of v > 0 ? [v + 1, v - 1] : [v + 1, v + 3]) {
        const text = replaceSpan(original, placed.cell.span, String(changed));
        const r = check(text);
        const line = lineAt(r, placed.cell.span.start);
        const what = `${cellName(placed)} ${v}→${changed} (line ${line})`;
        const found = sumFindings(r);
        if (found.length !== 1 || found[0].rule !== 'appeal-total' || !coversLine(r, found[0], line)) {
          failures.push(`${what}: expected one appeal-total finding on the line\n${describe(r, found)}`);
          continue;
        }
        const fixes = offered(found[0]);
        if (fixes.some((f) => f.certain || f.preferred)) failures.push(`${what}: a candidate is marked certain or preferred`);
        if (!fixes.some((f) => applyEdits(text, f.edits) === original)) failures.push(`${what}: no candidate restores the cell`);
        for (const f of fixes) {
          const after = check(applyEdits(text, f.edits));
          if (sumFindings(after).length) failures.push(`${what}: the candidate “${f.title}” leaves\n${describe(after, sumFindings(after))}`);
        }
        if (applyFixes(text, r.diagnostics) !== text) failures.push(`${what}: batch fixing changed the report`);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} failures:\n${failures.slice(0, 12).join('\n')}`);
  });
}

const cixi = cixiTablesOnly;
const cixiT3 = check(cixi).report.tables.t3!;
const cixiCell = (row: string, column: number) => cixiT3.rows.get(row)!.cells[column];

test('a wrong row total is one row-total finding on that cell, naming the row and the column it breaks', () => {
  const cell = cixiCell('r2', 6); // （二）部分公开: 26 1 0 0 0 0 27
  assert.equal(cell.value, 27);
  const text = replaceSpan(cixi, cell.span, '28');
  const r = check(text);
  const found = sumFindings(r);
  assert.equal(found.length, 1, describe(r, found));
  const [d] = found;
  assert.equal(d.rule, 'row-total');
  assert.equal(d.severity, 'error');
  assert.equal(d.start, cell.span.start);
  assert.match(d.message, /^（二）部分公开.* · 总计 应为 27，实为 28/);
  assert.deepEqual(d.fix?.edits, [{ start: cell.span.start, end: cell.span.end, newText: '27' }]);
  assert.equal(d.fix?.certain, true);
  // Related: the row's sum (its total is this cell) and the 总计 column's sum (at （七）总计 · 总计).
  assert.deepEqual(
    d.related.map((x) => x.start),
    [cell.span.start, cixiCell('total', 6).span.start],
  );
  assert.match(d.related[0].message, /（二）部分公开.*应为 27（自然人 26 \+ 商业企业 1），实为 28/);
  assert.match(d.related[1].message, /（七）总计 · 总计 应为 104.*实为 103/);
});

test('a wrong leaf is one finding on the leaf, not a row finding and a column finding on two totals', () => {
  const cell = cixiCell('r1', 0); // （一）予以公开 · 自然人 15
  const text = replaceSpan(cixi, cell.span, '16');
  const r = check(text);
  const found = sumFindings(r);
  assert.equal(found.length, 1, describe(r, found));
  assert.equal(found[0].start, cell.span.start);
  assert.match(found[0].message, /（一）予以公开 · 自然人 应为 15，实为 16/);
  assert.match(found[0].message, /“（一）予以公开 · 总计”的合计与“（七）总计 · 自然人”的合计/);
  assert.deepEqual(
    found[0].related.map((x) => x.start),
    [cixiCell('r1', 6).span.start, cixiCell('total', 0).span.start],
  );
});

test('the one finding survives turning off the rule that would report it', () => {
  const cell = cixiCell('r1', 0);
  const text = replaceSpan(cixi, cell.span, '16');
  const on = sumFindings(check(text));
  assert.deepEqual(on.map((d) => d.rule), ['row-total']);
  const r = check(text, { rules: { 'row-total': 'off' } });
  const found = sumFindings(r);
  assert.deepEqual(found.map((d) => `${d.rule}@${d.start}`), [`column-total@${cell.span.start}`]);
  assert.equal(found[0].fix?.certain, true);
});

test('two wrong cells in different rows and columns: each is found on its cell and fixed', () => {
  const a = cixiCell('r1', 0); // 15
  const b = cixiCell('r4_2', 1); // 0
  let text = replaceSpan(cixi, b.span, '2'); // b is later in the text: replace it first
  text = replaceSpan(text, a.span, '16'); // same length: spans stay valid
  const r = check(text);
  const found = sumFindings(r);
  assert.deepEqual(found.map((d) => d.start), [a.span.start, b.span.start], describe(r, found));
  assert.ok(found.every((d) => d.fix?.certain));
  assert.equal(applyFixes(text, r.diagnostics), cixi);
});

test('two wrong cells on the corners of a rectangle: the sums cannot tell, nothing is fixed in batch', () => {
  // +1 at （二）·自然人 and at 1.本机关不掌握·商业企业 fails rows r2 and r4_1 and columns 自然人 and
  // 商业企业; −1 at （二）·商业企业 and at 1.本机关不掌握·自然人 would explain the same four failures.
  const a = cixiCell('r2', 0); // 26
  const b = cixiCell('r4_1', 1); // 0
  let text = replaceSpan(cixi, b.span, '1');
  text = replaceSpan(text, a.span, '27');
  const r = check(text);
  const found = sumFindings(r);
  const totals = new Set([cixiCell('r2', 6), cixiCell('r4_1', 6), cixiCell('total', 0), cixiCell('total', 1)].map((c) => c.span.start));
  assert.equal(found.length, 4, describe(r, found));
  for (const d of found) {
    assert.ok(totals.has(d.start), `not on a stated total:\n${describe(r, [d])}`);
    for (const f of offered(d)) assert.equal(f.certain || f.preferred, false, `${f.title} is a guess`);
  }
  // Both explanations are offered in the editor.
  const titles = found.flatMap((d) => offered(d).map((f) => f.title));
  for (const t of ['将 （二）部分公开 · 自然人 改为 26', '将 1.本机关不掌握相关政府信息 · 商业企业 改为 0', '将 （二）部分公开 · 商业企业 改为 0', '将 1.本机关不掌握相关政府信息 · 自然人 改为 53']) {
    assert.ok(titles.includes(t), `${t} not offered: ${titles.join('; ')}`);
  }
  assert.equal(applyFixes(text, r.diagnostics), text);
});

test('表四: a wrong group is one appeal-total finding; the total and each leaf that could be wrong are candidates', () => {
  const t4 = check(cixi).report.tables.t4!.rows.get('values')!;
  const leaf = t4.cells[5]; // 未经复议直接起诉 · 结果维持 5 (group: 5 0 0 2 = 7)
  assert.equal(leaf.value, 5);
  const text = replaceSpan(cixi, leaf.span, '6');
  const r = check(text);
  const found = sumFindings(r);
  assert.equal(found.length, 1, describe(r, found));
  assert.equal(found[0].rule, 'appeal-total');
  assert.deepEqual(
    offered(found[0]).map((f) => f.edits.map((e) => `${text.slice(e.start, e.end)}→${e.newText}`).join()),
    ['7→8', '6→5', '2→1'], // the total, 结果维持, 尚未审结 (结果纠正 and 其他结果 are 0: they cannot be 1 too high)
  );
  assert.equal(applyFixes(text, r.diagnostics), text);
});

test('c04 line 61: 表四 行政复议 结果维持 2→7 is not hidden by writing 12 into the total', () => {
  const original = corpus('c04_pingtan_syq_2024.txt');
  const lines = original.split('\n');
  assert.equal(lines[60], '2\t1\t3\t1\t7\t0\t0\t0\t0\t0\t13\t2\t4\t0\t19');
  lines[60] = '7' + lines[60].slice(1);
  const text = lines.join('\n');
  const r = check(text);
  const found = serious(r);
  assert.deepEqual(found.map((d) => `${d.rule}@${lineAt(r, d.start)}`), ['appeal-total@61'], describe(r, found));
  assert.equal(applyFixes(text, r.diagnostics), text, '--fix leaves the finding for a person to decide');
  assert.deepEqual(offered(found[0]).map((f) => f.edits[0].newText), ['12', '2']);
});

test('the English locale words sum findings in English', () => {
  const cell = cixiCell('r2', 6);
  const r = check(replaceSpan(cixi, cell.span, '28'), { locale: 'en' });
  const [d] = sumFindings(r);
  assert.match(d.message, /should be 27, but is 28: the sum of “.*” and the sum of “（七）总计 · 总计” fail because of it/);
  assert.match(d.related[0].message, /should be 27 \(自然人 26 \+ 商业企业 1\), but is 28/);
  assert.match(d.fix!.title, /^Change .* to 27$/);
});

test('without a culprit, no offered fix breaks a sum that holds', () => {
  // Two leaves of the 自然人 column one too high (their row totals untouched): column-total fails,
  // and so do the two rows. Writing the computed 自然人 total would break the row total of
  // （七）总计 and the balance, which hold now: it is not offered.
  const a = cixiCell('r3_1', 0);
  const b = cixiCell('r3_2', 0);
  let text = replaceSpan(cixi, b.span, '1');
  text = replaceSpan(text, a.span, '1');
  const r = check(text);
  assert.ok(sumFindings(r).length > 0);
  const holding = errorKeys(r);
  for (const d of sumFindings(r)) {
    for (const f of offered(d)) {
      const after = check(applyEdits(text, f.edits));
      const broken = [...errorKeys(after)].filter((k) => !holding.has(k));
      assert.deepEqual(broken, [], `the fix “${f.title}” breaks sums that held`);
    }
  }
});

// ------------------------------------------------------------------------------------------------
// A blank is not a zero

test('a blank cell alone: cell-missing only, no sum finding, batch fixing changes nothing', () => {
  const filled = miniReport({ narrative: '本年度工作平稳。', t3: { r1: [4, 1, 0, 0, 0, 0, 5] } });
  const text = miniReport({ narrative: '本年度工作平稳。', t3: { r1: [4, '', 0, 0, 0, 0, 5] } });
  const r = check(text);
  const added = [...errorKeys(r)].filter((k) => !errorKeys(check(filled)).has(k));
  assert.deepEqual(added, [`cell-missing@${lineAt(r, text.indexOf('（一）予以公开'))}`], describe(r));
  assert.deepEqual(sumFindings(r), []);
  assert.equal(applyFixes(text, r.diagnostics), text);
});

test('a blank cell never makes a fix free: a wrong number in its column gets no fix', () => {
  // 商业企业 of （一） blank; （二）·商业企业 one too high. Its row fails, but its column has a blank:
  // the column cannot confirm which cell is wrong, so nothing is computed from it.
  const text = miniReport({ narrative: '本年度工作平稳。', t3: { r1: [4, '', 0, 0, 0, 0, 5], r2: [2, 2, 0, 0, 0, 0, 3] } });
  const r = check(text);
  const found = sumFindings(r);
  assert.deepEqual(found.map((d) => d.rule), ['row-total'], describe(r, found));
  assert.equal(found[0].fix, null);
  assert.equal(applyFixes(text, r.diagnostics), text);
});

test('xiaocaoe with 表三 （一）予以公开·商业企业 blanked: no fix is computed across the blank', () => {
  const original = fixture('2023-xiaocaoe-town.txt');
  const lines = original.split('\n');
  assert.equal(lines[68], '三、本年度办理结果\t(一) 予以公开\t0\t0\t0\t0\t0\t0\t0\t');
  lines[68] = '三、本年度办理结果\t(一) 予以公开\t0\t\t0\t0\t0\t0\t0\t';
  const text = lines.join('\n');
  const r = check(text);
  const found = sumFindings(r);
  // The balance still fails in the 总计 column (2 received, 0 accounted for): that is real.
  assert.deepEqual(found.map((d) => `${d.rule}@${lineAt(r, d.start)}`), ['balance@67'], describe(r, found));
  assert.match(found[0].message, /总计列/);
  assert.equal(found[0].fix, null);
  assert.ok(!found[0].message.includes('改为'), found[0].message);
  // Batch fixing touches only what the original report's fixes touch (its row-label hints).
  assert.equal(applyFixes(text, r.diagnostics), applyFixes(original, check(original).diagnostics).replace('(一) 予以公开\t0\t0', '(一) 予以公开\t0\t'));
});

// ------------------------------------------------------------------------------------------------
// Missing rows

function cutAfter(text: string, needle: string, until: string): string {
  const from = text.indexOf('\n', text.indexOf(needle)) + 1;
  const to = text.indexOf(until);
  assert.ok(from > 0 && to > from);
  return text.slice(0, from) + '\n' + text.slice(to);
}

test('a 表三 cut off before its 办理结果 rows: row-missing, and no balance computed from absent rows', () => {
  // 新收 12, 上年结转 1: with the results cut away the balance would read 13 = 0.
  const text = cutAfter(miniReport({ narrative: '本年度工作平稳。' }), '二、上年结转政府信息公开申请数量', '四、政府信息公开行政复议');
  const r = check(text);
  assert.deepEqual(sumFindings(r), [], describe(r, sumFindings(r)));
  assert.ok(ofRule(r, 'row-missing').length > 0, describe(r));
});

test('r05 (a web excerpt that ends after 表三 row 二): no balance false alarm', () => {
  const r = check(corpus('r05_changchun_ju_2023.txt'));
  assert.deepEqual(ofRule(r, 'balance'), [], describe(r, ofRule(r, 'balance')));
});

test('only （七）总计 and 四 missing: the balance is judged from the 办理结果 rows that are there', () => {
  const full = miniReport({ narrative: '本年度工作平稳。', t3: { new: [12, 2, 0, 0, 0, 0, 14] } }); // 2 more received than handled
  const text = full.replace(/\n（七）总计[^\n]*/, '').replace(/\n四、结转下年度继续办理[^\n]*/, '');
  const r = check(text);
  assert.deepEqual(ofRule(r, 'balance').map((d) => lineAt(r, d.start)), [lineAt(r, text.indexOf('一、本年新收') + 20)], describe(r));
  // 11 + 2 received, nothing carried: the three results present (5 + 3 + 5) account for all of it.
  const clean = miniReport({ narrative: '本年度工作平稳。', t3: { new: [11, 2, 0, 0, 0, 0, 13], carry: [0, 0, 0, 0, 0, 0, 0] } });
  const cleanCut = clean.replace(/\n（七）总计[^\n]*/, '').replace(/\n四、结转下年度继续办理[^\n]*/, '');
  assert.deepEqual(ofRule(check(cleanCut), 'balance'), [], 'in + carried = the results present: holds');
});

test('a missing 办理结果 row is a row of blanks: a wrong cell is still found, but no fix rests on the missing row', () => {
  const full = miniReport({ narrative: '本年度工作平稳。' });
  const cut = full.replace(/\n3\.其他\t[^\n]*/, '');
  assert.notEqual(cut, full);
  const text = cut.replace('（一）予以公开\t4\t1', '（一）予以公开\t5\t1'); // 5 + 1 ≠ 5
  const r = check(text);
  const found = sumFindings(r);
  assert.ok(found.some((d) => d.rule === 'row-total' && lineAt(r, d.start) === lineAt(r, text.indexOf('（一）予以公开'))), describe(r, found));
  assert.ok(found.every((d) => offered(d).length === 0), describe(r, found));
  assert.equal(applyFixes(text, r.diagnostics), text);
  // With the row there, the same typo is one finding with a certain fix.
  const whole = full.replace('（一）予以公开\t4\t1', '（一）予以公开\t5\t1');
  const fixedWhole = check(whole);
  assert.equal(sumFindings(fixedWhole).length, 1);
  assert.equal(applyFixes(whole, fixedWhole.diagnostics), full);
});

test('xiaocaoe (no （七）总计, no 四): a typo that cancels its balance error is not fixed into another cell', () => {
  // 商业企业 0 → 2 in （一）予以公开: the balance of 商业企业 now holds (2 in, 2 out) and only the row
  // total fails; the leaves standing in for （七） and the absent 四 (0) cannot confirm any fix.
  const original = fixture('2023-xiaocaoe-town.txt');
  const text = original.replace('(一) 予以公开\t0\t0', '(一) 予以公开\t0\t2');
  assert.notEqual(text, original);
  const r = check(text);
  const found = sumFindings(r);
  assert.ok(found.some((d) => d.rule === 'row-total'), describe(r, found));
  assert.ok(found.every((d) => !d.fix?.certain), describe(r, found));
  assert.equal(applyFixes(text, r.diagnostics), applyFixes(original, check(original).diagnostics).replace('(一) 予以公开\t0\t0', '(一) 予以公开\t0\t2'));
});

// ------------------------------------------------------------------------------------------------
// Big numbers

const T4_REST = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

test('numbers past 2^53 add up exactly: 9007199254740993 + 1 = 9007199254740994 holds', () => {
  const text = miniReport({ narrative: '本年度工作平稳。', t4: ['9007199254740993', 1, 0, 0, '9007199254740994', ...T4_REST] as unknown as number[] });
  assert.deepEqual(sumFindings(check(text)), []);
});

test('a wrong total past 2^53 is found and its candidate fix writes the exact sum', () => {
  const text = miniReport({ narrative: '本年度工作平稳。', t4: ['9007199254740993', 1, 0, 0, '9007199254740993', ...T4_REST] as unknown as number[] });
  const r = check(text);
  const [d] = sumFindings(r);
  assert.ok(d, describe(r));
  assert.match(d.message, /应为 9007199254740994（结果维持 9007199254740993 \+ 结果纠正 1），实为 9007199254740993/);
  assert.equal(d.fix?.edits[0].newText, '9007199254740994');
});

test('a cell past what a number holds (400 digits) is not summed: no finding, no fix, no crash', () => {
  const huge = '9'.repeat(400);
  const r = check(miniReport({ narrative: '本年度工作平稳。', t4: [huge, 1, 0, 0, 1, ...T4_REST] as unknown as number[] }));
  assert.deepEqual(sumFindings(r), []);
  assert.ok(r.diagnostics.every((d) => !/Infinity|e\+/.test(d.message)), describe(r));
});

test('a cell of 10^21: fixes write plain digits, never 1e+21', () => {
  const big = '1000000000000000000000';
  const t4 = check(miniReport({ narrative: '本年度工作平稳。', t4: [big, 0, 0, 0, '1', ...T4_REST] as unknown as number[] }));
  const [d] = sumFindings(t4);
  assert.deepEqual(offered(d).map((f) => f.edits[0].newText), [big, '1']); // the total, or 结果维持
  // In 表三 a wrong leaf among such numbers is a culprit; its fix writes the digits back.
  const t3 = { new: [big, 0, 0, 0, 0, 0, big], carry: [0, 0, 0, 0, 0, 0, 0], r1: [big, 0, 0, 0, 0, 0, big], r2: [0, 0, 0, 0, 0, 0, 0], r4_1: [0, 0, 0, 0, 0, 0, 0], total: [big, 0, 0, 0, 0, 0, big] };
  const clean = miniReport({ narrative: '本年度工作平稳。', t3 });
  assert.deepEqual(sumFindings(check(clean)), []);
  const text = miniReport({ narrative: '本年度工作平稳。', t3: { ...t3, r1: ['1000000000000000000001', 0, 0, 0, 0, 0, big] } });
  const r = check(text);
  const found = sumFindings(r);
  assert.equal(found.length, 1, describe(r, found));
  assert.equal(found[0].fix?.edits[0].newText, big);
  assert.equal(applyFixes(text, r.diagnostics), clean);
});
