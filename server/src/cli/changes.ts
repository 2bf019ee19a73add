// What `--fix` changed, edit by edit, for the lines it prints (`file:61  7 → 12  将 行政复议 · 总计 改为 12`).
// The engine's applyFixes decides which of the offered fixes a batch applies (only those it is sure
// of; of two overlapping ones, the first) and returns only the new text; which offered edits made
// that text is read back here from the two texts, in one pass over them.
import type { Diagnostic, LineIndex, TextEdit } from '../core';

export interface FixChange {
  /** 1-based, in the text the edit was applied to. */
  line: number;
  column: number;
  before: string;
  after: string;
  /** The fix's title, which names the cell as the report labels it. */
  title: string;
}

type Candidate = TextEdit & { title: string };

/** Every edit offered, by position; an edit offered by two findings once. */
function candidatesOf(diagnostics: readonly Diagnostic[]): Candidate[] {
  const all: Candidate[] = [];
  for (const d of diagnostics) for (const e of d.fix?.edits ?? []) all.push({ ...e, title: d.fix!.title });
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  const unique: Candidate[] = [];
  for (const c of all) {
    const last = unique[unique.length - 1];
    if (!last || last.start !== c.start || last.end !== c.end || last.newText !== c.newText) unique.push(c);
  }
  return unique;
}

function sameText(a: string, aFrom: number, b: string, bFrom: number, length: number): boolean {
  return a.slice(aFrom, aFrom + length) === b.slice(bFrom, bFrom + length);
}

/**
 * The offered edits that turn `before` into `after`, walking both texts once: up to each edit the
 * texts agree; there `after` holds either the edit's new text followed by what follows the edit in
 * `before` (applied) or the old text (not applied). Null when the offered edits cannot explain the
 * difference (an engine that changed text no finding offered to change).
 */
export function appliedEdits(before: string, after: string, diagnostics: readonly Diagnostic[]): Candidate[] | null {
  const candidates = candidatesOf(diagnostics);
  const applied: Candidate[] = [];
  let i = 0; // in before: everything before i is accounted for
  let j = 0; // the same point in after
  for (let k = 0; k < candidates.length; k++) {
    const e = candidates[k];
    if (e.start < i) continue; // overlaps an edit applied before it
    if (!sameText(after, j, before, i, e.start - i)) return null;
    j += e.start - i;
    i = e.start;
    if (e.newText === before.slice(e.start, e.end) || !after.startsWith(e.newText, j)) continue;
    // Applied only if what follows agrees too, up to the next edit that could apply.
    let next = k + 1;
    while (next < candidates.length && candidates[next].start < e.end) next++;
    const until = next < candidates.length ? candidates[next].start : before.length;
    if (!sameText(after, j + e.newText.length, before, e.end, until - e.end)) continue;
    applied.push(e);
    i = e.end;
    j += e.newText.length;
  }
  if (after.length - j !== before.length - i || !sameText(after, j, before, i, before.length - i)) return null;
  return applied;
}

/** The changes between two texts, for printing: the applied edits, or else the one changed stretch. */
export function changesOf(before: string, after: string, diagnostics: readonly Diagnostic[], lines: LineIndex): FixChange[] {
  const at = (offset: number) => {
    const p = lines.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const edits = appliedEdits(before, after, diagnostics);
  if (edits) return edits.map((e) => ({ ...at(e.start), before: before.slice(e.start, e.end), after: e.newText, title: e.title }));
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return [{ ...at(prefix), before: before.slice(prefix, before.length - suffix), after: after.slice(prefix, after.length - suffix), title: '' }];
}
