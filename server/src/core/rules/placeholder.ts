import type { Span } from '../types';
import { defineRule, type Bilingual } from './rule';
import { quote } from './years';

// A report that still holds the prompts of the new-report template (core/template.ts): the
// 【请在此填写…】 paragraphs in either language, and the "（单位名称）" written where no body name was
// given. A blank template passes every arithmetic check (all its cells are 0): without this rule it
// would show no finding at all. Only the template's own prompt wording is recognized, never any
// bracketed text: page chrome such as 【字体：大 中 小】 or 【打印】【关闭】 belongs to foreign-text, and
// a placeholder body name such as "XX镇" too.
const messages = {
  prompt: {
    'zh-cn': '模板的提示语尚未替换为报告内容：“{quote}”',
    en: 'A prompt of the report template is still here, not replaced by the report’s text: "{quote}"',
  },
  field: {
    'zh-cn': '模板中的“{quote}”尚未填写',
    en: 'The template field "{quote}" is not filled in',
  },
} satisfies Record<string, Bilingual>;

/** Instructions to the author in Chinese: 请在此填写…, 此处填写, 请补充…, 没有可删去本句. */
const ZH_PROMPT = /在此处?填写|此处填写|请填写|请输入|请补充|待填写|待补充|删去本句|删除本句/;
/** The same, in round brackets, where ordinary sentences also say 请填写 ("（申请人请填写申请表）"): only 在此/此处. */
const ZH_PROMPT_IN_PARENS = /在此处?填写|此处填写/;
/** Instructions in English, as the template's English prompts open ("Describe …", "Other matters to report…"). */
const EN_PROMPT = /^\s*(describe|fill in|enter|insert|write|add|list|state|provide|other matters to report)\b|\bdelete this sentence\b/i;
/** Fields of the template left as they were: the body name when none was given. */
const FIELD = /^\s*(单位名称|机关名称|填报单位)\s*$/;

/** Longest prompt read (the template's are under 60 characters). */
const MAX_INNER = 200;
const CLOSER: Record<string, string> = { '【': '】', '[': ']', '(': ')' };

interface Hit extends Span {
  messageId: keyof typeof messages;
}

/** The bracketed group opening at `open` (same line, not too long), or null. */
function groupAt(norm: string, open: number): Span | null {
  const closer = CLOSER[norm[open]];
  if (!closer) return null;
  for (let i = open + 1; i < norm.length && i <= open + 1 + MAX_INNER; i++) {
    const ch = norm[i];
    if (ch === closer) return { start: open, end: i + 1 };
    if (ch === '\n' || ch === '\r' || ch === norm[open]) return null;
  }
  return null;
}

function classify(norm: string, group: Span): Hit | null {
  const inner = norm.slice(group.start + 1, group.end - 1);
  if (inner.length <= 12 && FIELD.test(inner)) return { ...group, messageId: 'field' };
  const round = norm[group.start] === '(';
  if (round ? ZH_PROMPT_IN_PARENS.test(inner) : ZH_PROMPT.test(inner) || EN_PROMPT.test(inner)) return { ...group, messageId: 'prompt' };
  return null;
}

/** The nearest opening bracket before `at` on its line whose group holds `at`. */
function enclosing(norm: string, at: number): Span | null {
  for (let i = at - 1; i >= 0 && at - i <= MAX_INNER; i--) {
    const ch = norm[i];
    if (ch === '\n' || ch === '\r') return null;
    if (CLOSER[ch]) {
      const g = groupAt(norm, i);
      return g && g.end > at ? g : null;
    }
  }
  return null;
}

/** Most findings reported per text: a report is rarely an unfilled template more than once. */
const MAX_FINDINGS = 50;

function findPrompts(norm: string): Hit[] {
  const hits: Hit[] = [];
  const seen = new Set<number>();
  // Each search below finds groups in order, so its first MAX_FINDINGS hits are enough.
  let found = 0;
  const take = (g: Span | null) => {
    if (!g || seen.has(g.start)) return;
    seen.add(g.start);
    const hit = classify(norm, g);
    if (hit) {
      hits.push(hit);
      found++;
    }
  };
  // Square brackets hold the template's prompts; round ones only the phrases found below.
  for (const open of ['【', '[']) {
    found = 0;
    for (let at = norm.indexOf(open); at >= 0 && found < MAX_FINDINGS; at = norm.indexOf(open, at + 1)) take(groupAt(norm, at));
  }
  for (const word of ['填写', '单位名称', '机关名称', '填报单位']) {
    found = 0;
    for (let at = norm.indexOf(word); at >= 0 && found < MAX_FINDINGS; at = norm.indexOf(word, at + word.length)) take(enclosing(norm, at));
  }
  return hits.sort((a, b) => a.start - b.start);
}

const rule = defineRule({
  id: 'placeholder',
  category: 'text',
  description: {
    'zh-cn': '报告中没有尚未替换的模板提示语',
    en: 'No prompt of the report template left unreplaced',
  },
  defaultSeverity: 'error',
  fixable: false,
  messages,
  check(ctx) {
    const { report } = ctx;
    const hits = findPrompts(report.norm);
    for (const h of hits.slice(0, MAX_FINDINGS)) {
      ctx.add({ start: h.start, end: h.end, messageId: h.messageId, args: { quote: quote(report, h.start, h.end, 40) } });
    }
  },
});

export default rule;
