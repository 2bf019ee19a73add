// Splits lines into cells and classifies each cell as text, a value (a number or a placeholder
// such as "——") or a blank. Tables arrive tab-separated, as Markdown pipes, one cell per line or
// space-separated (PDF copies); this module turns all of them into one token stream.
import type { Cell } from '../model';
import type { LineIndex } from '../text/lines';
import { isDigit, isSpace } from '../text/chars';
import { isPageNumberLine } from '../text/page-number';
import { newList } from './lists';

export type TokenKind = 'text' | 'value' | 'blank';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  line: number;
  /** Normalized text of the token (trimmed). */
  text: string;
  cell?: Cell;
  /** A blank that is a whole empty line (not an empty cell between separators). */
  emptyLine?: boolean;
  /** The only non-blank token of its line (one-cell-per-line layouts). */
  alone?: boolean;
  /**
   * A blank outside the filled cells of its separated line (a trailing tab or pipe, a merged label
   * column): a cell only when the row needs it to reach its count.
   */
  edge: boolean;
}

const PLACEHOLDER = /^(?:[-—–―─－~/\\／_]+|无|空|N\/A)$/i;
const PLAIN_INT = /^\d+$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;
const SPACED = /^\d+(?:\s+\d+)+$/;
const DECIMAL = /^\d+\.\d+$/;
const NEGATIVE = /^-\s*\d+(?:\.\d+)?$/;
const WITH_UNIT = /^(\d+)\s*(?:件|条|个|次|项|宗|起|人)$/;
/** A sum of money with its unit, as 表二 writes 采购总金额 and 收费金额 ("73802895.90元", "0.5万元"). */
const AMOUNT = /^(\d+(?:\.\d+)?)\s*万?元$/;

function makeCell(raw: string, start: number, value: number | null, status: Cell['status'], oddity?: string, canonical?: string): Cell {
  const cell: Cell = { span: { start, end: start + raw.length }, raw, value, status };
  if (oddity) cell.oddity = oddity;
  if (canonical !== undefined) cell.canonical = canonical;
  return cell;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return false;
  }
  return s.length > 0;
}

/** Classifies one trimmed cell. `raw` is the source text, `norm` its normalized copy (same length). */
export function classifyCell(raw: string, norm: string, start: number, joinSpaced: boolean): Cell | null {
  const n = norm;
  if (n === '') return null;
  // Most cells are plain numbers: no regex for them.
  if (raw === n && allDigits(n) && (n.length === 1 || n.charCodeAt(0) !== 0x30)) return makeCell(raw, start, Number(n), 'ok');
  if (PLACEHOLDER.test(n)) return makeCell(raw, start, null, 'missing');
  const fullWidth = raw !== n && /[０-９]/.test(raw);
  if (PLAIN_INT.test(n)) {
    const value = Number(n);
    if (n.length > 1 && n[0] === '0') return makeCell(raw, start, value, 'malformed', 'leading-zero', String(value));
    if (fullWidth) return makeCell(raw, start, value, 'malformed', 'full-width', n);
    return makeCell(raw, start, value, 'ok');
  }
  if (THOUSANDS.test(n)) {
    const digits = n.replace(/,/g, '');
    return makeCell(raw, start, Number(digits), 'malformed', 'thousands', digits);
  }
  if (joinSpaced && SPACED.test(n)) {
    const digits = String(Number(n.replace(/\s+/g, '')));
    return makeCell(raw, start, Number(digits), 'malformed', 'spaced', digits);
  }
  if (DECIMAL.test(n)) return makeCell(raw, start, Number(n), fullWidth ? 'malformed' : 'ok', fullWidth ? 'full-width' : undefined, fullWidth ? n : undefined);
  if (NEGATIVE.test(n)) return makeCell(raw, start, Number(n.replace(/\s+/g, '')), 'malformed', 'negative');
  const unit = WITH_UNIT.exec(n);
  if (unit) return makeCell(raw, start, Number(unit[1]), 'malformed', 'unit', String(Number(unit[1])));
  // An amount keeps the number as written: its unit is the column's business, not the cell's.
  const amount = AMOUNT.exec(n);
  if (amount) return makeCell(raw, start, Number(amount[1]), 'ok');
  return null;
}

