// Counts whose number was never filled in: "共发布公开信息条。" (a template blank left empty),
// "全年公开核准企业资质条、施工许可证76条…" (one item of a list without its number). Read by
// rules/breakdown-sum.ts.
//
// A unit with no number before it is usually a word ("文件", "条件", "案件", "头条"), so a blank is
// read only where the sentence leaves no doubt that a count was due:
// - a total: a total word and a verb of publishing or handling before it ("共发布…条", "共受理…件"),
//   or a verb and a gap left for the number ("主动公开政府信息  条");
// - the words of a figure every report states ("收到政府信息公开申请件", "主动公开政府信息条");
// - an item of a list whose neighbour right before or after it is "label N" in the same unit.
import type { Report } from '../model';
import type { Span } from '../types';
import { charTable, isSpace } from '../text/chars';
import { compactKey } from '../text/normalize';
import { Attached } from './attached';
import type { Count } from './counts';
import { sentencesOf } from './narrative';
import { countsOfSentence, isClauseBreak, MAX_STATEMENT, statementsOf } from './statements';

export interface MissingCount {
  /** The words that name the count, up to its unit ("核准企业资质条"). */
  span: Span;
  /** A figure of its own (a total, "共发布…条"), or an item of a list. */
  kind: 'figure' | 'part';
  unit: string;
  /** For a figure: the sum of the counts listed right after it in the same unit, when there are some. */
  partsSum: number | null;
}

/** Units a blank is looked for before: the units of published items and of requests. */
const UNITS = charTable('条件');
/**
 * Characters that, before 条/件, make a word or a count of their own: numerals and quantity words
 * ("若干条", "每件", "逐条"), and the first halves of words that end in the unit ("文件", "头条").
 */
const NOT_BEFORE = charTable(
  '0123456789零〇一二两三四五六七八九十百千万余多几数干每各逐本该这此那哪首末某整单其全第' +
    // …条: 金条 链条 面条 油条 封条 便条 字条 纸条 收条 借条 欠条 线条 苗条 萧条 教条 头条 发条 枝条 信条 词条 木条 铁条 布条 柳条 横条 白条 专条 警条 短条 长条 分条 逐条
    '金链面油封便字纸收借欠线苗萧教头发枝信词木铁布柳横白专警短长分' +
    // …件: 文件 案件 附件 条件 证件 邮件 软件 事件 稿件 来件 信件 部件 物件 要件 函件 原件 批件 快件 急件 配件 硬件 组件 插件 构件 工件 零件 印件 描件 样件 办件 派件 复件 交件 送件 寄件 取件 收件 密件 公件 私件 挂件 元件 器件 机件
    '文案附条证邮软事稿来部物要函原批快急配硬组插构工零印描样办派复交送寄取收密公私挂元器机',
);
/** What a blank left for a number is written with: spaces, underscores. */
const GAP = charTable(' \t_\u3000\uff3f');
/** A separator between items of a list, or the end of a clause. */
const AFTER = charTable('、,;:。)!?，；：）\n');
const TOTAL_WORD = /共计|合计|累计|总计|(?<!公)共/;
const VERB = /发布|公开|公布|收到|受理|办结|答复|办理|处理|制发|印发|接收|登记|报送/;
/** The verb that opens a list ("全年公开…"): the first item's words start after it. */
const VERB_IN_ITEM = /^[^、,;:]{0,8}?(?:发布|公开|公布)/;

/**
 * Figures every report states, named right before the unit: requests received or handled, the
 * 表三 categories, reviews and lawsuits, 规范性文件 issued or repealed (件); information published (条).
 * Requests only without 的 ("对收到的申请件" is a noun), and only the words a figure uses.
 */
const NAMED_CASES = new RegExp(
  [
    '(?:收到|受理|接到|接收|新收|办结|答复)(?:了)?(?:政府信息公开|依申请公开|信息公开|政府信息)?(?:申请|请求)$',
    '(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)$',
    '(?:行政复议|行政诉讼)(?:案件)?$',
    '(?:制发|发布|印发|出台|废止)(?:了)?(?:行政)?规范性文件$',
    '现行有效(?:的)?(?:行政)?规范性文件$',
  ].join('|'),
);
const NAMED_ITEMS = /(?:主动公开|公开|发布|公布)(?:了)?(?:政府|政务)?信息$/;

const MISSING = new Attached<Report, MissingCount[]>('missing counts');

/** Every count of the report whose number is missing, in order. */
export function missingCountsOf(report: Report): MissingCount[] {
  return MISSING.of(report, read);
}

