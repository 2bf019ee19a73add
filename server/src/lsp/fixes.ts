// Fix-all as a list of edits the editor can apply, chosen by the engine's rules (core/fix.ts):
// certain fixes only, in diagnostic order, a fix skipped when any of its edits overlaps one already
// taken, the same edit offered twice applied once. The result is checked against the engine's own applyFixes;
// should the two ever disagree, the whole document is replaced by the engine's text instead.
import { applyEdits, applyFixes, batchFixable, type Diagnostic, type TextEdit } from '../core/index';

const sameEdit = (a: TextEdit, b: TextEdit) => a.start === b.start && a.end === b.end && a.newText === b.newText;

/** The non-overlapping edits of all fixes, sorted, each once, chosen as core/fix.ts chooses them. */
export function selectFixEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const d of diagnostics) {
    if (!d.fix || !batchFixable(d)) continue;
    const fits = d.fix.edits.every((e) => taken.every((t) => sameEdit(t, e) || e.end <= t.start || e.start >= t.end));
    if (fits) taken.push(...d.fix.edits);
  }
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
