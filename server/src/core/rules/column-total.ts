import { defineRule } from './rule';
import { SUM_MESSAGES, reportRelations } from './sum-findings';

const rule = defineRule({
  id: 'column-total',
  category: 'arithmetic',
  description: {
    'zh-cn': '表三（七）总计等于各项办理结果之和（每一列）',
    en: '表三 （七）总计 equals the sum of all 办理结果 rows, per column',
  },
  defaultSeverity: 'error',
  fixable: true,
  messages: SUM_MESSAGES,
  check(ctx) {
    reportRelations(ctx, 'column-total');
  },
});

export default rule;
