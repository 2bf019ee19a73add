// Beside a total that does not add up, the sum it should be (" = 103"); with `always`, beside every
// total. Relations with blank cells are not judged, so they only show under `always`, marked "?".
import { MarkupKind, type InlayHint, type Range } from 'vscode-languageserver/node';
import { amountText } from '../core/index';
import type { Analysis } from './analysis';
import { describeRelation } from './hover';
import { t } from './messages';

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);

export function inlayHints(analysis: Analysis, range: Range): InlayHint[] {
  const mode = analysis.settings.inlayHints;
  const result = analysis.result;
  if (mode === 'off' || !result) return [];
  // One hint per total cell and value: a cell can be the total of two relations (row and column).
  const byCell = new Map<string, InlayHint>();
  for (const relation of analysis.arithmetic().relations) {
    if (!relation.total) continue;
    if (mode === 'mismatch' && (!relation.complete || relation.holds)) continue;
    const position = result.lines.positionAt(relation.total.span.end);
    if (before(position, range.start) || before(range.end, position)) continue;
    const expected = amountText(relation.expected);
    const label = relation.complete ? `= ${expected}` : `= ${expected}?`;
    const key = `${relation.total.span.start}:${label}`;
    const tooltip = describeRelation(relation, analysis.locale) + (relation.complete ? '' : `\n\n${t(analysis.locale, 'incompleteHint')}`);
    const existing = byCell.get(key);
    if (existing) {
      const previous = existing.tooltip as { kind: typeof MarkupKind.Markdown; value: string };
      existing.tooltip = { kind: MarkupKind.Markdown, value: `${previous.value}\n\n---\n\n${tooltip}` };
      continue;
    }
    byCell.set(key, { position, label, paddingLeft: true, tooltip: { kind: MarkupKind.Markdown, value: tooltip } });
  }
  return [...byCell.values()];
}
