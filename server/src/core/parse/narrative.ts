// The narrative of a report: its text outside the tables, cut into sentences that know which
// section they are in. Shared by the rules that read prose (years, figures, breakdowns, percentages).
import type { Report, SectionKey } from '../model';
import type { Span } from '../types';

export interface Sentence extends Span {
  /** Normalized text of the sentence (same offsets as the source). */
  text: string;
  /** Index into report.sections, or -1 before the first heading (title, preamble). */
  sectionIndex: number;
  sectionKey: SectionKey | null;
  /** Whether the sentence is a section heading line. */
  heading: boolean;
}

function isBreak(c: number): boolean {
  // 。！？!?；;\n\r (normalized text: full-width ！？； are already half-width)
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a || c === 0x0d || c === 0xff01 || c === 0xff1f || c === 0xff1b;
}

// Several rules read the sentences of the same report: split once.
const cache = new WeakMap<Report, Sentence[]>();

/** Sentences outside tables, in order. Headings are their own sentences. */
export function sentencesOf(report: Report): Sentence[] {
  let cached = cache.get(report);
  if (!cached) cache.set(report, (cached = split(report)));
  return cached;
}

function split(report: Report): Sentence[] {
  const out: Sentence[] = [];
  const { norm } = report;
  const tables = [...report.tableSpans].sort((a, b) => a.start - b.start);
  const headings = report.sections.map((s) => s.heading.span);
  let sectionIndex = -1;
  let start = 0;
  let t = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(norm[s])) s++;
    while (e > s && /\s/.test(norm[e - 1])) e--;
    if (e <= s) return;
    while (sectionIndex + 1 < report.sections.length && report.sections[sectionIndex + 1].span.start <= s) sectionIndex++;
    const section = report.sections[sectionIndex];
    out.push({
      start: s,
      end: e,
      text: norm.slice(s, e),
      sectionIndex,
      sectionKey: section?.key ?? null,
      heading: headings.some((h) => h.start <= s && e <= h.end),
    });
  };
  for (let i = 0; i <= norm.length; i++) {
    if (t < tables.length && i === tables[t].start) {
      push(start, i);
      i = tables[t].end;
      start = i;
      t++;
      while (t < tables.length && tables[t].start < i) t++;
      continue;
    }
    if (i === norm.length || isBreak(norm.charCodeAt(i))) {
      push(start, i === norm.length ? i : i + 1);
      start = i + 1;
    }
  }
  return out;
}
