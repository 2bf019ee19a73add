// The same yearly figure stated twice with two values: "共主动公开政府信息141条" … "其中主动公开政府信息
// 17条" (an old template sentence left in), "通过…审计信息栏目公开信息20条" … "通过审计信息专栏公开政府
// 信息16条". Read here, judged by rules/text-vs-table.ts.
//
// Only two kinds of figure are compared, each of which a report has once:
// - the body's own total of 主动公开 information, named with no channel and no category before it
//   (not "其他应主动公开政府信息", a category; not "全区…", another scope);
// - information published on one named channel ("审计信息栏目" = "审计信息专栏", "政务微信"):
//   the channel's own name must be the same, its kind (栏目/专栏, 网站, 微信…) the same.
// A figure of another year, a part of the year, another body's or a comparison is never compared.
import type { Report } from '../model';
import type { Span } from '../types';
import { Attached } from './attached';
import type { Count } from './counts';
import { sentencesOf } from './narrative';
import { countsOfSentence, MAX_STATEMENT, prefixOf } from './statements';
import { breakdownPartsOf } from './breakdowns';

export interface Restatement {
  /** The number that disagrees, and the phrase that states it. */
  span: Span;
  phraseSpan: Span;
  value: number;
  /** The earlier statement of the same figure. */
  first: { span: Span; phraseSpan: Span; value: number };
}

/** "主动公开政府信息", "公开信息", "发布政务信息" right before the number (filler allowed between). */
const ACTION = /(主动公开|公开|发布|公布)(?:了)?(?:政府|政务)?信息(?:数|总数|数量)?(?:共计|合计|累计|总计|共|计|为|达)?$/;
/** Words that give the figure another scope than the body's year. */
const OTHER_SCOPE = /全[市区县省州盟旗]|各(地|部门|单位|县|区|乡镇|街道|级)|市直|区直|县直|同比|上年|去年|上一年|往年|较|比上|增长|下降|增加|减少|截至|截止|历年|上半年|下半年|季度|\d+月|月份|期间|以来/;
/** Where a channel is named: "通过县政府网站", "在审计信息专栏". */
const CHANNEL_INTRO = /通过|依托|利用|借助|在/g;
/** The kinds of channel, each with the words that name it. */
const CHANNEL_KINDS: [RegExp, string][] = [
  [/栏目|专栏|专题|栏|板块|频道/, 'section'],
  [/门户网站|网站|网/, 'website'],
  [/公众号|微信/, 'wechat'],
  [/微博/, 'weibo'],
  [/客户端|APP|app/, 'app'],
  [/平台/, 'platform'],
];
const ANY_KIND = new RegExp(CHANNEL_KINDS.map(([re]) => re.source).join('|'), 'g');
const NAMES_CHANNEL = new RegExp(ANY_KIND.source);
/** Time and filler words before the subject or the verb. */
const FILLER = /\d{4}年度?|全年|本年度?|今年|年内|共计|合计|累计|总计|共|其中|已|均|主动|我(局|办|委|厅|镇|乡|街道|单位|区|市|县|中心|公司)|本(机关|局|单位|办|委|部门)/g;
/** A subject that names a body ("市政府及政府办"), as opposed to a category ("其他应"). */
const BODY_END = /(政府|办公室|办公厅|政府办|局|委|办|厅|镇|乡|街道|中心|单位|机关|站|所|院|会)$/;

interface Stated {
  key: string;
  span: Span;
  phraseSpan: Span;
  value: number;
}

const RESTATED = new Attached<Report, Restatement[]>('restated figures');

export function restatementsOf(report: Report): Restatement[] {
  return RESTATED.of(report, read);
}

