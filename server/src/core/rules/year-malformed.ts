import type { Report } from '../model';
import type { Span, TextEdit } from '../types';
import { defineRule, type Bilingual } from './rule';
import { isDigit, isSpace } from '../text/chars';
import { inTable } from './tables-common';

// A year mistyped before 年: too many digits ("202020年", "20233年"), too few ("202年"), or a
// letter in place of a digit ("2O23年", "2O2３年"). Full-width digits are not malformed: the
// normalized text reads them as digits. Only runs directly before 年 are looked at, so amounts
// ("10000元", "12345件") are never read as years. A fix is offered only when the intended year is
// certain: the run is the report year typed twice or with a doubled digit, or a letter stands for
// the digit it resembles.
const messages = {
  malformed: {
    'zh-cn': '年份“{found}”写法有误',
    en: 'Malformed year "{found}"',
  },
  malformedFix: {
    'zh-cn': '年份“{found}”写法有误，应为“{fixed}年”',
    en: 'Malformed year "{found}"; should be "{fixed}年"',
  },
  dateMalformed: {
    'zh-cn': '日期“{found}”写法有误：缺少“年”或“月”',
    en: 'Malformed date "{found}": 年 or 月 is missing',
  },
  dateMalformedFix: {
    'zh-cn': '日期“{found}”写法有误，应为“{fixed}”',
    en: 'Malformed date "{found}"; should be "{fixed}"',
  },
} satisfies Record<string, Bilingual>;

const FIX_TITLE: Bilingual = { 'zh-cn': '改为 {fixed} 年', en: 'Change to {fixed}' };
const DATE_FIX_TITLE: Bilingual = { 'zh-cn': '改为“{fixed}”', en: 'Change to "{fixed}"' };

/**
 * Digits and look-alike letters (O o 〇 ○ for 0; l I for 1) before 年, as one run of 3 to 12, not
 * part of a longer word of digits or letters. Read backwards from each 年 (a regex opening with a
 * lookbehind would be tried at every position of the text).
 */
const RUN_CHAR = /[\dOoIl〇○]/;
const NOT_BEFORE_RUN = /[\dA-Za-z〇○]/;
const LETTER_DIGIT: Record<string, string> = { O: '0', o: '0', '〇': '0', '○': '0', I: '1', l: '1' };


/** The year the run stands for, when that is certain; null otherwise. */
function intendedYear(run: string, reportYear: number | null): number | null {
  if (/^\d+$/.test(run)) {
    // "20232023", "202023", "20233": the report year with part of itself typed again.
    if (reportYear === null || run.length < 5) return null;
    const y = String(reportYear);
    const at = run.indexOf(y);
    if (at < 0) return null;
    const rest = run.slice(0, at) + run.slice(at + 4);
    const neighbours = [reportYear - 1, reportYear + 1].some((n) => run.includes(String(n)));
    return !neighbours && y.includes(rest) ? reportYear : null;
  }
  if (run.length !== 4) return null;
  const digits = run.replace(/[OoIl〇○]/g, (c) => LETTER_DIGIT[c]);
  const value = Number(digits);
  return /^(19|20)\d\d$/.test(digits) ? value : null;
}

/** Whether a run before 年 is a mistyped year (and not, e.g., "二〇二三" or a plain "2023"). */
function isMalformed(run: string): boolean {
  const hasDigit = /\d/.test(run);
  const hasLetter = /[OoIl〇○]/.test(run);
  if (!hasDigit) return false; // "〇〇" or letters alone: not a year
  if (hasLetter) {
    // A look-alike letter inside a year-shaped run: "2O23", "2o2３".
    return run.length === 4 && /^[12]/.test(run) && /\d.*\d/.test(run);
  }
  if (run.length >= 5) return /^(19|20)/.test(run);
  if (run.length === 3) return /^20\d$/.test(run); // "202年": a year with a digit lost
  return false;
}

