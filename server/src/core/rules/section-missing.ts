import type { Rule } from './rule';

const rule: Rule = {
  id: 'section-missing',
  description: {
    'zh-cn': '六个必备部分齐全且按顺序出现',
    en: 'The six required sections are present, in order',
  },
  defaultSeverity: 'error',
  fixable: false,
  messages: {},
  check() {},
};

export default rule;
