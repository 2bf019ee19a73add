// Relations that must hold in 表三 and 表四 (FORMAT.md §4, R1–R4), evaluated once per report and
// shared by the four sum rules, the hover and the inlay hints.
//
// A blank cell is not a zero: a relation with a blank cell (or an unplaced row) is not judged, and
// no fix is computed from it. A missing row counts as 0, so that the finding shows what the sum
// would be, but it is a row of blanks all the same: no fix is computed from a relation that
// assumes one. A table cut off before its 办理结果 rows has no balance and no column sums at all.
//
// Where the failures come from (explain.ts): a cell whose one change repairs every sum it is in,
// while it is in two or more failing sums and no other such cell shares them, is the culprit of
// those failures — one cause, one finding, and a fix that batch fixing may apply. Otherwise each
// failure stands alone, with the cells that could repair it as candidate fixes.
import type { Cell, Report, Table, TableRow } from '../model';
import type { RuleId, Span } from '../types';
import { shortRowLabel } from '../parse/labels';
import { T3_COLUMNS, T3_TOTAL_COLUMN, T4_COLUMNS, T4_GROUPS, t3Leaves } from '../format/editions';
import { add, cellAmount, sameAmount, subtract, type Amount } from './amount';
import { explain, type Cause, type CellChange } from './explain';

export type { Amount } from './amount';
export type { Cause, CellChange } from './explain';

export interface RelationPart {
  span: Span;
  /** The cell's place in its table (row × SLOTS_PER_ROW + column): the same in every sum that holds the cell. */
  slot: number;
  value: Amount;
  /** "（一）予以公开 · 自然人", as the report writes the labels. */
  label: string;
  /** The part's name within its relation: the column in a row's sum, the row in a column's. */
  name: string;
  /** +1 or −1: how the part enters the relation. */
  sign: 1 | -1;
}

export type SumRule = Extract<RuleId, 'balance' | 'column-total' | 'row-total' | 'appeal-total'>;

/** One sum: `total` should equal the signed sum of `parts`. */
export interface Relation {
  rule: SumRule;
  /** Label of the stated total ("一、本年新收… · 总计"). */
  label: string;
  /** The 表三 column the relation runs down, for column and balance relations ("自然人"). */
  column?: string;
  /** The cell that holds the stated total, if the table has it (a missing row has none: 0 is assumed). */
  total: { span: Span; slot: number; value: Amount; label: string } | null;
  parts: RelationPart[];
  /** Signed sum of the parts: what the total should be. */
  expected: Amount;
  /** False when a cell is blank or a row unreadable: the relation is not judged. */
  complete: boolean;
  /** A missing row is counted as 0 in it: judged, but no fix is computed from it. */
  assumed: boolean;
  holds: boolean;
  /** Span covering the cells of the relation (for findings without a single culprit). */
  span: Span;
  /** The one wrong cell that explains this failure and the other failures it causes, when the sums single it out. */
  culprit?: Cause;
  /** Without a culprit: each cell whose change alone repairs this failure without breaking a sum that holds (total first). */
  candidates?: readonly CellChange[];
  /** A failing relation implied by others that are reported (e.g. the 总计 column when a component column fails). */
  implied?: boolean;
}

export interface Arithmetic {
  relations: Relation[];
}

/** Row names in relation labels are a little shorter than elsewhere: they share the label with a column. */
const shortLabel = (row: TableRow) => shortRowLabel(row, 18);

/** Cell slots: a table's rows in order, this many columns apart (表三 has 7 columns, 表四's one row 15). */
export const SLOTS_PER_ROW = 16;

/** A row in a relation that runs down a column: how it enters, its name in labels, its place in the table. */
interface Term {
  row: TableRow | undefined;
  sign: 1 | -1;
  rowName: string | undefined;
  index: number;
}

/**
 * A part whose label is written only when it is read: a report has some 250 parts, and their
 * labels are needed only for the few relations that fail (messages) or for a hover.
 */
class Part implements RelationPart {
  constructor(
    readonly span: Span,
    readonly slot: number,
    readonly value: Amount,
    readonly sign: 1 | -1,
    private readonly rowName: string | undefined,
    private readonly columnName: string,
    /** Whether the relation runs down a column (the part is named by its row) or across a row. */
    private readonly down: boolean,
  ) {}

  get label(): string {
    return this.rowName === undefined ? this.columnName : `${this.rowName} · ${this.columnName}`;
  }

  get name(): string {
    return this.down && this.rowName !== undefined ? this.rowName : this.columnName;
  }
}

