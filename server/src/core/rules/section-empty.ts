// Section 五、存在的主要问题及改进情况 left empty or answered "无": the part supervising offices read
// first, and the one the format asks every body to fill (FORMAT.md §2). Only 五: 六、其他需要报告
// 的事项 may truly have nothing to report ("无。" is legitimate there; the 2021 edition's fee
// statement is fee-unreported's), and 一…四 carry the tables and their own rules.
// A text cut right after the heading (an excerpt saved from a web page) says nothing about the body.
import { defineRule } from './rule';
import type { Report, Section, SectionKey } from '../model';
import { contentLines, endsCut, isDecor, isNothingAnswer, type ContentLine } from './section-text';

/** The sections that must say something. */
const COVERED: SectionKey[] = ['s5'];

/**
 * A sub-heading of 五 with nothing after it, or with only "无" after it ("（一）存在的主要问题：无"):
 * the numbering and the standard sub-titles, so that the answer after them is what is judged.
 */
const SUB_TITLE =
  /^(?:[(（][一二三四五六七八九十][)）]|[一二三四五六七八九十][、.．]|[0-9]{1,2}[、.．])?(?:存在的?主要问题|存在的?问题(?:和不足|与不足|及不足)?|主要问题|问题和?不足|改进情况|改进措施|整改措施|改进方向|下一步(?:工作)?(?:计划|打算|安排)?|工作计划)?[:：]?/;

/** What a line says once its sub-heading is set aside: '' when nothing. */
function answerOf(line: ContentLine): string {
  if (isDecor(line.text)) return '';
  return line.text.replace(SUB_TITLE, '');
}

type Verdict = { kind: 'empty' } | { kind: 'nothing'; answer: ContentLine } | null;

/** Whether the section says nothing: no line, or every line only a sub-heading or "无". */
function judge(lines: ContentLine[]): Verdict {
  let answer: ContentLine | null = null;
  for (const line of lines) {
    const said = answerOf(line);
    if (!said) continue;
    if (!isNothingAnswer(said)) return null;
    answer ??= line;
  }
  return answer ? { kind: 'nothing', answer } : { kind: 'empty' };
}

function headingText(report: Report, section: Section): string {
  return report.text.slice(section.heading.span.start, section.heading.span.end).replace(/^[\s#>*]+|[\s*]+$/g, '');
}

const rule = defineRule({
  id: 'section-empty',
  category: 'structure',
  description: {
    'zh-cn': '“存在的主要问题及改进情况”部分写明了内容，不是空白或只写“无”',
    en: 'The section on the main problems and improvements says something: it is not blank or only "无"',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {
    empty: {
      'zh-cn': '“{heading}”部分没有内容：应写明本年度工作存在的主要问题及改进情况',
      en: 'Section “{heading}” is empty: it should state the main problems of the year’s work and how they are being addressed',
    },
    nothing: {
      'zh-cn': '“{heading}”部分只写了“{answer}”：应写明本年度工作存在的主要问题及改进情况',
      en: 'Section “{heading}” only says “{answer}”: it should state the main problems of the year’s work and how they are being addressed',
    },
  },
  check(ctx) {
    const { report } = ctx;
    if (report.notAReport || report.edition === 'pre-2019') return;
    for (const section of report.sections) {
      if (section.key === null || !COVERED.includes(section.key)) continue;
      const lines = contentLines(report, section);
      const verdict = judge(lines);
      if (!verdict || endsCut(report, section, lines)) continue;
      const heading = headingText(report, section);
      ctx.add({
        ...section.heading.span,
        messageId: verdict.kind,
        // The answer as the report writes it ("無。", "（一）存在的主要问题：无").
        args: { heading, answer: verdict.kind === 'nothing' ? report.text.slice(verdict.answer.span.start, verdict.answer.span.end) : '' },
      });
    }
  },
});

export default rule;
