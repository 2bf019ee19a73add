import type { Report } from '../model';
import type { Span, TextEdit } from '../types';
import type { Bilingual, Rule } from './rule';
import { isSpace } from '../text/chars';
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
} satisfies Record<string, Bilingual>;

const FIX_TITLE: Bilingual = { 'zh-cn': '改为 {fixed} 年', en: 'Change to {fixed}' };

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

const rule: Rule = {
  id: 'year-malformed',
  description: {
    'zh-cn': '年份写法有误（如“202020年”）',
    en: 'A malformed year (e.g. "202020年")',
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
  },
};

export default rule;
