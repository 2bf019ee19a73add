import type { Rule } from './rule';

const rule: Rule = {
  id: 'section-numbering',
  description: {
    'zh-cn': '部分与小节的编号连续，用中文数字',
    en: 'Sections and sub-parts are numbered consecutively, with Chinese numerals',
  },
  defaultSeverity: 'warning',
  fixable: true,
  messages: {},
  check() {},
};

export default rule;
