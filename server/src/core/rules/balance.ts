import { defineRule } from './rule';
import { BALANCE_MESSAGES, reportRelations } from './sum-findings';

// R1, the 勾稽关系 printed in the table's own header: what came in (新收 + 上年结转) equals what
// went out (（七）总计) plus what is carried forward (结转下年度). Which cell is wrong is known only
// when one cell explains the failures (arith/explain.ts); then the fix sets it. Otherwise the cells
// that could repair the balance without breaking another sum are offered as candidates, if any.
const rule = defineRule({
  id: 'balance',
  category: 'arithmetic',
  description: {
    'zh-cn': '表三勾稽关系：一 + 二 = （七）总计 + 四，每一列都成立',
    en: '表三 balance: 一 + 二 = （七）总计 + 四 in every column',
  },
  defaultSeverity: 'error',
  fixable: true,
  messages: BALANCE_MESSAGES,
  check(ctx) {
    reportRelations(ctx, 'balance');
  },
});

export default rule;
