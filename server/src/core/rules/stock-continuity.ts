import { defineRule } from './rule';
import { checkAgainstPrevious, type CrossFinding } from '../crossyear/compare';
import type { YearProfile } from '../crossyear/profile';

// 表二 第二十条第（一）项 from one year to the next: 现行有效件数 = last year's 现行有效件数 +
// 本年制发件数 − 本年废止件数 (2021 edition); in the 2019 edition the closest is the cumulative
// 对外公开总数量 = last year's + 本年新公开数量. Only a hint: real stocks move for reasons the two
// columns do not show (a 清理 that re-counts them, documents that lapse, units that join or leave
// the aggregate; CROSS-YEAR.md: the identity holds in 1 of 4 Pingtan pairs), so the message asks
// for an explanation. Never across the edition change (对外公开总数量 is not 现行有效), never with
// a blank cell.
export function compareStock(previous: YearProfile, current: YearProfile): CrossFinding[] {
  const out: CrossFinding[] = [];
  if (previous.year === null) return out;
  for (const row of current.stock) {
    const last = previous.stock.find((r) => r.key === row.key);
    if (!last || last.edition !== row.edition) continue;
    const prevStock = last.stock.value;
    const { added, removed } = row;
    const stock = row.stock.value;
    if (prevStock === null || added === null || stock === null) continue;
    if (row.edition === '2021' && removed === null) continue;
    const expected = prevStock + added - (removed ?? 0);
    if (expected === stock) continue;
    out.push({
      at: row.stock.at,
      messageId: row.edition === '2021' ? 'inForce' : 'published',
      args: { label: row.label, stock, prevYear: previous.year, prevStock, added, removed: removed ?? 0, expected, gap: signed(stock - expected) },
    });
  }
  return out;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

const rule = defineRule({
  id: 'stock-continuity',
  category: 'arithmetic',
  description: {
    'zh-cn': '现行有效件数与上年报告及本年制发、废止件数衔接',
    en: "The documents in force follow from last year's report and this year's issued and repealed documents",
  },
  defaultSeverity: 'hint',
  fixable: false,
  messages: {
    inForce: {
      'zh-cn':
        '“{label}”现行有效件数为 {stock}，而 {prevYear} 年报告的现行有效 {prevStock} 件 + 本年制发 {added} 件 − 本年废止 {removed} 件 = {expected} 件（相差 {gap}）。清理后重新统计、文件到期失效、所属单位增减都会使现行有效件数变化：如属此类情况，请在报告中说明',
      en: "“{label}”: {stock} documents in force, but the {prevYear} report's {prevStock} in force + {added} issued − {removed} repealed this year = {expected} (off by {gap}). Re-counting after a clean-up (清理), documents lapsing, and units joining or leaving also change the count: if so, please explain it in the report",
    },
    published: {
      'zh-cn':
        '“{label}”对外公开总数量为 {stock}，而 {prevYear} 年报告的 {prevStock} + 本年新公开 {added} = {expected}（相差 {gap}）。重新统计或所属单位增减也会使总数变化：如属此类情况，请在报告中说明',
      en: "“{label}”: {stock} published in all, but the {prevYear} report's {prevStock} + {added} newly published this year = {expected} (off by {gap}). Re-counting and units joining or leaving also change the total: if so, please explain it in the report",
    },
  },
  check(ctx) {
    checkAgainstPrevious(ctx, compareStock);
  },
});

export default rule;
