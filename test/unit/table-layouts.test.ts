// One consistent generated report, its tables rewritten in the layouts web pages give them
// (support/reshape.ts), must read exactly and raise nothing; an empty cell in each layout is one
// cell-missing that names its column and sits on its line; and what looks like a layout problem
// but is not (a double-spaced row of two numbers, an amount with its unit, a text cut inside a
// row) raises nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateReport } from '../support/reports';
import { LAYOUTS, reshape, type Layout } from '../support/reshape';
import { assertNoSerious, check, describe, lineOf, lineAt, ofRule } from '../support/assertions';
import { T2_ROWS } from '../../server/src/core/format/editions';

for (const year of [2020, 2023]) {
  for (const layout of LAYOUTS) {
    for (const traditional of [false, true]) {
      const name = `${year} ${layout}${traditional ? ' traditional' : ''}`;
      test(`tables in the ${name} layout read exactly, with no finding`, () => {
        const g = generateReport({ year, body: '青山县青山镇人民政府', shape: 'tabs', traditional });
        const text = reshape(g.text, layout);
        assert.notEqual(text, g.text);
        const r = check(text);
        assert.equal(r.report.edition, g.edition);
        assert.equal(r.report.tableEdition, g.edition, 'the tables tell their edition');
        for (const [key, values] of g.t3) {
          const row = r.report.tables.t3?.rows.get(key);
          assert.ok(row?.positioned, `表三 ${key} placed`);
          assert.deepEqual(row.cells.map((c) => c.value), values, `表三 ${key}`);
        }
        const t4 = r.report.tables.t4?.rows.get('values');
        assert.ok(t4?.positioned, '表四 placed');
        assert.deepEqual(t4.cells.map((c) => c.value), g.t4);
        for (const spec of T2_ROWS) {
          if (spec.editions && !spec.editions.includes(g.edition)) continue;
          const row = r.report.tables.t2?.rows.get(spec.key);
          assert.ok(row?.positioned, `表二 ${spec.key} placed`);
          assert.equal(row.cells.length, spec.cells?.[g.edition]);
        }
        assertNoSerious(r, name);
      });
    }
  }
}

const base = generateReport({ year: 2023, body: '青山县青山镇人民政府', shape: 'tabs' });
const r1 = base.t3.get('r1')!;
const r1Line = `（一）予以公开\t${r1.join('\t')}`;

/** The 2023 report in `layout` with the 商业企业 cell of （一）予以公开 left empty. */
function withEmptyCell(layout: Layout): string {
  const emptied = `（一）予以公开\t${r1[0]}\t\t${r1.slice(2).join('\t')}`;
  assert.ok(base.text.includes(r1Line));
  return reshape(base.text.replace(r1Line, emptied), layout);
}

for (const layout of LAYOUTS) {
  test(`an empty cell in the ${layout} layout is one cell-missing naming its column, on its line`, () => {
    const text = withEmptyCell(layout);
    const r = check(text);
    const row = r.report.tables.t3?.rows.get('r1');
    assert.ok(row?.positioned, 'the row keeps its columns');
    assert.equal(row.cells[1].value, null);
    assert.deepEqual(row.cells.filter((c) => c.value !== null).map((c) => c.value), [r1[0], ...r1.slice(2)]);
    const missing = ofRule(r, 'cell-missing');
    assert.equal(missing.length, 1, describe(r));
    assert.match(missing[0].message, /（一）予以公开 · 商业企业/);
    const label = lineOf(text, '（一）予以公开');
    const at = lineAt(r, missing[0].start);
    // On the row's line (across layouts) or on the empty cell's own line, never at the header.
    assert.ok(at >= label && at <= label + 6, `finding on line ${at}, row at ${label}\n${describe(r)}`);
  });
}

test('a double-spaced 2019 row of two numbers (行政事业性收费, 政府集中采购) has its two cells', () => {
  const g = generateReport({ year: 2020, body: '青山县青山镇人民政府', shape: 'tabs' });
  const r = check(reshape(g.text, 'double-spaced'));
  for (const key of ['fee', 'procurement']) {
    const row = r.report.tables.t2?.rows.get(key);
    assert.ok(row?.positioned, key);
    assert.equal(row.cells.length, 2);
  }
  assert.equal(ofRule(r, 'cell-missing').length, 0, describe(r));
});

