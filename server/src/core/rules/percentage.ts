// "予以公开15件，占14.6%": a share matches its count and the total it is a share of. Checked only
// when the count and the percentage are in one clause, and the total is known:
// - a count that names a 表三 category: the total the text itself states ("共收到申请130件"), 表三
//   （七）总计, 一、本年新收 总计, or 新收 + 上年结转;
// - a part of a breakdown ("信息57条：其中概况信息2条，占信息公开总量的3.51%"): the breakdown's total,
//   once another share of the same list agrees with it (a lone share may be of something else).
// Rounding and truncation to the stated decimals are both accepted, except that a list whose other
// shares show it rounds ("4/57 = 7.02%") cannot truncate one ("2/57 = 3.50%"). A percentage with no
// count next to it ("两化建设率达87.5%") is never checked, and when several shares in one statement
// all miss every total, their base is something else: not flagged.
import type { Report, TableRow } from '../model';
import type { Span } from '../types';
import { T3_TOTAL_COLUMN } from '../format/editions';
import { compactKey } from '../text/normalize';
import type { Count } from '../parse/counts';
import { SENTENCE_SCOPE } from '../parse/figures';
import { MAX_STATEMENT, prefixOf, statementsOf, type Statement } from '../parse/statements';
import { breakdownsOf } from '../parse/breakdowns';
import { shortRowLabel } from '../parse/labels';
import { defineRule, type RuleContext } from './rule';

const messages = {
  wrong: {
    'zh-cn': '正文称“{phrase}”，但 {count} ÷ {base}（{baseLabel}）= {actual}%',
    en: 'The text says "{phrase}", but {count} ÷ {base} ({baseLabel}) = {actual}%',
  },
  truncated: {
    'zh-cn': '正文称“{phrase}”，但 {count} ÷ {base}（{baseLabel}）= {exact}%，四舍五入为 {actual}%（同一处的其他百分比都是四舍五入的）',
    en: 'The text says "{phrase}", but {count} ÷ {base} ({baseLabel}) = {exact}%, {actual}% when rounded (the other percentages there are rounded)',
  },
};

const COUNT_UNITS = /^(件|件次|份|个|宗)$/;
/** Between the count and the percentage: "，占", "、占比", "，占总数的" … */
const SHARE = /^[,、]?(?:(?:占|所占)(?:比|比例|比重)?(?:[^\d%]{0,10}?(?:总数|总量|总件数|全部申请|全部|申请量|申请数|办结量|全年))?|[^\d%]{0,10}?(?:总数|总量))(?:的)?(?:比例|比重)?(?:为|达|是)?$/;
/** The count is one of 表三's: a result, an applicant type, the requests themselves. */
const T3_WORDS = /予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|自然人|法人|商业企业|科研机构|公益组织|法律服务|申请|不掌握|国家秘密|过程性|内部事务|第三方|执法案卷|查询事项|另行制作|不明确|出版物|办结|答复/;
const NOT_T3 = /许可|审批|服务事项|办件|政务服务|复议|诉讼|热线|咨询|留言|主动公开/;
const STATED_TOTAL = /共|合计|总计|累计|收到|受理|办结|答复/;

interface Base {
  value: number;
  label: string;
  span?: Span;
}

interface Claim {
  count: Count;
  percent: Count;
  phraseStart: number;
  bases: Base[];
  /** Within one unit of the last stated digit of some base. */
  holds: boolean;
  /** Rounded to the stated decimals exactly, against some base. */
  rounded: boolean;
  /** Truncated to the stated decimals exactly, against some base. */
  truncated: boolean;
  /** The statement itself says what the total is. */
  statedBase: boolean;
  /** A share of a breakdown's parts, whose total is its only base: checked once another share agrees. */
  ofBreakdown: Count | null;
}

function tableBases(report: Report, locale: string): Base[] {
  const t3 = report.tables.t3;
  const cell = (key: string) => {
    const row = t3?.rows.get(key);
    const c = row?.positioned ? row.cells[T3_TOTAL_COLUMN] : undefined;
    return row && c && c.value !== null ? { row, cell: c, value: c.value } : null;
  };
  const out: Base[] = [];
  const total = cell('total');
  const received = cell('new');
  const carry = cell('carry');
  const name = (row: TableRow) => {
    const label = shortRowLabel(row);
    const column = /(总计|合计)$/.test(label) ? '' : '总计';
    return locale === 'en' ? `表三 "${label}"${column ? ' ' + column : ''}` : `表三“${label}”${column}`;
  };
  if (total) out.push({ value: total.value, label: name(total.row), span: total.cell.span });
  if (received) out.push({ value: received.value, label: name(received.row), span: received.cell.span });
  if (received && carry && carry.value > 0) {
    out.push({ value: received.value + carry.value, label: locale === 'en' ? '新收 + 上年结转' : '新收 + 上年结转', span: received.cell.span });
  }
  return out;
}

/** The share in per cent, rounded and truncated to `decimals`. */
function shares(count: number, base: number, decimals: number): { exact: number; rounded: number; truncated: number } {
  const exact = (100 * count) / base;
  const scale = 10 ** decimals;
  // The nudge keeps 7.0175… from reading as 7.0174999… after the multiplication.
  return { exact, rounded: Math.round(exact * scale + 1e-9) / scale, truncated: Math.floor(exact * scale + 1e-9) / scale };
}

