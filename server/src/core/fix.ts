// Applying text edits: the one place the CLI, the language server's fix-all and the tests apply
// fixes, so they all agree. Overlapping edits are skipped (the first one wins), never merged.
// Batch fixing applies only certain fixes (`Fix.certain`): a candidate among others, such as which
// cell of a failing sum to change, would make the sum hold and hide the real typo.
import type { Diagnostic, TextEdit } from './types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  let lastKey = '';
  for (const e of sorted) {
    const key = `${e.start}:${e.end}:${e.newText}`;
    if (key === lastKey) continue; // the same edit offered by two findings
    if (e.start < cursor) continue; // overlaps an edit already taken
    out += text.slice(cursor, e.start) + e.newText;
    cursor = e.end;
    lastKey = key;
  }
  return out + text.slice(cursor);
}

/** Whether batch fixing may apply a finding's fix. */
export function batchFixable(d: Diagnostic): boolean {
  return !!d.fix && d.fix.certain && d.fix.edits.length > 0;
}

/** Applies every certain fix of the given diagnostics that does not overlap an earlier one. */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): string {
  const edits: TextEdit[] = [];
  const taken: TextEdit[] = [];
  for (const d of diagnostics) {
    if (!d.fix || !batchFixable(d)) continue;
    const ok = d.fix.edits.every((e) =>
      taken.every((t) => (t.start === e.start && t.end === e.end && t.newText === e.newText) || e.end <= t.start || e.start >= t.end),
    );
    if (!ok) continue;
    for (const e of d.fix.edits) {
      taken.push(e);
      edits.push(e);
    }
  }
  return applyEdits(text, edits);
}
