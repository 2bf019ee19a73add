import type { Rule } from './rule';

const rule: Rule = {
  id: 'percentage',
  description: {
    'zh-cn': '正文中的百分比与其数量和总数相符',
    en: 'A percentage in the text matches its count and total',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {},
  check() {},
};

export default rule;
