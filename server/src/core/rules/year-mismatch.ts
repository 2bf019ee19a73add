import type { Report } from '../model';
import { defineRule, type Bilingual, type RuleContext } from './rule';
import {
  inBookTitle,
  isComparison,
  isDateLike,
  isRange,
  leadLength,
  onMetaLine,
  opensSentence,
  planZoneStart,
  quote,
  yearMentions,
  type YearMention,
} from './years';
import { readPeriodRange, type PeriodRange } from '../parse/header';

// The report for year Y is written in Y+1, so Y+1 slips into sentences about Y's work, and last
// year's report, copied, leaves plans dated Y ("2023年…将…") and Y−1 as the current year. Each check
// below accepts only the clear shapes; dates, titles in 《》, ranges, comparisons and plans pass.
const messages = {
  nextYear: {
    'zh-cn': '“{found}年”不是本报告的年度：这里叙述的是 {year} 年的工作或数据（“{quote}”）',
    en: '"{found}年" is not the report year: this describes the work or figures of {year} ("{quote}")',
  },
  planYear: {
    'zh-cn': '计划应写下一年度：“{quote}”是对 {fixed} 年的安排，而非 {found} 年',
    en: 'A plan belongs to the next year: "{quote}" plans for {fixed}, not {found}',
  },
  previousYear: {
    'zh-cn': '“{found}年”似乎被当作本年度：本报告为 {year} 年度报告（“{quote}”）',
    en: '"{found}年" seems to be used as the current year, but this is the report for {year} ("{quote}")',
  },
  periodSpan: {
    'zh-cn': '统计期限跨了两个年度：“{found}年”应为“{fixed}年”（本报告为 {year} 年度）',
    en: 'The statistics period spans two years: "{found}年" should be "{fixed}年" (this is the report for {year})',
  },
  periodSpanUnsure: {
    'zh-cn': '统计期限的起止年份不一致（{start}年1月1日至{end}年12月31日）',
    en: 'The statistics period starts and ends in different years ({start}-01-01 to {end}-12-31)',
  },
  textPeriod: {
    'zh-cn': '统计期限（{period}年）与正文叙述的年度（{text}年）不一致',
    en: 'The statistics period ({period}) differs from the year the narrative describes ({text})',
  },
  titlePeriod: {
    'zh-cn': '标题年份（{title}年）与统计期限（{period}年）不一致',
    en: 'The title year ({title}) differs from the statistics period ({period})',
  },
} satisfies Record<string, Bilingual>;

const FIX_TITLE: Bilingual = { 'zh-cn': '改为 {fixed} 年', en: 'Change to {fixed}' };

/** A plan or intention: such a sentence may name the next year. */
const FUTURE = /将(?!近|来|领|士|军)|即将|计划|拟|预计|力争|争取|下一步|下阶段|下一阶段|继续|明年|今后|下一年|目标|打算|规划|准备/;
/** Documents and budgets of a year: "2024年度部门预算", "2024年政务公开工作要点". */
const DOCUMENT_AFTER = /^\s*度?\s*[^,，。]{0,8}?(预算|计划|要点|方案|安排|规划|目标|任务|细则|办法|通知|意见|规定|目录|清单|指南)/;
/** 将 as a preposition ("将政务公开纳入考核"): the sentence reports what was done, not a plan. */
const PREPOSITION_JIANG = /将[^,，。;；]{0,24}?(纳入|列入|列为|作为|当作|当成|视为|融入|贯穿|放在|放到|摆在|置于|写入|编入|嵌入|转化为|转为|变为|改为|整合为|结合|到位|落到实处|落实到|推送至|推送到|发布在|发布到|上传至|上传到)/;
/** Past-tense words between the year and 将: "2023年我镇完成了…，将…" looks back first. */
const PAST = /了|已|取得|完成|实现|累计/;
/**
 * What may follow "Y−1年" when it opens a sentence as the current year: "2022年，" "2022年我镇",
 * or a statement of the year's work or figures ("2022年共收到…", "2022年发布…").
 */
