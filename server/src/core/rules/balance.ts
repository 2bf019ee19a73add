import type { Rule } from './rule';

const rule: Rule = {
  id: 'balance',
  description: {
    'zh-cn': '表三勾稽关系：一 + 二 = （七）总计 + 四，每一列都成立',
    en: '表三 balance: 一 + 二 = （七）总计 + 四 in every column',
  },
  defaultSeverity: 'error',
  fixable: true,
  messages: {},
  check() {},
};

export default rule;
