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

/** What a cell is asked once no change of it can repair its sums. */
const FORBIDDEN = Symbol('forbidden');

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

type TableCell = { readonly span: Span; readonly slot: number; readonly value: Amount; readonly label: string };

/** A failing sum's repairs, with the place of each in the sum (0 for the total, k for part k − 1). */
type Found = { place: number; repair: Repair }[];

/**
 * Marks the culprit (`culprit`) or the candidate repairs (`candidates`) of every failing relation
 * of one table. Costs nothing while every sum holds; otherwise two passes over the sums, with what
 * each cell is asked kept by its slot (its place in the table, the same in every sum).
 */
export function explain(relations: readonly Relation[]): void {
  // The residual (stated − sum) of each failing relation, by index; null where the sum holds or is not judged.
  const residuals: (Amount | null)[] = [];
  let failing = 0;
  let slots = 0;
  for (const r of relations) {
    const fails = r.complete && !r.holds;
    residuals.push(fails ? subtract(r.total ? r.total.value : 0, r.expected) : null);
    if (fails) failing++;
    if (r.total && r.total.slot >= slots) slots = r.total.slot + 1;
    for (const p of r.parts) if (p.slot >= slots) slots = p.slot + 1;
  }
  if (failing === 0) return;

  // What each cell is asked: a total must move by −residual to meet its sum, an added part by
  // +residual, a subtracted one by −residual. A cell is a repair when every sum it is in asks the
  // same change of it; FORBIDDEN once a sum holds, is not judged or counts a missing row as 0 (the
  // change would break it, or rest on a blank read as zero), or once two sums disagree.
  const asked: (Amount | typeof FORBIDDEN | undefined)[] = new Array(slots);
  const cells: (TableCell | undefined)[] = new Array(slots);
  const ask = (cell: TableCell, delta: Amount | typeof FORBIDDEN) => {
    const seen = asked[cell.slot];
    if (seen === undefined) {
      asked[cell.slot] = delta;
      cells[cell.slot] = cell;
    } else if (seen !== FORBIDDEN && (delta === FORBIDDEN || !sameAmount(seen, delta))) {
      asked[cell.slot] = FORBIDDEN;
    }
  };
  for (let i = 0; i < relations.length; i++) {
    const r = relations[i];
    const residual = residuals[i];
    const usable = residual !== null && !r.assumed;
    if (r.total) ask(r.total, usable ? negate(residual) : FORBIDDEN);
    for (const p of r.parts) ask(p, !usable ? FORBIDDEN : p.sign > 0 ? residual : negate(residual));
  }

  // The repairs, then the failing sums each is in (all of its sums fail, or it would be forbidden).
  const repairs: (Repair | undefined)[] = new Array(slots);
  let any = false;
  for (let slot = 0; slot < slots; slot++) {
    const delta = asked[slot];
    const cell = cells[slot];
    if (delta === undefined || delta === FORBIDDEN || !cell) continue;
    const expected = add(cell.value, delta);
    if (!isCount(expected)) continue;
    repairs[slot] = new Repair(cell.span, cell.value, expected, cell);
    any = true;
  }
  if (!any) {
    for (let i = 0; i < relations.length; i++) if (residuals[i] !== null) relations[i].candidates = NONE;
    return;
  }
  const found: (Found | undefined)[] = new Array(relations.length);
  for (let i = 0; i < relations.length; i++) {
    if (residuals[i] === null) continue;
    const r = relations[i];
    const note = (slot: number, place: number) => {
      const repair = repairs[slot];
      if (!repair) return;
      repair.relations.push(r);
      (found[i] ??= []).push({ place, repair });
    };
    if (r.total) note(r.total.slot, 0);
    r.parts.forEach((p, k) => note(p.slot, k + 1));
  }

  // A repair in two failing sums or more that no other repair shares is their culprit.
  const count = (r: Relation) => found[relations.indexOf(r)]!.length;
  for (const repair of repairs) {
    if (!repair || repair.relations.length < 2 || repair.relations.some((r) => count(r) !== 1)) continue;
    for (const r of repair.relations) r.culprit = repair;
  }
  // Every other failing sum keeps its repairs as candidates, the total first, then the parts in order.
  for (let i = 0; i < relations.length; i++) {
    const r = relations[i];
    if (residuals[i] === null || r.culprit) continue;
    const own = found[i];
    r.candidates = own ? own.sort((a, b) => a.place - b.place).map((f) => f.repair) : NONE;
  }
}
