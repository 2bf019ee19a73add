import type { Report } from '../model';
import type { Span } from '../types';
import { defineRule, type Bilingual } from './rule';
import { sentencesOf } from '../parse/narrative';
import { leadLength, quote } from './years';
import { KeywordScan } from '../text/keywords';
import { REMOVED_SPAM } from '../text/pollution';
import { tableAround } from './tables-common';

// Text that is not part of the report (FORMAT.md §6–7): the chrome of the web page it was copied
// from (breadcrumbs, 浏览次数, 字号：大 中 小, 打印本页, 分享到), HTML debris ("?!?/p>", "&nbsp;"),
// spam, a placeholder body name ("XX镇"), and another body's name as the subject of the report's
// own work (copied from that body's report). The publication meta lines of a web copy (发布日期,
// 来源) are normal and pass. Every pattern is specific on purpose: this rule runs on every report.
const messages = {
  chrome: {
    'zh-cn': '网页残留文字，不属于报告：“{quote}”',
    en: 'Left over from the web page, not part of the report: "{quote}"',
  },
  html: {
    'zh-cn': 'HTML 代码残留：“{quote}”',
    en: 'HTML debris: "{quote}"',
  },
  spam: {
    'zh-cn': '与报告无关的文字（疑似垃圾信息）：“{quote}”',
    en: 'Text unrelated to the report (looks like spam): "{quote}"',
  },
  placeholder: {
    'zh-cn': '单位名称为空或是占位符：“{quote}”',
    en: 'The body name is blank or a placeholder: "{quote}"',
  },
  otherBody: {
    'zh-cn': '“{other}”不是本报告的单位（{own}）：这句话疑似从其他单位的报告复制而来',
    en: '"{other}" is not the body of this report ({own}): the sentence looks copied from another body\'s report',
  },
} satisfies Record<string, Bilingual>;

type Kind = keyof typeof messages;

/**
 * Page chrome; each pattern matches the piece of a line to flag (some run to the end of the line),
 * and is tried only on a line holding one of the words it cannot match without (most lines that
 * the keyword scan stops at hold only 相关 or a pipe, and fail all ten).
 */
