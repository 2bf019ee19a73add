// Reading 表二, 表三 and 表四 from any of the shapes they arrive in (FORMAT.md §6 and §8): anchor on
// the standard labels, collect the values between one label and the next, and place values in
// columns only when the count proves where they go. A row with too few numbers is reported, never
// shifted.
import type { Cell, Table, TableRow } from '../model';
import type { EditionId, Span } from '../types';
import type { LineIndex } from '../text/lines';
import { compact } from '../text/normalize';
import { type RowSpec, T2_COLUMNS, T2_HEADER_LABELS, T2_ROWS, T3_ROWS, t3ValueRows } from '../format/editions';
import { type Token, segment, token, tokenizeLines } from './cells';
import { StringMemo } from '../text/memo';
import { nextOf } from '../text/next';
import { isNoise } from '../text/chars';
import { copyList, filterList, mapList, newList } from './lists';
import { canonicalLabel, findAnchor, labelKey, type LabelKey } from './labels';
import { placeMisprintedRows } from './misprinted-rows';

export interface TableScanContext {
  text: string;
  norm: string;
  lines: LineIndex;
  /** Lines where a table must end: section headings and narrative paragraphs. */
  isBoundary(line: number): boolean;
}

const T3_COLUMN_COUNT = 7;
const T4_VALUE_COUNT = 15;
const LOOKAHEAD = 10;
/**
 * How far a table may run without a heading or paragraph ending it, in lines: 表三 written one cell
 * per line with a separator line after each cell and an empty line after each line takes some 1,400.
 */
const T3_MAX_LINES = 2000;
const T2_MAX_LINES = 600;
const T4_MAX_LINES = 400;

function spanOfTokens(tokens: Token[]): Span {
  return { start: tokens[0].start, end: tokens[tokens.length - 1].end };
}

/** The last line of the table region: up to (not including) the first boundary after `from`. */
function regionEnd(ctx: TableScanContext, from: number, maxLines: number): number {
  let l = from + 1;
  while (l < ctx.lines.lineCount && l < from + maxLines && !ctx.isBoundary(l)) l++;
  return l;
}

/** An empty cell: its span is where a number would be written (empty, so a fix inserts, never replaces). */
function blankCell(t: Token): Cell {
  return { span: { start: t.start, end: t.start }, raw: '', value: null, status: 'missing' };
}

/** What a whole table tells about the slots of each of its rows. */
interface TableLayout {
  /** The last filled line of a text that ends inside the table (an excerpt cut short), or -1. */
  cutLine: number;
  /**
   * What the empty slots after a row's last number are, from the rows that have all their cells:
   * - n > 0: those rows all end with n empty cells of their own lines (the line of "|" that closes
   *   each row of a one-cell-per-line table): so many are layout, empty cells beside the filled ones
   *   of a line ("0 | ||") are too, and a row that ends with more has empty cells of its own;
   * - -1: those rows end with empty slots otherwise ("| 0 | ||", a tab after the last number): all
   *   of them are layout, never a cell;
   * - 0: those rows end with their last number.
   */
  trailingSeparators: number;
}

const NO_LAYOUT: TableLayout = { cutLine: -1, trailingSeparators: 0 };

/** Slots up to and including the last number. */
function coreLength(slots: Token[]): number {
  for (let i = slots.length - 1; i >= 0; i--) if (slots[i].kind === 'value') return i + 1;
  return 0;
}

/** TableLayout.trailingSeparators of a table's rows, each with the number of cells it should have. */
function trailingSeparators(rows: readonly { values: Token[]; expected: number }[]): number {
  let lines: number | null = null;
  let consistent = true;
  let any = false;
  // The table's last row may lack its closing line: what follows the table closes it.
  let lastOwn = -1;
  for (const { values, expected } of rows) {
    const core = coreLength(values);
    if (core < expected) continue;
    if (values.length > core) any = true;
    if (lastOwn >= 0) {
      if (lines === null) lines = lastOwn;
      else if (lastOwn !== lines) consistent = false;
    }
    lastOwn = 0;
    for (let i = core; i < values.length; i++) if (!values[i].edge) lastOwn++;
  }
  if (lastOwn >= 0 && lines !== null && lastOwn > lines) consistent = false;
  if (consistent && lines !== null && lines > 0) return lines;
  return any ? -1 : 0;
}

/**
 * Turns the slots of a segment into cells; positioned only when the count is exactly right. Blanks
 * that may be layout (after the last value, outside a line's filled cells, before the first value)
 * are dropped, in that order, while the row has more slots than cells; numbers on the cut line (a
 * label cut to its numbering: "2" of "2.其他法律…") are dropped while they overflow the row.
 */