/** Whitespace (as \s) and Markdown emphasis: what a cell is trimmed of. */
function isTrimmed(c: number): boolean {
  return c === 0x2a /* * */ || c === 0x5f /* _ */ || isSpace(c);
}

/** Whether norm[start, end) is only whitespace. */
function isBlank(norm: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(norm.charCodeAt(i))) return false;
  return true;
}

const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * What the lines before tell a line of pipes: whether a cell has been written since the last pipe.
 * Web tables copied as text put each cell on its own line and end it with a pipe ("0 |") or put a
 * line holding only "|" between cells; a pipe that ends no cell there is an empty cell.
 */
export interface PipeState {
  open: boolean;
}

/**
 * Tokens of one line. Tab- or pipe-separated lines are split on the separators (an empty cell
 * between two separators is a blank; empty cells outside the line's filled ones are `edge` blanks);
 * other lines are split on whitespace, where consecutive text pieces join into one text token (a PDF
 * label with stray spaces) and numbers stand alone.
 */
export function tokenizeLine(text: string, norm: string, lineStart: number, lineEnd: number, line: number, pipes: PipeState = { open: true }): Token[] {
  const shape = lineShape(norm, lineStart, lineEnd);
  if ((shape & FILLED) === 0) {
    return [token('blank', lineStart, lineEnd, line, '', undefined, true)];
  }
  if ((shape & DASHES) !== 0 && MARKDOWN_RULE.test(norm.slice(lineStart, lineEnd))) return [];
  // A page number left between two rows by a page break is not a row's cells.
  if (isPageNumberLine(norm, lineStart, lineEnd)) return [];
  const tokens = newList<Token>();
  const hasTab = (shape & TAB) !== 0;
  const hasPipe = !hasTab && (shape & PIPE) !== 0;
  if (hasPipe && onlyPipes(norm, lineStart, lineEnd)) {
    // A line of pipes only: each pipe ends a cell, and one that ends none is an empty cell.
    for (let i = lineStart; i < lineEnd; i++) {
      if (norm.charCodeAt(i) !== 0x7c) continue;
      if (!pipes.open) tokens.push(token('blank', i, i + 1, line, ''));
      pipes.open = false;
    }
    return tokens;
  }
  if (hasTab || hasPipe) {
    const sep = hasTab ? 0x09 : 0x7c;
    let cellStart = lineStart;
    let lastPieceOpen = false;
    for (let i = lineStart; i <= lineEnd; i++) {
      if (i < lineEnd && norm.charCodeAt(i) !== sep) continue;
      const s0 = cellStart;
      cellStart = i + 1;
      let s = s0;
      let e = i;
      while (s < e && isTrimmed(norm.charCodeAt(s))) s++;
      while (e > s && isTrimmed(norm.charCodeAt(e - 1))) e--;
      lastPieceOpen = i === lineEnd && s < e;
      if (s === e) {
        // Before the first pipe and after the last one: the table's border, not a cell.
        if (hasPipe && (s0 === lineStart || i === lineEnd) && isBlank(norm, s0, i)) continue;
        tokens.push(token('blank', s0, i, line, ''));
        continue;
      }
      pushPiece(tokens, text, norm, s, e, line, true);
    }
    if (hasPipe) pipes.open = lastPieceOpen;
    else pipes.open = true;
    // Empty cells before the first and after the last filled cell of a line are layout (merged
    // label columns, trailing separators) unless a row needs them to reach its count.
    let first = 0;
    let last = tokens.length;
    while (first < last && tokens[first].kind === 'blank') tokens[first++].edge = true;
    while (last > first && tokens[last - 1].kind === 'blank') tokens[--last].edge = true;
    markAlone(tokens);
    return tokens;
  }
  pipes.open = true;
  // Whitespace-separated: split, then merge adjacent text pieces.
  for (let i = lineStart; i < lineEnd; ) {
    while (i < lineEnd && isSpace(norm.charCodeAt(i))) i++;
    if (i === lineEnd) break;
    let s = i;
    while (i < lineEnd && !isSpace(norm.charCodeAt(i))) i++;
    let e = i;
    while (s < e && isTrimmed(norm.charCodeAt(s))) s++;
    while (e > s && isTrimmed(norm.charCodeAt(e - 1))) e--;
    if (s === e) continue;
    const before = tokens.length;
    pushPiece(tokens, text, norm, s, e, line, false);
    const added = tokens[tokens.length - 1];
    const prev = tokens[before - 1];
    if (tokens.length === before + 1 && added.kind === 'text' && prev && prev.kind === 'text' && prev.line === line) {
      // Join with the previous text piece (keep the span contiguous over the space).
      prev.end = added.end;
      prev.text = norm.slice(prev.start, prev.end).trim();
      tokens.pop();
    }
  }
  markAlone(tokens);
  return tokens;
}

