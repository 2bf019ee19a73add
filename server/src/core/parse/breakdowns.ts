// Breakdowns stated in the narrative: "共 N X，其中 a …、b …、c …" (R6), "N 条（其中 …其他 …条）",
// "N 条，包括 a …、b …以及 c …". This module reads them; rules/breakdown-sum.ts judges them.
//
// What is read: the count right before the mark (其中 / 包括), with nothing but "，：（" between, is
// the total; the clauses after the mark, each "label n unit", are the parts, up to the next mark,
// the end of the statement, or the closing bracket of a bracketed list. The reader also says what
// makes a list not an identity (FORMAT.md §4): parts that are channels, a list marked partial, a
// clause that begins something else.
import type { Report } from '../model';
import { compactKey } from '../text/normalize';
import { Attached } from './attached';
import type { Count } from './counts';
import { countsOfSentence, isClauseBreak, MAX_STATEMENT, prefixOf, statementsOf, type Prefix, type Statement } from './statements';
import { sentencesOf } from './narrative';

export interface Part {
  count: Count;
  /** As the source writes it (traditional stays traditional), cut to 12 characters. */
  label: string;
}

export interface Breakdown {
  total: Count;
  totalPhrase: string;
  /** The total says it is one ("共", "合计", "累计" … before its number). */
  explicitTotal: boolean;
  /** "其中" lists every part unless said otherwise; "包括" may list only some. */
  mark: '其中' | '包括';
  parts: Part[];
  /** Parts are channels (网站, 微信 …): the same item on several of them counts once. */
  channel: boolean;
  /** A part or remark that is not a plain "label n unit" clause, or a list that is marked partial. */
  partial: boolean;
  /** The list met a clause that begins something else. */
  stopped: boolean;
}

/** A total says it is one: "共", "合计", "累计" … before its number. */
const TOTAL_WORD = /共|合计|总计|累计|总数|总量/;
/** Channels: the same item on several of them counts once. */
const CHANNEL = /网站|网上|网络|在线|线上|线下|微信|微博|公众号|客户端|APP|app|新媒体|公开栏|平台|专栏|栏目|抖音|头条|视频号|号|报纸|报刊|电视|广播|热线|短信|当面|信函|邮寄|传真|邮件|现场|公报|显示屏|大屏/g;
/** Parts of one channel: the sections of one website ("信息公开栏", "政务动态专栏"). */
const SECTION = /栏|专题|板块|频道/;
/** The list is not exhaustive. */
const PARTIAL = /等(?![级同])|主要|包括|包含|例如|诸如/;
/**
 * A clause that starts something else than the next part. A total word right before the part's own
 * number ("A和B共计1495条") is a part that adds two things, not a new total; 公共 is not 共.
 */
const STOP = /(?<!公)共(?!计?[\d零〇一二两三四五六七八九十])|合计(?!\d)|总计(?!\d)|累计(?!\d)|另|此外|同时|同比|较|增长|下降|减少|增加|办结|答复|结转|收到|受理|均|分别/;
/** Between the total and its mark: punctuation and an opening bracket only. */
const BEFORE_MARK = /^[,;:、(]*$/;

const MARKS = new Attached<Report, number[]>('breakdown marks');
const MARK = /其中|包括/g;

/** Offsets of every mark in the statement (the report's are found in one pass, once). */
function marksIn(report: Report, st: Statement): number[] {
  const all = MARKS.of(report, ({ norm }) => {
    const marks: number[] = [];
    for (const m of norm.matchAll(MARK)) {
      // "其中包括" is one mark.
      if (m[0] === '包括' && norm.startsWith('其中', m.index - 2)) continue;
      marks.push(m.index);
    }
    return marks;
  });
  // Binary search for the first mark in the statement: a report may have thousands of both.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid] < st.start) lo = mid + 1;
    else hi = mid;
  }
  const marks: number[] = [];
  for (let i = lo; i < all.length && all[i] + 2 <= st.end; i++) marks.push(all[i]);
  return marks;
}

/** Offset of the ")" that closes the bracket open at `from`, or -1 (within `end`). */
function closingBracket(norm: string, from: number, end: number): number {
  let depth = 1;
  for (let i = from; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i;
  }
  return -1;
}

