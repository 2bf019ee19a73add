// Outline and folding: the report's sections (as their headings are written) with the tables and
// numbered sub-parts inside them.
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import type { LineIndex, Report, Span } from '../core/index';
import { TABLE_NAMES } from './cells';
import { toRange } from './convert';

const MAX_NAME = 40;

/** The span without trailing whitespace, so that a section does not end on the next heading's line. */
function trimEnd(text: string, span: Span): Span {
  let end = Math.min(span.end, text.length);
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

/** First phrase of a line, for names: "（一）主动公开情况。全年共…" → "（一）主动公开情况". */
function nameOf(text: string, span: Span): string {
  const line = text.slice(span.start, span.end).split(/\r?\n|\r/)[0].replace(/\*\*|__/g, '').trim();
  const sentence = line.split(/[。；;：:]/)[0].trim();
  return sentence.length > MAX_NAME ? sentence.slice(0, MAX_NAME) + '…' : sentence || line.slice(0, MAX_NAME);
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

export function documentSymbols(report: Report, lines: LineIndex): DocumentSymbol[] {
  const text = report.text;
  const symbol = (name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string): DocumentSymbol => {
    const range = trimEnd(text, span);
    const sel = within(selection, range) ? trimEnd(text, selection) : range;
    return { name: name || '…', detail, kind, range: toRange(lines, range), selectionRange: toRange(lines, sel), children: [] };
  };

  const children: { span: Span; symbol: DocumentSymbol }[] = [];
  for (const id of ['t2', 't3', 't4'] as const) {
    const table = report.tables[id];
    if (table) children.push({ span: trimEnd(text, table.span), symbol: symbol(TABLE_NAMES[id], SymbolKind.Array, table.span, table.span) });
  }
  for (const sub of report.subHeadings) {
    children.push({ span: trimEnd(text, sub.span), symbol: symbol(nameOf(text, sub.span), SymbolKind.String, sub.span, sub.markerSpan) });
  }
  children.sort((a, b) => a.span.start - b.span.start);

  const top: { start: number; symbol: DocumentSymbol }[] = [];
  const placed = new Set<DocumentSymbol>();
  for (const section of report.sections) {
    const heading = section.heading;
    const s = symbol(nameOf(text, heading.span), SymbolKind.String, section.span, heading.span);
    const range = trimEnd(text, section.span);
    for (const child of children) {
      if (!placed.has(child.symbol) && within(child.span, range) && child.span.start > heading.span.start) {
        s.children!.push(child.symbol);
        placed.add(child.symbol);
      }
    }
    top.push({ start: section.span.start, symbol: s });
  }
  for (const child of children) if (!placed.has(child.symbol)) top.push({ start: child.span.start, symbol: child.symbol });
  if (report.title) top.push({ start: report.title.span.start, symbol: symbol(report.title.text, SymbolKind.File, report.title.span, report.title.span) });
  return top.sort((a, b) => a.start - b.start).map((e) => e.symbol);
}

export function foldingRanges(report: Report, lines: LineIndex): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (span: Span) => {
    const trimmed = trimEnd(report.text, span);
    const startLine = lines.lineOf(trimmed.start);
    const endLine = lines.lineOf(trimmed.end);
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  for (const section of report.sections) add(section.span);
  for (const id of ['t2', 't3', 't4'] as const) {
    const table = report.tables[id];
    if (table) add(table.span);
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
