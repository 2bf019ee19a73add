// A checked report reduced to what a comparison with the next or previous year needs: its body and
// year, the two carry-over rows of 表三, the stock rows of 表二, and a sketch of its narrative. Plain
// data, a few hundred numbers: the CLI's workers post it to the main thread, which pairs reports
// and compares them without their text. Every place carries its 1-based line/column range already,
// so a finding can be placed on a report that is no longer in memory.
import type { Report, TableRow } from '../model';
import type { EditionId, Span } from '../types';
import type { LineIndex } from '../text/lines';
import { Attached } from '../parse/attached';
import { T3_COLUMNS } from '../format/editions';
import { bodyKey } from './body';
import { narrativeSketch, type Sketch } from './sketch';

/** A span of the report with its 1-based range (columns in UTF-16 units, end exclusive, as the CLI prints). */
export interface Place extends Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ProfileCell {
  /** null when the cell is blank or a placeholder (——, /). */
  value: number | null;
  at: Place;
}

/** A row of 表三 (二、上年结转 or 四、结转下年度继续办理): its seven cells in column order. */
export interface CarryRow {
  /** The label as the report writes it. */
  label: string;
  cells: ProfileCell[];
}

/**
 * A row of 表二 第二十条第（一）项 (规章, 行政规范性文件). 2021 edition: added = 本年制发件数,
 * removed = 本年废止件数, stock = 现行有效件数. 2019 edition: added = 本年新公开数量, removed = null
 * (there is no such column), stock = 对外公开总数量 (cumulative publications, not documents in force).
 */
export interface StockRow {
  key: 'rules' | 'normative';
  label: string;
  edition: '2021' | '2019';
  added: number | null;
  removed: number | null;
  stock: ProfileCell;
}

export interface YearProfile {
  /** Bumped when the shape changes, so that a cached profile of another shape is not trusted. */
  version: 1;
  /** The body as written in the report, and its key for matching (body.ts); null when the report does not name it. */
  bodyText: string | null;
  bodyKey: string | null;
  year: number | null;
  edition: EditionId;
  /** The title, or the first line of text when there is none: where a finding on the whole report goes. */
  anchor: Place;
  carryIn: CarryRow | null;
  carryOut: CarryRow | null;
  stock: StockRow[];
  narrative: Sketch;
}

export function placeOf(lines: LineIndex, span: Span): Place {
  const a = lines.positionAt(span.start);
  const b = lines.positionAt(span.end);
  return { start: span.start, end: span.end, line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

function carryRow(row: TableRow | undefined, lines: LineIndex): CarryRow | null {
  // Only a row whose cells were placed in their columns can be compared column by column.
  if (!row || !row.positioned || row.cells.length !== T3_COLUMNS.length) return null;
  return { label: row.label, cells: row.cells.map((c) => ({ value: c.value, at: placeOf(lines, c.span) })) };
}

function stockRows(report: Report, lines: LineIndex): StockRow[] {
  const t2 = report.tables.t2;
  if (!t2) return [];
  // The columns mean what the table's own labels say; a report on the wrong edition keeps its columns.
  const edition = t2.edition === '2019' || t2.edition === '2021' ? t2.edition : report.edition;
  if (edition !== '2019' && edition !== '2021') return [];
  const out: StockRow[] = [];
  for (const key of ['rules', 'normative'] as const) {
    const row = t2.rows.get(key);
    if (!row || !row.positioned || row.cells.length !== 3) continue;
    const [first, second, third] = row.cells;
    out.push({
      key,
      label: row.label,
      edition,
      added: edition === '2021' ? first.value : second.value,
      removed: edition === '2021' ? second.value : null,
      stock: { value: third.value, at: placeOf(lines, third.span) },
    });
  }
  return out;
}

function anchorOf(report: Report, lines: LineIndex): Place {
  if (report.title) return placeOf(lines, report.title.span);
  // No title: the first line that has text.
  for (let l = 0; l < lines.lineCount; l++) {
    const start = lines.starts[l];
    const end = lines.lineEnd(l);
    if (report.text.slice(start, end).trim()) return placeOf(lines, { start, end });
  }
  return placeOf(lines, { start: 0, end: 0 });
}

/** Which body and year a report is: all that pairing needs (cheap: no sketch). */
export type YearIdentity = Pick<YearProfile, 'bodyKey' | 'year'>;

export function identityOf(report: Report): YearIdentity {
  const bodySpan = report.body?.span;
  return { bodyKey: bodySpan ? bodyKey(report.norm.slice(bodySpan.start, bodySpan.end)) : null, year: report.year.value };
}

export function buildProfile(report: Report, lines: LineIndex): YearProfile {
  const t3 = report.tables.t3;
  return {
    version: 1,
    bodyText: report.body?.text ?? null,
    ...identityOf(report),
    edition: report.edition,
    anchor: anchorOf(report, lines),
    carryIn: carryRow(t3?.rows.get('carry'), lines),
    carryOut: carryRow(t3?.rows.get('next'), lines),
    stock: stockRows(report, lines),
    narrative: narrativeSketch(report),
  };
}

// The three cross-year rules of one check share the profile of this year's report.
const PROFILE = new Attached<Report, YearProfile>('year-profile');

export function profileOf(report: Report, lines: LineIndex): YearProfile {
  return PROFILE.of(report, (r) => buildProfile(r, lines));
}
