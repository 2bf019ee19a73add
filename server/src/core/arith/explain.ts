// Which cell is wrong, when the sums can tell (FORMAT.md §4: every cell of 表三 sits in a row sum
// and a column sum, or the balance; every cell of 表四 in one group sum).
//
// A cell *repairs* a failure when one change of its value makes every sum it is in hold: each of
// them fails now, they all ask for the same change, and the new value is a count (whole, not
// negative). A cell in a sum that holds repairs nothing (changing it would break that sum), nor does
// a cell in a sum not judged because of a blank, or one that counts a missing row as 0: the change
// would rest on a blank read as zero.
//
// A repairing cell in two or more failing sums, where no other repairing cell shares any of them,
// is their *culprit*: one wrong number explains them all (a wrong leaf breaks its row and its
// column), and setting it is the one fix batch fixing may apply. A failure with no culprit keeps
// every repairing cell as a candidate: the sums cannot tell which one is wrong (a 表四 group whose
// total disagrees with its four parts; a row and a column that two wrong numbers share).
import type { Span } from '../types';
import type { Relation } from './relations';
import { add, isCount, isZero, negate, sameAmount, subtract, type Amount } from './amount';

/** A change of one cell that repairs the failing sums it is in. */
export interface CellChange {
  span: Span;
  value: Amount;
  /** The value that makes every sum the cell is in hold. */
  expected: Amount;
  /** "（一）予以公开 · 自然人", as the report writes the labels. */
  label: string;
}

/** The one wrong cell behind several failing sums. */
export interface Cause extends CellChange {
  /** The failing sums it explains (two or more), in table order. */
  relations: Relation[];
}

/** A repairing cell; its label is written only when read (most are never reported). */
class Repair implements Cause {
  constructor(
    readonly span: Span,
    readonly value: Amount,
    readonly expected: Amount,
    private readonly named: { readonly label: string },
    readonly relations: Relation[],
  ) {}

  get label(): string {
    return this.named.label;
  }
}

/** The change of the cell at `start` that repairs relation `r`, given r's residual (stated − sum). */
function deltaIn(r: Relation, start: number, residual: Amount): Amount | null {
  if (r.total && r.total.span.start === start) return negate(residual);
  for (const p of r.parts) if (p.span.start === start) return p.sign > 0 ? residual : negate(residual);
  return null;
}

/**
 * Marks the culprit (`culprit`) or the candidate repairs (`candidates`) of every failing relation
 * of one table. Costs nothing while every sum holds.
 */
export function explain(relations: readonly Relation[]): void {
  const residuals = new Map<Relation, Amount>();
  for (const r of relations) if (r.complete && !r.holds) residuals.set(r, subtract(r.total ? r.total.value : 0, r.expected));
  if (residuals.size === 0) return;

  // Which sums each cell is in (cells are known by where they start), judged or not.
  const memberOf = new Map<number, Relation[]>();
  const note = (start: number, r: Relation) => {
    const list = memberOf.get(start);
    if (list) list.push(r);
    else memberOf.set(start, [r]);
  };
  for (const r of relations) {
    if (r.total) note(r.total.span.start, r);
    for (const p of r.parts) note(p.span.start, r);
  }

  const repairs = new Map<number, Repair>();
  const repairsIn = new Map<Relation, number>();
  const consider = (span: Span, value: Amount, named: { readonly label: string }) => {
    if (repairs.has(span.start)) return;
    const sums = memberOf.get(span.start)!;
    let delta: Amount | null = null;
    for (const o of sums) {
      const residual = residuals.get(o);
      if (residual === undefined || o.assumed) return; // in a sum that holds, is not judged or assumes a row
      const d = deltaIn(o, span.start, residual);
      if (d === null || isZero(d) || (delta !== null && !sameAmount(d, delta))) return;
      delta = d;
    }
    const expected = add(value, delta!);
    if (!isCount(expected)) return;
    repairs.set(span.start, new Repair(span, value, expected, named, sums));
    for (const o of sums) repairsIn.set(o, (repairsIn.get(o) ?? 0) + 1);
  };
  const tried = new Set<number>();
  for (const r of residuals.keys()) {
    for (const cell of r.total ? [r.total, ...r.parts] : r.parts) {
      if (tried.has(cell.span.start)) continue;
      tried.add(cell.span.start);
      consider(cell.span, cell.value, cell);
    }
  }

  for (const repair of repairs.values()) {
    if (repair.relations.length < 2 || repair.relations.some((r) => repairsIn.get(r) !== 1)) continue;
    for (const r of repair.relations) r.culprit = repair;
  }

  for (const r of residuals.keys()) {
    if (r.culprit) continue;
    const candidates: CellChange[] = [];
    const total = r.total && repairs.get(r.total.span.start);
    if (total) candidates.push(total);
    for (const p of r.parts) {
      const repair = repairs.get(p.span.start);
      if (repair) candidates.push(repair);
    }
    r.candidates = candidates;
  }
}
