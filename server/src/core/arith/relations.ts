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
import { T3_COLUMNS, T3_TOTAL_COLUMN, T4_COLUMNS, T4_GROUPS, t3Leaves } from '../format/editions';

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

function shortLabel(row: TableRow): string {
  // Without whitespace and bracketed annotations: "（二）部分公开（区分处理的…）" → "（二）部分公开".
  const compactLabel = row.label
    .replace(/[\s*|]+/g, '')
    .replace(/[（(](?![一二三四五六七八九十\d]{1,3}[）)])[^（()）]{2,}[）)]?/g, '');
  return compactLabel.length > 18 ? compactLabel.slice(0, 17) + '…' : compactLabel;
}

function known(cell: Cell | undefined): cell is Cell & { value: number } {
  return !!cell && cell.value !== null;
}

interface PartSource {
  row: TableRow | undefined;
  column: number;
  sign: 1 | -1;
  /** The part's label is "row · column", or the column alone within one row. */
  rowName?: string;
  columnName: string;
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

/** Builds a relation; a missing row counts as 0, a blank cell or an unplaced row makes it incomplete. */
function relation(rule: SumRule, label: string, totalRow: TableRow | undefined, totalColumn: number, sources: PartSource[], fallbackSpan: Span, column?: string): Relation {
  let complete = true;
  const parts: RelationPart[] = [];
  for (const s of sources) {
    if (!s.row) continue;
    if (!s.row.positioned) {
      complete = false;
      continue;
    }
    const cell = s.row.cells[s.column];
    if (!known(cell)) {
      complete = false;
      continue;
    }
    parts.push(new Part(cell.span, cell.value, s.sign, s.rowName, s.columnName));
  }
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
  const names = new Map<TableRow, string>();
  const name = (r: TableRow) => {
    let n = names.get(r);
    if (n === undefined) names.set(r, (n = shortLabel(r)));
    return n;
  };
  const leaves = t3Leaves(edition).filter((k) => row(k));
  const valueRows = ['new', 'carry', ...leaves, 'total', 'next'];
  const col = (c: number) => T3_COLUMNS[c].label;
  const part = (r: TableRow | undefined, c: number, sign: 1 | -1): PartSource => ({ row: r, column: c, sign, rowName: r && name(r), columnName: col(c) });

  // R3: each row's 总计 = its six columns.
  for (const key of valueRows) {
    const r = row(key);
    if (!r) continue;
    const sources: PartSource[] = [];
    for (let c = 0; c < T3_TOTAL_COLUMN; c++) sources.push({ row: r, column: c, sign: 1, columnName: col(c) });
    out.push(relation('row-total', `${name(r)} · ${col(T3_TOTAL_COLUMN)}`, r, T3_TOTAL_COLUMN, sources, r.span));
  }

  // R2: （七）总计 = sum of the leaves, per column.
  const totalRow = row('total');
  if (totalRow) {
    for (let c = 0; c <= T3_TOTAL_COLUMN; c++) {
      const sources = leaves.map((k) => part(row(k), c, 1));
      out.push(relation('column-total', `${name(totalRow)} · ${col(c)}`, totalRow, c, sources, totalRow.span, col(c)));
    }
  }

  // R1: 一 + 二 = （七）总计 + 四, per column. Without a （七） row its leaves stand in for it;
  // without a 四 row, 0 is assumed (so the finding shows what the balance would be).
  const newRow = row('new');
  const carryRow = row('carry');
  const nextRow = row('next');
  if (newRow || carryRow) {
    for (let c = 0; c <= T3_TOTAL_COLUMN; c++) {
      const sources: PartSource[] = [];
      if (newRow) sources.push(part(newRow, c, 1));
      if (carryRow) sources.push(part(carryRow, c, 1));
      if (totalRow) sources.push(part(totalRow, c, -1));
      else for (const k of leaves) sources.push(part(row(k), c, -1));
      const label = nextRow ? `${name(nextRow)} · ${col(c)}` : `四、结转下年度继续办理 · ${col(c)}`;
      out.push(relation('balance', label, nextRow, c, sources, (newRow ?? carryRow)!.span, col(c)));
    }
  }
  return out;
}

function t4Relations(t4: Table): Relation[] {
  const r = t4.rows.get('values');
  if (!r) return [];
  return T4_GROUPS.map((g, i) => {
    const sources: PartSource[] = [0, 1, 2, 3].map((j) => ({ row: r, column: i * 5 + j, sign: 1, rowName: g.label, columnName: T4_COLUMNS[j] }));
    return relation('appeal-total', `${g.label} · ${T4_COLUMNS[4]}`, r, i * 5 + 4, sources, r.span);
  });
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
