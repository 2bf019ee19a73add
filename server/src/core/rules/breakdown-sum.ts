// R6: "共 N X，其中 a …、b …、c …" — the parts of an enumerated breakdown add up to the total, and
// no part is larger than the total. What is NOT an identity (FORMAT.md §4) is never flagged:
// - channel lists (网站/微信/微博/…) may add up to more than the total, since an item published on
//   several channels counts once; only a single channel larger than the total is wrong;
// - "包括…等", "主要…" lists may be partial; approximate figures ("余", "近", "约") are not exact;
// - parts in another unit than the total are another breakdown.
// A sum smaller than the total is flagged only for an exhaustive "其中" list.
import { compactKey } from '../text/normalize';
import { T3_TOTAL_COLUMN } from '../format/editions';
import type { Count } from '../parse/counts';
import { isClauseBreak, MAX_STATEMENT, prefixOf, statementsOf, type Statement } from '../parse/statements';
import type { Figure, Report } from '../model';
import { Attached } from '../attached';
import type { Rule, RuleContext } from './rule';
import { filterList, mapList, newList } from '../lists';

const messages = {
  partExceeds: {
    'zh-cn': '分项“{part}”{value} 大于总数 {total}（“{totalPhrase}”）',
    en: 'The part "{part}" {value} is larger than the total {total} ("{totalPhrase}")',
  },
  sumExceeds: {
    'zh-cn': '“其中”所列分项之和为 {sum}（{parts}），大于总数 {total}',
    en: 'The parts listed after 其中 add up to {sum} ({parts}), more than the total {total}',
  },
  sumShort: {
    'zh-cn': '“其中”所列分项之和为 {sum}（{parts}），小于总数 {total}',
    en: 'The parts listed after 其中 add up to {sum} ({parts}), less than the total {total}',
  },
};

/** A total says it is one: "共", "合计", "累计" … before its number. */
const TOTAL_WORD = /共|合计|总计|累计|总数|总量/;
/** Channels: the same item on several of them counts once. */
const CHANNEL = /网站|网上|网络|在线|线上|线下|微信|微博|公众号|客户端|APP|app|新媒体|公开栏|平台|专栏|栏目|抖音|头条|视频号|号|报纸|报刊|电视|广播|热线|短信|当面|信函|邮寄|传真|邮件|现场|公报|显示屏|大屏/;
/** The list is not exhaustive. */
const PARTIAL = /等(?![级同])|主要|包括|包含|例如|诸如/;
/** A clause that starts something else than the next part. */
const STOP = /共|合计|总计|累计|另|此外|同时|同比|较|增长|下降|减少|增加|办结|答复|结转|收到|受理|均|分别/;

interface Part {
  count: Count;
  label: string;
}