function placeCells(slots: Token[], expected: number, layout: TableLayout): { cells: Cell[]; positioned: boolean } {
  let s = slots;
  const core = coreLength(s);
  if (layout.trailingSeparators < 0 && s.length > core) s = s.slice(0, core);
  else if (layout.trailingSeparators > 0 && s.length > core) {
    // Empty cells of their own lines, less the row's closing ones, are the row's last cells.
    const own = filterList(s.slice(core), (t) => !t.edge);
    s = s.slice(0, core);
    for (let i = 0; i < own.length - layout.trailingSeparators; i++) s.push(own[i]);
  }
  if (s.length > expected) s = trimLayout(s, expected, layout.cutLine);
  if (s.length === expected && s.some((t) => t.kind === 'value')) {
    return { cells: mapList(s, (t) => (t.kind === 'value' ? t.cell! : blankCell(t))), positioned: true };
  }
  const cells = newList<Cell>();
  for (const t of s) if (t.kind === 'value') cells.push(t.cell!);
  return { cells, positioned: false };
}

function trimLayout(slots: Token[], expected: number, cutLine: number): Token[] {
  // More numbers than cells (those on the cut line aside): no blank to drop can make the row fit.
  let numbers = 0;
  for (const t of slots) if (t.kind === 'value' && t.line !== cutLine) numbers++;
  if (numbers > expected) return slots;
  const s = copyList(slots);
  while (s.length > expected && s[s.length - 1].kind === 'blank') s.pop();
  while (s.length > expected && s[s.length - 1].line === cutLine) {
    s.pop();
    while (s.length > expected && s[s.length - 1].kind === 'blank') s.pop();
  }
  for (let i = s.length - 1; i >= 0 && s.length > expected; i--) if (s[i].kind === 'blank' && s[i].edge) s.splice(i, 1);
  while (s.length > expected && s[0].kind === 'blank') s.shift();
  return s;
}

interface MatchedLabel {
  spec: RowSpec;
  /** Index of the label token where the match starts, and where it ends (a match may straddle a wrap). */
  tokenIndex: number;
  endToken: number;
}

/**
 * The label of a matched row: the token holding the match, extended by following text tokens
 * while they continue the standard label (a label wrapped by a page break).
 */
const STANDARDS = new Map<RowSpec, string[]>();

/** The standard label and its variants, reduced for comparison (computed once per row spec). */
export function standardsOf(spec: RowSpec): string[] {
  let s = STANDARDS.get(spec);
  if (!s) STANDARDS.set(spec, (s = [spec.label, ...(spec.variants ?? [])].map(canonicalLabel)));
  return s;
}

/** The text of each span (tokens, label parts), joined without what lies between them. */
export function joinedText(spans: readonly Span[], text: string): string {
  let s = '';
  for (const t of spans) s += text.slice(t.start, t.end);
  return s;
}

/** The texts of `tokens` from `from` on, joined. */
function textOf(tokens: readonly Token[], from = 0): string {
  let s = '';
  for (let i = from; i < tokens.length; i++) s += tokens[i].text;
  return s;
}

function rowLabelTokens(all: Token[], index: number, spec: RowSpec): Token[] {
  const out = [all[index]];
  // A label that is already complete needs no look at the tokens after it.
  const standards = standardsOf(spec);
  if (index + 1 >= all.length || all[index + 1].kind !== 'text' || standards.includes(canonicalLabel(all[index].text))) return out;
  for (let i = index + 1; i < all.length; i++) {
    const t = all[i];
    if (t.kind !== 'text') {
      if (t.kind === 'blank') continue;
      break;
    }
    const joined = canonicalLabel(textOf(out) + t.text);
    const current = canonicalLabel(textOf(out));
    if (standards.some((s) => s !== current && s.startsWith(joined))) out.push(t);
    // A piece of a merged header cell laid between the label's lines ("（六）其" / "他处理", a PDF
    // table): passed over, the label may go on after it.
    else if (!isHeaderPiece(t.text)) break;
  }
  return out;
}

/** The 表三 rows that head a group of rows, reduced ("其他处理", "本年度办理结果"). */
const T3_GROUP_HEADERS = T3_ROWS.filter((r) => r.header).map((r) => canonicalLabel(r.label));

