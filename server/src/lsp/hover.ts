// Hover on a table number: its standard name, and for a total the sum it should be, with its parts.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { Locale, Span } from '../core/index';
import { amountText, isZero, type Relation } from '../core/index';
import type { Analysis } from './analysis';
import { cellAt } from './cells';
import { toRange } from './convert';
import { t } from './messages';

const MAX_PARTS_LISTED = 8;

const sameSpan = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
const escapeMarkdown = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** Part labels without what they all share ("（一）予以公开 · 自然人", "（二）部分公开 · 自然人" → the rows). */
function distinctLabels(labels: string[]): string[] {
  const pieces = labels.map((l) => l.split(' · '));
  if (labels.length < 2 || pieces.some((p) => p.length < 2)) return labels;
  const sameLast = pieces.every((p) => p[p.length - 1] === pieces[0][pieces[0].length - 1]);
  const sameFirst = pieces.every((p) => p[0] === pieces[0][0]);
  return pieces.map((p) => (sameLast ? p.slice(0, -1) : sameFirst ? p.slice(1) : p).join(' · '));
}

/** "102（自然人）+ 1（商业企业）− 0（四、结转下年度继续办理）", zero parts folded when there are many. */
export function sumExpression(relation: Relation, locale: Locale): string {
  const labels = distinctLabels(relation.parts.map((p) => p.label));
  const parts = relation.parts.map((p, i) => ({ ...p, label: labels[i] }));
  const many = parts.length > MAX_PARTS_LISTED;
  const shown = many ? parts.filter((p) => !isZero(p.value)) : parts;
  let expression = '';
  shown.forEach((p, i) => {
    const term = `${amountText(p.value)}（${p.label}）`;
    if (i === 0) expression = p.sign < 0 ? `−${term}` : term;
    else expression += p.sign < 0 ? ` − ${term}` : ` + ${term}`;
  });
  if (many && shown.length < parts.length) {
    const rest = t(locale, 'otherZeroParts', { count: parts.length - shown.length });
    expression = expression ? `${expression}；${rest}` : rest;
  }
  return expression || '0';
}

export function describeRelation(relation: Relation, locale: Locale): string {
  const expected = amountText(relation.expected);
  const args = { label: relation.label, expected, actual: relation.total ? amountText(relation.total.value) : '—' };
  const status = !relation.complete
    ? t(locale, 'sumIncomplete', args)
    : relation.holds
      ? t(locale, 'sumHolds', args)
      : t(locale, 'sumFails', args);
  const kind = t(locale, `relation.${relation.rule}`);
  return `**${kind}** ${escapeMarkdown(status)}  \n${expected} = ${escapeMarkdown(sumExpression(relation, locale))}`;
}

export function hoverAt(analysis: Analysis, position: Position): Hover | null {
  const result = analysis.result;
  if (!result) return null;
  const info = cellAt(analysis.cells(), result.lines.offsetAt(position));
  if (!info) return null;
  const locale = analysis.locale;
  const blocks = [`**${escapeMarkdown(info.title)}**`];
  blocks.push(
    info.cell.value !== null
      ? t(locale, 'cellValue', { value: escapeMarkdown(info.cell.raw || String(info.cell.value)) })
      : t(locale, 'cellBlank', { raw: escapeMarkdown(info.cell.raw || '—') }),
  );
  const relations = analysis.arithmetic().relations;
  for (const relation of relations) {
    if (relation.total && sameSpan(relation.total.span, info.span)) blocks.push(describeRelation(relation, locale));
  }
  const partOf = relations.filter((r) => r.parts.some((p) => sameSpan(p.span, info.span))).map((r) => r.label);
  if (partOf.length > 0) blocks.push(escapeMarkdown(t(locale, 'partOf', { labels: [...new Set(partOf)].join('；') })));
  return { contents: { kind: MarkupKind.Markdown, value: blocks.join('\n\n') }, range: toRange(result.lines, info.span) };
}
