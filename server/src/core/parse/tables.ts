// Reading 表二, 表三 and 表四 from any of the shapes they arrive in (FORMAT.md §6 and §8): anchor on
// the standard labels, collect the values between one label and the next, and place values in
// columns only when the count proves where they go. A row with too few numbers is reported, never
// shifted.
import type { Cell, Table, TableRow } from '../model';
import type { EditionId, Span } from '../types';
import type { LineIndex } from '../text/lines';
import { compact } from '../text/normalize';
import { type RowSpec, T2_HEADER_LABELS, T2_ROWS, T3_ROWS, t3ValueRows } from '../format/editions';
import { type Token, segment, token, tokenizeLines } from './cells';
import { StringMemo } from '../text/memo';
import { nextOf } from '../text/next';
import { copyList, filterList, mapList, newList } from '../lists';
import { canonicalLabel, findAnchor, labelKey, type LabelKey } from './labels';

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

function spanOfTokens(tokens: Token[]): Span {
  return { start: tokens[0].start, end: tokens[tokens.length - 1].end };
}

/** The last line of the table region: up to (not including) the first boundary after `from`. */
function regionEnd(ctx: TableScanContext, from: number, maxLines: number): number {
  let l = from + 1;
  while (l < ctx.lines.lineCount && l < from + maxLines && !ctx.isBoundary(l)) l++;
  return l;
}

function blankCell(t: Token): Cell {
  return { span: { start: t.start, end: t.start }, raw: '', value: null, status: 'missing' };
}

/** Turns the value slots of a segment into cells; positioned only when the count is exactly right. */
function placeCells(values: Token[], expected: number): { cells: Cell[]; positioned: boolean } {
  if (values.length === expected) {
    return { cells: mapList(values, (t) => (t.kind === 'value' ? t.cell! : blankCell(t))), positioned: true };
  }
  const cells = newList<Cell>();
  for (const t of values) if (t.kind === 'value') cells.push(t.cell!);
  return { cells, positioned: false };
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
    else break;
  }
  return out;
}

function makeRow(spec: RowSpec, labelTokens: Token[], text: string, values: Token[], expected: number): TableRow {
  const { cells, positioned } = placeCells(values, expected);
  const labelSpan = spanOfTokens(labelTokens);
  const end = values.length ? values[values.length - 1].end : labelSpan.end;
  const labelParts = mapList(labelTokens, (t) => ({ start: t.start, end: t.end }));
  return tableRow(spec.key, joinedText(labelTokens, text), labelSpan, labelParts, cells, positioned, { start: labelSpan.start, end: Math.max(end, labelSpan.end) });
}

/** Every row is made here, so that rows have one hidden class (see lists.ts for why that matters). */
function tableRow(key: string, label: string, labelSpan: Span, labelParts: Span[], cells: Cell[], positioned: boolean, span: Span): TableRow {
  return { key, label, labelSpan, labelParts, cells, positioned, span };
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
  const end = regionEnd(ctx, startLine, 800);
  const tokens = tokenizeLines(ctx.text, ctx.norm, ctx.lines, startLine, end);
  const segments = segment(tokens);
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
        const row = makeRow(last.spec, tokensOfRow(last.row, label), ctx.text, seg.values, T3_COLUMN_COUNT);
        rows.set(last.spec.key, row);
        last = { spec: last.spec, row };
      } else {
        stray.push(makeRow({ key: 'stray', label: '', anchor: /$^/ }, label.length ? label : seg.values.slice(0, 1), ctx.text, seg.values, T3_COLUMN_COUNT));
      }
      lastEnd = seg.values[seg.values.length - 1].end;
      continue;
    }
    matches.forEach((m, i) => {
      const isLast = i === matches.length - 1;
      let spec = m.spec;
      const values = isLast ? seg.values : newList<Token>();
      // （六）其他处理 with numbers of its own is the 2019 edition's single row.
      if (spec.key === 'h6' && values.length) spec = T3_ROWS.find((r) => r.key === 'r6')!;
      const labelTokens = isLast && wrappedTokens ? wrappedTokens : rowLabelTokens(label, m.tokenIndex, spec);
      const row = makeRow(spec, labelTokens, ctx.text, values, T3_COLUMN_COUNT);
      if (!rows.has(spec.key)) rows.set(spec.key, row);
      last = { spec, row };
      pos = T3_SCHEMA.indexOf(m.spec) + 1;
    });
    lastEnd = seg.values.length ? seg.values[seg.values.length - 1].end : label[label.length - 1].end;
    if (rows.has('next') && rows.get('next')!.cells.length) done = true;
  }

  const edition: EditionId = rows.has('r6_1') || rows.has('r6_2') || rows.has('r6_3') || rows.has('h6')
    ? '2021'
    : rows.has('r6')
      ? '2019'
      : 'unknown';
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
  return tableRow(row.key, label, { start: parts[0].start, end: parts[parts.length - 1].end }, parts, row.cells, row.positioned, row.span);
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
    // Confirm by the column labels nearby.
    for (let m = l; m < Math.min(ctx.lines.lineCount, l + 30); m++) {
      if (/维持|纠正|尚未审结/.test(ctx.norm.slice(ctx.lines.starts[m], ctx.lines.lineEnd(m)))) return l;
    }
  }
  return null;
}