/** Whether `text` is a piece of a 表三 group header's label (two characters or more). */
function isHeaderPiece(text: string): boolean {
  const piece = canonicalLabel(text);
  return piece.length >= 2 && T3_GROUP_HEADERS.some((h) => h.includes(piece));
}

function makeRow(spec: RowSpec, labelTokens: Token[], text: string, values: Token[], expected: number, layout: TableLayout = NO_LAYOUT): TableRow {
  const { cells, positioned } = placeCells(values, expected, layout);
  const cutLine = layout.cutLine;
  const labelSpan = spanOfTokens(labelTokens);
  let end = labelSpan.end;
  for (const c of cells) if (c.span.end > end) end = c.span.end;
  const labelParts = mapList(labelTokens, (t) => ({ start: t.start, end: t.end }));
  const lastLine = values.length ? values[values.length - 1].line : labelTokens[labelTokens.length - 1].line;
  const cut = cutLine >= 0 && lastLine === cutLine;
  return tableRow(spec.key, joinedText(labelTokens, text), labelSpan, labelParts, cells, positioned, expected, cut, { start: labelSpan.start, end });
}

/** Every row is made here, so that rows have one hidden class (see lists.ts for why that matters). */
function tableRow(key: string, label: string, labelSpan: Span, labelParts: Span[], cells: Cell[], positioned: boolean, expected: number, cut: boolean, span: Span): TableRow {
  return { key, label, labelSpan, labelParts, cells, positioned, expected, cut, span };
}

/**
 * The last filled line of a text that ends inside a table region ending at `end` (no heading or
 * paragraph after it: an excerpt cut short), or -1.
 */