const CHROME: { re: RegExp; needs: string[] }[] = [
  { re: /(首页|网站首页|主页)\s*(>|»|›|→)\s*\S.*$/g, needs: ['首页', '主页'] }, // 首页 > 政务公开 > …
  { re: /[[【]\s*(打印|关闭|返回|收藏|分享|纠错)\s*[\]】]/g, needs: ['[', '【'] }, // 【 打印 】【 关闭 】 among other words
  { re: /(当前位置|您的位置|您现在的位置|所在位置)\s*[:：].*$/g, needs: ['位置'] },
  { re: /(浏览次数|浏览量|阅读次数|阅读量|访问量|访问次数|点击数|点击次数|点击量|点击率)\s*[:：]\s*\d*/g, needs: ['浏览', '阅读', '访问', '点击'] },
  // Spaces only after a bracket: an optional "\s*" before the keyword would rescan every run of
  // whitespace from each of its positions (quadratic on a line of spaces).
  { re: /(?:[[【(]\s*)?(字号|字体)[\s:：[【(]*大[\s\]】)[【(]*中[\s\]】)[【(]*小[\]】)]?/g, needs: ['字号', '字体'] },
  { re: /(?:[[【]\s*)?(打印本页|打印此页|打印文章|打印本文|关闭窗口|关闭本页|关闭此页|返回顶部|收藏本页|加入收藏)\s*[\]】]?/g, needs: ['打印', '关闭', '返回', '收藏'] },
  { re: /分享到\s*[:：]?.*$/g, needs: ['分享到'] },
  { re: /扫一扫在手机(上)?(打开|查看|浏览)\S*/g, needs: ['扫一扫'] },
  { re: /(上一篇|下一篇)\s*[:：].*$/g, needs: ['上一篇', '下一篇'] },
  { re: /(版权所有|ICP备\s*\d|网站标识码|公网安备|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]).*$/g, needs: ['版权所有', 'ICP备', '网站标识码', '公网安备', '主办单位', '承办单位', '技术支持'] },
];
/** Short chrome words that count only as a line of their own ("【打印】 【关闭】"). */
const CHROME_WORDS = new Set(['打印', '关闭', '返回', '收藏', '分享', '纠错', '我要纠错', '网站地图', '联系我们', '相关链接', '相关文章', '附件下载', '点击查看解读', '点击查看原文']);

function isChromeLine(line: string): boolean {
  if (line.length > 200) return false;
  const words = line.split(/[\s[\]【】|丨]+/).filter(Boolean);
  if (words.length > 0 && words.every((w) => CHROME_WORDS.has(w))) return true;
  // The rest of a breadcrumb that wrapped: "> 政务公开 > 乡镇街道 > 年报".
  const t = line.trim();
  if (!/^[>»›]/.test(t)) return false;
  const crumbs = t.slice(1).split(/[>»›]/).map((c) => c.trim());
  return crumbs.length >= 2 && crumbs.every((c) => c.length > 0 && c.length <= 20 && !/[。，,;；]/.test(c));
}

const HTML_TAG = /(?<![?？!！])[?？!！]*<\/?[A-Za-z][A-Za-z0-9]*(\s[^<>\n]*)?\/?>/g;
/** "?!?/p>": the end of a paragraph tag whose "<" was lost with mis-decoded bytes. */
const HTML_TAIL = /(?<![?？!！])[?？!！]*\/(p|br|span|div|td|tr|strong|b|font|a|li)>/g;
const HTML_ENTITY = /&(nbsp|ensp|emsp|lt|gt|amp|quot|middot|ldquo|rdquo|lsquo|rsquo|hellip|mdash|bull);?|&#\d{2,5};/g;

// Gambling spam is found by the normalizer, which blanks it in `norm` so that labels and titles
// read past it (text/pollution.ts); this rule reports what was blanked. What is left here is the
// spam the readers are not hurt by: invoice sellers and contact handles.
const SPAM = /代开(各类|增值税)?发票|(加|添加)?(微信|薇信|威信|VX|QQ)\s*[:：]\s*[A-Za-z0-9_-]{5,}/gi;
/** Every SPAM alternative needs one of these words (a cheap test before the pattern). */
const MAY_BE_SPAM = new KeywordScan('代开 微信 薇信 威信 VX QQ'.split(' '));
const URL = /(https?:\/\/|www\.)[^\s，。]+/i;

/** A placeholder where the body's name belongs: "XX镇", "××局", "某某街道", "____乡". */
const PLACEHOLDER = /(?<![A-Za-z×○_])([Xx]{2,}|×{2,}|某某|○{2,}|_{3,})\s*(镇|乡|街道|局|市|县|区|村|社区|委员会|办公室|人民政府|政府|单位|部门|中心)/g;

/**
 * A town or county name as the subject: name, optionally 人民政府, then a verb or adverb that opens
 * a statement of work ("乙镇认真…", "乙镇人民政府积极…"). Towns and counties: the levels at which
 * copy-paste between neighbours is common. Spaces may follow the name: a PDF's, or the blanked pinyin
 * of a mirror site ("乙鎮(zhèn)認真…").
 */
const LEVEL = /^([\u4e00-\u9fa5]{2,5}?)(街道|镇|乡|县)\s*(?:(?:人民政府|政府|党委政府|党委|办事处)\s*)?,?\s*(?=(认真|积极|坚持|全面|深入|加强|进一步|持续|不断|共|通过|按照|严格|围绕|以|在|着力|扎实|紧扣|聚焦|始终|大力|继续|将|高度|依托|结合|把|对|全力|强化|切实|立足|根据|依据|落实|推进|完善|健全|开展|组织|召开|印发|制定|出台|发布|公开|收到|受理|办理|建立|优化|规范|做好|抓好|牢固|贯彻|紧紧|充分|主动|及时|进一步|累计|已|于|先后|多措并举|着重|注重|重点|秉持|秉承))/;
/** Name starts that are not a body's own name ("全镇", "各乡镇", "美丽城镇", "重点镇"). */
const NOT_A_NAME = /^(某|全|本|我|各|该|每|此|两|多|诸|辖区|重点|特色|美丽|中心|小城|建制|示范|文明|卫生|所在|周边|邻近|相关|其他|其余|部分|有关|一|二|三|四|五|六|七|八|九|十)|[乡镇街县市区省城]/;
/** What may open a sentence before its subject: a year or time phrase. */
const TIME_OPENING = /((19|20)\d{2}年度?|今年|本年度?|一年来|近年来|年内)\s*,?\s*(以来)?\s*,?\s*/y;

interface Hit extends Span {
  kind: Kind;
  args?: Record<string, string>;
}


/**
 * Every pattern below needs one of these characters or words: a line without any of them cannot hold
 * foreign text, and most lines of a report are such lines (one scan instead of fifteen patterns per line).
 */
const MAY_BE_FOREIGN = new KeywordScan([
  ...'<>&/»›|【[_×○',
  ...'首页 主页 位置 浏览 阅读 访问 点击 字号 字体 打印 关闭 返回 收藏 分享 纠错 扫一扫 上一篇 下一篇 网站地图 联系我们 相关 附件 版权 ICP 标识码 公网安备 主办 承办 技术支持'.split(' '),
  ...'代开 微信 薇信 威信 VX QQ www http xx 某某'.split(' '),
]);

function lineHits(report: Report, lineStart: number, lineEnd: number, inTable: boolean, afterEnd: boolean): Hit[] {
  const line = report.norm.slice(lineStart, lineEnd);
  const hits: Hit[] = [];
  const scan = (re: RegExp, kind: Kind) => {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m[0].trim()) hits.push({ start: lineStart + m.index, end: lineStart + m.index + m[0].trimEnd().length, kind });
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  // Each HTML pattern needs its own characters (the lookbehinds would otherwise run at every position).
  if (line.includes('&')) scan(HTML_ENTITY, 'html');
  const closes = line.includes('>');
  if (closes) scan(HTML_TAIL, 'html');
  // Markdown tables may wrap a label with <br>: tags inside tables belong to the table's markup.
  if (!inTable && closes && line.includes('<')) scan(HTML_TAG, 'html');
  if (inTable) return hits;
  const lead = line.length - line.trimStart().length;
  const whole = { start: lineStart + lead, end: lineStart + line.trimEnd().length };
  if (isChromeLine(line)) return [...hits, { ...whole, kind: 'chrome' }];
  for (const { re, needs } of CHROME) if (needs.some((word) => line.includes(word))) scan(re, 'chrome');
  // Spam: a short line of its own is flagged whole; inside a sentence, only the spam words.
  const mayBeSpam = MAY_BE_SPAM.firstIn(line) >= 0;
  const url = afterEnd && URL.test(line) && !/\.gov\.cn/i.test(line);
  SPAM.lastIndex = 0;
  if ((mayBeSpam && SPAM.test(line) && whole.end - whole.start <= 60) || url) hits.push({ ...whole, kind: 'spam' });
  else if (mayBeSpam) scan(SPAM, 'spam');
  scan(PLACEHOLDER, 'placeholder');
  return hits;
}

/** Offset of the first unit `a` or `b` in text[start, end), or -1. */
function firstOfEither(text: string, start: number, end: number, a: number, b: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === a || c === b) return i;
  }
  return -1;
}

