// Results remembered by string across reports: labels and lines repeat from report to report, so a
// process that checks thousands of reports (or keeps re-checking one) reads each distinct one once.
// Bounded: cleared when full. Each key is stored as a copy of its own, and the result is computed
// from that copy: a key sliced from a report's text would otherwise keep the whole text alive for as
// long as the entry, and every report of a run would stay in memory.

export class StringMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit = 4096) {}

  /** The remembered result for `key`, or `compute(ownKey)` (remembered). `compute` must not return undefined. */
  get(key: string, compute: (ownKey: string) => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) return found;
    const own = ownCopy(key);
    const value = compute(own);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(own, value);
    return value;
  }
}

/**
 * A copy of `s` that shares no storage with the string it was sliced or concatenated from (V8 flattens
 * the concatenation into a new string, and the slice is of that).
 */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}
