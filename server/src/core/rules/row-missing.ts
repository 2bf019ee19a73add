import type { Rule } from './rule';

const rule: Rule = {
  id: 'row-missing',
  description: {
    'zh-cn': '表格包含本版本要求的所有行',
    en: 'Tables have every row their edition requires',
  },
  defaultSeverity: 'error',
  fixable: false,
  messages: {},
  check() {},
};

export default rule;
