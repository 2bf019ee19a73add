import type { Rule } from './rule';

const rule: Rule = {
  id: 'section-heading',
  description: {
    'zh-cn': '部分标题使用标准写法',
    en: 'Section headings use the standard wording',
  },
  defaultSeverity: 'hint',
  fixable: true,
  messages: {},
  check() {},
};

export default rule;
