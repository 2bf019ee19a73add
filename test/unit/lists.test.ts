// core/lists.ts: the list helpers do what map, filter and a copy do, and (their reason to be) every
// list the parser hands on has one hidden class in V8, empty or not, whichever tier made it. So do
// the model's objects (reports with their views, rows, counts and figures with fractions among them).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { copyList, filterList, mapList, newList } from '../../server/src/core/lists';

describe('list helpers', () => {
  test('mapList, filterList and copyList give what map, filter and a copy give', () => {
    for (const items of [[], [3], [5, 1, 4, 1, 5, 9, 2, 6]].map((ns) => ns.map((n) => ({ n })))) {
      assert.deepEqual(mapList(items, (o, i) => o.n * 10 + i), items.map((o, i) => o.n * 10 + i));
      assert.deepEqual(filterList(items, (o) => o.n % 2 === 1), items.filter((o) => o.n % 2 === 1));
      const copy = copyList(items);
      assert.deepEqual(copy, items);
      copy.push({ n: 0 });
      assert.equal(copy.length, items.length + 1, 'a copy is its own list');
      assert.notEqual(copy, items);
    }
  });

  test('newList gives a new empty list each time', () => {
    const a = newList<number>();
    const b = newList<number>();
    a.push(1);
    assert.deepEqual(b, []);
    assert.notEqual(a, b);
  });

  test('lists and objects of the model have one hidden class each, empty or not, interpreted or optimized', () => {
    const script = path.join(__dirname, '..', 'support', 'hidden-classes.ts');
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout) as Record<string, boolean>;
    const contrast = 'contrast: [] like a list of objects';
    assert.equal(result[contrast], false, 'V8 gives `[]` a hidden class of its own (else the helpers are not needed)');
    delete result[contrast];
    for (const kind of ['helpers', 'helpers (optimized)', 'tableSpans', 'sections', 'tableProblems', 'figures', 'missingRows', 'headerLabels', 'strayRows', 'row.cells', 'row.labelParts']) {
      assert.equal(result[kind], true, `${kind}: lists of more than one hidden class`);
    }
    for (const kind of ['report', 'row', 'count', 'figure']) assert.equal(result[kind], true, `${kind}: objects of more than one hidden class`);
  });
});