/** The exact amount of a cell that has one, or null for a blank, a placeholder or an unreadable number. */
function amountOf(cell: Cell | undefined): Amount | null {
  return cell && cell.value !== null ? cellAmount(cell as Cell & { value: number }) : null;
}

/**
 * Collects one part. A missing row counts as 0 (no part); a blank cell or an unplaced row makes
 * the relation incomplete (false).
 */
function addPart(parts: RelationPart[], row: TableRow | undefined, rowIndex: number, column: number, sign: 1 | -1, rowName: string | undefined, columnName: string, down: boolean): boolean {
  if (!row) return true;
  if (!row.positioned) return false;
  const cell = row.cells[column];
  const value = amountOf(cell);
  if (value === null) return false;
  parts.push(new Part(cell.span, rowIndex * SLOTS_PER_ROW + column, value, sign, rowName, columnName, down));
  return true;
}

const T3_COLUMN_NAMES = T3_COLUMNS.map((c) => c.label);

/** A 表三 relation down `column`: the terms' cells in it against the total row's. */
function down(rule: SumRule, label: string, total: Term, column: number, terms: Term[], fallbackSpan: Span, assumed: boolean): Relation {
  const parts: RelationPart[] = [];
  const columnName = T3_COLUMN_NAMES[column];
  let complete = true;
  for (const t of terms) if (!addPart(parts, t.row, t.index, column, t.sign, t.rowName, columnName, true)) complete = false;
  return finish(rule, label, total.row, total.index, column, parts, complete, fallbackSpan, assumed, columnName);
}

/** A relation across `row`: `count` cells from `first` against its cell in `totalColumn`. */
function across(rule: SumRule, label: string, row: TableRow, rowIndex: number, totalColumn: number, first: number, count: number, columnNames: readonly string[], rowName?: string): Relation {
  const parts: RelationPart[] = [];
  let complete = true;
  for (let j = 0; j < count; j++) if (!addPart(parts, row, rowIndex, first + j, 1, rowName, columnNames[j], false)) complete = false;
  return finish(rule, label, row, rowIndex, totalColumn, parts, complete, row.span, false);
}

/** Signed sum of the parts: on numbers while that is exact, as amounts otherwise. */
function sumOf(parts: RelationPart[]): Amount {
  let sum = 0;
  let magnitude = 0;
  for (const p of parts) {
    if (typeof p.value !== 'number') return exactSum(parts);
    sum += p.sign * p.value;
    magnitude += Math.abs(p.value);
  }
  // Past 2^53 a partial sum may have been rounded; recount exactly (never with real counts).
  return magnitude > Number.MAX_SAFE_INTEGER ? exactSum(parts) : sum;
}

function exactSum(parts: RelationPart[]): Amount {
  let sum: Amount = 0;
  for (const p of parts) sum = p.sign > 0 ? add(sum, p.value) : subtract(sum, p.value);
  return sum;
}

/** The relation of the collected parts and the stated total (without a total row, 0 is assumed). */
function finish(rule: SumRule, label: string, totalRow: TableRow | undefined, totalIndex: number, totalColumn: number, parts: RelationPart[], complete: boolean, fallbackSpan: Span, assumed: boolean, column?: string): Relation {
  let total: Relation['total'] = null;
  if (totalRow) {
    const cell = totalRow.positioned ? totalRow.cells[totalColumn] : undefined;
    const value = amountOf(cell);
    if (cell && value !== null) total = { span: cell.span, slot: totalIndex * SLOTS_PER_ROW + totalColumn, value, label };
    else complete = false;
  }
  const expected = sumOf(parts);
  let start = total ? total.span.start : Infinity;
  let end = total ? total.span.end : -Infinity;
  for (const p of parts) {
    if (p.span.start < start) start = p.span.start;
    if (p.span.end > end) end = p.span.end;
  }
  // Every field set here, even those explain and markImplied fill in later: one hidden class for all
  // relations, whichever fail.
  return {
    rule,
    label,
    column,
    total,
    parts,
    expected,
    complete,
    assumed,
    holds: !complete || sameAmount(total ? total.value : 0, expected),
    span: start <= end ? { start, end } : fallbackSpan,
    culprit: undefined,
    candidates: undefined,
    implied: false,
  };
}

