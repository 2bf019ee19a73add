import type { Rule } from './rule';

const rule: Rule = {
  id: 'breakdown-sum',
  description: {
    'zh-cn': '正文中“共 N …，其中 a、b、c”的分项之和等于总数，且分项不大于总数',
    en: 'An enumerated breakdown in the text sums to its total, and no part exceeds it',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {},
  check() {},
};

export default rule;
