import type { Rule } from './rule';

const rule: Rule = {
  id: 'edition-mismatch',
  description: {
    'zh-cn': '表格版本与报告年度相符',
    en: 'The tables use the edition of the format that the report year requires',
  },
  defaultSeverity: 'error',
  fixable: false,
  messages: {},
  check() {},
};

export default rule;