function t3Relations(t3: Table, edition: '2019' | '2021'): Relation[] {
  const out: Relation[] = [];
  const row = (key: string) => t3.rows.get(key);
  const leaves: TableRow[] = [];
  let leafMissing = false;
  for (const key of t3Leaves(edition)) {
    const r = row(key);
    if (r) leaves.push(r);
    else leafMissing = true;
  }
  const col = (c: number) => T3_COLUMN_NAMES[c];
  // The rows in table order; a row's index is its place among the table's cell slots.
  const ordered = [row('new'), row('carry'), ...leaves, row('total'), row('next')];
  // Each row is named in several relations: named once.
  const names = ordered.map((r) => r && shortLabel(r));
  const term = (index: number, sign: 1 | -1): Term => ({ row: ordered[index], sign, rowName: names[index], index });
  const NEW = 0;
  const CARRY = 1;
  const TOTAL = ordered.length - 2;
  const NEXT = ordered.length - 1;
  const [newRow, carryRow, totalRow, nextRow] = [ordered[NEW], ordered[CARRY], ordered[TOTAL], ordered[NEXT]];

  // R3: each row's 总计 = its six columns.
  ordered.forEach((r, index) => {
    if (!r) return;
    const name = names[index]!;
    out.push(across('row-total', `${name} · ${col(T3_TOTAL_COLUMN)}`, r, index, T3_TOTAL_COLUMN, 0, T3_TOTAL_COLUMN, T3_COLUMN_NAMES, name));
  });
  // A table cut off before its 办理结果 rows says nothing about them: no sum over them is judged.
  if (leaves.length === 0) return out;

  // R2: （七）总计 = sum of the leaves, per column.
  const leafTerms = (sign: 1 | -1) => leaves.map((_, i) => term(CARRY + 1 + i, sign));
  if (totalRow) {
    const terms = leafTerms(1);
    const name = names[TOTAL]!;
    const total = term(TOTAL, 1);
    for (let c = 0; c <= T3_TOTAL_COLUMN; c++) out.push(down('column-total', `${name} · ${col(c)}`, total, c, terms, totalRow.span, leafMissing));
  }

  // R1: 一 + 二 = （七）总计 + 四, per column. Without a （七） row its leaves stand in for it;
  // without a 四 row, 0 is assumed (so the finding shows what the balance would be).
  if (newRow || carryRow) {
    const terms: Term[] = [];
    if (newRow) terms.push(term(NEW, 1));
    if (carryRow) terms.push(term(CARRY, 1));
    if (totalRow) terms.push(term(TOTAL, -1));
    else for (const t of leafTerms(-1)) terms.push(t);
    const name = names[NEXT] ?? '四、结转下年度继续办理';
    const assumed = !newRow || !carryRow || !nextRow || (!totalRow && leafMissing);
    const next = term(NEXT, 1);
    for (let c = 0; c <= T3_TOTAL_COLUMN; c++) out.push(down('balance', `${name} · ${col(c)}`, next, c, terms, (newRow ?? carryRow)!.span, assumed));
  }
  return out;
}

function t4Relations(t4: Table): Relation[] {
  const r = t4.rows.get('values');
  if (!r) return [];
  return T4_GROUPS.map((g, i) => across('appeal-total', `${g.label} · ${T4_COLUMNS[4]}`, r, 0, i * 5 + 4, i * 5, 4, T4_COLUMNS, g.label));
}

/** A failing 总计-column relation is implied when every row total holds and a component column fails. */
function markImplied(relations: Relation[], rule: SumRule) {
  let rowTotalsHold = true;
  const ofRule: Relation[] = [];
  for (const r of relations) {
    if (r.rule === 'row-total' && !r.holds) rowTotalsHold = false;
    if (r.rule === rule) ofRule.push(r);
  }
  const last = ofRule[ofRule.length - 1];
  if (!last || last.holds || last.culprit || !rowTotalsHold) return;
  if (ofRule.slice(0, -1).some((r) => !r.holds)) last.implied = true;
}

/** The residual of a relation: stated total − the sum of its parts (0 when it holds). */
export function residualOf(r: Relation): Amount {
  return subtract(r.total ? r.total.value : 0, r.expected);
}

export function evaluateArithmetic(report: Report): Arithmetic {
  const relations: Relation[] = [];
  const t3 = report.tables.t3;
  if (t3 && t3.rows.size) {
    const edition = t3.edition === '2019' || (t3.edition === 'unknown' && report.edition === '2019') ? '2019' : '2021';
    const own = t3Relations(t3, edition);
    explain(own);
    markImplied(own, 'column-total');
    markImplied(own, 'balance');
    for (const r of own) relations.push(r);
  }
  const t4 = report.tables.t4;
  if (t4) {
    const own = t4Relations(t4);
    explain(own);
    for (const r of own) relations.push(r);
  }
  return { relations };
}