/** The channel words of a key ("县政府网站" → ["网站"]). */
function channelsOf(key: string): string[] {
  const out: string[] = [];
  for (const m of key.matchAll(CHANNEL)) if (!out.includes(m[0])) out.push(m[0]);
  return out;
}

/**
 * Parts are separate channels (whose counts may overlap) unless the total itself names one
 * channel and every part is inside it: "通过县政府网站公开4042条，其中门户网站…1495条，信息公开栏…2918条"
 * are sections of one website, and add up.
 */
function partsAreChannels(totalKey: string, partKeys: string[]): boolean {
  const partChannels = partKeys.flatMap(channelsOf);
  if (partChannels.length === 0) return false;
  const totalChannels = channelsOf(totalKey);
  if (totalChannels.length !== 1) return true;
  return !partChannels.every((c) => c === totalChannels[0] || SECTION.test(c));
}

const BREAKDOWNS = new Attached<Report, Map<Statement, Breakdown[]>>('breakdowns');
const PARTS = new Attached<Report, Set<Count>>('breakdown parts');

/** The breakdowns of a statement, one per mark that follows a stated total (read once per statement). */
export function breakdownsOf(report: Report, st: Statement): Breakdown[] {
  const read = BREAKDOWNS.of(report, () => new Map());
  let found = read.get(st);
  if (!found) read.set(st, (found = readBreakdowns(report, st)));
  return found;
}

/** Every count of the report that is a part of a breakdown. */
export function breakdownPartsOf(report: Report): Set<Count> {
  return PARTS.of(report, () => {
    const parts = new Set<Count>();
    const statements = statementsOf(report);
    for (let i = 0; i < statements.length; i++) for (const b of breakdownsOf(report, statements[i])) for (const p of b.parts) parts.add(p.count);
    return parts;
  });
}

interface Head {
  total: Count;
  prefix: Prefix;
  explicitTotal: boolean;
  /** "N条(其中…)": the list ends at the closing bracket. */
  bracketed: boolean;
}

/** The total a mark breaks down: the count right before it, with nothing but "，：（" between. */
function totalInStatement(report: Report, st: Statement, q: number, ti: number): Head | null {
  const { norm } = report;
  const total = st.counts[ti];
  const between = compactKey(norm, total.end, q).key;
  if (!BEFORE_MARK.test(between) || total.approximate || total.unit === '%') return null;
  const prefix = prefixOf(norm, st.start, total, st.counts[ti - 1]);
  const explicitTotal = TOTAL_WORD.test(prefix.key);
  // A count that follows another in its clause ("建议12件、提案8件，其中…") may be the last item of a
  // list the 其中 breaks down as a whole: only a total that says it is one is read there.
  const previous = st.counts[ti - 1];
  if (!explicitTotal && previous && previous.end > prefix.clauseStart) return null;
  return { total, prefix, explicitTotal, bracketed: between.includes('(') };
}

/**
 * "…共81条。其中，工作动态50条…": a statement that opens with the mark breaks down the count that
 * ends the sentence before it, when that count is not itself a part ("…其中…其他类信息9条。其中…").
 */
function totalOfSentenceBefore(report: Report, st: Statement, q: number): Head | null {
  const { norm } = report;
  if (compactKey(norm, st.start, q).key !== '') return null;
  const sentences = sentencesOf(report);
  // The sentence the statement starts with (binary search: sentences are in order).
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences.start(mid) < st.start) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  if (i < 0 || sentences.isHeading(i) || sentences.sectionIndex(i) !== sentences.sectionIndex(lo)) return null;
  const start = sentences.start(i);
  const end = sentences.end(i);
  if (end - start > MAX_STATEMENT || compactKey(norm, end, st.start).key !== '') return null;
  const counts = countsOfSentence(report, sentences, i);
  const total = counts[counts.length - 1];
  if (!total || total.approximate || total.unit === '%' || !/^[。.!]?$/.test(compactKey(norm, total.end, end).key)) return null;
  if (/其中|包括/.test(norm.slice(start, total.start))) return null;
  const prefix = prefixOf(norm, start, total, counts[counts.length - 2]);
  const explicitTotal = TOTAL_WORD.test(prefix.key);
  const previous = counts[counts.length - 2];
  if (!explicitTotal && previous && previous.end > prefix.clauseStart) return null;
  return { total, prefix, explicitTotal, bracketed: false };
}

