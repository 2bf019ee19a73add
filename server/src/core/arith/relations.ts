// Relations that must hold in 表三 and 表四 (FORMAT.md §4, R1–R4), evaluated once per report and
// shared by the four sum rules, the hover and the inlay hints.
//
// When several relations fail because of one wrong number, that number is the only cell that
// appears in every failing relation and that, changed by one amount, repairs all of them without
// breaking a relation that holds (a wrong leaf breaks its row total and its column total; a wrong
// 新收 cell breaks its row total and the balance of its column). Findings are then placed on that
// cell and its fix repairs them all; otherwise they sit on the stated total.
import type { Cell, Report, Table, TableRow } from '../model';
import type { RuleId, Span } from '../types';
import { shortRowLabel } from '../parse/labels';
import { T3_COLUMNS, T3_TOTAL_COLUMN, T4_COLUMNS, T4_GROUPS, t3Leaves } from '../format/editions';
import { mapList, newList } from '../lists';

export interface RelationPart {
  span: Span;
  value: number;
  /** "（一）予以公开 · 自然人", as the report writes the labels. */
  label: string;
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
  total: { span: Span; value: number; label: string } | null;
  parts: RelationPart[];
  /** Signed sum of the parts: what the total should be. */
  expected: number;
  /** False when a cell is blank or a row unreadable: the relation is not judged. */
  complete: boolean;
  holds: boolean;
  /** Span covering the cells of the relation (for findings without a single culprit). */
  span: Span;
  /** The single wrong cell that explains this failure and every other, when there is one. */
  culprit?: { span: Span; value: number; expected: number; label: string };
  /** A failing relation implied by others that are reported (e.g. the 总计 column when a component column fails). */
  implied?: boolean;
}

export interface Arithmetic {
  relations: Relation[];
}

/** Row names in relation labels are a little shorter than elsewhere: they share the label with a column. */
const shortLabel = (row: TableRow) => shortRowLabel(row, 18);

function known(cell: Cell | undefined): cell is Cell & { value: number } {
  return !!cell && cell.value !== null;
}

/** A row in a relation that runs down a column: how it enters, and its name in labels. */
interface Term {
  row: TableRow | undefined;
  sign: 1 | -1;
  rowName: string | undefined;
}

/**
 * A part whose label is written only when it is read: a report has some 250 parts, and their
 * labels are needed only for the few relations that fail (messages) or for a hover.
 */
class Part implements RelationPart {
  constructor(
    readonly span: Span,
    readonly value: number,
    readonly sign: 1 | -1,
    private readonly rowName: string | undefined,
    private readonly columnName: string,
  ) {}

  get label(): string {
    return this.rowName === undefined ? this.columnName : `${this.rowName} · ${this.columnName}`;
  }
}

/**
 * Collects one part. A missing row counts as 0 (no part); a blank cell or an unplaced row makes
 * the relation incomplete (false).
 */
function addPart(parts: RelationPart[], row: TableRow | undefined, column: number, sign: 1 | -1, rowName: string | undefined, columnName: string): boolean {
  if (!row) return true;
  if (!row.positioned) return false;
  const cell = row.cells[column];
  if (!known(cell)) return false;
  parts.push(new Part(cell.span, cell.value, sign, rowName, columnName));
  return true;
}

const T3_COLUMN_NAMES = T3_COLUMNS.map((c) => c.label);

/** A 表三 relation down `column`: the terms' cells in it against the total row's. */
function down(rule: SumRule, label: string, totalRow: TableRow | undefined, column: number, terms: Term[], fallbackSpan: Span): Relation {
  const parts = newList<RelationPart>();
  const columnName = T3_COLUMN_NAMES[column];
  let complete = true;
  for (const t of terms) if (!addPart(parts, t.row, column, t.sign, t.rowName, columnName)) complete = false;
  return finish(rule, label, totalRow, column, parts, complete, fallbackSpan, columnName);
}

/** A relation across `row`: `count` cells from `first` against its cell in `totalColumn`. */
function across(rule: SumRule, label: string, row: TableRow, totalColumn: number, first: number, count: number, columnNames: readonly string[], rowName?: string): Relation {
  const parts = newList<RelationPart>();
  let complete = true;
  for (let j = 0; j < count; j++) if (!addPart(parts, row, first + j, 1, rowName, columnNames[j])) complete = false;
  return finish(rule, label, row, totalColumn, parts, complete, row.span);
}

/** The relation of the collected parts and the stated total (without a total row, 0 is assumed). */
function finish(rule: SumRule, label: string, totalRow: TableRow | undefined, totalColumn: number, parts: RelationPart[], complete: boolean, fallbackSpan: Span, column?: string): Relation {
  let total: Relation['total'] = null;
  if (totalRow) {
    const cell = totalRow.positioned ? totalRow.cells[totalColumn] : undefined;
    if (known(cell)) total = { span: cell.span, value: cell.value, label };
    else complete = false;
  }
  let expected = 0;
  let start = total ? total.span.start : Infinity;
  let end = total ? total.span.end : -Infinity;
  for (const p of parts) {
    expected += p.sign * p.value;
    if (p.span.start < start) start = p.span.start;
    if (p.span.end > end) end = p.span.end;
  }
  const stated = total ? total.value : 0;
  const built: Relation = {
    rule,
    label,
    total,
    parts,
    expected,
    complete,
    holds: !complete || Math.abs(stated - expected) < 1e-9,
    span: start <= end ? { start, end } : fallbackSpan,
  };
  if (column !== undefined) built.column = column;
  return built;
}

