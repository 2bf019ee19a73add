import type { Rule } from './rule';

const rule: Rule = {
  id: 'year-mismatch',
  description: {
    'zh-cn': '年份属于本报告的年度：工作与数字用报告年度，计划用下一年度',
    en: 'Years belong to this report: work and figures in the report year, plans in the next',
  },
  defaultSeverity: 'error',
  fixable: true,
  messages: {},
  check() {},
};

export default rule;
