// Statements and the words before a count. A statement is a run of sentences joined over "；" (a
// list often runs over several semicolons): what the breakdown and percentage rules read, a total
// and its parts, a count and its share. The words of a count's clause before it (its prefix) say
// what the count is of.
import type { Report, SectionKey } from '../model';
import type { Span } from '../types';
import { compactKey } from '../text/normalize';
import { charTable, isSpace } from '../text/chars';
import { Attached } from './attached';
import { countsIn, type Count } from './counts';
import { sentencesOf, type Sentences } from './narrative';

export interface Statement extends Span {
  sectionKey: SectionKey | null;
  counts: Count[];
}

const STATEMENTS = new Attached<Report, Statement[]>('statements');

/**
 * The counts of sentence i, read once for the figure reader and the statements. A statement's
 * counts are its sentences' counts: sentences join only over "；" and blank space, which no count spans.
 */
export function countsOfSentence(report: Report, sentences: Sentences, i: number): Count[] {
  return (sentences.counts[i] ??= countsIn(report, sentences.start(i), sentences.end(i)));
}

/**
 * The statements of a report that state two counts or more, computed once: what the breakdown and
 * percentage rules read (a total and a part, a count and its share). Most statements state fewer.
 */
export function statementsOf(report: Report): Statement[] {
  return STATEMENTS.of(report, () => buildStatements(report, sentencesOf(report)));
}

/** Longer than any real statement: pasted debris, not prose. Its counts are not read. */
export const MAX_STATEMENT = 3000;

function isSemicolon(c: number): boolean {
  return c === 0x3b || c === 0xff1b;
}

function onlySpaceOrStars(norm: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c !== 0x2a && !isSpace(c)) return false;
  }
  return true;
}

/** Sentences joined over "；" and blank space (not across a heading or a section) make a statement. */
function buildStatements(report: Report, sentences: Sentences): Statement[] {
  const { norm } = report;
  const out: Statement[] = [];
  let first = 0;
  while (first < sentences.length) {
    if (sentences.isHeading(first)) {
      first++;
      continue;
    }
    const start = sentences.start(first);
    const sectionIndex = sentences.sectionIndex(first);
    let last = first;
    for (let next = last + 1; next < sentences.length && !sentences.isHeading(next); next = last + 1) {
      const end = sentences.end(last);
      const nextStart = sentences.start(next);
      const joins = isSemicolon(norm.charCodeAt(end - 1)) && nextStart - end < 200 && onlySpaceOrStars(norm, end, nextStart) && sentences.sectionIndex(next) === sectionIndex;
      if (!joins) break;
      last++;
    }
    const end = sentences.end(last);
    if (end - start <= MAX_STATEMENT) {
      let counts = countsOfSentence(report, sentences, first);
      if (last > first) {
        counts = [...counts];
        for (let k = first + 1; k <= last; k++) counts.push(...countsOfSentence(report, sentences, k));
      }
      if (counts.length >= 2) out.push({ start, end, sectionKey: sentences.sectionKey(first), counts });
    }
    first = last + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Local context of a count: the words of its clause before it

/** Clause breaks in normalized text (、 is not one: "受理、办理…申请0件" is one phrase). */
const CLAUSE_BREAKS = charTable(',;:()。!?，；：（）\n');

/** Whether text[at] breaks a clause (tested by table: this runs for every character of a prefix). */
export function isClauseBreak(text: string, at: number): boolean {
  return CLAUSE_BREAKS[text.charCodeAt(at)] === 1;
}

export interface Prefix {
  /** Compact text (no spaces, Markdown or quotes) from the clause start (or previous count) to the count. */
  key: string;
  /** Source offset of every character of `key`. */
  offsets: number[];
  /** Start of the clause (normalized offset). */
  clauseStart: number;
}

/** How far back the words that name a count are looked for. */
export const PREFIX_REACH = 80;

/** The words that introduce `count`: back to the clause break or the previous count, whichever is nearer. */
export function prefixOf(norm: string, from: number, count: Count, previous: Count | undefined): Prefix {
  const reach = Math.max(from, count.start - PREFIX_REACH);
  let clauseStart = reach;
  for (let i = count.start - 1; i >= reach; i--) {
    if (isClauseBreak(norm, i)) {
      clauseStart = i + 1;
      break;
    }
  }
  const start = previous && previous.end > clauseStart ? previous.end : clauseStart;
  const { key, offsets } = compactKey(norm, start, count.start);
  // Leading joiners of a list ("、行政诉讼2件", "和行政诉讼").
  let skip = 0;
  while (skip < key.length && /[、和及与并且]/.test(key[skip])) skip++;
  return { key: key.slice(skip), offsets: offsets.slice(skip), clauseStart };
}
