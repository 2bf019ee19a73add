// The narrative of a report: its text outside the tables, cut into sentences that know which
// section they are in. Shared by the rules that read prose (years, figures, breakdowns, percentages).
import type { Report, SectionKey } from '../model';
import type { Span } from '../types';
import type { Count } from './figures';
import { isSpace } from '../text/chars';
import { Attached } from '../attached';

export interface Sentence extends Span {
  /** Normalized text of the sentence (same offsets as the source). */
  text: string;
  /** Index into report.sections, or -1 before the first heading (title, preamble). */
  sectionIndex: number;
  sectionKey: SectionKey | null;
  /** Whether the sentence is a section heading line. */
  heading: boolean;
  /** Its counts, once read (figures.ts countsOfSentence: read once, shared by every reader). */
  counts?: Count[];
}

// 。！？!?；;\n\r (normalized text: full-width ！？； are already half-width)
const BREAK = /[\u3002!?;\n\r\uff01\uff1f\uff1b]/g;

// Several rules read the sentences of the same report: split once.
const SENTENCES = new Attached<Report, Sentence[]>('sentences');

/**
 * Sentences outside tables, in order. Headings are their own sentences. (Readers loop over them by
 * index: a for…of allocates an iterator result per step until its function is optimized, and a rule
 * runs once per check, so on a long document it reads 100,000 sentences in unoptimized code.)
 */
export function sentencesOf(report: Report): Sentence[] {
  return SENTENCES.of(report, split);
}

function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const h of spans) if (h.start <= start && end <= h.end) return true;
  return false;
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
    while (s < e && isSpace(norm.charCodeAt(s))) s++;
    while (e > s && isSpace(norm.charCodeAt(e - 1))) e--;
    if (e <= s) return;
    while (sectionIndex + 1 < report.sections.length && report.sections[sectionIndex + 1].span.start <= s) sectionIndex++;
    const section = report.sections[sectionIndex];
    out.push({
      start: s,
      end: e,
      text: norm.slice(s, e),
      sectionIndex,
      sectionKey: section?.key ?? null,
      heading: insideAny(headings, s, e),
    });
  };
  // From one break to the next (a regex scan finds them faster than a loop over every character).
  const n = norm.length;
  let i = 0;
  while (i <= n) {
    let b = n;
    if (i < n) {
      // test() rather than exec(): no match array per sentence; a break is one character, so it
      // was at lastIndex - 1.
      BREAK.lastIndex = i;
      if (BREAK.test(norm)) b = BREAK.lastIndex - 1;
    }
    if (t < tables.length && tables[t].start >= i && tables[t].start <= b) {
      // A table before the break: the text before it ends a sentence; the table is skipped.
      const { start: tableStart, end: tableEnd } = tables[t];
      push(start, tableStart);
      start = tableEnd;
      i = tableEnd + 1;
      t++;
      while (t < tables.length && tables[t].start < tableEnd) t++;
      continue;
    }
    push(start, b === n ? n : b + 1);
    start = b + 1;
    i = b + 1;
  }
  return out;
}
