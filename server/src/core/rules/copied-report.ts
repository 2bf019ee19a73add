import { defineRule } from './rule';
import { checkAgainstPrevious, type CrossFinding } from '../crossyear/compare';
import type { YearProfile } from '../crossyear/profile';
import { jaccard } from '../crossyear/sketch';

/**
 * Estimated Jaccard similarity of the two narratives' shingles (crossyear/sketch.ts) from which a
 * report reads as last year's copied. Measured (docs/rules/copied-report.md): consecutive Pingtan
 * reports 0.02–0.11, the 609 pairs of different bodies in the corpus at most 0.27; a report copied
 * from last year with its years and figures changed 1.00.
 */
export const COPIED_THRESHOLD = 0.6;
/** Below this many distinct shingles (a narrative of under ~100 characters) there is too little to compare. */
export const MIN_SHINGLES = 100;

export function compareNarratives(previous: YearProfile, current: YearProfile): CrossFinding[] {
  const a = previous.narrative;
  const b = current.narrative;
  if (previous.year === null || a.shingles < MIN_SHINGLES || b.shingles < MIN_SHINGLES) return [];
  const similarity = jaccard(a, b);
  if (similarity < COPIED_THRESHOLD) return [];
  return [{ at: current.anchor, messageId: 'copied', args: { prevYear: previous.year, percent: Math.round(similarity * 100) } }];
}

const rule = defineRule({
  id: 'copied-report',
  category: 'text',
  description: {
    'zh-cn': '本年报告正文不与上年报告雷同',
    en: "This year's narrative is not a copy of last year's",
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {
    copied: {
      'zh-cn': '本年报告正文与 {prevYear} 年报告高度雷同（年份和数字之外，约 {percent}% 的文字片段相同）：年度报告应如实反映本年度的工作',
      en: "This report's narrative is nearly the same as the {prevYear} report's (about {percent}% of its text fragments are shared once years and figures are set aside): an annual report should describe this year's work",
    },
  },
  check(ctx) {
    checkAgainstPrevious(ctx, compareNarratives);
  },
});

export default rule;
