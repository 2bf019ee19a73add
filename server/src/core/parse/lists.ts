// Lists the parser hands on (cells, label parts, sections, table spans, matches…) are made here, so
// that each kind of list has one hidden class in V8. An array's elements kind is part of its hidden
// class, and the usual ways of making one disagree: `[]` starts as a list of small integers until
// something else is pushed, `map` returns a packed list while interpreted but a holey one once the
// function that calls it is optimized. Code optimized on one kind bails out on the first list of
// another and is compiled again, once per worker thread: on the bench's corpus, recompiling cost
// a tenth of the command line's time. These lists are packed lists of objects (or strings) from the
// first call on, whether empty or not, whichever tier runs the code that makes them.

const SEED = {};

/** An empty list of objects (or strings), of the elements kind it keeps when filled. */
export function newList<T>(): T[] {
  const list: unknown[] = [SEED];
  list.pop();
  return list as T[];
}

/** `items.map(f)`, as a list from `newList`. */
export function mapList<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out = newList<U>();
  for (let i = 0; i < items.length; i++) out.push(f(items[i], i));
  return out;
}

/** `items.filter(keep)`, as a list from `newList`. */
export function filterList<T>(items: readonly T[], keep: (item: T) => boolean): T[] {
  const out = newList<T>();
  for (let i = 0; i < items.length; i++) if (keep(items[i])) out.push(items[i]);
  return out;
}

/** A copy of `items`, as a list from `newList` (`[...items]` is a list of small integers when empty). */
export function copyList<T>(items: readonly T[]): T[] {
  const out = newList<T>();
  for (let i = 0; i < items.length; i++) out.push(items[i]);
  return out;
}
