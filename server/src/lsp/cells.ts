// Every number of 表二/表三/表四 with its standard name ("表三 · （一）予以公开 · 自然人"), from the
// engine's model and the format's labels, so hover can say which cell the cursor is on.
import type { Cell, Locale, Report, Span, Table, TableRow } from '../core/index';
import { T2_COLUMNS, T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, type RowSpec } from '../core/format/editions';
import { t } from './messages';

export interface CellInfo {
  cell: Cell;
  span: Span;
  /** "表三 · （一）予以公开 · 自然人". */
  title: string;
}

export const TABLE_NAMES = { t2: '表二', t3: '表三', t4: '表四' } as const;

/** The standard label without its bracketed annotation: "（二）部分公开（区分处理的…）" → "（二）部分公开". */
function shortLabel(label: string): string {
  return label.replace(/(.)（[^（）]*）$/, '$1');
}

function rowSpec(rows: RowSpec[], key: string, edition: '2019' | '2021'): RowSpec | undefined {
  return rows.find((r) => r.key === key && (!r.editions || r.editions.includes(edition))) ?? rows.find((r) => r.key === key);
}

/** 表三 row name, with its parent for the numbered sub-rows: "（三）不予公开 · 1.属于国家秘密". */
function t3RowName(key: string, edition: '2019' | '2021'): string | undefined {
  const spec = rowSpec(T3_ROWS, key, edition);
  if (!spec) return undefined;
  const parent = /^r(\d)_\d+$/.exec(key);
  const header = parent ? rowSpec(T3_ROWS, `h${parent[1]}`, edition) : undefined;
  return header ? `${shortLabel(header.label)} · ${shortLabel(spec.label)}` : shortLabel(spec.label);
}

function editionOf(report: Report, table: Table): '2019' | '2021' {
  if (table.edition === '2019' || table.edition === '2021') return table.edition;
  return report.edition === '2019' ? '2019' : '2021';
}

function columnName(table: Table, row: TableRow, index: number, edition: '2019' | '2021'): string | undefined {
  switch (table.id) {
    case 't3':
      return T3_COLUMNS[index]?.label;
    case 't4': {
      const group = T4_GROUPS[Math.floor(index / T4_COLUMNS.length)];
      return group ? `${group.label} · ${T4_COLUMNS[index % T4_COLUMNS.length]}` : undefined;
    }
    case 't2':
      return T2_COLUMNS[edition][row.key]?.[index];
  }
}

function rowName(table: Table, row: TableRow, edition: '2019' | '2021'): string | undefined {
  switch (table.id) {
    case 't3':
      return t3RowName(row.key, edition);
    case 't4':
      return undefined; // one row: the groups name the cells
    case 't2':
      return rowSpec(T2_ROWS, row.key, edition)?.label;
  }
}

export function tableCells(report: Report, locale: Locale): CellInfo[] {
  const cells: CellInfo[] = [];
  for (const table of [report.tables.t2, report.tables.t3, report.tables.t4]) {
    if (!table) continue;
    const edition = editionOf(report, table);
    const add = (row: TableRow, name: string | undefined, stray: boolean) => {
      row.cells.forEach((cell, i) => {
        const column = row.positioned && !stray ? columnName(table, row, i, edition) : undefined;
        const parts = [TABLE_NAMES[table.id], name, column ?? t(locale, 'cellNth', { n: i + 1 })];
        cells.push({ cell, span: cell.span, title: parts.filter(Boolean).join(' · ') });
      });
    };
    for (const row of table.rows.values()) add(row, rowName(table, row, edition) ?? row.label, false);
    for (const row of table.strayRows) add(row, t(locale, 'strayRow', { label: row.label }), true);
  }
  return cells.sort((a, b) => a.span.start - b.span.start);
}

/** The cell under `offset` (a cursor just after the last digit still counts). */
export function cellAt(cells: readonly CellInfo[], offset: number): CellInfo | undefined {
  let lo = 0;
  let hi = cells.length - 1;
  let found: CellInfo | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].span.start <= offset) {
      found = cells[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && offset <= found.span.end && found.span.end > found.span.start ? found : undefined;
}
