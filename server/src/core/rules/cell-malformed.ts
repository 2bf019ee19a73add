import type { Rule } from './rule';

const rule: Rule = {
  id: 'cell-malformed',
  description: {
    'zh-cn': '数字写法规范（如“00”应为“0”）',
    en: 'Numbers are written plainly (e.g. "0", not "00")',
  },
  defaultSeverity: 'hint',
  fixable: true,
  messages: {},
  check() {},
};

export default rule;
