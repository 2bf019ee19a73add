// Fix-all as a list of edits the editor can apply, chosen by the engine's rules (core/fix.ts):
// certain fixes only, in diagnostic order, a fix skipped when any of its edits overlaps one already
// taken, the same edit offered twice applied once. The result is checked against the engine's own applyFixes;
// should the two ever disagree, the whole document is replaced by the engine's text instead.
import { applyEdits, applyFixes, batchFixable, type Diagnostic, type TextEdit } from '../core/index';

const sameEdit = (a: TextEdit, b: TextEdit) => a.start === b.start && a.end === b.end && a.newText === b.newText;

/** The findings whose fixes fix-all applies: each fix that overlaps none taken before it, as core/fix.ts chooses. */
export function chosenFixes(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const taken: TextEdit[] = [];
  const chosen: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!d.fix || !batchFixable(d)) continue;
    const fits = d.fix.edits.every((e) => taken.every((t) => sameEdit(t, e) || e.end <= t.start || e.start >= t.end));
    if (!fits) continue;
    taken.push(...d.fix.edits);
    chosen.push(d);
  }
  return chosen;
}

/** How many findings of each rule fix-all fixes, most first (what "修复全部" tells the user). */
export function fixedByRule(diagnostics: readonly Diagnostic[]): { rule: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of chosenFixes(diagnostics)) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return [...counts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count);
}

/** The non-overlapping edits of all fixes, sorted, each once, chosen as core/fix.ts chooses them. */
export function selectFixEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken = chosenFixes(diagnostics).flatMap((d) => d.fix!.edits);
  const sorted = taken.sort((a, b) => a.start - b.start || a.end - b.end);
  const edits: TextEdit[] = [];
  let cursor = 0;
  for (const e of sorted) {
    const last = edits[edits.length - 1];
    if (last && sameEdit(last, e)) continue;
    if (e.start < cursor) continue;
    edits.push(e);
    cursor = e.end;
  }
  return edits;
}

/** selectFixEdits, verified against the engine's applyFixes (whole-text replacement if they differ). */
export function fixAllEdits(text: string, diagnostics: readonly Diagnostic[]): TextEdit[] {
  const edits = selectFixEdits(diagnostics);
  const expected = applyFixes(text, diagnostics);
  if (applyEdits(text, edits) === expected) return edits;
  return [{ start: 0, end: text.length, newText: expected }];
}