export function malformedYears(report: Report): { span: Span; run: string; fixed: number | null }[] {
  const out: { span: Span; run: string; fixed: number | null }[] = [];
  const { norm } = report;
  for (let at = norm.indexOf('年'); at >= 0; at = norm.indexOf('年', at + 1)) {
    let end = at;
    while (end > 0 && isSpace(norm.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && end - start <= 12 && RUN_CHAR.test(norm[start - 1])) start--;
    if (end - start < 3 || end - start > 12 || (start > 0 && NOT_BEFORE_RUN.test(norm[start - 1]))) continue;
    const run = norm.slice(start, end);
    if (!isMalformed(run) || inTable(report, start)) continue;
    out.push({ span: { start, end }, run, fixed: intendedYear(run, report.year.value) });
  }
  return out;
}

/**
 * A date whose 年 and 月 were lost in a paste ("统计期限自202011日起,至20201231日止"): a run of 5 to 8
 * digits directly before 日 or 月 that opens with a year (19xx, 20xx) and reads as a date once 年 (and
 * 月) are put back; or, before 日, a run of 9 to 12 that reads as a whole period ("2025111231日").
 * The fix is offered when only one reading is a valid date ("202011日" is 2020年1月1日; "2020111日"
 * could be 1月11日 or 11月1日: no fix; a period: no fix).
 */
export function malformedDates(report: Report): { span: Span; found: string; fixed: string | null }[] {
  const out: { span: Span; found: string; fixed: string | null }[] = [];
  const { norm } = report;
  for (const unit of ['日', '月'] as const) {
    for (let at = norm.indexOf(unit); at >= 0; at = norm.indexOf(unit, at + 1)) {
      const longest = unit === '日' ? 12 : 8;
      let start = at;
      while (start > 0 && at - start <= longest && isDigit(norm.charCodeAt(start - 1))) start--;
      const n = at - start;
      if (n < 5 || n > longest || (start > 0 && NOT_BEFORE_RUN.test(norm[start - 1]))) continue;
      const run = norm.slice(start, at);
      if (!/^(19|20)\d\d/.test(run) || inTable(report, start)) continue;
      const span = { start, end: at + 1 };
      if (n > 8) {
        // A period run together ("2025111231日": 2025年1月1日至12月31日): what stood between the two
        // dates is not known, so no fix.
        if (rangeReadings(run) > 0) out.push({ span, found: report.text.slice(start, at + 1), fixed: null });
        continue;
      }
      const readings = unit === '日' ? dayReadings(run) : monthReadings(run);
      if (readings.length === 0) continue; // not a date: an amount or a code
      out.push({ span, found: report.text.slice(start, at + 1), fixed: readings.length === 1 ? readings[0] : null });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

const validMonth = (m: string) => /^(0?[1-9]|1[0-2])$/.test(m);
const validDay = (d: string) => /^(0?[1-9]|[12]\d|3[01])$/.test(d);

/** "202011" → ["2020年1月1日"]: every way the digits after the year split into a valid month and day. */
function dayReadings(run: string): string[] {
  const year = run.slice(0, 4);
  const rest = run.slice(4);
  const out: string[] = [];
  for (let k = 1; k < rest.length && k <= 2; k++) {
    const m = rest.slice(0, k);
    const d = rest.slice(k);
    if (d.length <= 2 && validMonth(m) && validDay(d)) out.push(`${year}年${Number(m)}月${Number(d)}日`);
  }
  return out;
}

/** Days in each month (February as in a leap year: the year is not what is in doubt). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * "2025111231" → 1: how many ways the digits after the year split into two dates of that year
 * (month and day of one or two digits each, the second not before the first).
 */
function rangeReadings(run: string): number {
  const rest = run.slice(4);
  let count = 0;
  const date = (m: string, d: string) => validMonth(m) && validDay(d) && Number(d) <= MONTH_DAYS[Number(m) - 1];
  for (let a = 1; a <= 2; a++) {
    for (let b = 1; b <= 2; b++) {
      for (let c = 1; c <= 2; c++) {
        if (a + b + c >= rest.length || rest.length - (a + b + c) > 2) continue;
        const [m1, d1, m2, d2] = [rest.slice(0, a), rest.slice(a, a + b), rest.slice(a + b, a + b + c), rest.slice(a + b + c)];
        if (date(m1, d1) && date(m2, d2) && Number(m1) * 100 + Number(d1) <= Number(m2) * 100 + Number(d2)) count++;
      }
    }
  }
  return count;
}

/** "20201" → ["2020年1月"]: the digits after the year as a month. */
function monthReadings(run: string): string[] {
  const year = run.slice(0, 4);
  const m = run.slice(4);
  return m.length <= 2 && validMonth(m) ? [`${year}年${Number(m)}月`] : [];
}

const rule = defineRule({
  id: 'year-malformed',
  category: 'years',
  description: {
    'zh-cn': '年份或日期写法有误（如“202020年”“202011日”）',
    en: 'A malformed year or date (e.g. "202020年", "202011日")',
  },
  defaultSeverity: 'error',
  fixable: true,
  messages,
  check(ctx) {
    for (const { span, fixed } of malformedYears(ctx.report)) {
      const end = ctx.report.norm.indexOf('年', span.end) + 1; // RUN only matches before 年
      const edits: TextEdit[] = fixed === null ? [] : [{ ...span, newText: String(fixed) }];
      ctx.add({
        start: span.start,
        end,
        messageId: fixed === null ? 'malformed' : 'malformedFix',
        args: { found: ctx.report.text.slice(span.start, end), fixed: fixed ?? '' },
        fix: fixed === null ? null : { title: FIX_TITLE, edits, preferred: true },
      });
    }
    for (const { span, found, fixed } of malformedDates(ctx.report)) {
      ctx.add({
        ...span,
        messageId: fixed === null ? 'dateMalformed' : 'dateMalformedFix',
        args: { found, fixed: fixed ?? '' },
        fix: fixed === null ? null : { title: DATE_FIX_TITLE, edits: [{ ...span, newText: fixed }], preferred: true },
      });
    }
  },
});

export default rule;