function readBreakdowns(report: Report, st: Statement): Breakdown[] {
  const { norm, text } = report;
  const out: Breakdown[] = [];
  if (st.end - st.start > MAX_STATEMENT) return out;
  const marks = marksIn(report, st);
  if (marks.length === 0) return out;
  let next = 0; // first count that ends after the current mark
  marks.forEach((q, mi) => {
    const mark = norm.startsWith('其中', q) ? '其中' : '包括';
    let regionEnd = marks[mi + 1] ?? st.end;
    while (next < st.counts.length && st.counts[next].end <= q) next++;
    const head = next > 0 ? totalInStatement(report, st, q, next - 1) : mi === 0 ? totalOfSentenceBefore(report, st, q) : null;
    if (!head) return;
    const { total, prefix: totalPrefix, explicitTotal } = head;
    // A bracketed list ends at its closing bracket: what follows is another sentence's matter.
    if (head.bracketed) {
      const close = closingBracket(norm, q, st.end);
      if (close >= 0) regionEnd = Math.min(regionEnd, close);
    }
    const b: Breakdown = {
      total,
      totalPhrase: text.slice(totalPrefix.offsets[0] ?? total.start, total.end).replace(/\*\*/g, '').replace(/\s+/g, ''),
      explicitTotal,
      mark,
      parts: [],
      channel: false,
      partial: mark === '包括' || PARTIAL.test(norm.slice(q + 2, regionEnd)),
      stopped: false,
    };
    const partKeys: string[] = [];
    // Walk the clauses after the mark, with a pointer into the statement's counts (kept linear).
    let k = next;
    let clauseStart = q + 2;
    for (let i = clauseStart; i <= regionEnd; i++) {
      if (i < regionEnd && !isClauseBreak(norm, i)) continue;
      const inClause: Count[] = [];
      while (k < st.counts.length && st.counts[k].start < clauseStart) k++;
      while (k < st.counts.length && st.counts[k].end <= i) inClause.push(st.counts[k++]);
      const from = clauseStart;
      clauseStart = i + 1;
      if (i - from > 200) return; // not a list
      const clause = compactKey(norm, from, i).key;
      if (!clause) continue;
      let same = inClause.filter((c) => c.unit === total.unit);
      // "其中A 102条；发布B 1条，包括…": after a semicolon, the count that the next list breaks down
      // opens another statement; it is not the last part of this list, which ends before it.
      let endsHere = false;
      if (mi + 1 < marks.length && same.length && /^[\s,;:、]*$/.test(norm.slice(i, regionEnd))) {
        const last = same[same.length - 1];
        const after = same.length > 1 ? same[same.length - 2].end : from - 1;
        if (norm.slice(Math.max(after, 0), last.start).includes(';')) {
          same = same.slice(0, -1);
          endsHere = true;
        }
      }
      if (inClause.some((c) => c.unit !== total.unit && c.unit !== '%')) return; // parts in another unit: another breakdown
      if (STOP.test(clause)) {
        b.stopped = true;
        break;
      }
      if (same.length === 0 && !endsHere) {
        // "占14.6%" after a part is a remark; anything else without a number makes the list loose.
        if (!inClause.some((c) => c.unit === '%')) b.partial = true;
        continue;
      }
      if (same.some((c) => c.approximate)) return;
      let labelStart = from;
      for (const c of same) {
        // Matched on the normalized text, quoted from the source (traditional stays traditional).
        const { key, offsets } = compactKey(norm, labelStart, c.start);
        const skip = key.length - key.replace(/^(其中|包括|、|和|及|与|以及)+/, '').length;
        let label = '';
        for (let j = skip; j < offsets.length; j++) label += text[offsets[j]];
        labelStart = c.end;
        b.parts.push({ count: c, label: label.length > 12 ? label.slice(0, 11) + '…' : label });
        partKeys.push(key.slice(skip));
      }
      if (endsHere) {
        b.stopped = true;
        break;
      }
    }
    b.channel = partsAreChannels(totalPrefix.key, partKeys);
    if (b.parts.length) out.push(b);
  });
  return out;
}
