// Turning failed relations (arith/relations.ts) into findings: shared by the four sum rules so they
// word, place and fix their findings the same way.
//
// One cause, one finding: a culprit cell (arith/explain.ts) is one finding on that cell, under one
// of the rules whose sums it breaks (reportingRule), with each sum it breaks as related information
// and the one fix batch fixing may apply. A failure without a culprit is a finding on its stated
// total (or on the whole group, for 表四), with each cell that could repair it as a candidate fix,
// offered one by one in the editor and never applied in batch: the sums cannot tell which is wrong.
import type { Cause, CellChange, Relation, SumRule } from '../arith/relations';
import { add, amountText, isZero, type Amount } from '../arith/amount';
import type { Locale } from '../types';
import type { Bilingual, FindingFix, RuleContext } from './rule';
import { fillTemplate } from '../text/fill';

/** How many parts a message names; its related information points at the same cells. */
const NAMED_PARTS = 4;

type RelatedCell = { start: number; end: number; message: string };

/**
 * "自然人 102 + 商业企业 1" — the first non-zero parts, named as the report labels them — and, into
 * `related`, each part it names with its value ("商业企业：1"): one pass, since on a badly broken
 * table this runs for some forty sums per report.
 */
function describeParts(r: Relation, locale: Locale, related: RelatedCell[] | null): string {
  let shown = '';
  let named = 0;
  for (const p of r.parts) {
    if (isZero(p.value)) continue;
    if (named === NAMED_PARTS) return shown + ' + …';
    const value = amountText(p.value);
    shown += (named === 0 ? (p.sign < 0 ? '− ' : '') : p.sign < 0 ? ' − ' : ' + ') + p.name + ' ' + value;
    if (related) related.push({ start: p.span.start, end: p.span.end, message: `${p.name}：${value}` });
    named++;
  }
  return named === 0 ? (locale === 'en' ? 'every part is 0' : '各项均为 0') : shown;
}

export const SUM_MESSAGES = {
  wrong: {
    'zh-cn': '{label} 应为 {expected}（{parts}），实为 {actual}',
    en: '{label} should be {expected} ({parts}), but is {actual}',
  },
  cause: {
    'zh-cn': '{cell} 应为 {fixed}，实为 {actual}：{sums}因此不成立，改为 {fixed} 后都成立',
    en: '{cell} should be {fixed}, but is {actual}: {sums} fail because of it and hold with {fixed}',
  },
} satisfies Record<string, Bilingual>;

/** The balance words its failures by the 勾稽关系 printed in the table's header. */
export const BALANCE_MESSAGES = {
  wrong: {
    'zh-cn': '勾稽关系不成立（{column}列）：一 + 二 = {lhs}，而（七）总计 + 四 = {rhs}',
    en: 'The balance does not hold (column {column}): 一 + 二 = {lhs}, but （七）总计 + 四 = {rhs}',
  },
  cause: SUM_MESSAGES.cause,
} satisfies Record<string, Bilingual>;

/** How a sum is named in a list of the sums one cell breaks. */
const SUM_NAMES: Record<'total' | 'balance' | 'and', Bilingual> = {
  total: { 'zh-cn': '“{label}”的合计', en: 'the sum of “{label}”' },
  balance: { 'zh-cn': '{column}列的勾稽关系', en: 'the balance of column {column}' },
  and: { 'zh-cn': '与', en: ' and ' },
};

export const FIX_TITLES = {
  cell: { 'zh-cn': '将 {cell} 改为 {fixed}', en: 'Change {cell} to {fixed}' },
} satisfies Record<string, Bilingual>;

function fill(template: Bilingual, locale: Locale, args: Record<string, string>): string {
  return fillTemplate(template[locale], args);
}

