// The server's own wording (the engine words its findings itself). Chinese by default, English when
// the locale is English; the report's labels (表三, 自然人, （七）总计 …) are quoted as written in both.
import { translator, type Args, type Bilingual, type Locale } from '../shared/i18n';

const MESSAGES = {
  tooLarge: {
    'zh-cn': '文件过大（{size}），超过 nianbao.maxFileSize（{limit}），未检查。',
    en: 'File too large to check ({size}, nianbao.maxFileSize is {limit}).',
  },
  ignoreThis: { 'zh-cn': '忽略此问题（{rule}）', en: 'Ignore this finding ({rule})' },
  fixAll: { 'zh-cn': '修复全部可自动修复的问题（{count} 处）', en: 'Fix all auto-fixable problems ({count})' },
  fixAllLabel: { 'zh-cn': '年报：修复全部', en: 'Nianbao: fix all' },
  ignoreLabel: { 'zh-cn': '年报：忽略此问题', en: 'Nianbao: ignore this finding' },
  cellValue: { 'zh-cn': '本格：{value}', en: 'This cell: {value}' },
  cellBlank: { 'zh-cn': '本格：空缺（{raw}）', en: 'This cell: blank ({raw})' },
  cellNth: {
    'zh-cn': '第 {n} 个数（本行数字不全，无法确定所在列）',
    en: 'number {n} of the row (the row is incomplete, its column is unknown)',
  },
  strayRow: { 'zh-cn': '未识别的行「{label}」', en: 'unrecognized row “{label}”' },
  sumHolds: { 'zh-cn': '{label}：应为 {expected}，相符 ✓', en: '{label}: should be {expected}, matches ✓' },
  sumFails: { 'zh-cn': '{label}：应为 {expected}，表中为 {actual} ✗', en: '{label}: should be {expected}, the table says {actual} ✗' },
  sumIncomplete: {
    'zh-cn': '{label}：有空缺格，未判断（按 0 计为 {expected}）',
    en: '{label}: has blank cells, not judged ({expected} counting them as 0)',
  },
  otherZeroParts: { 'zh-cn': '其余 {count} 项为 0', en: '{count} more parts are 0' },
  partOf: { 'zh-cn': '计入：{labels}', en: 'Part of: {labels}' },
  'relation.row-total': { 'zh-cn': '行合计', en: 'Row total' },
  'relation.column-total': { 'zh-cn': '列合计', en: 'Column total' },
  'relation.balance': { 'zh-cn': '勾稽关系', en: 'Balance' },
  'relation.appeal-total': { 'zh-cn': '合计', en: 'Total' },
  incompleteHint: {
    'zh-cn': '有空缺格，按 0 计算',
    en: 'blank cells counted as 0',
  },
} satisfies Record<string, Bilingual>;

export type MessageId = keyof typeof MESSAGES;

export const t: (locale: Locale, id: MessageId, args?: Args) => string = translator(MESSAGES);

/** "2.1 MB" / "850 KB", for the too-large notice. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.round(bytes / 1000)} KB`;
}
