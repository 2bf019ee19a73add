import type { Rule } from './rule';
import { reportRelations } from './sum-findings';

// R1, the 勾稽关系 printed in the table's own header: what came in (新收 + 上年结转) equals what
// went out (（七）总计) plus what is carried forward (结转下年度). Which cell is wrong is known only
// when one cell explains every failing sum; then the fix sets it. Otherwise no fix is offered.
const messages = {
  wrong: {
    'zh-cn': '勾稽关系不成立（{column}列）：一 + 二 = {lhs}，而（七）总计 + 四 = {rhs}',
    en: 'The balance does not hold (column {column}): 一 + 二 = {lhs}, but （七）总计 + 四 = {rhs}',
  },
  wrongCell: {
    'zh-cn': '勾稽关系不成立（{column}列）：一 + 二 = {lhs}，而（七）总计 + 四 = {rhs}；{cell} 填写有误：改为 {fixed} 后各项合计都成立',
    en: 'The balance does not hold (column {column}): 一 + 二 = {lhs}, but （七）总计 + 四 = {rhs}; {cell} looks wrong: with {fixed} every sum holds',
  },
};

const rule: Rule = {
  id: 'balance',
  description: {
    'zh-cn': '表三勾稽关系：一 + 二 = （七）总计 + 四，每一列都成立',
    en: '表三 balance: 一 + 二 = （七）总计 + 四 in every column',
  },
  defaultSeverity: 'error',
  fixable: true,
  messages,
  check(ctx) {
    // Without a culprit, which side is wrong is unknown: no fix is offered.
    reportRelations(ctx, 'balance', { fixTotal: false });
  },
};

export default rule;
