// The report's title, issuing body and year (FORMAT.md §5): from the title line, the statistics
// period ("统计期限为2023年1月1日至2023年12月31日") or the first "Y年" sentence of 总体情况.
import type { Section, YearInfo } from '../model';
import type { Span } from '../types';
import type { LineIndex } from '../text/lines';
import { compact } from '../text/normalize';

const TITLE_WORDS = /(政府信息公开|政府资讯公开|政务公开|信息公开|资讯公开)(工作)?(的)?((?:19|20)\d{2}年度?)?(年度)?(工作)?报告/;
const YEAR_IN_TITLE = /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(度)?/;
const CN_DIGITS = '〇一二三四五六七八九';

export function chineseYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  let n = 0;
  for (const c of s) {
    const d = c === '零' ? 0 : CN_DIGITS.indexOf(c);
    if (d < 0) return null;
    n = n * 10 + d;
  }
  return n;
}

export interface HeaderInfo {
  title: { text: string; span: Span } | null;
  body: { text: string; span: Span } | null;
  titleYear: { value: number; span: Span } | null;
}

const BODY_END = /(人民政府|政府|办公室|办公厅|局|委员会|委|镇|乡|街道|办事处|区|县|市|厅|院|中心|署|会|处|站|所|队|馆|公司|管委会|管理委员会|旗|州|盟)$/;
/** What may precede a title on its line: Markdown markup, or a page's field label ("标题: "). */
const TITLE_LEAD = /^[\s#>*]*(?:(?:标题|题目|文件名称|名称)\s*[:：]\s*)?/;
/** A breadcrumb of a web page: "首页 > 政务公开 > …" (a > between words, not a leading quote mark). */
const BREADCRUMB = /[^\s>]\s*[>»]\s*[^\s>]/;
const PLACEHOLDER_BODY = /^(XX|××|xx|＊＊|\*\*|某某|某)+/i;

function cleanLine(s: string): string {
  return s.replace(/^[\s#>*]+/, '').replace(/[\s*]+$/, '');
}

export function readHeader(text: string, norm: string, lines: LineIndex, maxLines = 40): HeaderInfo {
  let seen = 0;
  for (let l = 0; l < lines.lineCount && seen < maxLines; l++) {
    const start = lines.starts[l];
    const end = lines.lineEnd(l);
    const content = norm.slice(start, Math.min(end, start + 300));
    if (content.trim() === '') continue;
    seen++;
    if (!TITLE_WORDS.test(compact(content)) || content.length > 120) continue;
    // A preamble sentence ("根据《条例》规定，现公布我乡2023年政府信息公开工作年度报告。") is not a title,
    // nor a breadcrumb ("首页 > 政务公开 > 年报 > 街道办事处政府信息公开工作年度报告").
    if (/[。,;]/.test(content) || BREADCRUMB.test(content)) continue;
    // The title's extent is read on `norm`, where what is not the report (spam, pinyin) is blank, and
    // its text is the source over that extent.
    const lead = content.length - content.replace(TITLE_LEAD, '').length;
    let last = content.length;
    while (last > lead && /[\s*]/.test(content[last - 1])) last--;
    const titleSpan = { start: start + lead, end: start + last };
    const titleText = text.slice(titleSpan.start, titleSpan.end);
    const ym = YEAR_IN_TITLE.exec(content);
    const titleYear = ym && chineseYear(ym[1]) !== null
      ? { value: chineseYear(ym[1])!, span: { start: start + ym.index, end: start + ym.index + ym[1].length } }
      : yearBelowTitle(norm, lines, l);
    // The body: the title's own words before the year, or the line above when it names a body.
    let body: HeaderInfo['body'] = null;
    if (ym) {
      // "XX区政府信息公开工作2023年度报告": the title words before the year are not the body.
      const before = norm
        .slice(start + lead, start + ym.index)
        .replace(/^关于/, '')
        .replace(/(政府信息公开|政务公开|信息公开)(工作)?[\s:：]*$/, '')
        .replace(/[\s:：]+$/, '');
      if (compact(before).length >= 2) {
        const bStart = start + lead + norm.slice(start + lead, start + ym.index).indexOf(before);
        body = { text: text.slice(bStart, bStart + before.length).trim(), span: { start: bStart, end: bStart + before.length } };
      }
    }
    if (!body && ym) {
      // "2022年度螅镇政府信息公开工作年度报告": the body after the year.
      const from = start + ym.index + ym[0].length;
      const tw = /(政府信息公开|政府资讯公开|政务公开|信息公开)/.exec(norm.slice(from, end));
      const after = tw ? norm.slice(from, from + tw.index) : '';
      const name = after.trim();
      if (compact(name).length >= 2 && !/[\d:：,，(（]/.test(name)) {
        const bStart = from + after.indexOf(name);
        body = { text: text.slice(bStart, bStart + name.length), span: { start: bStart, end: bStart + name.length } };
      }
    }
    if (!body && !ym) {
      // "某某局政府信息公开工作年度报告" with the year elsewhere: the body is what precedes the title words.
      const tw = /(政府信息公开|政府资讯公开|政务公开)/.exec(content);
      const before = tw ? content.slice(lead, tw.index).replace(/^关于/, '').trim() : '';
      if (compact(before).length >= 2) {
        const bStart = start + content.indexOf(before, lead);
        body = { text: text.slice(bStart, bStart + before.length), span: { start: bStart, end: bStart + before.length } };
      }
    }
    if (!body) body = bodyAbove(text, norm, lines, l) ?? bodyBelow(text, norm, lines, l);
    return { title: { text: titleText, span: titleSpan }, body, titleYear };
  }
  return { title: null, body: null, titleYear: null };
}

/** A title without its year may carry it on the next line: "（2023年度）". */
function yearBelowTitle(norm: string, lines: LineIndex, titleLine: number): HeaderInfo['titleYear'] {
  for (let l = titleLine + 1; l < lines.lineCount && l <= titleLine + 2; l++) {
    const s = norm.slice(lines.starts[l], lines.lineEnd(l));
    const m = /^[\s(]*((?:19|20)\d{2})年(度)?[\s)]*$/.exec(s);
    if (m) {
      const at = lines.starts[l] + s.indexOf(m[1]);
      return { value: Number(m[1]), span: { start: at, end: at + 4 } };
    }
  }
  return null;
}

function bodyAbove(text: string, norm: string, lines: LineIndex, titleLine: number): HeaderInfo['body'] {
  for (let l = titleLine - 1; l >= 0 && l >= titleLine - 3; l--) {
    const found = bodyLine(text, norm, lines, l);
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * A title without a body may have it on the next line, as a byline: "2022年政府信息公开工作年度报告"
 * then "桃江县松木塘镇人民政府" (web pages often print the title, the body, then the title again).
 */
function bodyBelow(text: string, norm: string, lines: LineIndex, titleLine: number): HeaderInfo['body'] {
  for (let l = titleLine + 1; l < lines.lineCount && l <= titleLine + 3; l++) {
    const found = bodyLine(text, norm, lines, l);
    if (found !== undefined) return found;
  }
  return null;
}

/** The body named alone on a line; null when the line is something else; undefined when it is blank. */
function bodyLine(text: string, norm: string, lines: LineIndex, l: number): HeaderInfo['body'] | undefined {
  const start = lines.starts[l];
  const raw = norm.slice(start, Math.min(lines.lineEnd(l), start + 200));
  const c = cleanLine(raw);
  if (c === '') return undefined;
  if (c.length > 30 || /[。，,：:！？!?]/.test(c)) return null;
  if (!BODY_END.test(c) && !PLACEHOLDER_BODY.test(c)) return null;
  const s = start + raw.indexOf(c);
  return { text: text.slice(s, s + c.length), span: { start: s, end: s + c.length } };
}

// "统计期限自2023年1月1日起至2023年12月31日止", "统计时限为2023年1月1日至12月31日" (the end's year left
// out), "2023年1月至2023年12月". The end year is the period's year when it is written.
const PERIOD =
  /统计(?:期限|时限|时间|区间|周期)?[^。\n]{0,8}?((?:19|20)\d{2})\s*年\s*1\s*月(?:\s*1\s*日)?[^。\n\d]{0,6}?(?:至|到|-|—|－|~|～)[^。\n\d]{0,3}?(?:(\d{3,8})\s*年\s*)?12\s*月(?:\s*31\s*日)?/;

export interface PeriodRange {
  /** The year of 1月1日. */
  start: { value: number; span: Span };
  /** The year of 12月31日, or null when the period leaves it out ("至12月31日") or it is malformed. */
  end: { value: number; span: Span } | null;
}

/** The statistics period's years, as written. */
export function readPeriodRange(norm: string): PeriodRange | null {
  const m = PERIOD.exec(norm.length > 200_000 ? norm.slice(0, 200_000) : norm);
  if (!m) return null;
  const startAt = m.index + m[0].indexOf(m[1]);
  const start = { value: Number(m[1]), span: { start: startAt, end: startAt + 4 } };
  // A malformed end year ("至202020年12月31日") is year-malformed's finding: the start stands alone.
  if (!m[2] || !/^(19|20)\d{2}$/.test(m[2])) return { start, end: null };
  const endAt = m.index + m[0].lastIndexOf(m[2]);
  return { start, end: { value: Number(m[2]), span: { start: endAt, end: endAt + 4 } } };
}

/** The statistics period's year: the year of its end, or of its start when the end has none. */
export function readPeriod(norm: string): { value: number; span: Span } | null {
  const range = readPeriodRange(norm);
  return range ? (range.end ?? range.start) : null;
}

/** The first "Y年" that opens a sentence in 总体情况 (or the preamble before it). */
export function firstYearInText(norm: string, s1: Section | undefined): { value: number; span: Span } | null {
  const from = 0;
  const to = s1 ? Math.min(s1.span.end, s1.body.start + 5000) : Math.min(norm.length, 5000);
  const re = /(^|[\n。；])[\s*]*((?:19|20)\d{2})年(?!\d{1,2}月)/g;
  re.lastIndex = from;
  const m = re.exec(norm.slice(0, to));
  if (!m) return null;
  const at = m.index + m[0].length - 5;
  return { value: Number(m[2]), span: { start: at, end: at + 4 } };
}

export function resolveYear(header: HeaderInfo, period: YearInfo['periodYear'], textYear: { value: number; span: Span } | null, override?: number): YearInfo {
  const base = { titleYear: header.titleYear, periodYear: period };
  if (override) return { value: override, source: 'option', span: null, ...base };
  if (header.titleYear) return { value: header.titleYear.value, source: 'title', span: header.titleYear.span, ...base };
  if (period) return { value: period.value, source: 'period', span: period.span, ...base };
  if (textYear) return { value: textYear.value, source: 'text', span: textYear.span, ...base };
  return { value: null, source: 'none', span: null, ...base };
}
