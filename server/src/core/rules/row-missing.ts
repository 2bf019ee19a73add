import { defineRule } from './rule';
import type { Table } from '../model';
import { T2_ROWS, T3_ROWS } from '../format/editions';
import { TABLE_NAMES, skipTables, standardRowLabel } from './tables-common';

// Rows the edition requires but the table lacks. Consecutive missing rows are one finding, placed
// on the row before the gap (or after it, when the gap opens the table).
const rule = defineRule({
  id: 'row-missing',
  category: 'structure',
  description: {
    'zh-cn': '表格包含本版本要求的所有行',
    en: 'Tables have every row their edition requires',
  },
  defaultSeverity: 'error',
  fixable: false,
  messages: {
    missing: {
      'zh-cn': '{table}缺少{count}行：{rows}',
      en: '{table} lacks {count} row(s): {rows}',
    },
  },
  check(ctx) {
    if (skipTables(ctx.report)) return;
    const { t2, t3 } = ctx.report.tables;
    for (const table of [t2, t3]) {
      if (!table || table.rows.size === 0 || table.missingRows.length === 0) continue;
      for (const gap of gaps(table)) {
        const rows = gap.keys.map((k) => `“${standardRowLabel(table.id, k)}”`).join(ctx.locale === 'en' ? ', ' : '、');
        ctx.add({ ...gap.at, messageId: 'missing', args: { table: TABLE_NAMES[table.id][ctx.locale], count: gap.keys.length, rows } });
      }
    }
  },
});

/** Groups missing rows that are adjacent in the schema, each with the span of a neighbouring row. */
function gaps(table: Table) {
  const order = (table.id === 't2' ? T2_ROWS : T3_ROWS).map((r) => r.key);
  const out: { keys: string[]; at: { start: number; end: number } }[] = [];
  let current: string[] = [];
  let before: string | null = null;
  const flush = (after: string | null) => {
    if (!current.length) return;
    const anchor = table.rows.get(before ?? after ?? '') ?? [...table.rows.values()][0];
    out.push({ keys: current, at: anchor.labelSpan });
    current = [];
  };
  for (const key of order) {
    if (table.missingRows.includes(key)) current.push(key);
    else if (table.rows.has(key)) {
      flush(key);
      before = key;
    }
  }
  flush(null);
  return out;
}

export default rule;
