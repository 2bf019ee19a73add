import { defineRule } from './rule';
import { SUM_MESSAGES, reportRelations } from './sum-findings';

const rule = defineRule({
  id: 'row-total',
  category: 'arithmetic',
  description: {
    'zh-cn': '表三每一行的总计等于自然人与五类法人或其他组织之和',
    en: 'Each 表三 row total equals 自然人 plus the five 法人或其他组织 columns',
  },
  defaultSeverity: 'error',
  fixable: true,
  messages: SUM_MESSAGES,
  check(ctx) {
    reportRelations(ctx, 'row-total');
  },
});

export default rule;
