import type { Rule } from './rule';
import type { Cell } from '../model';
import { TABLE_NAMES, cellName, skipTables } from './tables-common';

// Cells that should hold a number but are blank or a placeholder, and rows whose count of numbers
// is wrong (a cell lost at a PDF page break). Such rows are not placed in columns and no sum uses
// them; this finding says why.
const rule: Rule = {
  id: 'cell-missing',
  description: {
    'zh-cn': '应填数字的单元格都有数字',
    en: 'Every cell that should hold a number has one',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {
    blank: {
      'zh-cn': '{table}“{cell}”没有填写数字（“{raw}”），应填 0 或实际数字',
      en: '{table} “{cell}” holds no number (“{raw}”); write 0 or the actual figure',
    },
    count: {
      'zh-cn': '{table}“{row}”有 {found} 个数字，应有 {expected} 个：无法确定缺少的是哪一列，这一行不参与合计检查',
      en: '{table} row “{row}” has {found} numbers where {expected} are expected: the missing column cannot be told, so this row is left out of the sum checks',
    },
    empty: {
      'zh-cn': '{table}“{row}”没有数字',
      en: '{table} row “{row}” has no numbers',
    },
  },
  check(ctx) {
    if (skipTables(ctx.report)) return;
    const { t2, t3, t4 } = ctx.report.tables;
    for (const table of [t2, t3, t4]) {
      if (!table) continue;
      const name = TABLE_NAMES[table.id][ctx.locale];
      for (const [key, row] of table.rows) {
        const header = key === 'results' || /^h\d$/.test(key);
        if (header) continue;
        const label = row.label.replace(/[\s*|]+/g, '');
        // "——" is an accepted placeholder in 表二 (FORMAT.md §3); a blank is not.
        const isMissing = (cell: Cell) => cell.status === 'missing' && !(table.id === 't2' && cell.raw !== '');
        const noNumber = row.cells.every((c) => c.value === null);
        if (row.cells.length === 0 || (row.positioned && noNumber && row.cells.every(isMissing))) {
          // A text cut off by its end inside this row says nothing about the cells beyond it.
          if (!row.cut) ctx.add({ ...row.labelSpan, messageId: 'empty', args: { table: name, row: label } });
          continue;
        }
        if (!row.positioned) {
          if (!row.cut) ctx.add({ ...row.span, messageId: 'count', args: { table: name, row: label, found: row.cells.length, expected: row.expected } });
          continue;
        }
        row.cells.forEach((cell, i) => {
          if (!isMissing(cell)) return;
          ctx.add({ ...cell.span, messageId: 'blank', args: { table: name, cell: cellName(table, key, i), raw: cell.raw } });
        });
      }
    }
  },
};

export default rule;
