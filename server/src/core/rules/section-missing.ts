import { defineRule } from './rule';
import { SECTIONS } from '../format/editions';

// The six sections are required in both editions (FORMAT.md §2). A missing one is reported where
// it should have been: at the heading that follows the gap.
const rule = defineRule({
  id: 'section-missing',
  category: 'structure',
  description: {
    'zh-cn': '六个必备部分齐全且按顺序出现',
    en: 'The six required sections are present, in order',
  },
  defaultSeverity: 'error',
  fixable: false,
  messages: {
    missing: {
      'zh-cn': '缺少第{number}部分“{title}”',
      en: 'Section {number} “{title}” is missing',
    },
    missingBetween: {
      'zh-cn': '缺少第{number}部分“{title}”（“{before}”之后直接是“{after}”）',
      en: 'Section {number} “{title}” is missing (“{before}” is followed directly by “{after}”)',
    },
    notAReport: {
      'zh-cn': '未找到政府信息公开工作年度报告的标题、部分或表格，未做检查',
      en: 'No title, sections or tables of an annual report on government information disclosure were found; nothing was checked',
    },
  },
  check(ctx) {
    const { report } = ctx;
    if (report.notAReport) {
      ctx.add({ start: 0, end: Math.min(report.text.length, ctx.lines.lineEnd(0)), messageId: 'notAReport', severity: 'information' });
      return;
    }
    if (report.edition === 'pre-2019') return;
    for (const spec of SECTIONS) {
      if (report.sections.some((s) => s.key === spec.key)) continue;
      const after = report.sections.find((s) => s.key !== null && s.key > spec.key);
      const before = [...report.sections].reverse().find((s) => s.key !== null && s.key < spec.key);
      const at = after?.heading.span ?? before?.heading.span ?? report.title?.span ?? { start: 0, end: ctx.lines.lineEnd(0) };
      const args = {
        number: '一二三四五六'[spec.number - 1],
        title: spec.standard,
        before: before ? ctx.report.text.slice(before.heading.span.start, before.heading.span.end) : '',
        after: after ? ctx.report.text.slice(after.heading.span.start, after.heading.span.end) : '',
      };
      ctx.add({ ...at, messageId: before && after ? 'missingBetween' : 'missing', args });
    }
  },
});

export default rule;