const CURRENT_YEAR_OPENING = /^\s*(,|我|全|本|共|(发布|制发|印发|收到|受理|办理|办结|答复|主动公开|公开|新增|开展|组织|召开|完成)(?![^,;。]*的))/;
/** Words that make a Y−1 sentence a comparison, history or carry-over. */
const LOOKS_BACK = /较|比|同比|相比|以来|决算|预算|结转|上年|去年|同期|增长|下降|减少|增加|提高|持平|年度/;

function fixTo(m: YearMention, fixed: number) {
  return { title: FIX_TITLE, edits: [{ start: m.start, end: m.end, newText: String(fixed) }], preferred: true };
}

function sentenceQuote(report: Report, m: YearMention): string {
  return quote(report, m.sentence.start + leadLength(m.sentence.text), m.sentence.end);
}

/** The body naming itself ("本局", "我镇"): a year right after it still opens the statement. */
const SELF = '(?:我|本)(?:局|镇|乡|街道|街道办|办事处|单位|机关|委|办|部门|中心|院|厅|署|县|区|市)\\s*$';
const SELF_AT_START = new RegExp(`^\\s*${SELF}`);
const SELF_AFTER_PUNCTUATION = new RegExp(`[,:;]\\s*${SELF}`);

/** "本局2024年度收到…", "…,我镇2024年共公开…": only the body's own name stands before the year in its clause. */
function afterSelfSubject(norm: string, m: YearMention): boolean {
  // A short window before the year (never the whole sentence: a huge one-line text stays linear).
  const leadStart = m.sentence.start + leadLength(m.sentence.text);
  const from = Math.max(leadStart, m.start - 8);
  const before = norm.slice(from, m.start);
  return from === leadStart ? SELF_AT_START.test(before) : SELF_AFTER_PUNCTUATION.test(before);
}

/** "Y+1年" describing the reporting period's work or figures, before 五/六. */
function describesWorkOfNextYear(report: Report, m: YearMention, planStart: number): boolean {
  const { norm } = report;
  if (m.sentence.heading || m.sentence.start >= planStart) return false;
  // Only a year that opens a sentence or clause (or follows only the body's own name) states when
  // the work happened; one inside a phrase ("余姚市2024年度考核细则", "根据2024年…") names something else.
  if (!opensSentence(m) && !/[,:;]\s*$/.test(norm.slice(Math.max(m.sentence.start, m.start - 3), m.start)) && !afterSelfSubject(norm, m)) return false;
  if (report.title && m.start >= report.title.span.start && m.end <= report.title.span.end) return false;
  if (isDateLike(norm, m) || onMetaLine(norm, m) || inBookTitle(norm, m) || isRange(norm, m) || isComparison(norm, m)) return false;
  if (DOCUMENT_AFTER.test(norm.slice(m.after, m.after + 12))) return false;
  if (/(截至|截止|到)\s*$/.test(norm.slice(Math.max(0, m.start - 3), m.start))) return false;
  return !FUTURE.test(m.sentence.text);
}

/** "Y年…将…" opening a sentence in 五/六: a plan dated in the reporting year. */
function plansInReportYear(report: Report, m: YearMention, planStart: number): boolean {
  const { norm } = report;
  if (m.sentence.heading || m.sentence.start < planStart || !opensSentence(m)) return false;
  if (isDateLike(norm, m) || isRange(norm, m) || /^\s*(度|以来|底|末|内)/.test(norm.slice(m.after, m.after + 3))) return false;
  const rest = norm.slice(m.after, m.sentence.end);
  const jiang = rest.search(/将(?!近|来|领|士|军)/);
  if (jiang < 0 || jiang > 16) return false;
  const between = rest.slice(0, jiang);
  if (PAST.test(between) || /即$/.test(between) || /[。;；]/.test(between)) return false;
  return !PREPOSITION_JIANG.test(rest.slice(jiang));
}