function read(report: Report): MissingCount[] {
  const { norm } = report;
  const out: MissingCount[] = [];
  const sentences = sentencesOf(report);
  for (let i = 0; i < sentences.length; i++) {
    if (sentences.isHeading(i)) continue;
    const start = sentences.start(i);
    const end = sentences.end(i);
    if (end - start > MAX_STATEMENT) continue; // pasted debris, not prose
    let counts: Count[] | null = null;
    for (let u = start + 1; u < end; u++) {
      const c = norm.charCodeAt(u);
      if (UNITS[c] === 0) continue;
      // The unit must follow a word (an ideograph that does not make a word with it), or a gap
      // left for the number ("信息  条", "信息__条"), and end an item.
      let b = u - 1;
      while (b > start && u - b <= 6 && GAP[norm.charCodeAt(b)] === 1) b--;
      const before = norm.charCodeAt(b);
      if (before < 0x4e00 || before > 0x9fff || NOT_BEFORE[before] === 1) continue;
      let after = u + 1;
      while (after < end && (isSpace(norm.charCodeAt(after)) || norm.charCodeAt(after) === 0x2a)) after++;
      if (after < end && AFTER[norm.charCodeAt(after)] === 0) continue;
      counts ??= countsOfSentence(report, sentences, i);
      const found = blankAt(report, start, end, u, after, counts, b < u - 1);
      if (found) out.push({ ...found, unit: norm[u] });
    }
  }
  return out;
}

/** Index of the first count that starts after `at` (counts are in order). */
function firstAfter(counts: Count[], at: number): number {
  let lo = 0;
  let hi = counts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (counts[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Start of the item that ends at the unit: back to a separator, a clause break or a count. */
function itemStart(norm: string, from: number, u: number, previous: Count | undefined): number {
  let at = u - 1;
  const floor = Math.max(from, u - 30);
  while (at > floor && !isClauseBreak(norm, at - 1) && norm[at - 1] !== '、') at--;
  if (previous && previous.end <= u && previous.end > at) at = previous.end;
  return at;
}

function blankAt(report: Report, from: number, end: number, u: number, after: number, counts: Count[], gap: boolean): Omit<MissingCount, 'unit'> | null {
  const { norm } = report;
  const unit = norm[u];
  const k = firstAfter(counts, u);
  const next: Count | undefined = counts[k];
  const previous: Count | undefined = counts[k - 1];
  const start = itemStart(norm, from, u, previous);
  const { key, offsets } = compactKey(norm, start, u);
  if (key.length < 2) return null;
  // A total: "共发布公开信息条".
  const total = TOTAL_WORD.exec(norm.slice(start, u));
  if (total && VERB.test(norm.slice(start + total.index, u))) {
    return { span: { start: start + total.index, end: u + 1 }, kind: 'figure', partsSum: partsAfter(report, after, unit) };
  }
  // A gap left for the number after a verb: "主动公开政府信息  条".
  const verbBeforeGap = gap ? VERB.exec(norm.slice(start, u)) : null;
  if (verbBeforeGap) return { span: { start: start + verbBeforeGap.index, end: u + 1 }, kind: 'figure', partsSum: partsAfter(report, after, unit) };
  // The words of a figure the report always states ("收到政府信息公开申请件", "主动公开政府信息条").
  const named = (unit === '件' ? NAMED_CASES : NAMED_ITEMS).exec(key);
  if (named) {
    return { span: { start: offsets[named.index] ?? start, end: u + 1 }, kind: 'figure', partsSum: null };
  }
  // An item of a list whose neighbour has its number: "资质条、施工许可证76条".
  const nextIsItem =
    next !== undefined && next.unit === unit && after < end && '、,;'.includes(norm[after]) && next.start - after <= 30 && !hasBreak(norm, after + 1, next.start);
  const previousIsItem = previous !== undefined && previous.unit === unit && start - previous.end <= 2 && norm.slice(previous.end, start).trim() === '、';
  if (!nextIsItem && !previousIsItem) return null;
  // The item's own words: "全年公开核准企业资质条" names "核准企业资质条".
  const opening = VERB_IN_ITEM.exec(norm.slice(start, u));
  const itemFrom = opening && u - (start + opening.index + opening[0].length) >= 2 ? start + opening.index + opening[0].length : start + leadingSeparators(norm, start);
  return { span: { start: itemFrom, end: u + 1 }, kind: 'part', partsSum: null };
}

function leadingSeparators(norm: string, at: number): number {
  let n = 0;
  while ('、 '.includes(norm[at + n]) && n < 4) n++;
  return n;
}

function hasBreak(norm: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isClauseBreak(norm, i) || norm[i] === '、') return true;
  return false;
}

/**
 * The counts listed right after a blank total (in the rest of its statement or the statement that
 * follows it), when they are all in its unit: what the total would have been.
 */
function partsAfter(report: Report, after: number, unit: string): number | null {
  const statements = statementsOf(report);
  // The first statement that ends after the blank (binary search: statements are in order).
  let lo = 0;
  let hi = statements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (statements[mid].end <= after) lo = mid + 1;
    else hi = mid;
  }
  const st = statements[lo];
  if (!st || st.start > after + 4) return null;
  const listed = st.counts.filter((c) => c.start > after);
  if (listed.length < 2 || listed.some((c) => c.unit !== unit || c.approximate)) return null;
  return listed.reduce((s, c) => s + c.value, 0);
}
