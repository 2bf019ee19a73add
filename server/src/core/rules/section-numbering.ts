import { defineRule, type RuleContext } from './rule';
import type { Section, SubHeading } from '../model';
import { SECTIONS, chineseNumeral } from '../format/editions';

// Sections are numbered 一、二、… in order; sub-parts （一）（二）… in order within their section.
// "1、 总体情况" among 二、三 is Word auto-numbering that survived a paste (FORMAT.md §2).
const rule = defineRule({
  id: 'section-numbering',
  category: 'structure',
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
    numeralLost: {
      'zh-cn': '部分标题“{heading}”缺少编号：“、”前应为“{expected}”',
      en: 'The heading “{heading}” lost its numeral: “{expected}” belongs before “、”',
    },
    numeralLostUnsure: {
      'zh-cn': '部分标题“{heading}”缺少编号：“、”前没有数字',
      en: 'The heading “{heading}” lost its numeral: nothing precedes “、”',
    },
    afterLast: {
      'zh-cn': '“{heading}”排在“{last}”之后：年度报告共六部分，“其他需要报告的事项”是最后一部分，其他内容应写在其中',
      en: '“{heading}” comes after “{last}”: the report has six sections, “其他需要报告的事项” is the last, and anything else belongs in it',
    },
    subFirst: {
      'zh-cn': '小节编号从“（{numeral}）”开始，缺少“（一）”',
      en: 'Sub-parts start at “（{numeral}）”; “（一）” is missing',
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
});

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
    const last = lastRequired(sections, i);
    if (last) {
      const lastHeading = ctx.report.text.slice(last.heading.span.start, last.heading.span.end);
      ctx.add({ ...h.span, messageId: 'afterLast', args: { heading, last: lastHeading } });
      return;
    }
    if (h.style === 'none' && h.markerSpan) {
      // "、主动公开政府信息情况": the 、 kept, the numeral lost.
      const title = ctx.report.text.slice(h.titleSpan.start, h.titleSpan.end);
      const lost = lostNumeral(sections, i);
      const fix = lost
        ? { title: { 'zh-cn': '加上编号“{expected}”', en: 'Add the numeral “{expected}”' }, edits: [{ start: h.markerSpan.start, end: h.markerSpan.start, newText: chineseNumeral(lost) }] }
        : null;
      ctx.add({ ...h.span, messageId: lost ? 'numeralLost' : 'numeralLostUnsure', args: { heading: title, expected: lost ? chineseNumeral(lost) : '' }, fix });
      return;
    }
    if (h.style === 'none') {
      // Among headings that are numbered (most of them), one without a numeral has lost it: a
      // warning. A report whose headings are mostly unnumbered (a web copy's layout) gets a hint only.
      const lostAmongNumbered = numbered.length * 2 > sections.length;
      ctx.add({
        ...h.span,
        messageId: 'unnumbered',
        severity: lostAmongNumbered ? 'warning' : 'information',
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

/** The numeral a heading that lost it had, when its neighbours agree on it (or the first has none). */
function lostNumeral(sections: Section[], i: number): number | null {
  const prev = sections[i - 1]?.heading.number ?? null;
  const next = sections[i + 1]?.heading.number ?? null;
  const fromPrev = i === 0 ? 1 : prev !== null ? prev + 1 : null;
  const fromNext = next !== null ? next - 1 : null;
  if (fromPrev !== null && fromNext !== null) return fromPrev === fromNext ? fromPrev : null;
  return fromPrev ?? fromNext;
}

/** The 六、其他需要报告的事项 section that sections[i], an extra section, comes after; else null. */
function lastRequired(sections: Section[], i: number): Section | null {
  if (sections[i].key !== null) return null;
  for (let j = i - 1; j >= 0; j--) if (sections[j].key === 's6') return sections[j];
  return null;
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
      // （一） starts a new list; a section whose first sub-part is （二） skipped its （一）.
      if (cur.number === 2 && (!prev || prev.sectionIndex !== cur.sectionIndex) && !opensWithFirst(ctx, cur)) {
        ctx.add({ ...cur.markerSpan, messageId: 'subFirst', args: { numeral: chineseNumeral(cur.number) } });
        previous = [cur.number, 1];
      } else previous = [cur.number];
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

/**
 * Whether （一） is written before the sub-part in its section, anywhere (run into the heading or
 * a paragraph, or in a line the scan did not take for a sub-part): then nothing was skipped.
 */
function opensWithFirst(ctx: RuleContext, sub: SubHeading): boolean {
  const section = ctx.report.sections[sub.sectionIndex];
  const before = ctx.report.norm.slice(section.span.start, sub.markerSpan.start);
  return before.includes('(一)') || before.includes('(1)') || before.includes('一是');
}

export default rule;