function compare(percent: Count, count: number, bases: Base[]): Pick<Claim, 'holds' | 'rounded' | 'truncated'> {
  const unit = 10 ** -percent.decimals;
  const out = { holds: false, rounded: false, truncated: false };
  for (const b of bases) {
    const s = shares(count, b.value, percent.decimals);
    // Off by less than one unit of the last digit (rounded, truncated or a little careless).
    if (Math.abs(percent.value - s.exact) < unit + 1e-9) out.holds = true;
    if (Math.abs(percent.value - s.rounded) < unit / 2) out.rounded = true;
    if (Math.abs(percent.value - s.truncated) < unit / 2) out.truncated = true;
  }
  return out;
}

/** The total of each part of the statement's breakdowns ("57条：其中概况信息2条…" → 2 ↦ 57). */
function breakdownTotals(report: Report, st: Statement): Map<Count, Count> {
  const totals = new Map<Count, Count>();
  for (const b of breakdownsOf(report, st)) if (!b.channel) for (const p of b.parts) totals.set(p.count, b.total);
  return totals;
}

function claimsOf(ctx: RuleContext, st: Statement, fromTable: Base[]): Claim[] {
  const { norm } = ctx.report;
  const claims: Claim[] = [];
  if (st.end - st.start > MAX_STATEMENT) return claims; // pasted debris, not a sentence
  const scoped = SENTENCE_SCOPE.test(norm.slice(st.start, st.end));
  const totalOf = breakdownTotals(ctx.report, st);
  const textTotal = ctx.locale === 'en' ? 'the total stated in the text' : '正文所述总数';
  st.counts.forEach((percent, i) => {
    if (percent.unit !== '%' || percent.approximate || i === 0) return;
    const count = st.counts[i - 1];
    if (count.unit === '%' || count.approximate) return;
    if (!SHARE.test(compactKey(norm, count.end, percent.start).key)) return;
    const prefix = prefixOf(norm, st.start, count, st.counts[i - 2]);
    const phraseStart = prefix.offsets[prefix.key.startsWith('其中') ? 2 : 0] ?? count.start;
    const ofT3 = COUNT_UNITS.test(count.unit) && T3_WORDS.test(prefix.key) && !NOT_T3.test(prefix.key);
    if (!ofT3) {
      // A part of a breakdown: a share of the breakdown's total.
      const total = totalOf.get(count);
      if (!total || total.value <= 0) return;
      const bases = [{ value: total.value, label: textTotal, span: total.span }];
      claims.push({ count, percent, phraseStart, bases, ...compare(percent, count.value, bases), statedBase: true, ofBreakdown: total });
      return;
    }
    // The total the text itself states before the count ("共收到申请130件，其中…").
    let stated: Base | null = null;
    for (let j = i - 2; j >= Math.max(0, i - 12) && !stated; j--) {
      const c = st.counts[j];
      if (!COUNT_UNITS.test(c.unit) || c.approximate) continue;
      if (STATED_TOTAL.test(prefixOf(norm, st.start, c, st.counts[j - 1]).key) && c.value >= count.value) {
        stated = { value: c.value, label: textTotal, span: c.span };
      }
    }
    // A whole city's figures may not be the table's: only the text's own total is a base then.
    const bases = [...(stated ? [stated] : []), ...(scoped ? [] : fromTable)];
    const usable = bases.filter((b) => b.value > 0 && b.value >= count.value);
    if (usable.length === 0) return;
    claims.push({ count, percent, phraseStart, bases: usable, ...compare(percent, count.value, usable), statedBase: !!stated && usable.includes(stated), ofBreakdown: null });
  });
  return claims;
}

/** Why a claim is wrong ('wrong', 'truncated'), or null when it holds. */
function verdict(c: Claim, claims: Claim[], rounds: boolean): 'wrong' | 'truncated' | null {
  // A lone share of a breakdown may be of something else: its base is the total only when another
  // share of the same breakdown agrees with it.
  if (c.ofBreakdown && !claims.some((o) => o !== c && o.ofBreakdown === c.ofBreakdown && (o.rounded || o.truncated))) return null;
  if (!c.holds) return 'wrong';
  if (rounds && c.truncated && !c.rounded) return 'truncated';
  return null;
}

function check(ctx: RuleContext): void {
  const { report } = ctx;
  const fromTable = tableBases(report, ctx.locale);
  for (const st of statementsOf(report)) {
    // A claim is a count and its percentage after it: two counts (most statements have fewer).
    if (st.counts.length < 2) continue;
    const claims = claimsOf(ctx, st, fromTable);
    // Several shares that all miss every total, with no total stated next to them: they are
    // shares of something else.
    if (claims.length >= 2 && claims.every((c) => !c.holds && !c.statedBase)) continue;
    // The statement rounds when one of its shares is rounded and could not be truncated.
    const rounds = claims.some((c) => c.rounded && !c.truncated);
    for (const c of claims) {
      const why = verdict(c, claims, rounds);
      if (!why) continue;
      const base = c.bases[0];
      const s = shares(c.count.value, base.value, Math.max(1, c.percent.decimals));
      const phraseSpan = { start: c.phraseStart, end: c.percent.end };
      ctx.add({
        start: c.percent.span.start,
        end: c.percent.end,
        messageId: why,
        args: {
          phrase: report.text.slice(phraseSpan.start, phraseSpan.end).replace(/\*\*/g, '').replace(/\s+/g, ''),
          count: c.count.value,
          base: base.value,
          baseLabel: base.label,
          actual: s.rounded.toFixed(Math.max(1, c.percent.decimals)),
          exact: s.exact.toFixed(Math.max(1, c.percent.decimals) + 2),
        },
        related: base.span ? [{ ...base.span, message: `${base.label}：${base.value}` }] : [],
      });
    }
  }
}

const rule = defineRule({
  id: 'percentage',
  category: 'text',
  description: {
    'zh-cn': '正文中的百分比与其数量和总数相符',
    en: 'A percentage in the text matches its count and total',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages,
  check,
});

export default rule;
