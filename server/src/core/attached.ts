// Views derived from an object on first use and kept on the object itself (the sentences of a report,
// its statements …), for as long as the object lives: what a WeakMap keyed by the object would do,
// without a WeakMap's cost. V8's young-generation collector keeps a WeakMap's values alive until the
// next full collection, so every short-lived report's views were copied and promoted by each
// scavenge: ~35 KB a check, and three quarters of the time spent in scavenges.

export class Attached<K extends object, V> {
  private readonly slot: symbol;

  constructor(name: string) {
    this.slot = Symbol(name);
  }

  /** The view, computed by `compute` on first use. */
  of(owner: K, compute: (owner: K) => V): V {
    const slots = owner as unknown as Record<symbol, V | undefined>;
    let value = slots[this.slot];
    if (value === undefined) slots[this.slot] = value = compute(owner);
    return value;
  }
}
