import type { Rule } from './rule';

const rule: Rule = {
  id: 'foreign-text',
  description: {
    'zh-cn': '报告中没有网页残留、其他单位的文字或空白单位名称',
    en: 'No web-page debris, text of another body, or blank body name in the report',
  },
  defaultSeverity: 'hint',
  fixable: false,
  messages: {},
  check() {},
};

export default rule;
