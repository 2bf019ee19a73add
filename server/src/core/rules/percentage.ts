// "予以公开15件，占14.6%": a share of the requests matches its count and the total it is a share
// of. Checked only when the count and the percentage are in one clause and the count names a 表三
// category; the total may be the one the text itself states ("共收到申请130件"), 表三 （七）总计,
// 一、本年新收 总计, or 新收 + 上年结转. Rounding and truncation to the stated decimals are both
// accepted. A percentage with no count next to it ("两化建设率达87.5%") is never checked, and when
// several shares in one statement all miss every total, their base is something else: not flagged.
import type { Report, TableRow } from '../model';
import type { Span } from '../types';
import { T3_TOTAL_COLUMN } from '../format/editions';
import { compactKey } from '../text/normalize';
import type { Count } from '../parse/counts';
import { SENTENCE_SCOPE } from '../parse/figures';
import { MAX_STATEMENT, prefixOf, statementsOf, type Statement } from '../parse/statements';
import { shortRowLabel } from '../parse/labels';
import type { Rule, RuleContext } from './rule';

const messages = {
  wrong: {
    'zh-cn': '正文称“{phrase}”，但 {count} ÷ {base}（{baseLabel}）= {actual}%',
    en: 'The text says "{phrase}", but {count} ÷ {base} ({baseLabel}) = {actual}%',
  },
};

const COUNT_UNITS = /^(件|件次|份|个|宗)$/;
/** Between the count and the percentage: "，占", "、占比", "，占总数的" … */
const SHARE = /^[,、]?(?:占|所占)(?:比|比例|比重)?(?:总数|总量|全部|总件数|申请总数|申请总量|全部申请|申请量|总申请量|申请总件数|申请数|总申请数|办结总数|办结总量|办结量|受理总数|答复总数|办理总数|收到申请总数|全年)?(?:的)?(?:比例|比重)?(?:为|达|是)?$/;
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
  holds: boolean;
  /** The statement itself says what the total is. */
  statedBase: boolean;
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

function within(percent: Count, count: number, base: number): boolean {
  if (base <= 0) return false;
  const actual = (100 * count) / base;
  // Rounded or truncated to the stated decimals: off by less than one unit of the last digit.
  return Math.abs(percent.value - actual) < 10 ** -percent.decimals + 1e-9;
}

function claimsOf(ctx: RuleContext, st: Statement, fromTable: Base[]): Claim[] {
  const { norm } = ctx.report;
  const claims: Claim[] = [];
  if (st.end - st.start > MAX_STATEMENT) return claims; // pasted debris, not a sentence
  const scoped = SENTENCE_SCOPE.test(norm.slice(st.start, st.end));
  st.counts.forEach((percent, i) => {
    if (percent.unit !== '%' || percent.approximate || i === 0) return;
    const count = st.counts[i - 1];
    if (!COUNT_UNITS.test(count.unit) || count.approximate) return;
    if (!SHARE.test(compactKey(norm, count.end, percent.start).key)) return;
    const prefix = prefixOf(norm, st.start, count, st.counts[i - 2]);
    if (!T3_WORDS.test(prefix.key) || NOT_T3.test(prefix.key)) return;
    // The total the text itself states before the count ("共收到申请130件，其中…").
    let stated: Base | null = null;
    for (let j = i - 2; j >= Math.max(0, i - 12) && !stated; j--) {
      const c = st.counts[j];
      if (!COUNT_UNITS.test(c.unit) || c.approximate) continue;
      if (STATED_TOTAL.test(prefixOf(norm, st.start, c, st.counts[j - 1]).key) && c.value >= count.value) {
        stated = { value: c.value, label: ctx.locale === 'en' ? 'the total stated in the text' : '正文所述总数', span: c.span };
      }
    }
    // A whole city's figures may not be the table's: only the text's own total is a base then.
    const bases = [...(stated ? [stated] : []), ...(scoped ? [] : fromTable)];
    const usable = bases.filter((b) => b.value > 0 && b.value >= count.value);
    if (usable.length === 0) return;
    claims.push({
      count,
      percent,
      phraseStart: prefix.offsets[prefix.key.startsWith('其中') ? 2 : 0] ?? count.start,
      bases: usable,
      statedBase: !!stated && usable.includes(stated),
      holds: usable.some((b) => within(percent, count.value, b.value)),
    });
  });
  return claims;
}

function check(ctx: RuleContext): void {
  const { report } = ctx;
  const fromTable = tableBases(report, ctx.locale);
  // Indexed, not for…of: see statementsOf.
  const statements = statementsOf(report);
  for (let i = 0; i < statements.length; i++) {
    const st = statements[i];
    // A claim is a count and its percentage after it: two counts (most statements have fewer).
    if (st.counts.length < 2) continue;
    const claims = claimsOf(ctx, st, fromTable);
    // Several shares that all miss every total, with no total stated next to them: they are
    // shares of something else.
    if (claims.length >= 2 && claims.every((c) => !c.holds && !c.statedBase)) continue;
    for (const c of claims) {
      if (c.holds) continue;
      const base = c.bases[0];
      const actual = (100 * c.count.value) / base.value;
      const phraseSpan = { start: c.phraseStart, end: c.percent.end };
      ctx.add({
        start: c.percent.span.start,
        end: c.percent.end,
        messageId: 'wrong',
        args: {
          phrase: report.text.slice(phraseSpan.start, phraseSpan.end).replace(/\*\*/g, '').replace(/\s+/g, ''),
          count: c.count.value,
          base: base.value,
          baseLabel: base.label,
          actual: actual.toFixed(Math.max(1, c.percent.decimals)),
        },
        related: base.span ? [{ ...base.span, message: `${base.label}：${base.value}` }] : [],
      });
    }
  }
}

const rule: Rule = {
  id: 'percentage',
  description: {
    'zh-cn': '正文中的百分比与其数量和总数相符',
    en: 'A percentage in the text matches its count and total',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages,
  check,
};

export default rule;
