import type { Rule } from './rule';

const rule: Rule = {
  id: 'cell-missing',
  description: {
    'zh-cn': '应填数字的单元格都有数字',
    en: 'Every cell that should hold a number has one',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {},
  check() {},
};

export default rule;