export function readT4(ctx: TableScanContext, startLine: number): Table {
  const end = regionEnd(ctx, startLine, 200);
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
    const { cells, positioned } = placeCells(slots, T4_VALUE_COUNT);
    const first = headerTokens[0] ?? slots[0];
    const labelParts = copyList([{ start: first.start, end: first.end }]);
    rows.set('values', tableRow('values', '表四', { start: first.start, end: first.end }, labelParts, cells, positioned, { start: slots[0].start, end: slots[slots.length - 1].end }));
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
  // Both openings need a 条 (第二十条) or a 容 (信息内容).
  for (const [l, s] of linesHolding(ctx, ['条', '容'], from, to)) {
    const k = compact(s);
    if (/^第二十条第\(?[一1]\)?项/.test(k) || /^信息内容(本年|\t|$)/.test(k.replace(/\t/g, ''))) return l;
  }
  return null;
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

export function readT2(ctx: TableScanContext, startLine: number, stopLine: number, reportEdition: EditionId): Table {
  let end = regionEnd(ctx, startLine, 200);
  if (end > stopLine) end = stopLine;
  const tokens = tokenizeLines(ctx.text, ctx.norm, ctx.lines, startLine, end);
  const segments = segment(tokens);
  const headerLabels: Table['headerLabels'] = newList();
  const found = newList<{ spec: RowSpec; labelTokens: Token[]; values: Token[] }>();
  const stray = newList<TableRow>();
  let tableEnd = tokens.length ? tokens[0].end : ctx.lines.starts[startLine];
  for (const seg of segments) {
    let rowToken: { spec: RowSpec; index: number } | null = null;
    seg.label.forEach((t, i) => {
      const read = readT2Label(compact(t.text));
      if (read.spec) rowToken = { spec: read.spec, index: i };
      else if (read.header) headerLabels.push({ text: ctx.text.slice(t.start, t.end), span: { start: t.start, end: t.end }, key: read.header });
    });
    const r = rowToken as { spec: RowSpec; index: number } | null;
    if (r) {
      found.push({ spec: r.spec, labelTokens: [seg.label[r.index]], values: seg.values });
      tableEnd = seg.values.length ? seg.values[seg.values.length - 1].end : seg.label[r.index].end;
    } else if (seg.values.length && found.length) {
      stray.push(makeRow({ key: 'stray', label: '', anchor: /$^/ }, seg.label.length ? seg.label : seg.values.slice(0, 1), ctx.text, seg.values, seg.values.length));
    }
  }
  const votes = { '2021': 0, '2019': 0 } as Record<string, number>;
  for (const h of headerLabels) {
    const e = T2_HEADER_LABELS.find((x) => x.label === h.key)!.edition;
    votes[e] = (votes[e] ?? 0) + 1;
  }
  if (found.some((f) => f.spec.key === 'otherService' || f.spec.key === 'procurement')) votes['2019'] += 2;
  const edition: EditionId = votes['2021'] > votes['2019'] ? '2021' : votes['2019'] > votes['2021'] ? '2019' : 'unknown';
  const cellEdition: '2021' | '2019' = edition === '2019' || (edition === 'unknown' && reportEdition === '2019') ? '2019' : '2021';
  const rows = new Map<string, TableRow>();
  for (const f of found) {
    if (rows.has(f.spec.key)) continue;
    const expected = f.spec.cells?.[cellEdition] ?? f.values.length;
    // 表二 rows often end with empty separator cells; trailing slots beyond the expected count that
    // are blanks are layout.
    let values = f.values;
    while (values.length > expected && values[values.length - 1].kind === 'blank') values = values.slice(0, -1);
    rows.set(f.spec.key, makeRow(f.spec, f.labelTokens, ctx.text, values, expected));
  }
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

/** The rows 表二 must have, by the edition its cells follow. */
const t2Required = (edition: '2021' | '2019') => T2_ROWS.filter((r) => !r.editions || r.editions.includes(edition)).map((r) => r.key);
const T2_REQUIRED = { '2021': t2Required('2021'), '2019': t2Required('2019') };

const T2_LABELS = new StringMemo<{ spec?: RowSpec; header?: string }>();

/** What a 表二 label cell is: a row, a column header, or neither (remembered: every report repeats them). */
function readT2Label(key: string): { spec?: RowSpec; header?: string } {
  return T2_LABELS.get(key, (label) => {
    const spec = T2_ROWS.find((r) => r.anchor.test(label.replace(/^\d+[.、]/, '')));
    if (spec) return { spec };
    if (/^第二十条|^信息内容$/.test(label)) return {};
    return { header: T2_HEADER_LABELS.find((h) => h.fuzzy.test(canonicalHeader(label)))?.label };
  });
}

function canonicalHeader(key: string): string {
  return key.replace(/[（(]单位[:：]?万元[)）]/, '').replace(/[（）()]/g, '');
}