function cutLineOf(ctx: TableScanContext, end: number): number {
  if (end < ctx.lines.lineCount) return -1;
  for (let l = ctx.lines.lineCount - 1; l >= 0; l--) {
    if (ctx.norm.slice(ctx.lines.starts[l], ctx.lines.lineEnd(l)).trim() !== '') return l;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// 表三

export function findT3Start(ctx: TableScanContext, from = 0): number | null {
  for (const [l, s] of linesHolding(ctx, ['新收'], from)) {
    const k = compact(s);
    if (/(本年|本年度)新收|新收[^。]{0,30}申请/.test(k) && !/。/.test(k) && k.length < 120) return l;
  }
  // Without its 新收 row, the table still starts at its next rows.
  for (let l = from; l < ctx.lines.lineCount; l++) {
    const s = ctx.norm.slice(ctx.lines.starts[l], ctx.lines.lineEnd(l));
    if (s.length > 400 || s.includes('。')) continue;
    const k = compact(s);
    if (k.length < 120 && /上年(度)?(结转|转结)[^。]{0,20}申请|^(三、)?本年度办理结果/.test(k)) return l;
  }
  return null;
}

/** Extends a table's start backwards over its header lines (申请人情况, 自然人, …). */
function headerStart(ctx: TableScanContext, line: number, words: RegExp, max = 30): number {
  let first = line;
  for (let l = line - 1; l >= 0 && l >= line - max; l--) {
    const s = compact(ctx.norm.slice(ctx.lines.starts[l], ctx.lines.lineEnd(l)));
    if (s === '') continue;
    if (ctx.isBoundary(l) || s.length > 120 || !words.test(s)) break;
    first = l;
  }
  return first;
}

/** The rows a 表三 label is matched against (the 2019 edition's single （六） row is told by its numbers). */
const T3_SCHEMA = T3_ROWS.filter((r) => r.key !== 'r6');

const T3_HEADER_WORDS = /申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|勾稽|本列数据|本项数据|^\(?本/;

export function readT3(ctx: TableScanContext, startLine: number, reportEdition: EditionId): Table {
  const end = regionEnd(ctx, startLine, T3_MAX_LINES);
  const tokens = tokenizeLines(ctx.text, ctx.norm, ctx.lines, startLine, end);
  const segments = segment(tokens);
  const layout: TableLayout = { cutLine: cutLineOf(ctx, end), trailingSeparators: trailingSeparators(mapList(segments, (seg) => ({ values: seg.values, expected: T3_COLUMN_COUNT }))) };
  const rows = new Map<string, TableRow>();
  const stray = newList<TableRow>();
  let pos = 0;
  let last: { spec: RowSpec; row: TableRow } | null = null;
  let lastEnd = tokens.length ? tokens[0].start : ctx.lines.starts[startLine];
  let done = false;

  // Tokens of the next segment's label already consumed as the end of a wrapped label.
  let skip = 0;
  for (let si = 0; si < segments.length && !done; si++) {
    const seg = segments[si];
    let label = seg.label.slice(skip);
    skip = 0;
    let matches = matchRows(labelKey(label, ctx.norm), pos, rows.size === 0);
    // Explicit label tokens for a row whose label was cut before its distinguishing words.
    let wrappedTokens: Token[] | null = null;
    const lastMatch = matches[matches.length - 1];
    const unmatchedTail = !lastMatch || (lastMatch.spec.header && lastMatch.tokenIndex < label.length - 1);
    if (seg.values.length && unmatchedTail && rows.size > 0 && si + 1 < segments.length) {
      // A page break inside the label, numbers on its first line: read on into the next lines.
      const ext = copyList(label);
      for (const t of segments[si + 1].label) ext.push(t);
      const extMatches = matchRows(labelKey(ext, ctx.norm), pos, false);
      const inLabel = filterList(extMatches, (m) => m.endToken < label.length);
      const wrapped = extMatches.find((m) => m.endToken >= label.length);
      const from = inLabel.length ? inLabel[inLabel.length - 1].endToken + 1 : 0;
      // Only a label cut short: its text so far must begin the row's standard label.
      const cut = canonicalLabel(textOf(label, from));
      const continues = !!wrapped && cut.length > 0 && standardsOf(wrapped.spec).some((std) => std.startsWith(cut) && std !== cut);
      if (wrapped && continues && !wrapped.spec.header && inLabel.length === matches.length) {
        wrappedTokens = ext.slice(from, wrapped.endToken + 1);
        skip = wrapped.endToken - label.length + 1;
        label = ext.slice(0, wrapped.endToken + 1);
        matches = copyList(inLabel);
        matches.push({ spec: wrapped.spec, tokenIndex: from, endToken: wrapped.endToken });
      }
    }
    // Text before the first label of this segment may finish the previous row's wrapped label.
    const leading = label.slice(0, matches.length ? (wrappedTokens && matches.length === 1 ? 0 : matches[0].tokenIndex) : label.length);
    if (last && leading.length && !(wrappedTokens && matches.length === 1)) {
      const prev: { spec: RowSpec; row: TableRow } = last;
      const extended = continueLabel(prev.row, prev.spec, leading, ctx.text);
      if (extended) {
        rows.set(prev.spec.key, extended);
        last = { spec: prev.spec, row: extended };
      }
    }
    if (matches.length === 0) {
      if (!seg.values.length || rows.size === 0) continue;
      if (last && !last.spec.header && last.row.cells.length === 0) {
        // The values of a label that wrapped before them.
        const row = makeRow(last.spec, tokensOfRow(last.row, label), ctx.text, seg.values, T3_COLUMN_COUNT, layout);
        rows.set(last.spec.key, row);
        last = { spec: last.spec, row };
      } else {
        stray.push(makeRow({ key: 'stray', label: '', anchor: /$^/ }, label.length ? label : seg.values.slice(0, 1), ctx.text, seg.values, T3_COLUMN_COUNT, layout));
      }
      lastEnd = seg.values[seg.values.length - 1].end;
      continue;
    }
    matches.forEach((m, i) => {
      const isLast = i === matches.length - 1;
      let spec = m.spec;
      let values = isLast ? seg.values : newList<Token>();
      let labelTokens = isLast && wrappedTokens ? wrappedTokens : rowLabelTokens(label, m.tokenIndex, spec);
      if (spec.key === 'h6' && values.length) {
        const rest = label.slice(label.indexOf(labelTokens[labelTokens.length - 1]) + 1);
        if (rest.some((t) => t.kind === 'text')) {
          // The numbers follow a label of their own that cannot be read (a 2021 sub-row): not （六）'s.
          stray.push(makeRow({ key: 'stray', label: '', anchor: /$^/ }, rest, ctx.text, values, T3_COLUMN_COUNT, layout));
          values = newList<Token>();
        } else {
          // （六）其他处理 with numbers of its own is the 2019 edition's single row.
          spec = T3_ROWS.find((r) => r.key === 'r6')!;
          labelTokens = rowLabelTokens(label, m.tokenIndex, spec);
        }
      }
      const row = makeRow(spec, labelTokens, ctx.text, values, T3_COLUMN_COUNT, layout);
      if (!rows.has(spec.key)) rows.set(spec.key, row);
      last = { spec, row };
      pos = T3_SCHEMA.indexOf(m.spec) + 1;
    });
    lastEnd = seg.values.length ? seg.values[seg.values.length - 1].end : label[label.length - 1].end;
    if (rows.has('next') && rows.get('next')!.cells.length) done = true;
  }

  placeMisprintedRows(rows, stray, T3_ROWS, standardsOf);
  singleOtherRow(rows, stray);
  const edition = t3Edition(rows);
  const expectedEdition = edition !== 'unknown' ? edition : reportEdition === '2019' ? '2019' : '2021';
  const missingRows = filterList(t3ValueRows(expectedEdition), (key) => !rows.has(key));
  const first = headerStart(ctx, startLine, T3_HEADER_WORDS);
  return {
    id: 't3',
    span: { start: ctx.lines.starts[first], end: Math.max(lastEnd, ctx.lines.starts[startLine]) },
    edition,
    rows,
    missingRows,
    headerLabels: newList(),
    strayRows: stray,
  };
}

/**
 * （六）其他处理 followed by （七）总计 or 四 with nothing between is the 2019 edition's single row,
 * with no number in it; in the 2021 edition the sub-rows 1.–3. follow it (numbers between that
 * match no label are sub-rows whose labels could not be read).
 */
function singleOtherRow(rows: Map<string, TableRow>, stray: TableRow[]) {
  const h6 = rows.get('h6');
  if (!h6 || rows.has('r6') || rows.has('r6_1') || rows.has('r6_2') || rows.has('r6_3')) return;
  const after = rows.get('total') ?? rows.get('next');
  if (!after) return; // cut before what follows it: cannot tell
  if (stray.some((r) => r.span.start > h6.span.start && r.span.start < after.span.start)) return;
  const r6 = tableRow('r6', h6.label, h6.labelSpan, h6.labelParts, h6.cells, h6.positioned, h6.expected, h6.cut, h6.span);
  // In its place, so that the rows stay in the table's order.
  const entries = [...rows];
  rows.clear();
  for (const [key, row] of entries) rows.set(key === 'h6' ? 'r6' : key, key === 'h6' ? r6 : row);
}

/** The edition 表三's own rows point at: the （六） sub-rows (2021) or the single （六） row (2019). */
function t3Edition(rows: Map<string, TableRow>): EditionId {
  if (rows.has('r6_1') || rows.has('r6_2') || rows.has('r6_3')) return '2021';
  if (rows.has('r6')) return '2019';
  return 'unknown';
}

/** The row with its label extended by `more` text tokens, when they continue the standard label. */
function continueLabel(row: TableRow, spec: RowSpec, more: Token[], text: string): TableRow | null {
  const standards = standardsOf(spec);
  let label = row.label;
  const parts = copyList(row.labelParts);
  for (const t of more) {
    if (t.kind !== 'text') continue;
    const joined = canonicalLabel(label + t.text);
    if (!standards.some((s) => s !== canonicalLabel(label) && s.startsWith(joined))) break;
    label += text.slice(t.start, t.end);
    parts.push({ start: t.start, end: t.end });
  }
  if (parts.length === row.labelParts.length) return null;
  return tableRow(row.key, label, { start: parts[0].start, end: parts[parts.length - 1].end }, parts, row.cells, row.positioned, row.expected, row.cut, row.span);
}

function tokensOfRow(row: TableRow, more: Token[]): Token[] {
  const tokens = mapList(row.labelParts, (p, i) => token('text', p.start, p.end, -1, i === 0 ? row.label : ''));
  for (const t of more) tokens.push(t);
  return tokens;
}

/**
 * Which schema rows a label names, in order. Rows are searched from `pos` with a bounded
 * lookahead (so a missing row is skipped) and the earliest match in the label wins. Until the
 * table's first row is found, only that row is looked for (header text is not a row).
 */
function matchRows(k: LabelKey, pos: number, firstOnly: boolean): MatchedLabel[] {
  // Every report repeats the same labels: remember where the rows matched in a key (bounded). Weak
  // anchors depend on where the tokens break, so the breaks are part of the memo's key.
  let breaks = '';
  for (let i = 1; i < k.tokenOf.length; i++) if (k.tokenOf[i] !== k.tokenOf[i - 1]) breaks += `${i},`;
  const memoKey = `${firstOnly ? 1 : 0}${pos}|${breaks}|${k.key}`;
  const found = MATCHES.get(memoKey, () => matchKey(k, pos, firstOnly));
  return mapList(found, (m) => ({ spec: T3_SCHEMA[m.j], tokenIndex: k.tokenOf[m.index], endToken: k.tokenOf[m.end - 1] }));
}

interface KeyMatch {
  /** Index of the row in the schema, and where its anchor matched in the key. */
  j: number;
  index: number;
  end: number;
}

const MATCHES = new StringMemo<KeyMatch[]>();

function matchKey(k: LabelKey, pos: number, firstOnly: boolean): KeyMatch[] {
  const schema = T3_SCHEMA;
  const out = newList<KeyMatch>();
  let cursor = 0;
  for (;;) {
    let best: KeyMatch | null = null;
    // The table opens with 新收; when that row is missing, with one of the next few.
    const limit = firstOnly && out.length === 0 ? pos + 4 : schema.length;
    for (let j = pos; j < limit; j++) {
      // Distinctive labels are found however many rows are missing before them; a weak one
      // ("其他", "总计") only near where it is expected.
      if (schema[j].weak && j - pos >= LOOKAHEAD) continue;
      const m = findAnchor(k, schema[j].anchor, cursor, !!schema[j].weak);
      if (m && (!best || m.index < best.index)) best = { j, ...m };
    }
    if (!best) break;
    out.push(best);
    pos = best.j + 1;
    cursor = best.end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 表四

export function findT4Start(ctx: TableScanContext, from = 0): number | null {
  for (const [l, s] of linesHolding(ctx, ['行政复议'], from)) {
    const headerCell = s.split(/\t|\|/).some((c) => /^行政复议(情况)?$/.test(compact(c))) || /^行政复议(\s|$)/.test(s.trim());
    if (!headerCell) continue;
    if (columnLabelsFollow(ctx, l)) return l;
  }
  return null;
}

/**
 * Whether 表四's column labels (结果维持, 结果纠正, 尚未审结) follow within 30 lines: written across, or
 * written down one character a line or a row, as PDF flip-books print narrow columns ("维 纠 结 审").
 */
function columnLabelsFollow(ctx: TableScanContext, line: number): boolean {
  let vertical = '';
  for (let m = line; m < Math.min(ctx.lines.lineCount, line + 30); m++) {
    const s = ctx.norm.slice(ctx.lines.starts[m], ctx.lines.lineEnd(m));
    if (/维持|纠正|尚未审结/.test(s)) return true;
    if (s.length <= 60) vertical += s;
  }
  return vertical.includes('维') && vertical.includes('纠') && vertical.includes('审');
}

export function readT4(ctx: TableScanContext, startLine: number): Table {
  const end = regionEnd(ctx, startLine, T4_MAX_LINES);
  const cutLine = cutLineOf(ctx, end);
  const tokens = tokenizeLines(ctx.text, ctx.norm, ctx.lines, startLine, end);
  const segments = segment(tokens);
  const slots = newList<Token>();
  const headerTokens = newList<Token>();
  let tableEnd = tokens.length ? tokens[tokens.length - 1].end : ctx.lines.starts[startLine];
  for (const seg of segments) {
    if (slots.length >= T4_VALUE_COUNT) break;
    headerTokens.push(...seg.label);
    slots.push(...seg.values);
    if (seg.values.length) tableEnd = seg.values[seg.values.length - 1].end;
  }
  const rows = new Map<string, TableRow>();
  if (slots.length) {
    const { cells, positioned } = placeCells(slots, T4_VALUE_COUNT, { cutLine, trailingSeparators: 0 });
    const first = headerTokens[0] ?? slots[0];
    const labelParts = copyList([{ start: first.start, end: first.end }]);
    rows.set('values', tableRow('values', '表四', { start: first.start, end: first.end }, labelParts, cells, positioned, T4_VALUE_COUNT, cutLine >= 0 && slots[slots.length - 1].line === cutLine, { start: slots[0].start, end: slots[slots.length - 1].end }));
  }
  return {
    id: 't4',
    span: { start: ctx.lines.starts[startLine], end: tableEnd },
    edition: 'unknown',
    rows,
    missingRows: slots.length ? newList() : copyList(['values']),
    headerLabels: newList(),
    strayRows: newList(),
  };
}

// ---------------------------------------------------------------------------------------------
// 表二

export function findT2Start(ctx: TableScanContext, from = 0, to = ctx.lines.lineCount): number | null {
  // Both openings need a 条 (第二十条) or a 容 (信息内容), and open the line with 第 or 信: the
  // narrative's many lines with 条 ("发布信息120条") are not compacted to find that out.
  for (const [l, s] of linesHolding(ctx, ['条', '容'], from, to)) {
    const first = firstKept(s);
    if (first !== 0x7b2c /* 第 */ && first !== 0x4fe1 /* 信 */) continue;
    const k = compact(s);
    if (/^第二十条第\(?[一1]\)?项/.test(k) || /^信息内容(本年|\t|$)/.test(k.replace(/\t/g, ''))) return l;
  }
  return null;
}

/** The first unit of `s` that compact() keeps, or -1. */
function firstKept(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isNoise(c)) return c;
  }
  return -1;
}

/**
 * The lines of [from, to) that hold one of `words`, with their normalized text, in order: each found
 * by jumping to the next occurrence rather than by reading every line. Lines over 400 characters are
 * prose or debris, never a table's opening row, and are passed over.
 */
function* linesHolding(ctx: TableScanContext, words: string[], from: number, to = ctx.lines.lineCount): Generator<[number, string]> {
  const nexts = mapList(words, (w) => nextOf(ctx.norm, w));
  for (let l = from; l < to; l++) {
    let next = -1;
    for (const nextAt of nexts) {
      const at = nextAt(ctx.lines.starts[l]);
      if (at >= 0 && (next < 0 || at < next)) next = at;
    }
    if (next < 0) return;
    l = ctx.lines.lineOf(next);
    if (l >= to) return;
    const s = ctx.norm.slice(ctx.lines.starts[l], ctx.lines.lineEnd(l));
    if (s.length <= 400) yield [l, s];
  }
}

/** A block of 表二 (第二十条第（x）项): the column labels after 信息内容 and the first row under them. */
interface T2Block {
  headers: Token[];
  firstRow: RowSpec | null;
}

export function readT2(ctx: TableScanContext, startLine: number, stopLine: number, reportEdition: EditionId): Table {
  let end = regionEnd(ctx, startLine, T2_MAX_LINES);
  if (end > stopLine) end = stopLine;
  const cutLine = cutLineOf(ctx, end);
  const tokens = tokenizeLines(ctx.text, ctx.norm, ctx.lines, startLine, end);
  const segments = segment(tokens);
  const found = newList<{ spec: RowSpec; labelTokens: Token[]; values: Token[] }>();
  const stray = newList<TableRow>();
  const blocks = newList<T2Block>();
  let block: T2Block | null = null;
  let tableEnd = tokens.length ? tokens[0].end : ctx.lines.starts[startLine];
  for (const seg of segments) {
    let rowsInSegment = 0;
    for (const t of t2LabelPieces(seg.label)) {
      const read = readT2Label(compact(t.text));
      if (read.spec) {
        // Every row label is a row; only the last one of the segment has the values after it.
        found.push({ spec: read.spec, labelTokens: [t], values: newList() });
        if (block && !block.firstRow) block.firstRow = read.spec;
        rowsInSegment++;
        tableEnd = t.end;
      } else if (read.opensBlock) {
        blocks.push((block = { headers: newList(), firstRow: null }));
      } else if (block && !block.firstRow) {
        block.headers.push(t);
      }
    }
    if (rowsInSegment) {
      found[found.length - 1].values = seg.values;
      if (seg.values.length) tableEnd = seg.values[seg.values.length - 1].end;
    } else if (seg.values.length && found.length) {
      stray.push(makeRow({ key: 'stray', label: '', anchor: /$^/ }, seg.label.length ? seg.label : seg.values.slice(0, 1), ctx.text, seg.values, seg.values.length));
    }
  }
  const votes = { '2021': 0, '2019': 0 };
  for (const b of blocks) {
    for (const h of b.headers) {
      const e = T2_HEADER_LABELS.find((x) => x.label === readT2Label(compact(h.text)).header)?.edition;
      if (e === '2021' || e === '2019') votes[e]++;
    }
  }
  if (found.some((f) => f.spec.key === 'otherService' || f.spec.key === 'procurement')) votes['2019'] += 2;
  const edition: EditionId = votes['2021'] > votes['2019'] ? '2021' : votes['2019'] > votes['2021'] ? '2019' : 'unknown';
  const cellEdition: '2021' | '2019' = edition === '2019' || (edition === 'unknown' && reportEdition === '2019') ? '2019' : '2021';
  const expectedOf = (spec: RowSpec, values: Token[]) => spec.cells?.[cellEdition] ?? values.length;
  const layout: TableLayout = { cutLine, trailingSeparators: trailingSeparators(mapList(found, (f) => ({ values: f.values, expected: expectedOf(f.spec, f.values) }))) };
  const rows = new Map<string, TableRow>();
  for (const f of found) {
    if (rows.has(f.spec.key)) continue;
    rows.set(f.spec.key, makeRow(f.spec, f.labelTokens, ctx.text, f.values, expectedOf(f.spec, f.values), layout));
  }
  const headerLabels: Table['headerLabels'] = newList();
  for (const b of blocks) for (const h of blockHeaders(b, cellEdition)) headerLabels.push({ text: ctx.text.slice(h.token.start, h.token.end), span: { start: h.token.start, end: h.token.end }, key: h.key });
  const required = T2_REQUIRED[cellEdition];
  return {
    id: 't2',
    span: { start: ctx.lines.starts[startLine], end: Math.max(tableEnd, ctx.lines.starts[startLine]) },
    edition,
    rows,
    missingRows: filterList(required, (k) => !rows.has(k)),
    headerLabels,
    strayRows: stray,
  };
}

/**
 * The label tokens of a 表二 segment, with a text that is no label as a whole split at its spaces:
 * a PDF copy writes the header row as one line of words ("信息内容 本年处理决定数量").
 */
function t2LabelPieces(label: Token[]): Token[] {
  const out = newList<Token>();
  for (const t of label) {
    const read = readT2Label(compact(t.text));
    if (read.spec || read.header || read.opensBlock || !/\s/.test(t.text)) {
      out.push(t);
      continue;
    }
    // What normalize blanked (pinyin after a character, spam: text/pollution.ts) is not a space between words.
    const re = /(?:[^\s]|[\u00a0\u3000])+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t.text))) out.push(token('text', t.start + m.index, t.start + m.index + m[0].length, t.line, m[0]));
  }
  return out;
}

