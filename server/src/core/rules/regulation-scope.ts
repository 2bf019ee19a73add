import type { Rule } from './rule';

const rule: Rule = {
  id: 'regulation-scope',
  description: {
    'zh-cn': '乡镇、街道和部门不能制定规章',
    en: 'Townships, sub-districts and departments cannot make 规章',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {},
  check() {},
};

export default rule;
