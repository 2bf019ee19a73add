// Names of tables, rows and cells for messages, and where the tables are: shared by the rules.
import type { Report, Table, TableId } from '../model';
import type { Span } from '../types';
import { T2_COLUMNS, T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from '../format/editions';
import type { Bilingual } from './rule';

export const TABLE_NAMES: Record<TableId, Bilingual> = {
  t2: { 'zh-cn': '表二（主动公开政府信息情况）', en: '表二 (proactive disclosure)' },
  t3: { 'zh-cn': '表三（收到和处理政府信息公开申请情况）', en: '表三 (requests received and handled)' },
  t4: { 'zh-cn': '表四（政府信息公开行政复议、行政诉讼情况）', en: '表四 (administrative reviews and lawsuits)' },
};

export function standardRowLabel(table: TableId, key: string): string {
  const spec = (table === 't2' ? T2_ROWS : T3_ROWS).find((r) => r.key === key);
  return spec?.label ?? key;
}

/** The name of a column of a row, without the row: "商业企业", "本年废止件数", "行政复议 · 结果纠正". */
export function columnName(table: Table, rowKey: string, column: number): string {
  if (table.id === 't4') return `${T4_GROUPS[Math.floor(column / 5)].label} · ${T4_COLUMNS[column % 5]}`;
  if (table.id === 't3') return T3_COLUMNS[column]?.label ?? String(column + 1);
  return t2Columns(table, rowKey)?.[column] ?? String(column + 1);
}

/**
 * 表二's column labels of a row: those of the table's edition, or, when its labels do not tell it,
 * of the edition whose columns the row was read by (行政许可 has 3 in 2019, 1 in 2021).
 */
function t2Columns(table: Table, rowKey: string): string[] | undefined {
  if (table.edition === '2019' || table.edition === '2021') return T2_COLUMNS[table.edition][rowKey];
  const expected = table.rows.get(rowKey)?.expected;
  return T2_COLUMNS['2019'][rowKey]?.length === expected && T2_COLUMNS['2021'][rowKey]?.length !== expected ? T2_COLUMNS['2019'][rowKey] : T2_COLUMNS['2021'][rowKey];
}

export function cellName(table: Table, rowKey: string, column: number): string {
  if (table.id === 't4') return `${T4_GROUPS[Math.floor(column / 5)].label} · ${T4_COLUMNS[column % 5]}`;
  const row = table.rows.get(rowKey);
  const label = row ? row.label.replace(/[\s*|]+/g, '') : standardRowLabel(table.id, rowKey);
  if (table.id === 't3') return `${label} · ${T3_COLUMNS[column]?.label ?? column + 1}`;
  // 表二 columns differ by edition (本年制发件数 / 本年新制作数量 …).
  return `${label} · ${t2Columns(table, rowKey)?.[column] ?? column + 1}`;
}

/** Structural table checks make no sense on a text that is not a report, or on a pre-2019 layout. */
export function skipTables(report: Report): boolean {
  return report.notAReport || report.edition === 'pre-2019';
}

/** The table span that holds the offset, if any. */
export function tableAround(report: Report, at: number): Span | undefined {
  for (const s of report.tableSpans) if (s.start <= at && at < s.end) return s;
  return undefined;
}

/** Whether the offset falls inside one of the report's tables. */
export function inTable(report: Report, at: number): boolean {
  return tableAround(report, at) !== undefined;
}
