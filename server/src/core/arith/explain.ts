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
import { add, isCount, negate, sameAmount, subtract, type Amount } from './amount';

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

/** Shared by every failure no cell repairs alone (never changed). */
const NONE: readonly CellChange[] = Object.freeze([]);

/** A repairing cell; its label is written only when read (most are never reported). */
class Repair implements Cause {
  readonly relations: Relation[] = [];

  constructor(
    readonly span: Span,
    readonly value: Amount,
    readonly expected: Amount,
    private readonly named: { readonly label: string },
  ) {}

  get label(): string {
    return this.named.label;
  }
}

type TableCell = { readonly span: Span; readonly value: Amount; readonly label: string };

/** A cell of a failing sum, and the change that each failing sum it is in asks of it so far. */
interface Asked {
  cell: TableCell;
  /** The same change for every sum seen so far, or null once two sums disagree or one forbids any. */
  delta: Amount | null;
}

/**
 * Marks the culprit (`culprit`) or the candidate repairs (`candidates`) of every failing relation
 * of one table. Costs nothing while every sum holds; otherwise one pass over the failing sums' cells
 * and one over the other sums, without a list of sums per cell.
 */
export function explain(relations: readonly Relation[]): void {
  // The residual (stated − sum) of each failing relation, by index; null where the sum holds or is not judged.
  const residuals: (Amount | null)[] = [];
  let failing = 0;
  for (const r of relations) {
    const fails = r.complete && !r.holds;
    residuals.push(fails ? subtract(r.total ? r.total.value : 0, r.expected) : null);
    if (fails) failing++;
  }
  if (failing === 0) return;

  // What each cell of a failing sum is asked: a total must move by −residual to meet its sum, an
  // added part by +residual, a subtracted one by −residual. A sum that counts a missing row as 0
  // asks nothing of its cells (no repair may rest on it).
  const asked = new Map<number, Asked>();
  const ask = (cell: TableCell, delta: Amount | null) => {
    const seen = asked.get(cell.span.start);
    if (!seen) asked.set(cell.span.start, { cell, delta });
    else if (seen.delta !== null && (delta === null || !sameAmount(seen.delta, delta))) seen.delta = null;
  };
  for (let i = 0; i < relations.length; i++) {
    const residual = residuals[i];
    if (residual === null) continue;
    const r = relations[i];
    const usable = !r.assumed;
    if (r.total) ask(r.total, usable ? negate(residual) : null);
    for (const p of r.parts) ask(p, !usable ? null : p.sign > 0 ? residual : negate(residual));
  }
  // A cell also in a sum that holds, or in one not judged, repairs nothing: changing it breaks that sum.
  const forbid = (start: number) => {
    const seen = asked.get(start);
    if (seen) seen.delta = null;
  };
  for (let i = 0; i < relations.length; i++) {
    if (residuals[i] !== null) continue;
    const r = relations[i];
    if (r.total) forbid(r.total.span.start);
    for (const p of r.parts) forbid(p.span.start);
  }

  const repairs = new Map<number, Repair>();
  for (const [start, { cell, delta }] of asked) {
    if (delta === null) continue;
    const expected = add(cell.value, delta);
    if (isCount(expected)) repairs.set(start, new Repair(cell.span, cell.value, expected, cell));
  }

  // The failing sums each repair is in, and how many repairs each failing sum has.
  const repairsIn = new Int32Array(relations.length);
  for (let i = 0; i < relations.length; i++) {
    if (residuals[i] === null || repairs.size === 0) continue;
    const r = relations[i];
    const note = (start: number) => {
      const repair = repairs.get(start);
      if (!repair) return;
      repair.relations.push(r);
      repairsIn[i]++;
    };
    if (r.total) note(r.total.span.start);
    for (const p of r.parts) note(p.span.start);
  }
  if (repairs.size > 0) {
    const index = new Map<Relation, number>();
    relations.forEach((r, i) => index.set(r, i));
    for (const repair of repairs.values()) {
      if (repair.relations.length < 2 || repair.relations.some((r) => repairsIn[index.get(r)!] !== 1)) continue;
      for (const r of repair.relations) r.culprit = repair;
    }
  }

  for (let i = 0; i < relations.length; i++) {
    const r = relations[i];
    if (residuals[i] === null || r.culprit) continue;
    if (repairsIn[i] === 0) {
      r.candidates = NONE;
      continue;
    }
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
