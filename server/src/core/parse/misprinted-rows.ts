// 表三 rows whose label was misprinted past recognition ("2.其他法律行政止公开": 法规禁 lost in the
// PDF) are read as rows of no known label. Where such a row stands between two rows that were
// found, in the one place the table lacks a row, and its label is mostly that row's standard one, it
// is that row: row-label then reports the wording (information), and the row keeps its part in every
// sum, instead of a row-missing error for a row that is there.
import type { TableRow } from '../model';
import type { RowSpec } from '../format/editions';
import { canonicalLabel } from './labels';

/** How much of the standard label a misprinted one keeps at least (Dice over character pairs). */
const MIN_LIKENESS = 0.5;

/** Dice's coefficient over the character pairs of two strings: 1 alike, 0 nothing shared. */
export function likeness(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const pairs = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const p = a.slice(i, i + 2);
    pairs.set(p, (pairs.get(p) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const p = b.slice(i, i + 2);
    const n = pairs.get(p);
    if (!n) continue;
    shared++;
    pairs.set(p, n - 1);
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/**
 * Moves each stray row that is a misprinted row (see above) from `stray` into `rows`, in table
 * order. `schema` is the table's rows in order, `standards` a row's accepted labels (canonical).
 */
export function placeMisprintedRows(rows: Map<string, TableRow>, stray: TableRow[], schema: readonly RowSpec[], standards: (spec: RowSpec) => string[]): void {
  if (!stray.length || !rows.size) return;
  const found = [...rows.values()];
  const indexOf = (key: string) => schema.findIndex((s) => s.key === key);
  // Each placed row, under the key of the row it follows.
  const placedAfter = new Map<string, TableRow>();
  for (let i = stray.length - 1; i >= 0; i--) {
    const row = stray[i];
    if (!row.cells.length) continue;
    const before = found.filter((r) => r.span.start < row.span.start).pop();
    const after = found.find((r) => r.span.start > row.span.start);
    if (!before || !after) continue;
    // Two rows of unknown labels in one gap: which is which cannot be told.
    if (stray.some((o) => o !== row && o.span.start > before.span.start && o.span.start < after.span.start)) continue;
    // The rows the table lacks between the two it has: one, or the row cannot be told.
    const lacking = schema.slice(indexOf(before.key) + 1, indexOf(after.key)).filter((s) => !s.header && !rows.has(s.key));
    if (lacking.length !== 1) continue;
    const spec = lacking[0];
    const label = canonicalLabel(row.label);
    if (!standards(spec).some((standard) => likeness(label, standard) >= MIN_LIKENESS)) continue;
    placedAfter.set(before.key, { key: spec.key, label: row.label, labelSpan: row.labelSpan, labelParts: row.labelParts, cells: row.cells, positioned: row.positioned, expected: row.expected, cut: row.cut, span: row.span });
    stray.splice(i, 1);
  }
  if (!placedAfter.size) return;
  // In the table's order: each after the row it follows.
  const entries = [...rows];
  rows.clear();
  for (const [key, r] of entries) {
    rows.set(key, r);
    const next = placedAfter.get(key);
    if (next) rows.set(next.key, next);
  }
}
