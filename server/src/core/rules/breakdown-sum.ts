// R6: "共 N X，其中 a …、b …、c …" — the parts of an enumerated breakdown add up to the total, and
// no part is larger than the total. What is NOT an identity (FORMAT.md §4) is never flagged:
// - channel lists (网站/微信/微博/…) may add up to more than the total, since an item published on
//   several channels counts once; only a single channel larger than the total is wrong;
// - "包括…等", "主要…" lists may be partial; approximate figures ("余", "近", "约") are not exact;
// - parts in another unit than the total are another breakdown.
// A sum smaller than the total is flagged only for an exhaustive "其中" list.
import { T3_TOTAL_COLUMN } from '../format/editions';
import type { Count } from '../parse/counts';
import { statementsOf } from '../parse/statements';
import { breakdownsOf } from '../parse/breakdowns';
import { missingCountsOf } from '../parse/missing-counts';
import type { Figure } from '../model';
import { defineRule, type RuleContext } from './rule';

const messages = {
  figureMissing: {
    'zh-cn': '“{phrase}”缺少数字{sumNote}',
    en: 'The number is missing in "{phrase}"{sumNote}',
  },
  partMissing: {
    'zh-cn': '所列“{phrase}”缺少数字（同一列举中的其他各项都有数字）',
    en: 'The listed item "{phrase}" has no number (the other items of the list have one)',
  },
  partExceeds: {
    'zh-cn': '分项“{part}”{value} 大于总数 {total}（“{totalPhrase}”）',
    en: 'The part "{part}" {value} is larger than the total {total} ("{totalPhrase}")',
  },
  sumExceeds: {
    'zh-cn': '“{mark}”所列分项之和为 {sum}（{parts}），大于总数 {total}',
    en: 'The parts listed after {mark} add up to {sum} ({parts}), more than the total {total}',
  },
  sumShort: {
    'zh-cn': '“{mark}”所列分项之和为 {sum}（{parts}），小于总数 {total}',
    en: 'The parts listed after {mark} add up to {sum} ({parts}), less than the total {total}',
  },
};

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/**
 * A count of requests ("共收到申请103件，其中予以公开…") is broken down into results that also
 * cover last year's carried-over requests and leave out those carried forward: the sums 表三 itself
 * makes are as good as the stated total.
 */
function acceptedSums(ctx: RuleContext, figuresByStart: Map<number, Figure>, total: Count): Set<number> {
  const sums = new Set([total.value]);
  const figure = figuresByStart.get(total.span.start);
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

/** Counts whose number was left blank: a figure ("共发布公开信息条") or an item of a list. */
function checkMissing(ctx: RuleContext): void {
  const { text } = ctx.report;
  const en = ctx.locale === 'en';
  for (const m of missingCountsOf(ctx.report)) {
    const phrase = text.slice(m.span.start, m.span.end).replace(/\*\*/g, '').replace(/\s+/g, '');
    const sumNote = m.partsSum === null ? '' : en ? ` (the items listed after it add up to ${fmt(m.partsSum)})` : `（其后所列分项之和为 ${fmt(m.partsSum)}）`;
    ctx.add({ ...m.span, messageId: m.kind === 'figure' ? 'figureMissing' : 'partMissing', args: { phrase, sumNote } });
  }
}

function check(ctx: RuleContext): void {
  checkMissing(ctx);
  // The figure each stated total was read as, if any (acceptedSums asks by where the total starts).
  const figuresByStart = new Map(ctx.report.figures.map((f) => [f.span.start, f]));
  for (const st of statementsOf(ctx.report)) {
    // A breakdown is a total and at least one part: two counts (most statements have fewer).
    if (st.counts.length < 2) continue;
    for (const b of breakdownsOf(ctx.report, st)) {
      const total = b.total.value;
      const parts = b.parts.map((p) => `${p.label} ${fmt(p.count.value)}`).join(' + ');
      const sum = b.parts.reduce((s, p) => s + p.count.value, 0);
      const args = { total: fmt(total), totalPhrase: b.totalPhrase, sum: fmt(sum), parts, mark: b.mark };
      const related = b.parts.map((p) => ({ start: p.count.span.start, end: p.count.span.end, message: `${p.label}：${fmt(p.count.value)}` }));
      const larger = b.parts.filter((p) => p.count.value > total);
      if (larger.length) {
        for (const p of larger) {
          ctx.add({ ...p.count.span, messageId: 'partExceeds', args: { ...args, part: p.label, value: fmt(p.count.value) }, related: [{ ...b.total.span, message: b.totalPhrase }] });
        }
        continue;
      }
      if (b.channel || b.parts.length < 2 || acceptedSums(ctx, figuresByStart, b.total).has(sum)) continue;
      if (sum > total) {
        // When the first parts already make the total, the rest is another breakdown of the same items.
        let running = 0;
        if (b.parts.slice(0, -1).some((p) => (running += p.count.value) === total)) continue;
        ctx.add({ ...b.total.span, messageId: 'sumExceeds', args, related });
      } else if (b.explicitTotal && !b.partial && !b.stopped) {
        // Short of the total: only where the total says it is one and the list says it is whole.
        ctx.add({ ...b.total.span, messageId: 'sumShort', args, related });
      }
    }
  }
}

const rule = defineRule({
  id: 'breakdown-sum',
  category: 'text',
  description: {
    'zh-cn': '正文中“共 N …，其中 a、b、c”的分项之和等于总数，且分项不大于总数',
    en: 'An enumerated breakdown in the text sums to its total, and no part exceeds it',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages,
  check,
});

export default rule;
