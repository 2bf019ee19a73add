import type { Rule, RuleContext } from './rule';
import type { Section } from '../model';
import { SECTIONS, chineseNumeral } from '../format/editions';

// Sections are numbered 一、二、… in order; sub-parts （一）（二）… in order within their section.
// "1、 总体情况" among 二、三 is Word auto-numbering that survived a paste (FORMAT.md §2).
const rule: Rule = {
  id: 'section-numbering',
  description: {
    'zh-cn': '部分与小节的编号连续，用中文数字',
    en: 'Sections and sub-parts are numbered consecutively, with Chinese numerals',
  },
  defaultSeverity: 'warning',
  fixable: true,
  messages: {
    arabic: {
      'zh-cn': '部分标题“{heading}”用了阿拉伯数字编号，应为“{expected}、”',
      en: 'The heading “{heading}” is numbered with an Arabic numeral; it should be “{expected}、”',
    },
    wrongNumber: {
      'zh-cn': '部分标题“{heading}”的编号应为“{expected}”',
      en: 'The heading “{heading}” should be numbered “{expected}”',
    },
    unnumbered: {
      'zh-cn': '部分标题“{heading}”没有编号，应为“{expected}、{heading}”',
      en: 'The heading “{heading}” has no number; it should be “{expected}、{heading}”',
    },
    subDuplicate: {
      'zh-cn': '小节编号“（{numeral}）”重复：上一小节也是“（{numeral}）”',
      en: 'Sub-part number “（{numeral}）” is repeated: the previous sub-part is also “（{numeral}）”',
    },
    subSkipped: {
      'zh-cn': '小节编号从“（{previous}）”跳到了“（{numeral}）”',
      en: 'Sub-part numbering jumps from “（{previous}）” to “（{numeral}）”',
    },
  },
  check(ctx) {
    const { report } = ctx;
    if (report.notAReport || report.edition === 'pre-2019') return;
    checkSections(ctx, report.sections);
    checkSubHeadings(ctx);
  },
};

function checkSections(ctx: RuleContext, sections: Section[]) {
  const numbered = sections.filter((s) => s.heading.style !== 'none');
  const chinese = numbered.filter((s) => s.heading.style === 'chinese').length;
  const allPresent = SECTIONS.every((spec) => sections.some((s) => s.key === spec.key));
  sections.forEach((s, i) => {
    const h = s.heading;
    const standardNumber = s.key ? SECTIONS.find((x) => x.key === s.key)!.number : null;
    // The sequence position, or the standard number when a missing section explains a gap.
    const fits = (n: number) => n === i + 1 || (!allPresent && n === standardNumber);
    const expected = h.number !== null && fits(h.number) ? h.number : i + 1;
    const certain = allPresent || (h.number !== null && fits(h.number));
    const heading = ctx.report.text.slice(h.span.start, h.span.end);
    if (h.style === 'none') {
      ctx.add({
        ...h.span,
        messageId: 'unnumbered',
        severity: 'information',
        args: { heading, expected: chineseNumeral(expected) },
        fix: certain ? { title: { 'zh-cn': '加上编号“{expected}、”', en: 'Add the number “{expected}、”' }, edits: [{ start: h.span.start, end: h.span.start, newText: chineseNumeral(expected) + '、' }] } : null,
      });
      return;
    }
    const markerFix = (n: number) => ({
      title: { 'zh-cn': '改为“{expected}、”', en: 'Change to “{expected}、”' },
      edits: [{ ...h.markerSpan!, newText: chineseNumeral(n) + '、' }],
    });
    if (h.style === 'arabic' && chinese * 2 >= numbered.length) {
      ctx.add({ ...h.markerSpan!, end: h.span.end, messageId: 'arabic', args: { heading, expected: chineseNumeral(expected) }, fix: certain ? markerFix(expected) : null });
      return;
    }
    if (h.number !== null && !fits(h.number)) {
      ctx.add({ ...h.span, messageId: 'wrongNumber', args: { heading, expected: chineseNumeral(i + 1) }, fix: allPresent ? markerFix(i + 1) : null });
    }
  });
}

function checkSubHeadings(ctx: RuleContext) {
  const subs = ctx.report.subHeadings;
  // Numbers the previous sub-part may stand for: its own, and the one it should have had when it
  // was flagged, so that one misnumbered sub-part is reported once, not again at its successor.
  let previous: number[] = [];
  for (let i = 0; i < subs.length; i++) {
    const cur = subs[i];
    const prev = subs[i - 1];
    const next = subs[i + 1];
    if (!prev || prev.sectionIndex !== cur.sectionIndex || cur.number === 1) {
      // A section may open its list anywhere; （一） starts a new list.
      previous = [cur.number];
      continue;
    }
    if (previous.some((n) => cur.number === n + 1)) {
      previous = [cur.number];
      continue;
    }
    const expected = prev.number + 1;
    const numeral = chineseNumeral(cur.number);
    // Renumbering is certain only when the next sub-part continues from the corrected number.
    const certain = !!next && next.sectionIndex === cur.sectionIndex && next.number === expected + 1;
    const inner = ctx.report.text.slice(cur.markerSpan.start, cur.markerSpan.end);
    const fix = certain
      ? {
          title: { 'zh-cn': '改为“（{expected}）”', en: 'Change to “（{expected}）”' },
          edits: [{ ...cur.markerSpan, newText: inner.replace(/[一二三四五六七八九十]+/, chineseNumeral(expected)) }],
        }
      : null;
    ctx.add({
      ...cur.markerSpan,
      messageId: cur.number === prev.number ? 'subDuplicate' : 'subSkipped',
      args: { numeral, previous: chineseNumeral(prev.number), expected: chineseNumeral(expected) },
      fix,
    });
    previous = [cur.number, expected];
  }
}

export default rule;