function read(report: Report): Restatement[] {
  const { norm } = report;
  const out: Restatement[] = [];
  const seen = new Map<string, Stated>();
  const year = report.year.value;
  const sentences = sentencesOf(report);
  let parts: Set<Count> | null = null;
  for (let i = 0; i < sentences.length; i++) {
    const section = sentences.sectionKey(i);
    if (sentences.isHeading(i) || (section !== 's1' && section !== 's2')) continue;
    const start = sentences.start(i);
    if (sentences.end(i) - start > MAX_STATEMENT) continue; // pasted debris, not prose
    const counts = countsOfSentence(report, sentences, i);
    let otherScope: boolean | null = null;
    for (let c = 0; c < counts.length; c++) {
      const count = counts[c];
      if ((count.unit !== '条' && count.unit !== '件') || count.approximate) continue;
      const prefix = prefixOf(norm, start, count, counts[c - 1]);
      const action = ACTION.exec(prefix.key);
      if (!action) continue;
      const before = prefix.key.slice(0, action.index);
      otherScope ??= OTHER_SCOPE.test(norm.slice(start, sentences.end(i)));
      if (otherScope || otherYear(before, year)) continue;
      const key = figureKey(action[1], before);
      if (key === null) continue;
      // A part of a breakdown ("…2122条，其中管委会主动公开政府信息1509条") is a share, not the figure.
      parts ??= breakdownPartsOf(report);
      if (parts.has(count)) continue;
      const stated: Stated = {
        key,
        span: count.span,
        phraseSpan: { start: prefix.offsets[0] ?? count.start, end: count.end },
        value: count.value,
      };
      const first = seen.get(key);
      if (!first) seen.set(key, stated);
      else if (first.value !== stated.value && sameSubject(first, stated, report)) {
        out.push({ span: stated.span, phraseSpan: stated.phraseSpan, value: stated.value, first: { span: first.span, phraseSpan: first.phraseSpan, value: first.value } });
      }
    }
  }
  return out;
}

function otherYear(key: string, year: number | null): boolean {
  for (const m of key.matchAll(/(\d{4})年/g)) if (year === null || Number(m[1]) !== year) return true;
  return false;
}

/**
 * What the figure is: "total|主动公开" for the body's own total, "channel|公开|审计信息|section" for a
 * named channel; null for anything else (a category, a channel without a name of its own).
 */
function figureKey(verb: string, before: string): string | null {
  let intro = -1;
  for (const m of before.matchAll(CHANNEL_INTRO)) intro = m.index + m[0].length;
  const channel = intro >= 0 ? before.slice(intro) : '';
  if (channel) {
    // The last kind named, and the channel's own name before it (back to the previous kind).
    let last: RegExpExecArray | null = null;
    let previousEnd = 0;
    for (const m of channel.matchAll(ANY_KIND)) {
      if (last) previousEnd = last.index + last[0].length;
      last = m as RegExpExecArray;
    }
    if (!last || last.index + last[0].length < channel.length - 1) return null;
    const name = channel.slice(previousEnd, last.index).replace(FILLER, '');
    if (name.length < 2) return null;
    const kind = CHANNEL_KINDS.find(([re]) => re.test(last![0]))![1];
    // 公开 and 主动公开 on one channel are the same figure; 发布 and 公布 another wording of it.
    return `channel|${verb === '主动公开' ? '公开' : verb}|${name}|${kind}`;
  }
  if (verb !== '主动公开') return null;
  const subject = before.replace(FILLER, '');
  // "其他应主动公开" is a category, "政府网站主动公开" a channel: neither is the body's total.
  if (subject && (!BODY_END.test(subject) || NAMES_CHANNEL.test(subject))) return null;
  return 'total|主动公开';
}

/**
 * A later statement of the total that names a body of its own ("…管委会主动公开政府信息1509条") may be a
 * part of it; one that names none, or the same body, restates it.
 */
function sameSubject(first: Stated, later: Stated, report: Report): boolean {
  if (!first.key.startsWith('total|')) return true;
  const subject = (s: Stated) => {
    const key = report.norm.slice(s.phraseSpan.start, s.span.start).replace(/\s|\*/g, '');
    const action = ACTION.exec(key);
    return (action ? key.slice(0, action.index) : key).replace(FILLER, '');
  };
  const ofLater = subject(later);
  return !ofLater || ofLater === subject(first);
}
