import type { Rule } from './rule';

const rule: Rule = {
  id: 'text-vs-table',
  description: {
    'zh-cn': '正文中的数字与表格中对应的数字一致',
    en: 'A figure stated in the text equals the table cell it names',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {},
  check() {},
};

export default rule;
