// Turning failed relations (arith/relations.ts) into findings: shared by the four sum rules so they
// word, place and fix their findings the same way.
import type { Relation, SumRule } from '../arith/relations';
import type { Bilingual, RuleContext } from './rule';

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** "自然人 102 + 商业企业 1" — the non-zero parts, as the report labels them. */
export function partsText(r: Relation, locale: 'zh-cn' | 'en'): string {
  const nonZero = r.parts.filter((p) => p.value !== 0);
  if (nonZero.length === 0) return locale === 'en' ? 'every part is 0' : '各项均为 0';
  // Labels are "row · column"; drop the half that every part shares.
  const halves = r.parts.map((p) => p.label.split(' · '));
  const sameRow = halves.every((h) => h.length === 2 && h[0] === halves[0][0]);
  const sameColumn = halves.every((h) => h.length === 2 && h[1] === halves[0][1]);
  const name = (label: string) => {
    const h = label.split(' · ');
    return h.length !== 2 ? label : sameRow ? h[1] : sameColumn ? h[0] : label;
  };
  const shown = nonZero.slice(0, 4).map((p, i) => `${i === 0 ? (p.sign < 0 ? '− ' : '') : p.sign < 0 ? ' − ' : ' + '}${name(p.label)} ${fmt(p.value)}`);
  return shown.join('') + (nonZero.length > 4 ? (locale === 'en' ? ' + …' : ' + …') : '');
}

export const SUM_MESSAGES = {
  wrong: {
    'zh-cn': '{label} 应为 {expected}（{parts}），实为 {actual}',
    en: '{label} should be {expected} ({parts}), but is {actual}',
  },
  wrongCell: {
    'zh-cn': '{label} 应为 {expected}（{parts}），实为 {actual}；{cell} 填写有误：改为 {fixed} 后各项合计都成立',
    en: '{label} should be {expected} ({parts}), but is {actual}; {cell} looks wrong: with {fixed} every sum holds',
  },
} satisfies Record<string, Bilingual>;

export const FIX_TITLES = {
  total: { 'zh-cn': '将 {label} 改为 {expected}', en: 'Change {label} to {expected}' },
  cell: { 'zh-cn': '将 {cell} 改为 {fixed}', en: 'Change {cell} to {fixed}' },
} satisfies Record<string, Bilingual>;

/**
 * Reports every failing relation of `rule`. On a culprit cell the finding sits on that cell and
 * its fix sets it; otherwise the finding sits on the stated total (or `wide` span, for 表四 whose
 * single-cell errors cannot be located) and the fix writes the computed total.
 */
export function reportRelations(
  ctx: RuleContext,
  rule: SumRule,
  options: { wide?: boolean; fixTotal?: boolean } = {},
): void {
  const relations = ctx.arithmetic().relations;
  // Writing the computed total is safe only when that cell is in no other sum that holds now.
  const inHoldingSum = (cell: { start: number }, except: Relation) =>
    relations.some(
      (o) =>
        o !== except &&
        o.complete &&
        o.holds &&
        (o.total?.span.start === cell.start || o.parts.some((p) => p.span.start === cell.start)),
    );
  for (const r of relations) {
    if (r.rule !== rule || r.holds || !r.complete || r.implied) continue;
    const actual = r.total ? r.total.value : 0;
    const args = {
      label: r.label,
      column: r.column ?? '',
      expected: fmt(r.expected),
      actual: fmt(actual),
      parts: partsText(r, ctx.locale),
      cell: r.culprit?.label ?? '',
      fixed: r.culprit ? fmt(r.culprit.expected) : '',
      lhs: fmt(r.parts.filter((p) => p.sign > 0).reduce((s, p) => s + p.value, 0)),
      rhs: fmt(r.parts.filter((p) => p.sign < 0).reduce((s, p) => s + p.value, 0) + actual),
    };
    const related = r.parts.map((p) => ({ start: p.span.start, end: p.span.end, message: `${p.label}：${fmt(p.value)}` }));
    if (r.culprit) {
      // When the wrong cell is this relation's own total, the plain message says it all.
      const own = r.total !== null && r.total.span.start === r.culprit.span.start;
      ctx.add({
        ...r.culprit.span,
        messageId: own ? 'wrong' : 'wrongCell',
        args,
        fix: { title: FIX_TITLES.cell, edits: [{ ...r.culprit.span, newText: fmt(r.culprit.expected) }], preferred: true },
        related,
      });
      continue;
    }
    const at = options.wide || !r.total ? r.span : r.total.span;
    ctx.add({
      ...at,
      messageId: 'wrong',
      args,
      fix: options.fixTotal !== false && r.total && Number.isInteger(r.expected) && r.expected >= 0 && !inHoldingSum(r.total.span, r)
        ? { title: FIX_TITLES.total, edits: [{ ...r.total.span, newText: fmt(r.expected) }], preferred: false }
        : null,
      related,
    });
  }
}