/**
 * The column labels of a block and the standard label each stands for. When the block has as many
 * labels as its rows have columns, and each looks like a column label (a known spelling, or one cut
 * short), the n-th label stands for the n-th column: so a label cut short ("本年新") or written twice
 * (本年新制作数量 where 本年新公开数量 belongs) is told by its place. Otherwise each known spelling
 * stands for itself.
 */
function blockHeaders(b: T2Block, edition: '2021' | '2019'): { token: Token; key: string }[] {
  const out = newList<{ token: Token; key: string }>();
  const columns = b.firstRow ? T2_COLUMNS[edition][b.firstRow.key] : undefined;
  if (columns && columns.length === b.headers.length && b.headers.every((h) => looksLikeHeader(compact(h.text)))) {
    b.headers.forEach((token, i) => out.push({ token, key: columns[i] }));
    return out;
  }
  for (const token of b.headers) {
    const key = readT2Label(compact(token.text)).header;
    if (key) out.push({ token, key });
  }
  return out;
}

/** A known spelling of a 表二 column label, or the start of one (at least three characters). */
function looksLikeHeader(label: string): boolean {
  if (readT2Label(label).header) return true;
  const k = canonicalHeader(canonicalLabel(label));
  return k.length >= 3 && T2_HEADER_PREFIXES.some((p) => p.startsWith(k));
}