/** Where the report ends: the signature date after the last section ("2024年1月11日"). */
function signatureEnd(report: Report): number {
  const last = report.sections[report.sections.length - 1];
  if (!last) return Infinity;
  const re = /^[ \t]*((19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月(\s*[\d一二三四五六七八九十]{1,3}\s*日)?[ \t]*$/gm;
  re.lastIndex = last.span.start;
  let end = Infinity;
  for (let m = re.exec(report.norm); m; m = re.exec(report.norm)) end = m.index + m[0].length;
  return end;
}

/** The level of the report's own body when it is a town or county ("小曹娥镇人民政府" → 镇), else null. */
function ownLevel(bodyNorm: string): string | null {
  const name = bodyNorm.replace(/\s+/g, '').replace(/(人民政府|政府|党委政府|党委|办事处)$/, '');
  if (name.length > 20 || /[,，。:：《》()]/.test(name)) return null; // not a name: a sentence read as one
  return /(街道|镇|乡|县)$/.exec(name)?.[1] ?? null;
}

/** "2023年，乙镇…" in a report of 甲镇: another town's name as the subject of a sentence. */
function otherBodyHits(report: Report): Hit[] {
  if (!report.body) return [];
  const body = report.norm.slice(report.body.span.start, report.body.span.end);
  const level = ownLevel(body);
  // Without a real name of its own, the report cannot say who is another body.
  PLACEHOLDER.lastIndex = 0;
  if (!level || placeholderBody(report).length || PLACEHOLDER.test(body)) return [];
  const own = body + (report.title ? report.norm.slice(report.title.span.start, report.title.span.end) : '');
  const hits: Hit[] = [];
  const sentences = sentencesOf(report);
  // Every time opening has a 年: only the sentences holding one are read.
  const withNian = sentences.holding('年');
  for (let k = 0; k < withNian.length; k++) {
    const i = withNian[k];
    if (sentences.isHeading(i)) continue;
    const text = sentences.text(i);
    let at = leadLength(text);
    // Only after a time opening ("2023年，乙镇…"): the shape of a body reporting its own year.
    TIME_OPENING.lastIndex = at;
    if (!TIME_OPENING.test(text)) continue;
    at = TIME_OPENING.lastIndex;
    const m = LEVEL.exec(text.slice(at));
    // Same level only: a town's report may name its county or city ("余姚市") as the subject.
    if (!m || m[2] !== level || NOT_A_NAME.test(m[1])) continue;
    const name = m[1] + m[2];
    if (own.includes(name) || own.includes(m[1])) continue;
    const start = sentences.start(i) + at;
    hits.push({ start, end: start + name.length, kind: 'otherBody', args: { other: report.text.slice(start, start + name.length), own: report.body.text } });
  }
  return hits;
}

function placeholderBody(report: Report): Hit[] {
  if (!report.body) return [];
  const name = report.norm.slice(report.body.span.start, report.body.span.end).replace(/\s+/g, '');
  // A name that is only a level word ("镇人民政府", "局"): the place name was left blank.
  const rest = name.replace(/(人民政府|政府|办事处|办公室)$/, '');
  return /^(镇|乡|街道|局|县|区|市)?$/.test(rest) ? [{ ...report.body.span, kind: 'placeholder' }] : [];
}

/** The spam the normalizer blanked: each run of its marker in `norm`. */
function removedSpam(norm: string): Hit[] {
  const hits: Hit[] = [];
  const marker = String.fromCharCode(REMOVED_SPAM);
  for (let at = norm.indexOf(marker); at >= 0; ) {
    let end = at + 1;
    while (end < norm.length && norm.charCodeAt(end) === REMOVED_SPAM) end++;
    hits.push({ start: at, end, kind: 'spam' });
    at = norm.indexOf(marker, end);
  }
  return hits;
}

/** Adjacent hits of the same kind (consecutive chrome lines) become one finding. */
function merge(report: Report, hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) {
      prev.end = Math.max(prev.end, h.end);
      continue;
    }
    // Consecutive chrome lines are one finding; so are spam words a few characters apart
    // ("365bet网上娱乐_365BETAPP官网_365体育平台").
    if (prev && prev.kind === h.kind && h.kind !== 'otherBody') {
      const gap = report.norm.slice(prev.end, h.start);
      if (gap.trim() === '' || (h.kind === 'spam' && gap.length <= 16 && !/[,，。;；、\n]/.test(gap))) {
        prev.end = h.end;
        continue;
      }
    }
    out.push({ ...h });
  }
  return out;
}

