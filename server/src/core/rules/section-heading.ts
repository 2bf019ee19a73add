import { defineRule } from './rule';
import { SECTIONS } from '../format/editions';

// A recognized section whose title is neither the standard wording nor an accepted variant
// (FORMAT.md §2). A hint: the wording of headings is not a defect of substance.
const rule = defineRule({
  id: 'section-heading',
  category: 'style',
  description: {
    'zh-cn': '部分标题使用标准写法',
    en: 'Section headings use the standard wording',
  },
  defaultSeverity: 'information',
  fixable: true,
  messages: {
    nonStandard: {
      'zh-cn': '部分标题“{title}”不是标准写法，标准写法为“{standard}”',
      en: 'The heading “{title}” is not the standard wording “{standard}”',
    },
  },
  check(ctx) {
    const { report } = ctx;
    if (report.notAReport || report.edition === 'pre-2019') return;
    for (const s of report.sections) {
      if (!s.key || s.titleIsStandard) continue;
      const spec = SECTIONS.find((x) => x.key === s.key)!;
      const title = report.text.slice(s.heading.titleSpan.start, s.heading.titleSpan.end);
      ctx.add({
        ...s.heading.titleSpan,
        messageId: 'nonStandard',
        args: { title, standard: spec.standard },
        fix: { title: { 'zh-cn': '改为“{standard}”', en: 'Change to “{standard}”' }, edits: [{ ...s.heading.titleSpan, newText: spec.standard }], preferred: false },
      });
    }
  },
});

export default rule;
