import { defineRule } from './rule';
import { T3_COLUMNS } from '../format/editions';
import { checkAgainstPrevious, type CrossFinding } from '../crossyear/compare';
import type { YearProfile } from '../crossyear/profile';

// R7 (FORMAT.md §4): what last year's report carried forward (表三 四、结转下年度继续办理) is what
// this year's report carried over (二、上年结转政府信息公开申请数量), column by column. The cell is
// the same in both editions, so the comparison holds across the edition change of 2021. One finding
// per column that differs, on this year's cell; a blank cell on either side is cell-missing's.
export function compareCarryOver(previous: YearProfile, current: YearProfile): CrossFinding[] {
  const out: CrossFinding[] = [];
  const before = previous.carryOut;
  const now = current.carryIn;
  if (!before || !now || previous.year === null) return out;
  for (let c = 0; c < T3_COLUMNS.length; c++) {
    const last = before.cells[c];
    const cell = now.cells[c];
    if (!last || !cell || last.value === null || cell.value === null || last.value === cell.value) continue;
    out.push({
      at: cell.at,
      messageId: 'differs',
      args: {
        column: T3_COLUMNS[c].label,
        label: now.label,
        value: cell.value,
        prevYear: previous.year,
        prevLabel: before.label,
        prevValue: last.value,
        prevLine: last.at.line,
      },
    });
  }
  return out;
}

const rule = defineRule({
  id: 'carry-over',
  category: 'arithmetic',
  description: {
    'zh-cn': '本年上年结转数与上年报告的结转下年度数一致',
    en: "This year's carried-over requests equal those last year's report carried forward",
  },
  defaultSeverity: 'error',
  fixable: false,
  messages: {
    differs: {
      'zh-cn': '{column}：本年“{label}”为 {value}，但 {prevYear} 年报告“{prevLabel}”为 {prevValue}（该报告第 {prevLine} 行），两者应相等',
      en: "{column}: this year's “{label}” is {value}, but the {prevYear} report's “{prevLabel}” is {prevValue} (line {prevLine} of that report); they must be equal",
    },
  },
  check(ctx) {
    checkAgainstPrevious(ctx, compareCarryOver);
  },
});

export default rule;
