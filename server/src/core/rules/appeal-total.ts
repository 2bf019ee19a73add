import { defineRule } from './rule';
import { SUM_MESSAGES, reportRelations } from './sum-findings';

const rule = defineRule({
  id: 'appeal-total',
  category: 'arithmetic',
  description: {
    'zh-cn': '表四每组的总计等于结果维持、结果纠正、其他结果、尚未审结之和',
    en: 'Each 表四 group total equals 维持 + 纠正 + 其他结果 + 尚未审结',
  },
  defaultSeverity: 'error',
  fixable: true,
  messages: SUM_MESSAGES,
  check(ctx) {
    reportRelations(ctx, 'appeal-total', { wide: true });
  },
});

export default rule;
