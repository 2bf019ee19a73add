import type { Rule } from './rule';

const rule: Rule = {
  id: 'row-label',
  description: {
    'zh-cn': '表格的行、列标签使用标准写法',
    en: 'Table row and column labels use the standard wording',
  },
  defaultSeverity: 'hint',
  fixable: true,
  messages: {},
  check() {},
};

export default rule;