/** "Y−1年，我镇…" opening a sentence in 一–四 that reports work, not a comparison or history. */
function usesPreviousYearAsCurrent(report: Report, m: YearMention, planStart: number, year: number): boolean {
  const { norm } = report;
  if (m.sentence.heading || m.sentence.sectionIndex < 0 || m.sentence.start >= planStart || !opensSentence(m)) return false;
  if (!CURRENT_YEAR_OPENING.test(norm.slice(m.after, m.sentence.end))) return false;
  if (isComparison(norm, m) || LOOKS_BACK.test(m.sentence.text) || FUTURE.test(m.sentence.text)) return false;
  // A sentence that also names the report year is about both years (a comparison or a carry-over).
  return !new RegExp(`${year}\\s*年`).test(m.sentence.text);
}

/**
 * How many sentences of 一–四 (and the preamble) open with each year: the narrative's own word on
 * which year the report is about, used to tell a wrong title from a wrong statistics period.
 */
function narrativeYears(report: Report, mentions: readonly YearMention[], planStart: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of mentions) {
    if (m.sentence.heading || m.sentence.start >= planStart || !opensSentence(m)) continue;
    if (report.title && m.start >= report.title.span.start && m.end <= report.title.span.end) continue;
    if (isDateLike(report.norm, m) || inBookTitle(report.norm, m) || isRange(report.norm, m)) continue;
    counts.set(m.value, (counts.get(m.value) ?? 0) + 1);
  }
  return counts;
}

/**
 * Title year vs statistics period. The finding goes on the one the narrative contradicts (the
 * statistics period when the narrative does not say), and its fix writes the other year. A period
 * that spans two years ("自2022年1月1日起至2023年12月31日止") is flagged at the year that is not the
 * report's. Returns the years the report itself leaves in doubt.
 */
function checkTitleAgainstPeriod(ctx: RuleContext, narrative: Map<number, number>): Set<number> {
  const { titleYear } = ctx.report.year;
  const doubtful = new Set<number>();
  const range = readPeriodRange(ctx.report.norm);
  if (!range) return doubtful;
  const years = range.end ? [range.start, range.end] : [range.start];
  if (!titleYear) {
    if (range.end && range.start.value !== range.end.value) checkPeriodSpan(ctx, range.start, range.end, narrative);
    else checkPeriodAgainstNarrative(ctx, range, narrative, doubtful);
    return doubtful;
  }
  const off = years.filter((y) => y.value !== titleYear.value);
  if (off.length === 0) return doubtful;
  if (off.length < years.length) {
    // One end of the period is the title's year: the other is the slip.
    const [wrong] = off;
    ctx.add({
      ...wrong.span,
      messageId: 'periodSpan',
      args: { found: wrong.value, fixed: titleYear.value, year: titleYear.value },
      fix: { title: FIX_TITLE, edits: [{ ...wrong.span, newText: String(titleYear.value) }], preferred: true },
      related: [{ ...titleYear.span, message: { 'zh-cn': '标题年份', en: 'Title year' } }],
    });
    return doubtful;
  }
  const periodYear = range.end ?? range.start;
  doubtful.add(titleYear.value);
  for (const y of years) doubtful.add(y.value);
  const forTitle = narrative.get(titleYear.value) ?? 0;
  const forPeriod = narrative.get(periodYear.value) ?? 0;
  const args = { title: titleYear.value, period: periodYear.value };
  if (forPeriod > forTitle) {
    ctx.add({
      start: titleYear.span.start,
      end: titleYear.span.end,
      messageId: 'titlePeriod',
      args: { ...args, fixed: periodYear.value },
      fix: { title: FIX_TITLE, edits: [{ ...titleYear.span, newText: String(periodYear.value) }], preferred: forTitle === 0 },
      related: [{ ...periodYear.span, message: { 'zh-cn': '统计期限', en: 'Statistics period' } }],
    });
    return doubtful;
  }
  // The period names the year twice ("2022年1月1日至2022年12月31日"): fix both.
  const edits = years.map((y) => ({ ...y.span, newText: String(titleYear.value) }));
  ctx.add({
    ...periodYear.span,
    messageId: 'titlePeriod',
    args: { ...args, fixed: titleYear.value },
    // When the narrative names both years, which one is right is anyone's guess: no fix.
    fix: forTitle > 0 && forPeriod > 0 ? null : { title: FIX_TITLE, edits, preferred: forTitle > 0 },
    related: [{ ...titleYear.span, message: { 'zh-cn': '标题年份', en: 'Title year' } }],
  });
  return doubtful;
}

