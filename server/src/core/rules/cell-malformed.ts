import { defineRule } from './rule';
import { cellName, columnName, skipTables } from './tables-common';

// Numbers that are read correctly but spelt oddly: "00", "0 0", full-width "０", "1,234", "3件".
// Negative numbers and decimals in count tables cannot be counts at all.
const rule = defineRule({
  id: 'cell-malformed',
  category: 'style',
  description: {
    'zh-cn': '数字写法规范（如“00”应为“0”）',
    en: 'Numbers are written plainly (e.g. "0", not "00")',
  },
  defaultSeverity: 'information',
  fixable: true,
  messages: {
    odd: {
      'zh-cn': '{cell} 写作“{raw}”，应写作“{canonical}”',
      en: '{cell} is written “{raw}”; write “{canonical}”',
    },
    negative: {
      'zh-cn': '{cell} 为负数“{raw}”，数量不能为负',
      en: '{cell} is negative (“{raw}”); a count cannot be negative',
    },
    decimal: {
      'zh-cn': '{cell} 为小数“{raw}”，件数应为整数',
      en: '{cell} is a decimal (“{raw}”); counts are whole numbers',
    },
  },
  check(ctx) {
    if (skipTables(ctx.report)) return;
    const { t2, t3, t4 } = ctx.report.tables;
    for (const table of [t2, t3, t4]) {
      if (!table) continue;
      for (const [key, row] of table.rows) {
        row.cells.forEach((cell, i) => {
          // Only a malformed or fractional count is reported: the rest need no name.
          if (cell.status !== 'malformed' && (table.id === 't2' || cell.value === null || Number.isInteger(cell.value))) return;
          const name = row.positioned ? cellName(table, key, i) : row.label.replace(/[\s*|]+/g, '');
          const args = { cell: name, raw: cell.raw, canonical: cell.canonical ?? '' };
          if (cell.oddity === 'negative') {
            // 表二's 本年增/减 (2019 edition) is a change: it may well be negative.
            if (table.id === 't2' && row.positioned && columnName(table, key, i) === '本年增/减') return;
            ctx.add({ ...cell.span, messageId: 'negative', args });
          } else if (cell.status === 'malformed' && cell.canonical !== undefined) {
            ctx.add({
              ...cell.span,
              messageId: 'odd',
              args,
              fix: { title: { 'zh-cn': '改为“{canonical}”', en: 'Change to “{canonical}”' }, edits: [{ ...cell.span, newText: cell.canonical }] },
            });
          } else if (table.id !== 't2' && cell.value !== null && !Number.isInteger(cell.value)) {
            ctx.add({ ...cell.span, messageId: 'decimal', args });
          }
        });
      }
    }
  },
});

export default rule;
