// The normalized report model: what the parser reads out of the text. Every piece keeps the span
// of the source text it came from, so that rules can point at it and fixes can replace it.
import type { EditionId, Span } from './types';

export type SectionKey = 's1' | 's2' | 's3' | 's4' | 's5' | 's6';
export type NumeralStyle = 'chinese' | 'arabic' | 'none';

export interface Heading {
  /** Whole heading line, trimmed. */
  span: Span;
  /** The numeral as written ("一", "1", "四") or '' when the heading has none. */
  numeral: string;
  numeralSpan: Span | null;
  /** Numeral plus its separator ("一、", "1、 "): what a numbering fix replaces. */
  markerSpan: Span | null;
  number: number | null;
  style: NumeralStyle;
  title: string;
  titleSpan: Span;
}

export interface Section {
  /** Standard section this is, or null for a local extra section (e.g. 公开平台建设和信息发布情况). */
  key: SectionKey | null;
  heading: Heading;
  /** From the start of the heading to the start of the next top-level heading (or end of text). */
  span: Span;
  /** The text after the heading line. */
  body: Span;
  /** Whether the title is the standard one or an accepted variant. */
  titleIsStandard: boolean;
}

export interface SubHeading {
  /** (一) (二) … inside a section, outside tables. */
  span: Span;
  markerSpan: Span;
  number: number;
  sectionIndex: number;
}

export type CellStatus = 'ok' | 'missing' | 'malformed';

export interface Cell {
  span: Span;
  /** Source text of the cell, trimmed. */
  raw: string;
  /** The numeric value, or null when the cell is blank or a placeholder (——, /, -). */
  value: number | null;
  status: CellStatus;
  /** Why a malformed cell is odd ('leading-zero', 'spaced', 'full-width', 'thousands', 'unit', 'decimal', 'negative'). */
  oddity?: string;
  /** The canonical spelling when the cell is malformed but readable ("0" for "00"). */
  canonical?: string;
}

export interface TableRow {
  key: string;
  /** The label text as written (joined over wrapped lines), for messages. */
  label: string;
  labelSpan: Span;
  /** Spans of the label pieces, in order (a label may wrap over several lines or cells). */
  labelParts: Span[];
  /**
   * Cells in column order when they could be placed (`positioned`), otherwise the cells in
   * reading order. An unpositioned row is never used for arithmetic.
   */
  cells: Cell[];
  positioned: boolean;
  /** How many cells the row should have (by the table's edition): what `positioned` was judged against. */
  expected: number;
  /** The text ends inside this row (a cut excerpt): cells it lacks may lie beyond the end of the text. */
  cut: boolean;
  /** Span of the whole row: label and cells. */
  span: Span;
}

export type TableId = 't2' | 't3' | 't4';

export interface Table {
  id: TableId;
  span: Span;
  /** Edition the table's own labels point at, when they do. */
  edition: EditionId;
  rows: Map<string, TableRow>;
  /**
   * Expected row keys (for the detected edition) whose label is not in the text. A row whose label is
   * there but whose cells are empty is in `rows` (with blank cells, or none), never here.
   */
  missingRows: string[];
  /** Header labels found in the table with their spans (for label checks and edition signals). */
  headerLabels: { text: string; span: Span; key: string }[];
  /** Rows with numbers that did not match any standard label. */
  strayRows: TableRow[];
}

export interface TableProblem {
  id: TableId;
  /** Where the table was looked for (its section, or the whole text). */
  span: Span;
  reason: 'not-found' | 'no-numbers' | 'unreadable';
}

export interface YearInfo {
  value: number | null;
  source: 'title' | 'period' | 'text' | 'option' | 'none';
  span: Span | null;
  titleYear: { value: number; span: Span } | null;
  periodYear: { value: number; span: Span } | null;
}

export interface Figure {
  /** What the figure claims, as a key of a table cell or relation ('t3.new.total', 't4.review.total', …). */
  target: string;
  value: number;
  /** Span of the number in the text. */
  span: Span;
  /** Span of the phrase that names the figure ("收到信息公开申请103件"). */
  phraseSpan: Span;
  phrase: string;
  /** Approximate figures ("余", "近", "约") are never compared exactly. */
  approximate: boolean;
}

export interface Report {
  text: string;
  /** Same length as `text`: traditional → simplified, full-width → half-width, char for char. */
  norm: string;
  title: { text: string; span: Span } | null;
  body: { text: string; span: Span } | null;
  year: YearInfo;
  edition: EditionId;
  editionSource: 'option' | 'year' | 'tables' | 'layout' | 'none';
  /** Edition the tables' own labels point at ('unknown' when they don't say). */
  tableEdition: EditionId;
  sections: Section[];
  subHeadings: SubHeading[];
  tables: { t2: Table | null; t3: Table | null; t4: Table | null };
  tableProblems: TableProblem[];
  /** Spans that belong to tables (narrative rules skip them). */
  tableSpans: Span[];
  figures: Figure[];
  /** True when the text does not look like an annual report at all. */
  notAReport: boolean;
  /** Views the rules derive on first use (sentences, statements…; core/attached.ts), not part of the model. */
  readonly views: Map<symbol, unknown>;
}