/**
 * No title year: the period is the report's year unless the narrative plainly says another (two or
 * more sentences open with it, none with the period's year): a period copied from last year's report.
 * One finding on the period then, rather than one on every sentence of the narrative.
 */
function checkPeriodAgainstNarrative(ctx: RuleContext, range: PeriodRange, narrative: Map<number, number>, doubtful: Set<number>) {
  const period = range.end ?? range.start;
  if ((narrative.get(period.value) ?? 0) > 0) return;
  let said: number | null = null;
  for (const [year, n] of narrative) if (n >= 2 && (said === null || n > narrative.get(said)!)) said = year;
  if (said === null || Math.abs(said - period.value) > 1) return;
  doubtful.add(said).add(period.value);
  // "2022年1月1日至2022年12月31日": both years of the period.
  const years = range.end ? [range.start, range.end] : [range.start];
  ctx.add({
    ...period.span,
    messageId: 'textPeriod',
    args: { period: period.value, text: said, fixed: said },
    fix: { title: FIX_TITLE, edits: years.map((y) => ({ ...y.span, newText: String(said) })), preferred: false },
  });
}

/** No title year, and the period runs from one year to another: the narrative says which end slipped. */
function checkPeriodSpan(ctx: RuleContext, start: PeriodRange['start'], end: NonNullable<PeriodRange['end']>, narrative: Map<number, number>) {
  const forStart = narrative.get(start.value) ?? 0;
  const forEnd = narrative.get(end.value) ?? 0;
  if (forStart === forEnd) {
    ctx.add({ start: start.span.start, end: end.span.end, messageId: 'periodSpanUnsure', args: { start: start.value, end: end.value } });
    return;
  }
  const [wrong, right] = forStart > forEnd ? [end, start] : [start, end];
  ctx.add({
    ...wrong.span,
    messageId: 'periodSpan',
    args: { found: wrong.value, fixed: right.value, year: right.value },
    fix: { title: FIX_TITLE, edits: [{ ...wrong.span, newText: String(right.value) }], preferred: true },
  });
}

const rule = defineRule({
  id: 'year-mismatch',
  category: 'years',
  description: {
    'zh-cn': '年份属于本报告的年度：工作与数字用报告年度，计划用下一年度',
    en: 'Years belong to this report: work and figures in the report year, plans in the next',
  },
  defaultSeverity: 'error',
  fixable: true,
  messages,
  check(ctx) {
    const { report } = ctx;
    const year = report.year.value;
    if (year === null || report.notAReport) return;
    const planStart = planZoneStart(report);
    const mentions = yearMentions(report);
    const doubtful = checkTitleAgainstPeriod(ctx, narrativeYears(report, mentions, planStart));
    for (const m of mentions) {
      // When title and period disagree, a year that matches either of them is not evidence.
      if (doubtful.has(m.value) && m.value !== year) continue;
      const args = { found: m.value, year, quote: sentenceQuote(report, m) };
      const at = { start: m.start, end: m.after };
      if (m.value === year + 1 && describesWorkOfNextYear(report, m, planStart)) {
        ctx.add({ ...at, messageId: 'nextYear', args: { ...args, fixed: year }, fix: fixTo(m, year) });
      } else if (m.value === year && !doubtful.size && plansInReportYear(report, m, planStart)) {
        ctx.add({ ...at, messageId: 'planYear', args: { ...args, fixed: year + 1 }, fix: fixTo(m, year + 1) });
      } else if (m.value === year - 1 && usesPreviousYearAsCurrent(report, m, planStart, year)) {
        ctx.add({ ...at, messageId: 'previousYear', args: { ...args, fixed: year }, fix: fixTo(m, year) });
      }
    }
  },
});

export default rule;
