// parse/lists.ts: the list helpers do what map, filter and a copy do. (Their reason to be, one hidden
// class per kind of list, is checked by the benchmark: bench/lib/hidden-classes.ts.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyList, filterList, mapList, newList } from '../../server/src/core/parse/lists';

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
});
