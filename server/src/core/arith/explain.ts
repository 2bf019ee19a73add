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

// Each place a cell takes in a sum is one number: where the cell starts × PER_START + the sum's
// index × PER_SUM + the place in the sum (0 for the total, k for part k − 1). Sorted, the places of
// one cell come together, in the order of the sums. Tables have fixed schemas (表三: some 80 sums of
// at most 25 cells), far below these bounds; a table beyond them is not explained.
const PER_SUM = 128;
const MAX_SUMS = 1024;
const PER_START = PER_SUM * MAX_SUMS;

/**
 * Marks the culprit (`culprit`) or the candidate repairs (`candidates`) of every failing relation
 * of one table. Costs nothing while every sum holds; otherwise one sort of the cells' places.
 */
export function explain(relations: readonly Relation[]): void {
  // The residual (stated − sum) of each failing relation, by index; null where the sum holds or is not judged.
  const residuals: (Amount | null)[] = [];
  let failing = 0;
  let places = 0;
  for (const r of relations) {
    const fails = r.complete && !r.holds;
    residuals.push(fails ? subtract(r.total ? r.total.value : 0, r.expected) : null);
    if (fails) failing++;
    if (r.parts.length >= PER_SUM - 1) return;
    places += r.parts.length + (r.total ? 1 : 0);
  }
  if (failing === 0 || relations.length > MAX_SUMS) return;

  const all = new Float64Array(places);
  let k = 0;
  relations.forEach((r, i) => {
    if (r.total) all[k++] = r.total.span.start * PER_START + i * PER_SUM;
    r.parts.forEach((p, j) => (all[k++] = p.span.start * PER_START + i * PER_SUM + j + 1));
  });
  all.sort();

  // Each cell in turn: a repair when every sum it is in fails, counts no missing row as 0, and asks
  // the same change of it (a total must move by −residual to meet its sum, an added part by
  // +residual, a subtracted one by −residual), and the changed value is a count.
  const repairsIn = new Int32Array(relations.length);
  const found: { place: number; repair: Repair }[][] = [];
  const repairs: { repair: Repair; sums: number[] }[] = [];
  for (let from = 0; from < all.length; ) {
    const start = Math.floor(all[from] / PER_START);
    let to = from + 1;
    while (to < all.length && Math.floor(all[to] / PER_START) === start) to++;
    let delta: Amount | null = null;
    let cell: TableCell | null = null;
    for (let e = from; e < to; e++) {
      const sum = Math.floor(all[e] / PER_SUM) % MAX_SUMS;
      const place = all[e] % PER_SUM;
      const residual = residuals[sum];
      const r = relations[sum];
      if (residual === null || r.assumed) {
        cell = null;
        break;
      }
      const d = place === 0 ? negate(residual) : r.parts[place - 1].sign > 0 ? residual : negate(residual);
      if (delta !== null && !sameAmount(d, delta)) {
        cell = null;
        break;
      }
      delta = d;
      cell = place === 0 ? r.total! : r.parts[place - 1];
    }
    if (cell && delta !== null) {
      const expected = add(cell.value, delta);
      if (isCount(expected)) {
        const repair = new Repair(cell.span, cell.value, expected, cell);
        const sums: number[] = [];
        for (let e = from; e < to; e++) {
          const sum = Math.floor(all[e] / PER_SUM) % MAX_SUMS;
          repair.relations.push(relations[sum]);
          sums.push(sum);
          repairsIn[sum]++;
          (found[sum] ??= []).push({ place: all[e] % PER_SUM, repair });
        }
        repairs.push({ repair, sums });
      }
    }
    from = to;
  }

  // A repair in two failing sums or more that no other repair shares is their culprit.
  for (const { repair, sums } of repairs) {
    if (sums.length < 2 || sums.some((sum) => repairsIn[sum] !== 1)) continue;
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
