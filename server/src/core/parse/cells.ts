// Splits lines into cells and classifies each cell as text, a value (a number or a placeholder
// such as "——") or a blank. Tables arrive tab-separated, as Markdown pipes, one cell per line or
// space-separated (PDF copies); this module turns all of them into one token stream.
import type { Cell } from '../model';
import type { LineIndex } from '../text/lines';
import { isDigit, isSpace } from '../text/chars';
import { filterList, newList } from '../lists';

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
}

const PLACEHOLDER = /^(?:[-—–―─－~/\\／_]+|无|空|N\/A)$/i;
const PLAIN_INT = /^\d+$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;
const SPACED = /^\d+(?:\s+\d+)+$/;
const DECIMAL = /^\d+\.\d+$/;
const NEGATIVE = /^-\s*\d+(?:\.\d+)?$/;
const WITH_UNIT = /^(\d+)\s*(?:件|条|个|次|项|宗|起|人)$/;

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
 * Tokens of one line. Tab- or pipe-separated lines are split on the separators (an empty cell
 * between two separators is a blank); other lines are split on whitespace, where consecutive text
 * pieces join into one text token (a PDF label with stray spaces) and numbers stand alone.
 */
export function tokenizeLine(text: string, norm: string, lineStart: number, lineEnd: number, line: number): Token[] {
  if (isBlank(norm, lineStart, lineEnd)) {
    return [token('blank', lineStart, lineEnd, line, '', undefined, true)];
  }
  if (occursIn(norm, '---', lineStart, lineEnd) && MARKDOWN_RULE.test(norm.slice(lineStart, lineEnd))) return [];
  const tokens = newList<Token>();
  const hasTab = occursIn(norm, '\t', lineStart, lineEnd);
  const pipe = !hasTab && firstNonSpace(norm, lineStart, lineEnd) === 0x7c && occursIn(norm, '|', firstIndexOf(norm, 0x7c, lineStart, lineEnd) + 1, lineEnd);
  if (hasTab || pipe) {
    const sep = hasTab ? 0x09 : 0x7c;
    let cellStart = lineStart;
    for (let i = lineStart; i <= lineEnd; i++) {
      if (i < lineEnd && norm.charCodeAt(i) !== sep) continue;
      const s0 = cellStart;
      cellStart = i + 1;
      let s = s0;
      let e = i;
      while (s < e && isTrimmed(norm.charCodeAt(s))) s++;
      while (e > s && isTrimmed(norm.charCodeAt(e - 1))) e--;
      if (s === e) {
        // Border pipes of a Markdown row produce an empty first and last piece: not cells.
        if (pipe && (s0 === lineStart || i === lineEnd) && isBlank(norm, s0, i)) continue;
        tokens.push(token('blank', s0, i, line, ''));
        continue;
      }
      pushPiece(tokens, text, norm, s, e, line, true);
    }
    // Empty cells before the first and after the last filled cell of a line are layout (merged
    // label columns, trailing separators), not missing values.
    let first = 0;
    let last = tokens.length;
    while (first < last && tokens[first].kind === 'blank') first++;
    while (last > first && tokens[last - 1].kind === 'blank') last--;
    const kept = first === 0 && last === tokens.length ? tokens : tokens.slice(first, last);
    markAlone(kept);
    return kept;
  }
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

/** Whether `what` occurs within text[start, end). Bounded: indexOf would search past the line. */
function occursIn(text: string, what: string, start: number, end: number): boolean {
  const first = what.charCodeAt(0);
  for (let i = start; i + what.length <= end; i++) {
    if (text.charCodeAt(i) === first && (what.length === 1 || text.startsWith(what, i))) return true;
  }
  return false;
}

/** Offset of the first `c` in text[start, end), or -1. */
function firstIndexOf(text: string, c: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === c) return i;
  return -1;
}

/** The first character of text[start, end) that is not whitespace, or -1. */
function firstNonSpace(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) return c;
  }
  return -1;
}

/**
 * Every token is made here with every field, so that all tokens have one shape: the table readers
 * then read their fields at one known place each (with a field added to some tokens only, or later,
 * as `alone` is, tokens came in five shapes, and each reader compiled for the first shapes it met was
 * thrown away and compiled again when another came).
 */
export function token(kind: TokenKind, start: number, end: number, line: number, text: string, cell?: Cell, emptyLine = false): Token {
  return { kind, start, end, line, text, cell, emptyLine, alone: false };
}

function markAlone(tokens: Token[]) {
  if (tokens.length === 1) tokens[0].alone = true;
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

/** Tokens of the lines [fromLine, toLine). */
export function tokenizeLines(text: string, norm: string, lines: LineIndex, fromLine: number, toLine: number): Token[] {
  const out = newList<Token>();
  for (let l = fromLine; l < toLine && l < lines.lineCount; l++) {
    for (const t of tokenizeLine(text, norm, lines.starts[l], lines.lineEnd(l), l)) out.push(t);
  }
  return out;
}

export interface Segment {
  /** Text tokens before the values (a label, possibly wrapped over several cells or lines). */
  label: Token[];
  /** Value tokens and blanks between them (a blank between two values is a missing cell). */
  values: Token[];
}

/**
 * Groups tokens into label → values segments. Blanks before the first value (merged label
 * columns) and after the last one are dropped; blanks between values are kept as missing cells.
 */
export function segment(tokens: Token[]): Segment[] {
  const out = newList<Segment>();
  let current: Segment = { label: newList(), values: newList() };
  let pendingBlanks = newList<Token>();
  for (const t of tokens) {
    if (t.kind === 'text') {
      if (current.values.length) {
        out.push(dropDoubleSpacing(current));
        current = { label: newList(), values: newList() };
      }
      pendingBlanks = newList();
      current.label.push(t);
    } else if (t.kind === 'value') {
      if (current.values.length) {
        // An empty line counts as a missing cell only between one-per-line values.
        const last = current.values[current.values.length - 1];
        for (const b of pendingBlanks) if (!b.emptyLine || (last.alone && t.alone)) current.values.push(b);
      }
      pendingBlanks = newList();
      current.values.push(t);
    } else if (current.values.length) {
      // An empty line inside a run of one-per-line values, or an empty cell between separators.
      pendingBlanks.push(t);
    }
  }
  if (current.label.length || current.values.length) out.push(dropDoubleSpacing(current));
  return out;
}

/** One-per-line values separated by an empty line each (double-spaced paste): the empty lines are layout. */
function dropDoubleSpacing(seg: Segment): Segment {
  const v = seg.values;
  let gaps = 0;
  let emptyGaps = 0;
  for (let i = 1; i < v.length; i++) {
    if (v[i].kind === 'value') {
      gaps++;
      if (v[i - 1].kind === 'blank' && v[i - 1].emptyLine) emptyGaps++;
    }
  }
  if (gaps >= 2 && emptyGaps === gaps) seg.values = filterList(v, (t) => !(t.kind === 'blank' && t.emptyLine));
  return seg;
}
