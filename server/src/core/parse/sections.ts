// Finding the six sections (and local extra ones) by their headings. Headings are recognized by
// their titles, not by layout; numbering is read but not trusted, because a wrong number is one of
// the defects we report.
import type { Heading, NumeralStyle, Section, SectionKey, SubHeading } from '../model';
import type { Span } from '../types';
import type { LineIndex } from '../text/lines';
import { SECTIONS, parseChineseNumeral } from '../format/editions';
import { compact } from '../text/normalize';
import { StringMemo } from '../text/memo';
import { charTable, isDigit, isNoise, isSpace } from '../text/chars';
import { copyList, mapList, newList } from './lists';

interface Candidate {
  heading: Heading;
  key: SectionKey | null;
  /** Title is exactly the standard title or an accepted variant. */
  exact: boolean;
  line: number;
}

const HEADING = /^([\s#>*]*)(第)?([一二三四五六七八九十]{1,3}|\d{1,2})(部分)?(\s*[、.,:．]\s*|\s+)(.+)$/;
const SENTENCE_END = /[。；;！!？?]/;

const TITLES = new Map<SectionKey, string[]>(SECTIONS.map((s) => [s.key, [s.standard, ...s.variants].map(compact)]));

const EXACT_TITLES = new Map<string, SectionKey>([...TITLES].flatMap(([key, titles]) => titles.map((t) => [t, key] as [string, SectionKey])));

function specTitles(key: SectionKey): string[] {
  return TITLES.get(key)!;
}

/**
 * Words a heading may put before its section's title: the year, the subject, "工作", "的"
 * ("2019年政府信息公开工作的总体情况", "工作基本情况"). Read only when the whole title names no section.
 */
const TITLE_PREFIX = /^(?:(?:19|20)\d{2}年度?|本?年度)?(?:政府信息公开|政务公开|信息公开)?(?:工作)?的?/;

/** Which section a heading title names, and whether it is the exact standard wording or a variant. */
export function classifyTitle(title: string): { key: SectionKey | null; exact: boolean } {
  const t = compact(title).replace(/[。:：]$/, '');
  for (const spec of SECTIONS) {
    if (specTitles(spec.key).includes(t)) return { key: spec.key, exact: true };
  }
  const key = similarSection(t) ?? similarSection(t.replace(TITLE_PREFIX, ''));
  return { key, exact: false };
}

function similarSection(t: string): SectionKey | null {
  if (t.length < 2) return null;
  for (const spec of SECTIONS) {
    if (spec.anchor.test(t)) return spec.key;
  }
  return null;
}

/** First characters of page debris (see debrisLead). */
const DEBRIS_START = '?？\uFFFD!！<&/';

/** Characters a heading can start with: a numeral, 第, Markdown markup, or the first character of a title. */
const HEADING_START = charTable('一二三四五六七八九十第0123456789#>*、' + DEBRIS_START + [...TITLES.values()].flat().map((t) => t[0]).join(''));

type HeadingRead = Omit<Candidate, 'line'>;

/**
 * Page debris a web page leaves before a heading (FORMAT.md §6): "????一、總體情況" (characters lost
 * in a conversion), "?!?/p>一、总体情况", "<p>", "&nbsp;". Read by hand, from an index.
 */
const DEBRIS_CHAR = charTable('?？\uFFFD!！');
const DEBRIS_TAG = /<\/?[A-Za-z]{1,6}\s*\/?>|\/[A-Za-z]{1,6}>|&[A-Za-z]{2,6};/y;

/** Length of the blanks, Markdown markup and page debris that open a line (0 when none). */
function debrisLead(s: string, from = 0, to = s.length): number {
  let i = from;
  let debris = false;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (isLead(c)) i++;
    else if (DEBRIS_CHAR[c] === 1) {
      i++;
      debris = true;
    } else if (c === 0x3c /* < */ || c === 0x2f /* / */ || c === 0x26 /* & */) {
      DEBRIS_TAG.lastIndex = i;
      if (!DEBRIS_TAG.test(s)) break;
      i = DEBRIS_TAG.lastIndex;
      debris = true;
    } else break;
  }
  // Plain blanks and markup are HEADING's own lead: only debris moves the start.
  return debris ? i - from : 0;
}

/** Reads a numbered heading (or an unnumbered standard title) on a line, or null. */
export function readHeading(text: string, norm: string, start: number, end: number): HeadingRead | null {
  const read = headingIn(norm, start, end);
  return read && placed(read, text, start);
}

/**
 * Whether a table must end at this line: a section heading with a standard title, or one numbered
 * "N、" — never a row label such as "3.其他" or "(七)总计" that happens to resemble a title.
 */
export function endsTable(norm: string, start: number, end: number): boolean {
  // A row with its numbers ("四、结转下年度继续办理 1 0 …", "1.属于国家秘密	0	…") is asked about
  // on every line of every table, and its numbers make it a line no other report has: settled here,
  // it neither misses the memo nor fills it.
  if (endsWithNumberCells(norm, start, end)) return false;
  const read = headingIn(norm, start, end);
  if (!read || read.key === null) return false;
  const marker = read.heading.markerSpan;
  return read.exact || (!!marker && norm.slice(start + marker.start, start + marker.end).includes('、'));
}

/** Cells of a table row: blanks, tabs and pipes between them. */
function isCellSeparator(c: number): boolean {
  return c === 0x7c || isSpace(c);
}

/**
 * Whether the line ends with three or more cells that are plain numbers ("3", "1,024", "0.5"),
 * separated by blanks, tabs or pipes: a table row, which no section heading is.
 */
export function endsWithNumberCells(norm: string, start: number, end: number): boolean {
  let i = end;
  for (let cells = 0; cells < 3; cells++) {
    while (i > start && isCellSeparator(norm.charCodeAt(i - 1))) i--;
    const cellEnd = i;
    while (i > start) {
      const c = norm.charCodeAt(i - 1);
      if (!isDigit(c) && c !== 0x2c /* , */ && c !== 0x2e /* . */) break;
      i--;
    }
    // A number that is its own cell: digits, with a separator (or nothing) before it.
    if (i === cellEnd || !isDigit(norm.charCodeAt(i)) || (i > start && !isCellSeparator(norm.charCodeAt(i - 1)))) return false;
  }
  return true;
}

/** The heading on a line with offsets relative to the line (its title left to `placed`), or null. */
function headingIn(norm: string, start: number, end: number): HeadingRead | null {
  if (end - start > 160 || end - start < 3) return null;
  // Most lines cannot be headings: decide that from their first character, without slicing.
  let first = start;
  // Any blank, as HEADING's lead allows (Word indents with em spaces).
  while (first < end && isSpace(norm.charCodeAt(first))) first++;
  const c = norm.charCodeAt(first);
  if (first === end || HEADING_START[c] === 0) return null;
  // Lines of a few digits (table cells) are never headings.
  if (c >= 0x30 && c <= 0x39 && end - first <= 8 && !/[、.．]/.test(norm.slice(first, end))) return null;
  // Most lines that start like a heading are prose ("一是…", "2023年，…"): a look at their
  // characters settles it without reading the line.
  if (!mayBeNumberedHeading(norm, start, end) && !mayBeBareTitle(norm, start, end)) return null;
  // Reports repeat the same heading and row lines: read each distinct line once (bounded memo).
  const content = norm.slice(start, end);
  return READ_LINES.get(content, readHeadingIn);
}

const READ_LINES = new StringMemo<HeadingRead | null>();

const CN_NUMERAL = charTable('一二三四五六七八九十');
const HEADING_SEPARATOR = charTable('、.,:．');

/**
 * Whether the line can hold a numbered heading: [\s#>*]* 第? (1–3 Chinese numerals | 1–2 digits)
 * 部分? (a separator, or whitespace) and a title after it: HEADING's condition, by hand.
 */
function mayBeNumberedHeading(norm: string, start: number, end: number): boolean {
  let i = start + debrisLead(norm, start, end);
  while (i < end && isLead(norm.charCodeAt(i))) i++;
  // "、主动公开政府信息情况": a heading whose numeral was lost.
  if (norm.charCodeAt(i) === 0x3001 /* 、 */) return i + 1 < end;
  if (norm.charCodeAt(i) === 0x7b2c /* 第 */) i++;
  let n = 0;
  if (CN_NUMERAL[norm.charCodeAt(i)] === 1) {
    while (i + n < end && CN_NUMERAL[norm.charCodeAt(i + n)] === 1) n++;
    if (n > 3) return false;
  } else {
    while (i + n < end && isDigit(norm.charCodeAt(i + n))) n++;
    if (n === 0 || n > 2) return false;
  }
  i += n;
  if (norm.startsWith('部分', i)) i += 2;
  const spaceStart = i;
  while (i < end && isSpace(norm.charCodeAt(i))) i++;
  if (i < end && HEADING_SEPARATOR[norm.charCodeAt(i)] === 1) i++;
  else if (i === spaceStart) return false;
  // A title must follow. (HEADING also matches when only blanks follow, and then reads no heading.)
  return i < end;
}

/** What may come before a heading's number or a sub-heading's "(": [\s#>*] (Markdown markup, blanks). */
function isLead(c: number): boolean {
  return c === 0x23 || c === 0x3e || c === 0x2a || isSpace(c);
}

/** Longest standard title or variant, compacted, plus a closing 。 or ：. */
const LONGEST_TITLE = Math.max(...[...EXACT_TITLES.keys()].map((t) => t.length)) + 1;
/** The first character of each standard title and variant, compacted. */
const TITLE_FIRST = charTable([...EXACT_TITLES.keys()].map((t) => t[0]).join(''));

/**
 * Whether the line can be a bare standard title: short enough, and its first character that is
 * not blank, noise or > is the first character of a title (blanks, noise and > aside, a title is
 * what is left, with at most a closing 。 or ：). Table cells ("（一）予以公开", "自然人", "0") are
 * most of the short lines, and start otherwise.
 */
function mayBeBareTitle(norm: string, start: number, end: number): boolean {
  let n = 0;
  let first = -1;
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x3e || isNoise(c) || isSpace(c)) continue;
    if (first < 0) first = c;
    if (++n > LONGEST_TITLE) return false;
  }
  return first >= 0 && TITLE_FIRST[first] === 1;
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** A heading read from a line alone, placed at the line's offset, its title as the source writes it. */
function placed(read: HeadingRead, text: string, start: number): HeadingRead {
  const shifted = shiftHeading(read.heading, start);
  return {
    heading: { ...shifted, title: text.slice(shifted.titleSpan.start, shifted.titleSpan.end) },
    key: read.key,
    exact: read.exact,
  };
}

