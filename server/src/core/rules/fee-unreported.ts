// Since the 2021 edition (《政府信息公开信息处理费管理办法》), section 六、其他需要报告的事项 states
// whether a 信息处理费 was charged (FORMAT.md §2): "本年度未收取信息处理费", "无收取信息处理费情况",
// "不存在收费情况", "信息处理费0元". A 六 that says "无" or speaks of other things only is silent on it.
// The 2019 edition asked for no such statement (its reports say "无。" in 六 legitimately).
// A fee stated elsewhere in the narrative ("依申请公开不收取任何费用" in 总体情况) is reported too: what
// the office reads for is there. A text cut inside 六 says nothing about what came after the cut.
import { defineRule } from './rule';
import type { Report, Section } from '../model';
import { sentencesOf } from '../parse/narrative';
import { contentLines, endsCut } from './section-text';

/** Words of a fee statement in 六: any word about charging ("收费", "处理费", "收取…费用"). */
const FEE_IN_SECTION = /处理费|收费|收取[^。;]{0,10}费|费用|缴费|计费/;
/**
 * Elsewhere the words must be about the requests' fee: "收费" alone is also 表二's 行政事业性收费,
 * written out in 主动公开.
 */
const FEE_ELSEWHERE = /处理费|(?:不|未|没有|无|免费|不再)收取[^。;，,]{0,8}费用|信息公开[^。;，,]{0,6}(?:不|未|没有|无)收费/;

function saysFeeIn(report: Report, section: Section): boolean {
  return FEE_IN_SECTION.test(report.norm.slice(section.heading.span.start, section.span.end));
}

/** Whether a sentence outside 六 states the fee (few sentences hold 费: only those are read). */
function saysFeeElsewhere(report: Report, section: Section): boolean {
  const sentences = sentencesOf(report);
  const withFee = sentences.holding('费');
  for (let k = 0; k < withFee.length; k++) {
    const i = withFee[k];
    if (sentences.start(i) >= section.span.start && sentences.end(i) <= section.span.end) continue;
    if (FEE_ELSEWHERE.test(sentences.text(i))) return true;
  }
  return false;
}

const rule = defineRule({
  id: 'fee-unreported',
  category: 'text',
  description: {
    'zh-cn': '2021年版格式：“其他需要报告的事项”说明了信息处理费的收取情况',
    en: '2021 edition: “其他需要报告的事项” states whether a 信息处理费 (fee for processing requests) was charged',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {
    silent: {
      'zh-cn': '“{heading}”未说明信息处理费的收取情况（2021年版格式要求写明本年度是否收取、收取多少；未收取的也应说明）',
      en: '“{heading}” does not say whether a 信息处理费 was charged (the 2021 edition asks for it: how much was charged, or that none was)',
    },
  },
  check(ctx) {
    const { report } = ctx;
    if (report.notAReport || report.edition !== '2021') return;
    const section = report.sections.find((s) => s.key === 's6');
    if (!section || saysFeeIn(report, section)) return;
    if (endsCut(report, section, contentLines(report, section))) return;
    if (saysFeeElsewhere(report, section)) return;
    const heading = report.text.slice(section.heading.span.start, section.heading.span.end).replace(/^[\s#>*]+|[\s*]+$/g, '');
    ctx.add({ ...section.heading.span, messageId: 'silent', args: { heading } });
  },
});

export default rule;
