// Views derived from a report on first use (its sentences, its statements …) and kept with it for as
// long as it lives: what a WeakMap keyed by the report would do, without a WeakMap's cost. V8's
// young-generation collector keeps a WeakMap's values alive until the next full collection, so every
// short-lived report's views were copied and promoted by each scavenge: ~35 KB a check, and three
// quarters of the time spent in scavenges.
//
// They are kept in the report's own `views` map rather than as properties added to the report: a
// property added later gives the object another hidden class, one per order in which the rules
// happened to ask, and every rule then read its report through several (three over the bench's
// corpus), with code optimized for some of them thrown away at the first of another.

/** An object that keeps views of itself. */
export interface HasViews {
  readonly views: Map<symbol, unknown>;
}

export class Attached<K extends HasViews, V> {
  private readonly slot: symbol;

  constructor(name: string) {
    this.slot = Symbol(name);
  }

  /** The view, computed by `compute` on first use. */
  of(owner: K, compute: (owner: K) => V): V {
    let value = owner.views.get(this.slot) as V | undefined;
    if (value === undefined) owner.views.set(this.slot, (value = compute(owner)));
    return value;
  }
}