/** The arguments of a relation's own message (`wrong` of its rule: the balance words it by its two sides). */
function relationArgs(r: Relation, locale: Locale, related: RelatedCell[] | null = null): Record<string, string> {
  const actual: Amount = r.total ? r.total.value : 0;
  if (r.rule !== 'balance') {
    return { label: r.label, expected: amountText(r.expected), actual: amountText(actual), parts: describeParts(r, locale, related) };
  }
  if (related) describeParts(r, locale, related);
  let lhs: Amount = 0;
  let rhs: Amount = actual;
  for (const p of r.parts) {
    if (p.sign > 0) lhs = add(lhs, p.value);
    else rhs = add(rhs, p.value);
  }
  return { column: r.column ?? '', lhs: amountText(lhs), rhs: amountText(rhs) };
}

function relationMessage(r: Relation, locale: Locale): string {
  return fill(r.rule === 'balance' ? BALANCE_MESSAGES.wrong : SUM_MESSAGES.wrong, locale, relationArgs(r, locale));
}

function changeFix(change: CellChange, locale: Locale, certain: boolean): FindingFix {
  const fixed = amountText(change.expected);
  return {
    title: fill(FIX_TITLES.cell, locale, { cell: change.label, fixed }),
    edits: [{ start: change.span.start, end: change.span.end, newText: fixed }],
    preferred: certain,
    certain,
  };
}

/** The order in which the rules of a culprit's sums are preferred for reporting it. */
const PREFERENCE: SumRule[] = ['row-total', 'column-total', 'balance', 'appeal-total'];

/**
 * The one rule that reports a culprit: the rule of a sum whose total the culprit is (a wrong total
 * is that sum's finding), else of any sum it breaks, in PREFERENCE order, among the rules that run.
 */
function reportingRule(ctx: RuleContext, cause: Cause): SumRule | null {
  for (const asTotal of [true, false]) {
    for (const rule of PREFERENCE) {
      if (!ctx.isEnabled(rule)) continue;
      if (cause.relations.some((r) => r.rule === rule && (!asTotal || r.total?.span.start === cause.span.start))) return rule;
    }
  }
  return null;
}

/** One finding for a culprit cell, whichever of its sums' rules reports it. */
function reportCause(ctx: RuleContext, rule: SumRule, cause: Cause): void {
  if (reportingRule(ctx, cause) !== rule) return;
  const locale = ctx.locale;
  const sums = cause.relations
    .map((r) => fill(r.rule === 'balance' ? SUM_NAMES.balance : SUM_NAMES.total, locale, { label: r.label, column: r.column ?? '' }))
    .join(SUM_NAMES.and[locale]);
  ctx.add({
    start: cause.span.start,
    end: cause.span.end,
    messageId: 'cause',
    args: { cell: cause.label, fixed: amountText(cause.expected), actual: amountText(cause.value), sums },
    fix: changeFix(cause, locale, true),
    related: cause.relations.map((r) => {
      const at = r.total ?? r;
      return { start: at.span.start, end: at.span.end, message: relationMessage(r, locale) };
    }),
  });
}

/**
 * Reports every failing relation of `rule`: its culprit's finding (once for all the sums the
 * culprit breaks), or a finding on its stated total — on the whole group with `wide` (表四, where
 * the total is one cell among the group's) — with the repairing cells as candidate fixes.
 */
export function reportRelations(ctx: RuleContext, rule: SumRule, options: { wide?: boolean } = {}): void {
  const arithmetic = ctx.arithmetic();
  const locale = ctx.locale;
  for (const r of arithmetic.relations) {
    if (r.rule !== rule || r.holds || !r.complete) continue;
    if (r.culprit) {
      // Each of the culprit's sums leads here; it is reported on the first of them only.
      if (r === r.culprit.relations.find((o) => o.rule === rule)) reportCause(ctx, rule, r.culprit);
      continue;
    }
    if (r.implied) continue;
    const candidates = r.candidates ?? [];
    // Related information: the cells the message names (the hover on the total lists every part).
    const related: RelatedCell[] = [];
    const args = relationArgs(r, locale, related);
    const at = options.wide || !r.total ? r.span : r.total.span;
    ctx.add({
      start: at.start,
      end: at.end,
      messageId: 'wrong',
      args,
      fix: candidates.length ? changeFix(candidates[0], locale, false) : null,
      alternatives: candidates.length > 1 ? candidates.slice(1).map((c) => changeFix(c, locale, false)) : undefined,
      related,
    });
  }
}
