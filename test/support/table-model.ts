// A plain-text picture of what the table reader made of a text: the edition and where it came from,
// each table's rows (label as written, line, whether the cells are placed in columns, the cells),
// the rows it lacks, 表二's column labels, and the findings of the table rules. The data-driven
// table tests (test/unit/table-shapes.test.ts) compare it with the snapshot beside each input.
import type { CheckResult, Cell, Table, TableRow } from '../../server/src/core';

/** The rules that judge what the table reader read (not the sums: they belong to the arithmetic). */
export const TABLE_RULES = ['table-missing', 'row-missing', 'cell-missing', 'cell-malformed', 'row-label', 'edition-mismatch'];

export function renderTableModel(result: CheckResult): string {
  const { report } = result;
  const line = (offset: number) => result.lines.positionAt(offset).line + 1;
  const out: string[] = [];
  out.push(`year ${report.year.value ?? '-'} (${report.year.source}) · edition ${report.edition} from ${report.editionSource} · tables say ${report.tableEdition}`);
  for (const table of [report.tables.t2, report.tables.t3, report.tables.t4]) {
    if (table) renderTable(table, line, out);
  }
  for (const p of report.tableProblems) out.push(`problem ${p.id} ${p.reason} L${line(p.span.start)}`);
  out.push('findings:');
  for (const d of result.diagnostics) {
    if (!TABLE_RULES.includes(d.rule)) continue;
    const at = result.lines.positionAt(d.start);
    out.push(`  L${at.line + 1}:${at.character + 1} ${d.severity} ${d.rule} ${d.message}`);
  }
  return out.join('\n') + '\n';
}

function renderTable(table: Table, line: (offset: number) => number, out: string[]) {
  out.push(`${table.id} edition ${table.edition} · L${line(table.span.start)}-L${line(Math.max(table.span.start, table.span.end - 1))} · missing ${table.missingRows.join(',') || '-'}`);
  for (const h of table.headerLabels) out.push(`  column L${line(h.span.start)} ${JSON.stringify(h.text)} = ${h.key}`);
  for (const row of table.rows.values()) out.push('  ' + renderRow(row.key, row, line));
  for (const row of table.strayRows) out.push('  ' + renderRow('stray', row, line));
}

function renderRow(key: string, row: TableRow, line: (offset: number) => number): string {
  const label = row.label.replace(/\s+/g, ' ');
  const shown = label.length > 24 ? label.slice(0, 23) + '…' : label;
  const placed = row.positioned ? 'placed' : row.cells.length ? `unplaced ${row.cells.length}/${row.expected}` : 'empty';
  const cut = row.cut ? ' (cut)' : '';
  return `${key.padEnd(12)} L${line(row.labelSpan.start)} ${JSON.stringify(shown)} ${placed}${cut}: ${row.cells.map((c) => renderCell(c, line)).join(' ')}`.trimEnd();
}

/** A number as read; a blank as "_" with its line; a placeholder or an odd spelling with its text. */
function renderCell(cell: Cell, line: (offset: number) => number): string {
  if (cell.value === null) return cell.raw === '' ? `_@L${line(cell.span.start)}` : `∅${JSON.stringify(cell.raw)}`;
  if (cell.status === 'malformed' || cell.raw !== String(cell.value)) return `${cell.value}${JSON.stringify(cell.raw)}`;
  return String(cell.value);
}