function t3Relations(t3: Table, edition: '2019' | '2021'): Relation[] {
  const out: Relation[] = [];
  const row = (key: string) => t3.rows.get(key);
  const term = (r: TableRow | undefined, sign: 1 | -1): Term => ({ row: r, sign, rowName: r && shortLabel(r) });
  const leaves = newList<TableRow>();
  for (const key of t3Leaves(edition)) {
    const r = row(key);
    if (r) leaves.push(r);
  }
  const col = (c: number) => T3_COLUMN_NAMES[c];
  const [newRow, carryRow, totalRow, nextRow] = [row('new'), row('carry'), row('total'), row('next')];

  // R3: each row's 总计 = its six columns.
  for (const r of [newRow, carryRow, ...leaves, totalRow, nextRow]) {
    if (r) out.push(across('row-total', `${shortLabel(r)} · ${col(T3_TOTAL_COLUMN)}`, r, T3_TOTAL_COLUMN, 0, T3_TOTAL_COLUMN, T3_COLUMN_NAMES));
  }

  // R2: （七）总计 = sum of the leaves, per column.
  const leafTerms = (sign: 1 | -1) => mapList(leaves, (r) => term(r, sign));
  if (totalRow) {
    const terms = leafTerms(1);
    const name = shortLabel(totalRow);
    for (let c = 0; c <= T3_TOTAL_COLUMN; c++) out.push(down('column-total', `${name} · ${col(c)}`, totalRow, c, terms, totalRow.span));
  }

  // R1: 一 + 二 = （七）总计 + 四, per column. Without a （七） row its leaves stand in for it;
  // without a 四 row, 0 is assumed (so the finding shows what the balance would be).
  if (newRow || carryRow) {
    const terms = newList<Term>();
    if (newRow) terms.push(term(newRow, 1));
    if (carryRow) terms.push(term(carryRow, 1));
    if (totalRow) terms.push(term(totalRow, -1));
    else for (const t of leafTerms(-1)) terms.push(t);
    const name = nextRow ? shortLabel(nextRow) : '四、结转下年度继续办理';
    for (let c = 0; c <= T3_TOTAL_COLUMN; c++) out.push(down('balance', `${name} · ${col(c)}`, nextRow, c, terms, (newRow ?? carryRow)!.span));
  }
  return out;
}

function t4Relations(t4: Table): Relation[] {
  const r = t4.rows.get('values');
  if (!r) return [];
  return T4_GROUPS.map((g, i) => across('appeal-total', `${g.label} · ${T4_COLUMNS[4]}`, r, i * 5 + 4, i * 5, 4, T4_COLUMNS, g.label));
}

/** Marks the single wrong cell of a table's failures, when there is exactly one. */
function findCulprit(relations: Relation[]) {
  const judged = relations.filter((r) => r.complete);
  const failing = judged.filter((r) => !r.holds);
  if (failing.length === 0) return;
  // δ that a change of cell `key` must bring to repair relation r.
  const deltaFor = (r: Relation, key: number): number | null => {
    const residual = (r.total ? r.total.value : 0) - r.expected;
    if (r.total && r.total.span.start === key) return -residual;
    const part = r.parts.find((p) => p.span.start === key);
    return part ? residual / part.sign : null;
  };
  const candidates = new Map<number, { span: Span; value: number; label: string }>();
  for (const r of failing) {
    if (r.total) candidates.set(r.total.span.start, { span: r.total.span, value: r.total.value, label: r.total.label });
    for (const p of r.parts) candidates.set(p.span.start, { span: p.span, value: p.value, label: p.label });
  }
  const found: { key: number; delta: number; info: { span: Span; value: number; label: string } }[] = [];
  for (const [key, info] of candidates) {
    let delta: number | null = null;
    let ok = true;
    for (const r of judged) {
      const d = deltaFor(r, key);
      if (d === null) {
        if (!r.holds) ok = false;
        continue;
      }
      if (d === 0 || (delta !== null && Math.abs(d - delta) > 1e-9)) {
        ok = false;
        break;
      }
      delta = d;
    }
    if (ok && delta !== null && info.value + delta >= 0) found.push({ key, delta, info });
  }
  if (found.length !== 1) return;
  const { delta, info } = found[0];
  for (const r of failing) r.culprit = { span: info.span, value: info.value, expected: info.value + delta, label: info.label };
}

/** A failing 总计-column relation is implied when every row total holds and a component column fails. */
function markImplied(relations: Relation[], rule: SumRule) {
  const rowTotalsHold = relations.filter((r) => r.rule === 'row-total').every((r) => r.holds);
  const ofRule = relations.filter((r) => r.rule === rule);
  const last = ofRule[ofRule.length - 1];
  if (!last || last.holds || last.culprit || !rowTotalsHold) return;
  if (ofRule.slice(0, -1).some((r) => !r.holds)) last.implied = true;
}

export function evaluateArithmetic(report: Report): Arithmetic {
  const relations: Relation[] = [];
  const t3 = report.tables.t3;
  if (t3 && t3.rows.size) {
    const edition = t3.edition === '2019' || (t3.edition === 'unknown' && report.edition === '2019') ? '2019' : '2021';
    const own = t3Relations(t3, edition);
    findCulprit(own);
    markImplied(own, 'column-total');
    markImplied(own, 'balance');
    relations.push(...own);
  }
  const t4 = report.tables.t4;
  if (t4) {
    const own = t4Relations(t4);
    findCulprit(own);
    relations.push(...own);
  }
  return { relations };
}
