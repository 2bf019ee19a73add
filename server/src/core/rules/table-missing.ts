import { defineRule } from './rule';
import { TABLE_NAMES, skipTables } from './tables-common';

// A table that cannot be found or read is said so once, with the reason, and nothing is guessed.
const rule = defineRule({
  id: 'table-missing',
  category: 'structure',
  description: {
    'zh-cn': '表二、表三、表四都能找到并读出',
    en: '表二, 表三 and 表四 are present and readable',
  },
  defaultSeverity: 'error',
  fixable: false,
  messages: {
    'not-found': {
      'zh-cn': '未找到{table}：找不到它的标准行标签',
      en: '{table} was not found: none of its standard row labels is present',
    },
    'no-numbers': {
      'zh-cn': '{table}的表头找到了，但没有读到数字',
      en: 'The header of {table} was found, but no numbers were read',
    },
    unreadable: {
      'zh-cn': '{table}无法读取：找到了表格的位置，但行标签无法对应到标准格式',
      en: '{table} could not be read: its place was found but its rows do not match the standard labels',
    },
  },
  check(ctx) {
    if (skipTables(ctx.report)) return;
    for (const p of ctx.report.tableProblems) {
      ctx.add({ ...p.span, messageId: p.reason, args: { table: TABLE_NAMES[p.id][ctx.locale] } });
    }
  },
});

export default rule;