test('an amount written with its unit (元, 万元) is read as a number, with no finding', () => {
  const g = generateReport({ year: 2020, body: '青山县青山镇人民政府', shape: 'tabs' });
  const text = g.text.replace(/(政府集中采购\t\d+\t)(\d+)/, '$1$2.50元');
  assert.notEqual(text, g.text);
  const r = check(text);
  const row = r.report.tables.t2?.rows.get('procurement');
  assert.ok(row?.positioned);
  assert.equal((row.cells[1].value ?? 0) % 1, 0.5);
  assert.deepEqual(r.diagnostics.filter((d) => d.rule === 'cell-missing' || d.rule === 'cell-malformed'), []);
  // The 2021 收费金额 column is in 万元: "0.5万元" is 0.5.
  const fee = check(base.text.replace(/(行政事业性收费\t)0/, '$10.5万元'));
  assert.equal(fee.report.tables.t2?.rows.get('fee')?.cells[0].value, 0.5);
  assertNoSerious(fee, '收费 0.5万元');
});

test('a negative 本年增/减 (2019 表二) is a change, not a malformed count', () => {
  const g = generateReport({ year: 2020, body: '青山县青山镇人民政府', shape: 'tabs' });
  const text = g.text.replace(/(行政处罚\t\d+\t)0/, '$1-18');
  assert.notEqual(text, g.text);
  assert.equal(ofRule(check(text), 'cell-malformed').length, 0, describe(check(text)));
  // In 表三 a negative count is still odd.
  const t3 = check(base.text.replace(r1Line, `（一）予以公开\t-${r1[0] || 1}\t${r1.slice(1).join('\t')}`));
  assert.equal(ofRule(t3, 'cell-malformed').length, 1, describe(t3));
});

test('a text that ends inside a row (a cut excerpt) raises no cell-missing for that row; mid-table it does', () => {
  const cutAt = base.text.indexOf(r1Line) + r1Line.length;
  const short = `（一）予以公开\t${r1.slice(0, 6).join('\t')}`;
  const excerpt = base.text.slice(0, base.text.indexOf(r1Line)) + short + '\n';
  const r = check(excerpt);
  const row = r.report.tables.t3?.rows.get('r1');
  assert.ok(row && !row.positioned && row.cut, 'the cut row is known as cut');
  assert.equal(ofRule(r, 'cell-missing').length, 0, describe(r));
  const whole = check(base.text.slice(0, cutAt - r1Line.length) + short + base.text.slice(cutAt));
  assert.equal(ofRule(whole, 'cell-missing').length, 1, describe(whole));
});

test('a fragment of the next label at the end of a cut text does not overflow the row before it', () => {
  const lines = reshape(base.text, 'double-spaced').split('\n');
  const at = lines.findIndex((l) => l === '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  const excerpt = [...lines.slice(0, at), '（二'].join('\n') + '\n';
  const cut = [...lines.slice(0, at - 1), '2'].join('\n') + '\n';
  for (const text of [excerpt, cut]) {
    const r = check(text);
    const row = r.report.tables.t3?.rows.get('r1');
    assert.ok(row?.positioned, describe(r));
    assert.deepEqual(row.cells.map((c) => c.value), r1);
    assert.equal(ofRule(r, 'cell-missing').length, 0, describe(r));
  }
});

test('where every row ends with a separator, a row one number short is not filled up from it (never shifted)', () => {
  // Each 表三 row ends with a tab; （一）予以公开 lost its 商业企业 number.
  const lines = base.text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('三、收到和处理'));
  const to = lines.findIndex((l) => l.startsWith('四、政府信息公开'));
  const withTabs = lines.map((l, i) => (i > from && i < to && /\d$/.test(l) ? l + '\t' : l)).join('\n');
  const short = `（一）予以公开\t${r1[0]}\t${r1.slice(2).join('\t')}\t`;
  const text = withTabs.replace(`${r1Line}\t`, short);
  assert.notEqual(text, withTabs);
  const r = check(text);
  const row = r.report.tables.t3?.rows.get('r1');
  assert.equal(row?.positioned, false, 'a 6-number row stays unplaced');
  const missing = ofRule(r, 'cell-missing');
  assert.equal(missing.length, 1, describe(r));
  assert.match(missing[0].message, /有 6 个数字，应有 7 个/);
  // Without the trailing tabs elsewhere, a trailing tab is an empty cell (the report left 总计 blank).
  const blankTotal = check(base.text.replace(r1Line, `（一）予以公开\t${r1.slice(0, 6).join('\t')}\t`));
  const placed = blankTotal.report.tables.t3?.rows.get('r1');
  assert.ok(placed?.positioned);
  assert.equal(placed.cells[6].value, null);
  assert.match(ofRule(blankTotal, 'cell-missing')[0]?.message ?? '', /（一）予以公开 · 总计/);
});
