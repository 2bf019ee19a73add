import type { Rule } from './rule';
import { cellName } from './tables-common';

// 规章 can be made only by 省级 and 设区的市 governments (立法法); a township, sub-district or
// department reporting a non-zero 规章 count has most likely put 规范性文件 in the wrong row.
// A warning, not an error: the body's kind is read from its name.
const TOWNSHIP = /(镇|乡|街道|办事处)(人民政府|党委|政府)?$/;
const GOVERNMENT_OFFICE = /人民政府(办公室|办公厅)?$|政府$/;
const DEPARTMENT = /(局|委员会|委|厅|署|中心|院|办公室|办)$/;

export function bodyKind(body: string | null | undefined): 'township' | 'department' | 'government' | 'unknown' {
  if (!body) return 'unknown';
  const b = body.replace(/\s+/g, '');
  if (TOWNSHIP.test(b)) return 'township';
  if (GOVERNMENT_OFFICE.test(b)) return 'government';
  if (DEPARTMENT.test(b)) return 'department';
  return 'unknown';
}

const rule: Rule = {
  id: 'regulation-scope',
  description: {
    'zh-cn': '乡镇、街道和部门不能制定规章',
    en: 'Townships, sub-districts and departments cannot make 规章',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {
    township: {
      'zh-cn': '{body}为乡镇/街道，无权制定规章，但表二“{cell}”为 {value}：是否应填在“行政规范性文件”一行？',
      en: '{body} is a township or sub-district and cannot make 规章, yet 表二 “{cell}” is {value}: does it belong in the 行政规范性文件 row?',
    },
    department: {
      'zh-cn': '{body}为部门，无权制定规章，但表二“{cell}”为 {value}：是否应填在“行政规范性文件”一行？',
      en: '{body} is a department and cannot make 规章, yet 表二 “{cell}” is {value}: does it belong in the 行政规范性文件 row?',
    },
  },
  check(ctx) {
    const { report } = ctx;
    const t2 = report.tables.t2;
    const row = t2?.rows.get('rules');
    if (!t2 || !row || !row.positioned) return;
    const kind = bodyKind(report.body?.text ?? null);
    if (kind !== 'township' && kind !== 'department') return;
    row.cells.forEach((cell, i) => {
      if (cell.value === null || cell.value <= 0) return;
      ctx.add({ ...cell.span, messageId: kind, args: { body: report.body!.text, cell: cellName(t2, 'rules', i), value: cell.value } });
    });
  },
};

export default rule;
