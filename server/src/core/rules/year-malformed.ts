import type { Rule } from './rule';

const rule: Rule = {
  id: 'year-malformed',
  description: {
    'zh-cn': '年份写法有误（如“202020年”）',
    en: 'A malformed year (e.g. "202020年")',
  },
  defaultSeverity: 'error',
  fixable: false,
  messages: {},
  check() {},
};

export default rule;
