import type { Rule } from './rule';

const rule: Rule = {
  id: 'column-total',
  description: {
    'zh-cn': '表三（七）总计等于各项办理结果之和（每一列）',
    en: '表三 （七）总计 equals the sum of all 办理结果 rows, per column',
  },
  defaultSeverity: 'error',
  fixable: true,
  messages: {},
  check() {},
};

export default rule;