const MAX_PER_KIND = 20;

const rule = defineRule({
  id: 'foreign-text',
  category: 'text',
  description: {
    'zh-cn': '报告中没有网页残留、其他单位的文字或空白单位名称',
    en: 'No web-page debris, text of another body, or blank body name in the report',
  },
  defaultSeverity: 'information',
  fixable: false,
  messages,
  check(ctx) {
    const { report, lines } = ctx;
    if (report.notAReport) return;
    const end = signatureEnd(report);
    const hits: Hit[] = [];
    // One scan of the whole text finds the lines that may hold foreign text; only those are read.
    const { norm } = report;
    for (let at = MAY_BE_FOREIGN.firstIn(norm); at >= 0; ) {
      const l = lines.lineOf(at);
      const start = lines.starts[l];
      let next = lines.lineEnd(l) + 1;
      const table = tableAround(report, start);
      if (!table) hits.push(...lineHits(report, start, next - 1, false, start >= end));
      else {
        // A table's lines can hold only HTML debris, which needs & or >: the scan goes on from the
        // next line that has one, or from after the table's last line (the pipes of a Markdown
        // table would otherwise stop it on every row).
        const last = lines.lineEnd(lines.lineOf(Math.max(start, table.end - 1)));
        const html = firstOfEither(norm, start, last, 0x26, 0x3e);
        if (html < 0) next = Math.max(next, last + 1);
        else if (html >= next) next = lines.starts[lines.lineOf(html)];
        else hits.push(...lineHits(report, start, next - 1, true, start >= end));
      }
      at = next < norm.length ? MAY_BE_FOREIGN.firstIn(norm, next) : -1;
    }
    hits.push(...removedSpam(norm), ...otherBodyHits(report), ...placeholderBody(report));
    const count = new Map<Kind, number>();
    for (const h of merge(report, hits)) {
      const n = (count.get(h.kind) ?? 0) + 1;
      count.set(h.kind, n);
      if (n > MAX_PER_KIND) continue;
      ctx.add({ start: h.start, end: h.end, messageId: h.kind, args: { quote: quote(report, h.start, h.end, 30), ...h.args } });
    }
  },
});

export default rule;
