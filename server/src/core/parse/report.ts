// Text → report model. Never throws: whatever the input, the result is a model (possibly empty)
// that the rules can read; what could not be read is recorded as a problem, not guessed.
import type { Report, TableProblem } from '../model';
import type { EditionId, Span } from '../types';
import { LineIndex } from '../text/lines';
import { normalize } from '../text/normalize';
import { isSpace } from '../text/chars';
import { editionForYear } from '../format/editions';
import { endsTable, scanSections } from './sections';
import { findT2Start, findT3Start, findT4Start, readT2, readT3, readT4, type TableScanContext } from './tables';
import { firstYearInText, readHeader, readPeriod, resolveYear } from './header';
import { readFigures } from './figures';
import { newList } from './lists';

export interface ParseOptions {
  reportYear?: number;
  edition?: EditionId;
}

const PRE_2019_LAYOUT = /统计指标[\s\S]{0,200}?(单位|统计数)/;

export function parseReport(text: string, options: ParseOptions = {}, lines = new LineIndex(text)): Report {
  const norm = normalize(text);
  // A paragraph: a full stop and more than 30 characters (trimmed) within its first 400.
  const isNarrative = (line: number) => {
    const start = lines.starts[line];
    const end = Math.min(lines.lineEnd(line), start + 400);
    let first = start;
    let last = end;
    while (first < last && isSpace(norm.charCodeAt(first))) first++;
    while (last > first && isSpace(norm.charCodeAt(last - 1))) last--;
    if (last - first <= 30) return false;
    for (let i = first; i < last; i++) if (norm.charCodeAt(i) === 0x3002) return true;
    return false;
  };
  const isHeading = (line: number) => endsTable(norm, lines.starts[line], lines.lineEnd(line));
  // Table readers ask about the same lines repeatedly: remember the answers (0 unknown, 1 no, 2 yes).
  const boundary = new Uint8Array(lines.lineCount);
  const isBoundary = (l: number) => {
    if (boundary[l] === 0) boundary[l] = isHeading(l) || isNarrative(l) ? 2 : 1;
    return boundary[l] === 2;
  };
  const ctx: TableScanContext = { text, norm, lines, isBoundary };

  const header = readHeader(text, norm, lines);
  const period = readPeriod(norm);
  const provisionalYear = options.reportYear ?? header.titleYear?.value ?? period?.value ?? null;
  const preLayout = PRE_2019_LAYOUT.test(norm.length > 500_000 ? norm.slice(0, 500_000) : norm);
  const provisionalEdition: EditionId = options.edition && options.edition !== 'unknown' ? options.edition : editionForYear(provisionalYear);

  // Tables first: their rows ("四、结转下年度继续办理") look like section headings.
  const t3Start = findT3Start(ctx);
  const t3 = t3Start !== null ? readT3(ctx, t3Start, provisionalEdition) : null;
  const t4Start = findT4Start(ctx, t3Start ?? 0);
  const t4 = t4Start !== null ? readT4(ctx, t4Start) : null;
  const t2Start = findT2Start(ctx, 0, t3Start ?? t4Start ?? lines.lineCount);
  // 表二 without labels of either edition is read by 表三's edition, when 表三 tells it.
  const t2Edition = t3 && t3.edition !== 'unknown' ? t3.edition : provisionalEdition;
  const t2 = t2Start !== null ? readT2(ctx, t2Start, t3Start ?? t4Start ?? lines.lineCount, t2Edition) : null;

  const tableSpans = newList<Span>();
  for (const t of [t2, t3, t4]) if (t) tableSpans.push(t.span);
  const tableLines = new Uint8Array(lines.lineCount);
  for (const s of tableSpans) tableLines.fill(1, lines.lineOf(s.start), lines.lineOf(Math.max(s.start, s.end - 1)) + 1);
  const { sections, subHeadings } = scanSections(text, norm, lines, (l) => tableLines[l] === 1);

  const textYear = firstYearInText(norm, sections.find((s) => s.key === 's1'));
  const year = resolveYear(header, period, textYear, options.reportYear);

  // The edition comes from the tables' own labels (表三's （六） rows, 表二's rows and column labels);
  // from the year only where they say nothing. Tables of two editions name the one the year does
  // not call for, so that edition-mismatch reports it.
  const yearEdition = year.value !== null ? editionForYear(year.value) : 'unknown';
  let tableEdition: EditionId = 'unknown';
  for (const t of [t3, t2]) {
    if (!t || t.edition === 'unknown') continue;
    if (tableEdition === 'unknown' || (tableEdition === yearEdition && t.edition !== yearEdition)) tableEdition = t.edition;
  }
  if (preLayout && !t3) tableEdition = 'pre-2019';

  let edition: EditionId;
  let editionSource: Report['editionSource'];
  if (options.edition && options.edition !== 'unknown') [edition, editionSource] = [options.edition, 'option'];
  else if (preLayout && !t3) [edition, editionSource] = ['pre-2019', 'layout'];
  else if (tableEdition !== 'unknown') [edition, editionSource] = [tableEdition, 'tables'];
  else if (year.value !== null) [edition, editionSource] = [yearEdition, 'year'];
  else [edition, editionSource] = ['unknown', 'none'];

  const tableProblems = newList<TableProblem>();
  const whole = { start: 0, end: text.length };
  // Where a table should be: its section's heading, or, when the section is missing too, the
  // heading that follows the gap.
  const sectionSpan = (key: string) =>
    (sections.find((s) => s.key === key) ?? sections.find((s) => s.key !== null && s.key > key))?.heading.span ?? whole;
  if (!t2) tableProblems.push({ id: 't2', span: sectionSpan('s2'), reason: 'not-found' });
  if (!t3) tableProblems.push({ id: 't3', span: sectionSpan('s3'), reason: 'not-found' });
  else if (t3.rows.size === 0) tableProblems.push({ id: 't3', span: t3.span, reason: 'unreadable' });
  if (!t4) tableProblems.push({ id: 't4', span: sectionSpan('s4'), reason: 'not-found' });
  else if (!t4.rows.size) tableProblems.push({ id: 't4', span: t4.span, reason: 'no-numbers' });

  const report: Report = {
    text,
    norm,
    title: header.title,
    body: header.body,
    year,
    edition,
    editionSource,
    tableEdition,
    sections,
    subHeadings,
    tables: { t2, t3, t4 },
    tableProblems,
    tableSpans,
    figures: newList(),
    // One section heading in a text about 政府信息公开 is a report (a web excerpt that lost its title).
    notAReport: !header.title && !t3 && !t4 && (sections.length === 0 || (sections.length === 1 && !/政府信息公开/.test(norm.slice(0, 20_000)))),
    views: new Map(),
  };
  report.figures = readFigures(report, lines);
  return report;
}