/** The rows 表二 must have, by the edition its cells follow. */
const t2Required = (edition: '2021' | '2019') => T2_ROWS.filter((r) => !r.editions || r.editions.includes(edition)).map((r) => r.key);
const T2_REQUIRED = { '2021': t2Required('2021'), '2019': t2Required('2019') };

const T2_LABELS = new StringMemo<{ spec?: RowSpec; header?: string; opensBlock?: boolean }>();

/** What a 表二 label cell is: a row, a column header, a block's opening, or neither (remembered: every report repeats them). */
function readT2Label(key: string): { spec?: RowSpec; header?: string; opensBlock?: boolean } {
  return T2_LABELS.get(key, (label) => {
    // Provincial variants annotate a row label ("规章(设区的市、自治州人民政府应提供相关数据)"): the
    // label without its bracketed annotation names the row.
    const bare = label.replace(/^\d+[.、]/, '');
    const spec = T2_ROWS.find((r) => r.anchor.test(bare)) ?? T2_ROWS.find((r) => r.anchor.test(canonicalLabel(bare)));
    if (spec) return { spec };
    if (/^第二十条|^信息内容$/.test(label)) return { opensBlock: true };
    return { header: T2_HEADER_LABELS.find((h) => h.fuzzy.test(canonicalHeader(label)))?.label };
  });
}

function canonicalHeader(key: string): string {
  return key.replace(/[（(]单位[:：]?万元[)）]/, '').replace(/[（）()/]/g, '');
}

const T2_HEADER_PREFIXES = T2_HEADER_LABELS.map((h) => canonicalHeader(canonicalLabel(h.label)));