/** Whether norm[start, end) holds only pipes and whitespace. */
function onlyPipes(norm: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c !== 0x7c && !isSpace(c)) return false;
  }
  return true;
}

/** What lineShape finds on a line: anything but whitespace, a tab, a pipe, a run of three hyphens. */
const FILLED = 1;
const TAB = 2;
const PIPE = 4;
const DASHES = 8;

/** The line's shape, from one pass over it (the separators decide how it is split). */
function lineShape(norm: string, start: number, end: number): number {
  let shape = 0;
  let hyphens = 0;
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    hyphens = c === 0x2d ? hyphens + 1 : 0;
    if (hyphens === 3) shape |= DASHES;
    if (c === 0x09) shape |= TAB;
    else if (c === 0x7c) shape |= PIPE | FILLED;
    else if (!isSpace(c)) shape |= FILLED;
  }
  return shape;
}

/**
 * Every token is made here with every field, so that all tokens have one shape: the table readers
 * then read their fields at one known place each (with a field added to some tokens only, or later,
 * as `alone` is, tokens came in five shapes, and each reader compiled for the first shapes it met was
 * thrown away and compiled again when another came).
 */
export function token(kind: TokenKind, start: number, end: number, line: number, text: string, cell?: Cell, emptyLine = false, edge = false): Token {
  return { kind, start, end, line, text, cell, emptyLine, alone: false, edge };
}

/** Marks the only filled token of a line (its empty cells aside). */
function markAlone(tokens: Token[]) {
  let filled: Token | null = null;
  for (const t of tokens) {
    if (t.kind === 'blank') continue;
    if (filled) return;
    filled = t;
  }
  if (filled) filled.alone = true;
}

/**
 * One cell's worth of text: a value, or text. A text cell that ends with numbers separated by
 * spaces ("行政许可 6429") is split into its label and its values.
 */
function pushPiece(tokens: Token[], text: string, norm: string, s: number, e: number, line: number, joinSpaced: boolean) {
  const n = norm.slice(s, e);
  const cell = classifyCell(text.slice(s, e), n, s, joinSpaced);
  if (cell) {
    tokens.push(token('value', s, e, line, n, cell));
    return;
  }
  if (joinSpaced) {
    // "行政许可 6429" inside one tab cell, or "0 2" following a label: peel trailing numbers off.
    const trailing = /(?:\s+(?:\d[\d,]*(?:\.\d+)?|——|-|\/))+$/.exec(n);
    if (trailing && /[\u4e00-\u9fff]/.test(n.slice(0, trailing.index))) {
      const labelEnd = s + trailing.index;
      tokens.push(token('text', s, labelEnd, line, norm.slice(s, labelEnd)));
      const re = /\S+/g;
      let m: RegExpExecArray | null;
      const tail = n.slice(trailing.index);
      while ((m = re.exec(tail))) {
        const cs = labelEnd + m.index;
        const ce = cs + m[0].length;
        const c = classifyCell(text.slice(cs, ce), norm.slice(cs, ce), cs, false);
        if (c) tokens.push(token('value', cs, ce, line, norm.slice(cs, ce), c));
      }
      return;
    }
  }
  tokens.push(token('text', s, e, line, n));
}

