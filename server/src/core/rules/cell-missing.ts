import { defineRule } from './rule';
import type { Cell } from '../model';
import { TABLE_NAMES, cellName, columnName, skipTables } from './tables-common';

// Cells that should hold a number but are blank or a placeholder, and rows whose count of numbers
// is wrong (a cell lost at a PDF page break). Such rows are not placed in columns and no sum uses
// them; this finding says why.
const rule = defineRule({
  id: 'cell-missing',
  category: 'structure',
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
    blanks: {
      'zh-cn': '{table}“{row}”有 {count} 格没有填写数字：{columns}；应填 0 或实际数字',
      en: '{table} row “{row}” has {count} empty cells: {columns}; write 0 or the actual figures',
    },
    blanksT4: {
      'zh-cn': '{table}有 {count} 格没有填写数字：{columns}；应填 0 或实际数字',
      en: '{table} has {count} empty cells: {columns}; write 0 or the actual figures',
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
        const blanks: number[] = [];
        row.cells.forEach((cell, i) => {
          if (isMissing(cell)) blanks.push(i);
        });
        if (blanks.length === 1) {
          const cell = row.cells[blanks[0]];
          ctx.add({ ...cell.span, messageId: 'blank', args: { table: name, cell: cellName(table, key, blanks[0]), raw: cell.raw } });
        } else if (blanks.length > 1) {
          // One finding per row (the habit of leaving cells empty is one cause), naming the columns
          // and pointing at each empty cell.
          const first = row.cells[blanks[0]].span;
          const last = row.cells[blanks[blanks.length - 1]].span;
          const columns = blanks.map((i) => columnName(table, key, i)).join(ctx.locale === 'en' ? ', ' : '、');
          ctx.add({
            start: first.start,
            end: Math.max(first.end, last.end),
            messageId: table.id === 't4' ? 'blanksT4' : 'blanks',
            args: { table: name, row: label, count: blanks.length, columns },
            related: blanks.map((i) => ({ ...row.cells[i].span, message: { 'zh-cn': `“${cellName(table, key, i)}”没有填写数字`, en: `“${cellName(table, key, i)}” is empty` } })),
          });
        }
      }
    }
  },
});

export default rule;
