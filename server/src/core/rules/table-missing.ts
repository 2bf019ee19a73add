import type { Rule } from './rule';

const rule: Rule = {
  id: 'table-missing',
  description: {
    'zh-cn': '表二、表三、表四都能找到并读出',
    en: '表二, 表三 and 表四 are present and readable',
  },
  defaultSeverity: 'error',
  fixable: false,
  messages: {},
  check() {},
};

export default rule;
