// The narrative of a report: its text outside the tables, cut into sentences that know which
// section they are in. Shared by the rules that read prose (years, figures, breakdowns, percentages).
import type { Report, SectionKey } from '../model';
import type { Span } from '../types';
import type { Count } from './counts';
import { isSpace } from '../text/chars';
import { Attached } from './attached';
import { nextOf } from '../text/next';
import { copyList, mapList } from './lists';

/** One sentence as an object, made on demand for what a reader keeps (a year mention, a figure). */
export interface Sentence extends Span {
  /** Normalized text of the sentence (same offsets as the source). */
  text: string;
  /** Index into report.sections, or -1 before the first heading (title, preamble). */
  sectionIndex: number;
  sectionKey: SectionKey | null;
  /** Whether the sentence is a section heading line. */
  heading: boolean;
}

/** Fields of a sentence in `Sentences.columns`. */
const START = 0;
const END = 1;
const SECTION = 2;
const HEADING = 3;
const STRIDE = 4;

/**
 * The sentences of a report, in order, kept as columns of numbers rather than as objects: a long
 * document has a hundred thousand sentences, and as objects they were most of what a check keeps
 * alive while it runs, each copied twice by the young-generation collector, which made a 5 MB
 * document cost more per byte than a 500 KB one. Readers loop by index and take the text of the
 * sentences they read (a slice that dies young) or `at(i)` for one they keep.
 */
export class Sentences {
  /** Counts of each sentence once read (statements.ts countsOfSentence: read once, shared by every reader). */
  readonly counts: (Count[] | undefined)[];

  constructor(
    private readonly report: Pick<Report, 'norm' | 'sections'>,
    private readonly columns: Int32Array,
    readonly length: number,
  ) {
    this.counts = new Array(length);
  }

  start(i: number): number {
    return this.columns[i * STRIDE + START];
  }

  end(i: number): number {
    return this.columns[i * STRIDE + END];
  }

  text(i: number): string {
    return this.report.norm.slice(this.columns[i * STRIDE + START], this.columns[i * STRIDE + END]);
  }

  sectionIndex(i: number): number {
    return this.columns[i * STRIDE + SECTION];
  }

  sectionKey(i: number): SectionKey | null {
    return this.report.sections[this.columns[i * STRIDE + SECTION]]?.key ?? null;
  }

  isHeading(i: number): boolean {
    return this.columns[i * STRIDE + HEADING] === 1;
  }

  /**
   * Indices of the sentences that contain `word`, in order: one forward search for the word over the
   * whole text, so that a reader that needs it reads (and slices) only those sentences.
   */
  holding(word: string): number[] {
    const out: number[] = [];
    const next = nextOf(this.report.norm, word);
    for (let i = 0; i < this.length; i++) {
      const at = next(this.start(i));
      if (at < 0) break;
      if (at + word.length <= this.end(i)) out.push(i);
    }
    return out;
  }

  at(i: number): Sentence {
    return { start: this.start(i), end: this.end(i), text: this.text(i), sectionIndex: this.sectionIndex(i), sectionKey: this.sectionKey(i), heading: this.isHeading(i) };
  }
}

// 。！？!?；;\n\r (normalized text: full-width ！？； are already half-width)
const BREAK = /[\u3002!?;\n\r\uff01\uff1f\uff1b]/g;

// Several rules read the sentences of the same report: split once.
const SENTENCES = new Attached<Report, Sentences>('sentences');

/** Sentences outside tables, in order. Headings are their own sentences. */
export function sentencesOf(report: Report): Sentences {
  return SENTENCES.of(report, split);
}

function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const h of spans) if (h.start <= start && end <= h.end) return true;
  return false;
}

function split(report: Report): Sentences {
  const { norm } = report;
  // About one sentence per 25 characters in real prose; doubled when that was too few.
  let columns = new Int32Array(STRIDE * Math.max(64, norm.length >> 4));
  let count = 0;
  const tables = copyList(report.tableSpans).sort((a, b) => a.start - b.start);
  const headings = mapList(report.sections, (s) => s.heading.span);
  let sectionIndex = -1;
  let start = 0;
  let t = 0;
  const push = (s: number, e: number) => {
    while (s < e && isSpace(norm.charCodeAt(s))) s++;
    while (e > s && isSpace(norm.charCodeAt(e - 1))) e--;
    if (e <= s) return;
    while (sectionIndex + 1 < report.sections.length && report.sections[sectionIndex + 1].span.start <= s) sectionIndex++;
    if ((count + 1) * STRIDE > columns.length) {
      const grown = new Int32Array(columns.length * 2);
      grown.set(columns);
      columns = grown;
    }
    const at = count++ * STRIDE;
    columns[at + START] = s;
    columns[at + END] = e;
    columns[at + SECTION] = sectionIndex;
    columns[at + HEADING] = insideAny(headings, s, e) ? 1 : 0;
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
  return new Sentences(report, columns, count);
}