/** For tests: the reading of one line without the pre-tests and the memo (they must not change it). */
export const readHeadingUnfiltered = (line: string): HeadingRead | null => readHeadingIn(line);

/** readHeading on the normalized text of one line, with offsets from its start (the title is left to `placed`). */
function readHeadingIn(content: string): HeadingRead | null {
  const debris = debrisLead(content);
  if (debris === 0) return readCleanHeading(content);
  // Read what follows the debris, then place it back on the line.
  const read = readCleanHeading(content.slice(debris));
  // A bare title after debris is too weak a sign; a numeral, or a 、 that lost it, is not.
  if (!read || (read.heading.style === 'none' && !read.heading.markerSpan)) return null;
  return { ...read, heading: shiftHeading(read.heading, debris) };
}

function shiftHeading(h: Heading, by: number): Heading {
  return {
    span: shift(h.span, by),
    numeral: h.numeral,
    numeralSpan: h.numeralSpan && shift(h.numeralSpan, by),
    markerSpan: h.markerSpan && shift(h.markerSpan, by),
    number: h.number,
    style: h.style,
    title: h.title,
    titleSpan: shift(h.titleSpan, by),
  };
}

/** The numbered heading, lost-numeral heading or bare standard title a line (without debris) holds. */
function readCleanHeading(content: string): HeadingRead | null {
  const lost = LOST_NUMERAL.exec(content);
  if (lost) return readLostNumeral(lost[1].length, content.length - lost[2].length, lost[2]);
  const m = HEADING.exec(content);
  if (m) {
    const [, lead, di, numeral, , sep, rest] = m;
    const number = parseChineseNumeral(numeral);
    if (number === null || number === 0) return null;
    const style: NumeralStyle = /\d/.test(numeral) ? 'arabic' : 'chinese';
    // "1.5万件" or "2023年" are not headings: Arabic numerals need a heading separator.
    if (style === 'arabic' && !/[、.．]/.test(sep)) return null;
    if (style === 'arabic' && /^\d/.test(rest)) return null;
    const restStart = lead.length + (di?.length ?? 0) + numeral.length + (m[4]?.length ?? 0) + sep.length;
    let titleText = rest.replace(/[\s*]+$/, '');
    // A heading run into its first paragraph ("一、总体情况。2023年，…", "一、总体情况2023年，…"): the
    // title is the known title it opens with, never the paragraph (a fix must not replace it).
    const prefix = knownTitlePrefix(titleText);
    if (prefix) titleText = prefix;
    else if (compact(titleText).length > 40 || SENTENCE_END.test(titleText.replace(/[。]$/, ''))) return null;
    const cls = classifyTitle(titleText);
    if (compact(titleText).length < 2) return null;
    const numeralStart = lead.length + (di?.length ?? 0);
    const heading: Heading = {
      span: { start: lead.length, end: restStart + titleText.length },
      numeral,
      numeralSpan: { start: numeralStart, end: numeralStart + numeral.length },
      markerSpan: { start: lead.length, end: restStart },
      number,
      style,
      title: '',
      titleSpan: { start: restStart, end: restStart + titleText.length },
    };
    return { heading, key: cls.key, exact: cls.exact };
  }
  // An unnumbered line that is exactly a standard title.
  const trimmed = content.replace(/^[\s#>*]+/, '');
  const lead = content.length - trimmed.length;
  const title = trimmed.replace(/[\s*]+$/, '');
  const key = EXACT_TITLES.get(compact(title).replace(/[。:：]$/, ''));
  if (key) {
    const cls = { key, exact: true };
    const s = lead;
    return {
      heading: {
        span: { start: s, end: s + title.length },
        numeral: '',
        numeralSpan: null,
        markerSpan: null,
        number: null,
        style: 'none',
        title: '',
        titleSpan: { start: s, end: s + title.length },
      },
      key: cls.key,
      exact: true,
    };
  }
  return null;
}

/** "、主动公开政府信息情况": the numeral before 、 was lost (a paste that dropped Word's numbering). */
const LOST_NUMERAL = /^([\s#>*]*)、\s*(.+)$/;

/** A heading that kept its 、 but lost its numeral. */
function readLostNumeral(lead: number, titleStart: number, rest: string): HeadingRead | null {
  let titleText = rest.replace(/[\s*]+$/, '');
  if (compact(titleText).length > 40 || SENTENCE_END.test(titleText.replace(/[。]$/, ''))) {
    const prefix = knownTitlePrefix(titleText);
    if (!prefix) return null;
    titleText = prefix;
  }
  // Without its numeral, only a standard title (or an accepted variant) is evidence of a heading.
  const cls = classifyTitle(titleText);
  if (!cls.key || !cls.exact) return null;
  return {
    heading: {
      span: { start: lead, end: titleStart + titleText.length },
      numeral: '',
      numeralSpan: null,
      markerSpan: { start: lead, end: lead + 1 },
      number: null,
      style: 'none',
      title: '',
      titleSpan: { start: titleStart, end: titleStart + titleText.length },
    },
    key: cls.key,
    exact: cls.exact,
  };
}

function knownTitlePrefix(title: string): string | null {
  for (const spec of SECTIONS) {
    for (const t of [spec.standard, ...spec.variants]) {
      // The paragraph may follow after punctuation, or directly with its opening year
      // ("一、总体情况2023年，我镇…": the line break lost in a paste).
      if (title.startsWith(t) && /^[\s。.，,：:]|^(?:19|20)\d{2}年/.test(title.slice(t.length) || '。')) return t;
    }
  }
  return null;
}

export interface SectionScan {
  sections: Section[];
  subHeadings: SubHeading[];
}

/** Whether the line's first character after whitespace and Markdown markup is "(" (a cheap test before SUB). */
function opensWithParen(norm: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x28) return true;
    if (!isLead(c)) return false;
  }
  return false;
}

const ORDER: SectionKey[] = ['s1', 's2', 's3', 's4', 's5', 's6'];

/** The last of `accepted` (in line order) above `line`. */
function lastBefore(accepted: readonly Candidate[], line: number): Candidate | undefined {
  for (let i = accepted.length - 1; i >= 0; i--) if (accepted[i].line < line) return accepted[i];
  return undefined;
}

/** A sub-part's heading: "（一）政府信息公开基本情况". */
const SUB_HEADING = /^[\s#>*]*\(([一二三四五六七八九十]{1,3})\)/;

/**
 * An Arabic-numbered heading with a section's title that is an item of a sub-part, not the section:
 * "（一）政府信息公开基本情况" / "1.主动公开政府信息情况" / "2.依申请公开政府信息情况" inside
 * 一、总体情况. It is one when the section has a Chinese-numbered heading further on
 * ("二、主动公开政府信息情况"), or when its number is not the section's and a sub-part's heading
 * stands between it and the heading above it (`above`, the line of the last one kept, or -1).
 */
function isSubPartItem(c: Candidate, index: number, candidates: readonly Candidate[], above: number, norm: string, lines: LineIndex): boolean {
  if (c.heading.style !== 'arabic' || !c.key) return false;
  for (let i = index + 1; i < candidates.length; i++) if (candidates[i].key === c.key && candidates[i].heading.style === 'chinese') return true;
  if (c.heading.number === ORDER.indexOf(c.key) + 1) return false;
  for (let l = c.line - 1; l > above && l >= c.line - 30; l--) {
    const start = lines.starts[l];
    const end = lines.lineEnd(l);
    if (opensWithParen(norm, start, end) && SUB_HEADING.test(norm.slice(start, Math.min(end, start + 40)))) return true;
  }
  return false;
}

/**
 * Scans the lines for headings. `skip(line)` tells lines that belong to tables (table rows such as
 * "四、结转下年度继续办理" look like headings).
 */
export function scanSections(
  text: string,
  norm: string,
  lines: LineIndex,
  skip: (line: number) => boolean,
): SectionScan {
  const read = newList<Candidate>();
  for (let l = 0; l < lines.lineCount; l++) {
    if (skip(l)) continue;
    const c = readHeading(text, norm, lines.starts[l], lines.lineEnd(l));
    if (c) read.push({ heading: c.heading, key: c.key, exact: c.exact, line: l });
  }
  const candidates = newList<Candidate>();
  read.forEach((c, i) => {
    const above = candidates.length ? candidates[candidates.length - 1].line : -1;
    if (!isSubPartItem(c, i, read, above, norm, lines)) candidates.push(c);
  });

  // Keyed headings, in the order of the format. First the headings whose title is the standard
  // wording or an accepted variant; then, for a section still missing, a heading whose title is
  // only similar, if it sits where that section belongs and is numbered consistently (so
  // "三、依法做好行政复议应诉工作" inside 五, or "二、依申请公开情况" inside 总体情况, is not a section).
  const accepted = newList<Candidate>();
  let lastKey = -1;
  for (const c of candidates) {
    if (!c.key || !c.exact) continue;
    const k = ORDER.indexOf(c.key);
    if (k <= lastKey) continue;
    accepted.push(c);
    lastKey = k;
  }
  for (const c of candidates) {
    if (!c.key || c.exact || c.heading.number === null) continue;
    const k = ORDER.indexOf(c.key);
    if (accepted.some((a) => a.key === c.key)) continue;
    const prev = lastBefore(accepted, c.line);
    const next = accepted.find((a) => a.line > c.line);
    const kPrev = prev ? ORDER.indexOf(prev.key!) : -1;
    const kNext = next ? ORDER.indexOf(next.key!) : ORDER.length;
    if (k <= kPrev || k >= kNext) continue;
    const n = c.heading.number;
    const numberBefore = prev?.heading.number ?? 0;
    const consistent = n === k + 1 || (prev !== undefined && numberBefore !== null && n === numberBefore + 1);
    if (!consistent) continue;
    accepted.push(c);
    accepted.sort((a, b) => a.line - b.line);
  }

  // Local extra sections (e.g. 三、公开平台建设和信息发布情况): numbered in sequence between two
  // accepted headings, with a short title.
  const extras = newList<Candidate>();
  for (const c of candidates) {
    if (c.key || c.heading.style !== 'chinese' || c.heading.number === null) continue;
    if (compact(c.heading.title).length > 25) continue;
    const prev = lastBefore(accepted, c.line);
    const next = accepted.find((a) => a.line > c.line);
    if (!prev || !next || prev.heading.number === null || next.heading.number === null) continue;
    if (c.heading.number === prev.heading.number + 1 && next.heading.number === c.heading.number + 1) extras.push(c);
  }

  // A section after 六、其他需要报告的事项 (the catch-all, always last): "七、…" numbered on from it,
  // the first numbered heading after it, with a short title. Kept as an extra section, so that
  // 六 ends there and section-numbering can say so.
  const last = accepted.find((a) => a.key === 's6');
  if (last && last.heading.number !== null && last.heading.style === 'chinese') {
    const after = candidates.find((c) => c.line > last.line && c.heading.style === 'chinese');
    if (after && after.heading.number === last.heading.number + 1 && compact(after.heading.title).length <= 25) {
      extras.push({ heading: after.heading, key: null, exact: false, line: after.line });
    }
  }

  const all = copyList(accepted);
  for (const c of extras) all.push(c);
  all.sort((a, b) => a.line - b.line);
  const sections = mapList(all, (c, i): Section => {
    const nextStart = i + 1 < all.length ? lines.starts[all[i + 1].line] : text.length;
    const bodyStart = Math.min(lines.lineEnd(c.line) + 1, text.length);
    return {
      key: c.key,
      heading: c.heading,
      span: { start: c.heading.span.start, end: nextStart },
      body: { start: Math.min(bodyStart, nextStart), end: nextStart },
      titleIsStandard: c.exact,
    };
  });

  const subHeadings = newList<SubHeading>();
  sections.forEach((s, index) => {
    const first = lines.lineOf(s.body.start);
    const last = lines.lineOf(Math.max(s.body.start, s.body.end - 1));
    for (let l = first; l <= last && s.body.start < s.body.end; l++) {
      if (skip(l)) continue;
      const start = lines.starts[l];
      if (!opensWithParen(norm, start, lines.lineEnd(l))) continue;
      const m = SUB_HEADING.exec(norm.slice(start, Math.min(lines.lineEnd(l), start + 40)));
      if (!m) continue;
      const number = parseChineseNumeral(m[1]);
      if (number === null) continue;
      const markerStart = start + m[0].length - m[1].length - 2;
      subHeadings.push({
        span: { start: markerStart, end: lines.lineEnd(l) },
        markerSpan: { start: markerStart, end: start + m[0].length },
        number,
        sectionIndex: index,
      });
    }
  });
  return { sections, subHeadings };
}

