// Reading the years a report's prose mentions (FORMAT.md §5), shared by year-mismatch and
// year-malformed. Everything runs on report.norm (same offsets as the source), outside the tables.
import type { Report } from '../model';
import type { Span } from '../types';
import { sentencesOf, type Sentence } from '../parse/narrative';

/** A four-digit year written in Arabic digits and followed by 年: "2023年", "2023 年度". */
export interface YearMention extends Span {
  /** The year's value; start/end cover its four digits (what a fix replaces). */
  value: number;
  /** Offset just past 年. */
  after: number;
  sentence: Sentence;
}

const MENTION = /(?<![\dA-Za-z.])((?:19|20)\d{2})(?![\dA-Za-z])\s*年/g;

/** Year mentions in the sentences outside tables, in text order. */
export function yearMentions(report: Report): YearMention[] {
  const out: YearMention[] = [];
  const sentences = sentencesOf(report);
  // Every mention has a 年: only the sentences holding one are read.
  const withNian = sentences.holding('年');
  for (let k = 0; k < withNian.length; k++) {
    const i = withNian[k];
    const text = sentences.text(i);
    let sentence: Sentence | undefined;
    MENTION.lastIndex = 0;
    for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
      sentence ??= sentences.at(i);
      const start = sentence.start + m.index;
      out.push({ start, end: start + 4, value: Number(m[1]), after: sentence.start + m.index + m[0].length, sentence });
    }
  }
  return out;
}

/** What follows "Y年" makes it a date or a point in time, not the period of the work: "2024年1月", "2024年初". */
const DATE_AFTER = /^\s*(\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|元月|元旦|春节|初|年初|第?[一二三四1-4]季度|上半年|下半年)/;
/** Words on the same line before the year that mark a publication/meta line ("时间：2024年1月"). */
const META_BEFORE = /(时间|日期|发布|成文|印发|来源|更新)[:：]\s*[^,，。]*$/;
/** "2023年至2024年", "2023-2024年": a range, not a statement about one year. */
const RANGE_BEFORE = /\d{4}\s*年?度?\s*(至|到|-|—|–|~|－)\s*$/;
const RANGE_AFTER = /^\s*度?\s*(至|到|-|—|–|~|－)\s*\d{4}/;
/** Comparisons: "较2022年", "比2022年", "与2022年相比", "同比". */
const COMPARE_BEFORE = /(较|比|与|同|和|跟)\s*(上年|去年)?\s*$/;
const COMPARE_CLAUSE = /(相比|同比|环比|对比|比较|较上年|较去年|增长|下降|减少|增加|持平)/;

export function isDateLike(norm: string, m: YearMention): boolean {
  return DATE_AFTER.test(norm.slice(m.after, m.after + 6));
}

/** Whether the mention is inside 《…》 (the title of a document) in its sentence. */
export function inBookTitle(norm: string, m: YearMention): boolean {
  const before = norm.slice(m.sentence.start, m.start);
  return before.lastIndexOf('《') > before.lastIndexOf('》');
}

export function onMetaLine(norm: string, m: YearMention): boolean {
  const lineStart = Math.max(norm.lastIndexOf('\n', m.start - 1) + 1, m.start - 40);
  return META_BEFORE.test(norm.slice(lineStart, m.start));
}

export function isRange(norm: string, m: YearMention): boolean {
  return RANGE_BEFORE.test(norm.slice(Math.max(m.sentence.start, m.start - 12), m.start)) || RANGE_AFTER.test(norm.slice(m.after, m.after + 10));
}

/** The clause (between commas) that holds the mention. */
export function clauseOf(norm: string, m: YearMention): string {
  const s = norm.slice(m.sentence.start, m.sentence.end);
  const at = m.start - m.sentence.start;
  const from = Math.max(...[',', '，', ';', '；', ':'].map((c) => s.lastIndexOf(c, at - 1))) + 1;
  let to = s.slice(at).search(/[,，;；。]/);
  to = to < 0 ? s.length : at + to;
  return s.slice(from, to);
}

export function isComparison(norm: string, m: YearMention): boolean {
  return COMPARE_BEFORE.test(norm.slice(Math.max(m.sentence.start, m.start - 6), m.start)) || COMPARE_CLAUSE.test(clauseOf(norm, m));
}

/**
 * Length of what may precede the first words of a sentence: list markers ("（一）", "一是", "1.",
 * "二、"), Markdown and a short label ending in a colon ("（二）整改措施：").
 */
export function leadLength(text: string): number {
  // Sticky patterns read from an index (no slices, no match arrays): this runs on every sentence.
  LEAD_MARKERS.lastIndex = 0;
  LEAD_MARKERS.test(text); // a starred pattern: always matches, maybe empty
  let n = LEAD_MARKERS.lastIndex;
  LEAD_LABEL.lastIndex = n;
  if (LEAD_LABEL.test(text)) {
    LEAD_MARKERS.lastIndex = LEAD_LABEL.lastIndex;
    LEAD_MARKERS.test(text);
    n = LEAD_MARKERS.lastIndex;
  }
  return n;
}

const LEAD_MARKERS = /(?:[\s*#>]|\(?[一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.是]|\d{1,2}[.、)](?!\d)|第[一二三四五六七八九十]{1,3}[,、])*/y;
const LEAD_LABEL = /[^,，。:：;；\d]{1,12}[:：]/y;

/** Whether the mention opens its sentence (after list markers and a short label). */
export function opensSentence(m: YearMention): boolean {
  return m.start - m.sentence.start === leadLength(m.sentence.text);
}

/** Start of the part about problems and plans (五 and 六), or Infinity when the report has neither. */
export function planZoneStart(report: Report): number {
  let at = Infinity;
  for (const s of report.sections) if (s.key === 's5' || s.key === 's6') at = Math.min(at, s.span.start);
  return at;
}

/** The source text of a sentence from `from`, shortened for a message. */
export function quote(report: Report, from: number, to: number, max = 24): string {
  // Only the quoted part is needed: never normalize a whole (possibly huge) sentence per mention.
  const s = report.text.slice(from, Math.min(to, from + max * 4)).replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max) + '…' : s;
}