/**
 * Tokens of the lines [fromLine, toLine). In a double-spaced paste (an empty line after nearly every
 * line) the single empty lines are layout; a longer run stands for the empty cells it holds.
 */
export function tokenizeLines(text: string, norm: string, lines: LineIndex, fromLine: number, toLine: number): Token[] {
  const out = newList<Token>();
  const to = Math.min(toLine, lines.lineCount);
  const empty = (l: number) => isBlank(norm, lines.starts[l], lines.lineEnd(l));
  const doubleSpaced = isDoubleSpaced(fromLine, to, empty);
  const pipes: PipeState = { open: true };
  for (let l = fromLine; l < to; l++) {
    if (doubleSpaced && empty(l)) {
      // A cell's own empty line and the empty line after it: (run − 1) / 2 empty cells.
      let run = l;
      while (run < to && empty(run)) run++;
      for (let k = 0; k < Math.floor((run - l - 1) / 2); k++) out.push(token('blank', lines.starts[l + 1 + 2 * k], lines.starts[l + 1 + 2 * k], l + 1 + 2 * k, '', undefined, true));
      l = run - 1;
      continue;
    }
    for (const t of tokenizeLine(text, norm, lines.starts[l], lines.lineEnd(l), l, pipes)) out.push(t);
  }
  return out;
}

/** Whether at least four in five of the filled lines of [from, to) are followed by an empty line. */
function isDoubleSpaced(from: number, to: number, empty: (line: number) => boolean): boolean {
  let filled = 0;
  let followed = 0;
  for (let l = from; l < to; l++) {
    if (empty(l)) continue;
    filled++;
    if (l + 1 < to && empty(l + 1)) followed++;
  }
  return filled >= 4 && followed * 5 >= (filled - 1) * 4;
}

export interface Segment {
  /** Text tokens before the values (a label, possibly wrapped over several cells or lines). */
  label: Token[];
  /**
   * The row's cell slots in order: values, and the blanks around and between them (empty cells
   * between separators, empty lines between one-per-line values). Blanks before the first value and
   * after the last one may be layout: the table reader keeps them only when the row needs them.
   */
  values: Token[];
}

/**
 * Groups tokens into label → values segments. Blanks before the label belong to no row; empty lines
 * count as cells only between one-per-line values.
 */
export function segment(tokens: Token[]): Segment[] {
  const out = newList<Segment>();
  let current: Segment = { label: newList(), values: newList() };
  let pendingBlanks = newList<Token>();
  let hasValue = false;
  const flush = (next: Token | null) => {
    // Trailing empty cells; not empty lines (the space between rows), nor the empty cells before
    // the next label on its line (a merged label column).
    for (const b of pendingBlanks) if (!b.emptyLine && (!next || b.line !== next.line)) current.values.push(b);
    out.push(current);
  };
  for (const t of tokens) {
    if (t.kind === 'text') {
      if (hasValue) {
        flush(t);
        current = { label: newList(), values: newList() };
        hasValue = false;
      }
      pendingBlanks = newList();
      current.label.push(t);
    } else if (t.kind === 'value') {
      const last = hasValue ? current.values[current.values.length - 1] : null;
      // Where separators show the empty cells, empty lines are only the space around them.
      let bySeparator = false;
      for (const b of pendingBlanks) if (!b.emptyLine && !b.edge) bySeparator = true;
      for (const b of pendingBlanks) {
        // Empty cells outside a line's filled ones (merged label columns, a header line's trailing
        // separator, the tab before a one-per-line value) are never between values; an empty line
        // counts as a missing cell only between one-per-line values.
        if (b.edge) continue;
        if (!b.emptyLine || (!bySeparator && last && last.alone && t.alone)) current.values.push(b);
      }
      pendingBlanks = newList();
      current.values.push(t);
      hasValue = true;
    } else if (current.label.length || hasValue) {
      pendingBlanks.push(t);
    }
  }
  if (hasValue) flush(null);
  else if (current.label.length) out.push(current);
  return out;
}
