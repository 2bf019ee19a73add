import { defineRule } from './rule';
import { EDITION_NAMES, editionForYear } from '../format/editions';
import { TABLE_NAMES } from './tables-common';

// The edition of the format follows the report year (FORMAT.md §1): 2019 edition for 2019–2020,
// 2021 edition from 2021. Tables of the other edition are a real defect; a pre-2019 layout is
// recognized and the edition checks are skipped, with one note.
const rule = defineRule({
  id: 'edition-mismatch',
  category: 'structure',
  description: {
    'zh-cn': '表格版本与报告年度相符',
    en: 'The tables use the edition of the format that the report year requires',
  },
  defaultSeverity: 'error',
  fixable: false,
  messages: {
    mismatch: {
      'zh-cn': '{year} 年度报告应使用{expected}，但表格是{found}',
      en: 'A report for {year} must use the {expected}, but its tables are of the {found}',
    },
    mismatchOne: {
      'zh-cn': '{year} 年度报告应使用{expected}，但{table}是{found}',
      en: 'A report for {year} must use the {expected}, but {table} is of the {found}',
    },
    pre2019: {
      'zh-cn': '这是 2019 年以前的统计格式，版本检查已跳过',
      en: 'Pre-2019 statistics layout: edition checks skipped',
    },
  },
  check(ctx) {
    const { report } = ctx;
    if (report.notAReport) return;
    const year = report.year.value;
    const at = report.tables.t2?.span ?? report.tables.t3?.span ?? report.title?.span ?? { start: 0, end: 0 };
    if (report.edition === 'pre-2019' && report.editionSource === 'layout' && (year === null || year < 2019)) {
      ctx.add({ ...(report.title?.span ?? at), messageId: 'pre2019', severity: 'information' });
      return;
    }
    if (year === null || report.editionSource === 'option') return;
    const expected = editionForYear(year);
    const found = report.tableEdition;
    if (found === 'unknown' || expected === 'unknown' || found === expected) return;
    const where = found === 'pre-2019' ? at : tableSignalSpan(ctx.report) ?? at;
    const args = { year, expected: EDITION_NAMES[expected][ctx.locale], found: EDITION_NAMES[found][ctx.locale] };
    // One table of each edition (表二 of the right one, 表三's （六） of the old one): name the table.
    const { t2, t3 } = report.tables;
    const odd = t2 && t3 && t2.edition !== t3.edition && [t2.edition, t3.edition].includes(expected) ? (t2.edition === found ? 't2' : 't3') : null;
    if (odd) ctx.add({ ...where, messageId: 'mismatchOne', args: { ...args, table: TABLE_NAMES[odd][ctx.locale] } });
    else ctx.add({ ...where, messageId: 'mismatch', args });
  },
});

/** Where the tables show their edition: 表二's column labels, or 表三's （六）其他处理 rows. */
function tableSignalSpan(report: import('../model').Report) {
  const t2 = report.tables.t2;
  if (t2 && t2.edition === report.tableEdition && t2.headerLabels.length) {
    const first = t2.headerLabels[0].span;
    const last = t2.headerLabels[Math.min(2, t2.headerLabels.length - 1)].span;
    return { start: first.start, end: last.end };
  }
  const t3 = report.tables.t3;
  const row = t3?.rows.get('r6') ?? t3?.rows.get('h6') ?? t3?.rows.get('r6_1');
  return row?.labelSpan ?? null;
}

export default rule;