interface Breakdown {
  total: Count;
  totalPhrase: string;
  parts: Part[];
  channel: boolean;
  /** A part or remark that is not a plain "label N unit" clause, or a list that is marked partial. */
  partial: boolean;
  /** The list met a clause that begins something else. */
  stopped: boolean;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

const MARKS = new Attached<Report, number[]>('其中 marks');

/** Offsets of every "其中" in the statement (the report's are found in one pass, once). */
function marksIn(report: Report, st: Statement): number[] {
  const all = MARKS.of(report, ({ norm }) => {
    const marks: number[] = [];
    for (let at = norm.indexOf('其中'); at >= 0; at = norm.indexOf('其中', at + 2)) marks.push(at);
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

/** The breakdowns of a statement, one per "其中" that follows a stated total. */
function breakdownsOf(ctx: RuleContext, st: Statement): Breakdown[] {
  const { norm, text } = ctx.report;
  const out = newList<Breakdown>();
  if (st.end - st.start > MAX_STATEMENT) return out;
  const marks = marksIn(ctx.report, st);
  if (marks.length === 0) return out;
  let next = 0; // first count that ends after the current mark
  marks.forEach((q, mi) => {
    const regionEnd = marks[mi + 1] ?? st.end;
    while (next < st.counts.length && st.counts[next].end <= q) next++;
    const ti = next - 1;
    if (ti < 0) return;
    const total = st.counts[ti];
    // The total sits right before "，其中".
    if (!/^[,;:、]*$/.test(compactKey(norm, total.end, q).key)) return;
    if (total.approximate || total.unit === '%') return;
    const totalPrefix = prefixOf(norm, st.start, total, st.counts[ti - 1]);
    if (!TOTAL_WORD.test(totalPrefix.key)) return;

    const b: Breakdown = {
      total,
      totalPhrase: text.slice(totalPrefix.offsets[0] ?? total.start, total.end).replace(/\*\*/g, '').replace(/\s+/g, ''),
      parts: newList(),
      channel: false,
      partial: PARTIAL.test(norm.slice(q, regionEnd)),
      stopped: false,
    };
    // Walk the clauses after 其中, with a pointer into the statement's counts (kept linear).
    let k = ti + 1;
    let clauseStart = q + 2;
    for (let i = clauseStart; i <= regionEnd; i++) {
      if (i < regionEnd && !isClauseBreak(norm, i)) continue;
      const inClause = newList<Count>();
      while (k < st.counts.length && st.counts[k].start < clauseStart) k++;
      while (k < st.counts.length && st.counts[k].end <= i) inClause.push(st.counts[k++]);
      const from = clauseStart;
      clauseStart = i + 1;
      if (i - from > 200) return; // not a list
      const clause = compactKey(norm, from, i).key;
      if (!clause) continue;
      const same = filterList(inClause, (c) => c.unit === total.unit);
      const other = filterList(inClause, (c) => c.unit !== total.unit && c.unit !== '%');
      if (other.length > 0) return; // parts in another unit: another breakdown
      if (STOP.test(clause)) {
        b.stopped = true;
        break;
      }
      if (same.length === 0) {
        // "占14.6%" after a part is a remark; anything else without a number makes the list loose.
        if (!inClause.some((c) => c.unit === '%')) b.partial = true;
        continue;
      }
      if (same.some((c) => c.approximate)) return;
      let labelStart = from;
      for (const c of same) {
        // Matched on the normalized text, quoted from the source (traditional stays traditional).
        const { key, offsets } = compactKey(norm, labelStart, c.start);
        const skip = key.length - key.replace(/^(其中|、|和|及|与)+/, '').length;
        let label = '';
        for (let j = skip; j < offsets.length; j++) label += text[offsets[j]];
        labelStart = c.end;
        b.parts.push({ count: c, label: label.length > 12 ? label.slice(0, 11) + '…' : label });
        if (CHANNEL.test(key.slice(skip))) b.channel = true;
      }
    }
    if (b.parts.length) out.push(b);
  });
  return out;
}

const BY_START = new Attached<Report, Map<number, Figure>>('figures by start');

function figuresByStart(ctx: RuleContext): Map<number, Figure> {
  return BY_START.of(ctx.report, (report) => new Map(report.figures.map((f) => [f.span.start, f])));
}

/**
 * A count of requests ("共收到申请103件，其中予以公开…") is broken down into results that also
 * cover last year's carried-over requests and leave out those carried forward: the sums 表三 itself
 * makes are as good as the stated total.
 */
function acceptedSums(ctx: RuleContext, total: Count): Set<number> {
  const sums = new Set([total.value]);
  const figure = figuresByStart(ctx).get(total.span.start);
  if (!figure || !/^t3\.(new|total)\./.test(figure.target)) return sums;
  const t3 = ctx.report.tables.t3;
  const cell = (key: string) => {
    const row = t3?.rows.get(key);
    return row?.positioned ? row.cells[T3_TOTAL_COLUMN]?.value ?? null : null;
  };
  const [received, carried, handled, forward] = [cell('new'), cell('carry'), cell('total'), cell('next')];
  for (const v of [handled, received]) if (v !== null) sums.add(v);
  if (received !== null) {
    const all = received + (carried ?? 0);
    sums.add(all);
    sums.add(all - (forward ?? 0));
    sums.add(received - (forward ?? 0));
  }
  return sums;
}

function check(ctx: RuleContext): void {
  // Indexed, not for…of: see statementsOf.
  const statements = statementsOf(ctx.report);
  for (let i = 0; i < statements.length; i++) {
    const st = statements[i];
    // A breakdown is a total and at least one part: two counts (most statements have fewer).
    if (st.counts.length < 2) continue;
    for (const b of breakdownsOf(ctx, st)) {
      const total = b.total.value;
      const parts = mapList(b.parts, (p) => `${p.label} ${fmt(p.count.value)}`).join(' + ');
      const sum = b.parts.reduce((s, p) => s + p.count.value, 0);
      const args = { total: fmt(total), totalPhrase: b.totalPhrase, sum: fmt(sum), parts };
      const related = mapList(b.parts, (p) => ({ start: p.count.span.start, end: p.count.span.end, message: `${p.label}：${fmt(p.count.value)}` }));
      const larger = filterList(b.parts, (p) => p.count.value > total);
      if (larger.length) {
        for (const p of larger) {
          ctx.add({ ...p.count.span, messageId: 'partExceeds', args: { ...args, part: p.label, value: fmt(p.count.value) }, related: [{ ...b.total.span, message: b.totalPhrase }] });
        }
        continue;
      }
      if (b.channel || b.parts.length < 2 || acceptedSums(ctx, b.total).has(sum)) continue;
      if (sum > total) {
        // When the first parts already make the total, the rest is another breakdown of the same items.
        let running = 0;
        if (b.parts.slice(0, -1).some((p) => (running += p.count.value) === total)) continue;
        ctx.add({ ...b.total.span, messageId: 'sumExceeds', args, related });
      } else if (!b.partial && !b.stopped) {
        ctx.add({ ...b.total.span, messageId: 'sumShort', args, related });
      }
    }
  }
}

const rule: Rule = {
  id: 'breakdown-sum',
  description: {
    'zh-cn': '正文中“共 N …，其中 a、b、c”的分项之和等于总数，且分项不大于总数',
    en: 'An enumerated breakdown in the text sums to its total, and no part exceeds it',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages,
  check,
};

export default rule;
