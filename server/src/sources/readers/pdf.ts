// PDF files: pdfjs-dist reads the text layer (glyph runs with their positions); the lines are
// rebuilt from the positions, since a PDF has no lines or table cells, only text placed on a page:
// - runs whose baselines lie within half a font size of each other form one line, read left to right;
// - a gap between two runs wider than GAP_EM font sizes is a column gap (TAB), a narrower visible gap
//   a space; so a table row becomes one line of TAB-separated cells, as the table reader expects.
// Lines of a paragraph wrapped by the page's width are joined back (reflow). Pages are joined by a
// line break, their page numbers dropped. A PDF whose pages carry (almost) no text is a scan: `scanned`.
// pdfjs runs its "worker" in this thread (the fake worker: its module is loaded here and handed to
// pdfjs through globalThis.pdfjsWorker), so it works in the CLI's worker threads, offline, bundled.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PdfReading } from '../source';
import { isPageNumberLine } from '../../core/text/page-number';

// pdfjs's canvas renderer makes a DOMMatrix as it loads; Node has none (pdfjs would take one from
// @napi-rs/canvas, which is not shipped). Nothing is rendered here, so a stand-in that is only
// constructed is enough; a real one (a browser, or canvas installed) is left alone.
if (!('DOMMatrix' in globalThis)) {
  (globalThis as { DOMMatrix?: unknown }).DOMMatrix = class DOMMatrix {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
  };
}

// ES modules: required (Node ≥ 20.19 and the bundler both can), typed as imported.
const pdfjs = require('pdfjs-dist/legacy/build/pdf.mjs') as typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = require('pdfjs-dist/legacy/build/pdf.worker.mjs');

/**
 * A gap between runs of at least this many font sizes separates cells. Table cells in Word and
 * LibreOffice exports of the report forms are often only ~0.6 em apart (narrow columns, small
 * padding), while the glyphs of one cell or sentence touch (CJK) or are a space apart (≤ 0.35 em).
 */
const GAP_EM = 0.55;
/** A visible gap narrower than that, but at least this, is a space. */
const SPACE_EM = 0.15;
/** Fewer non-blank characters per page than this (page numbers, a stamp): no text layer. */
const SCANNED_CHARS_PER_PAGE = 20;

interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** The CMaps pdfjs needs for PDFs whose CJK fonts use predefined encodings (GBK-EUC-H, UniGB-UCS2-H…). */
function cMapDir(): string | undefined {
  const bundled = path.join(__dirname, 'cmaps');
  if (fs.existsSync(bundled)) return bundled + path.sep;
  try {
    return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps') + path.sep;
  } catch {
    return undefined;
  }
}

function runsOf(items: readonly unknown[]): Run[] {
  const runs: Run[] = [];
  for (const item of items) {
    const it = item as { str?: string; transform?: number[]; width?: number };
    if (typeof it.str !== 'string' || !it.transform || it.str === '') continue;
    const [a, b, , d, x, y] = it.transform;
    // The font size is the length of the text matrix's vertical vector (rotated text included).
    const size = Math.hypot(b, d) || Math.hypot(a, b) || 1;
    runs.push({ text: it.str, x, y, width: it.width ?? 0, size });
  }
  return runs;
}

/** One line's runs (left to right) → its text, with TABs at column gaps. */
function lineText(runs: Run[]): string {
  runs.sort((p, q) => p.x - q.x);
  let text = '';
  let end = -Infinity;
  for (const run of runs) {
    if (!run.text.trim()) continue; // a space run only marks a gap, measured below
    const gap = run.x - end;
    // Two numbers apart are two cells: a number is never split by a space in these tables.
    const numbers = /\d$/.test(text) && /^\d/.test(run.text.trimStart());
    if (text && (gap >= GAP_EM * run.size || (numbers && gap >= SPACE_EM * run.size))) text += '\t';
    else if (text && gap >= SPACE_EM * run.size && !/\s$/.test(text)) text += ' ';
    text += run.text.replace(/\t/g, ' ');
    end = Math.max(end, run.x + run.width);
  }
  return text;
}

interface Line {
  runs: Run[];
  top: number;
  bottom: number;
  /** The horizontal extents of its runs, to tell whether another line's text sits beside it. */
  left: number;
  right: number;
}

function lineOf(runs: Run[]): Line {
  let top = -Infinity;
  let bottom = Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (const r of runs) {
    top = Math.max(top, r.y);
    bottom = Math.min(bottom, r.y);
    if (!r.text.trim()) continue;
    left = Math.min(left, r.x);
    right = Math.max(right, r.x + r.width);
  }
  return { runs, top, bottom, left, right };
}

/**
 * A table row whose label wraps over lines has its numbers vertically centred, on a baseline of
 * their own: a line whose text lies wholly beside the previous one (no horizontal overlap) and
 * within a line's height of it belongs to the same row. Lines of running text always overlap.
 */
function mergeBeside(lines: Line[]): Line[] {
  const merged: Line[] = [];
  for (const line of lines) {
    const last = merged[merged.length - 1];
    const size = line.runs[0]?.size ?? 1;
    const near = last && last.bottom - line.top <= size * 1.5;
    const beside = last && (line.left >= last.right || line.right <= last.left);
    if (near && beside) merged[merged.length - 1] = lineOf([...last.runs, ...line.runs]);
    else merged.push(line);
  }
  return merged;
}

/** A line of text as laid on the page: where its text begins and ends, and its font size. */
export interface PageLine {
  text: string;
  left: number;
  right: number;
  size: number;
}

/** A page's runs → its lines, top to bottom. */
export function pageLines(items: readonly unknown[]): PageLine[] {
  const runs = runsOf(items);
  runs.sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Line[] = [];
  let current: Run[] = [];
  let baseline = 0;
  for (const run of runs) {
    if (current.length && Math.abs(run.y - baseline) > run.size * 0.5) {
      lines.push(lineOf(current));
      current = [];
    }
    if (!current.length) baseline = run.y;
    current.push(run);
  }
  if (current.length) lines.push(lineOf(current));
  return mergeBeside(lines.filter((l) => l.right > l.left))
    .map((l) => ({ text: lineText(l.runs), left: l.left, right: l.right, size: l.runs[0]?.size ?? 1 }))
    .filter((l) => l.text.trim());
}

/**
 * The page's lines without the page number printed at its foot or head ("- 4 -", "第 4 页"): it is
 * not the report's, and at the foot of a full page the reflow would join it to the paragraph.
 */
export function withoutPageNumber(lines: PageLine[]): PageLine[] {
  let from = 0;
  let to = lines.length;
  if (to > from && isPageNumberLine(lines[to - 1].text)) to--;
  if (to > from && isPageNumberLine(lines[from].text)) from++;
  return from === 0 && to === lines.length ? lines : lines.slice(from, to);
}

/** Where a sentence or clause ends: a line ending so was not cut by the page's width. */
const CLAUSE_END = /[。！？；：!?;:]\s*$/;
/** What opens a heading or a numbered item ("一、", "（一）", "1."): never the rest of a sentence. */
const NUMBERED_START = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．])/;

/** The value below which `share` of the sorted numbers lie. */
function quantile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

/**
 * Paragraphs wrapped by the page's width, joined back into one line each: a PDF breaks running text
 * where the line is full ("…共公布政府信息 2602 条(其中机构职能类信息 82" / "条，政策…"), and a
 * figure cut from its unit, or a sentence over two lines, would not be read. A line continues on
 * the next when it reaches the text block's right edge (within 1.5 font sizes), does not end a
 * clause, and the next line starts at the block's left edge (not indented as a paragraph's first
 * line), in the same font size, without a numbering of its own; table rows (TABs) are never joined.
 * The edges are the document's: most of its running lines are full ones. A paragraph cut by the
 * foot of a page goes on at the head of the next (its page number dropped before: withoutPageNumber).
 */
export function reflow(pages: readonly PageLine[][]): string[][] {
  const prose = pages.flat().filter((l) => !l.text.includes('\t') && l.text.trim().length >= 10);
  if (prose.length < 4) return pages.map((lines) => lines.map((l) => l.text));
  const rightEdge = quantile(prose.map((l) => l.right).sort((a, b) => a - b), 0.9);
  const leftEdge = quantile(prose.map((l) => l.left).sort((a, b) => a - b), 0.1);
  const out: string[][] = [];
  // The page that holds the last line written: a paragraph goes on across a page break too.
  let lastPage: string[] = [];
  let open = false; // the last line written goes on in the next one
  for (let p = 0; p < pages.length; p++) {
    const lines = pages[p];
    const page: string[] = [];
    out.push(page);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const text = line.text;
      if (open) {
        const last = lastPage[lastPage.length - 1];
        // Two Latin words or numbers across the break keep a space between them.
        const space = /[A-Za-z0-9]$/.test(last) && /^[A-Za-z0-9]/.test(text) ? ' ' : '';
        lastPage[lastPage.length - 1] = last + space + text.trimStart();
      } else {
        page.push(text);
        lastPage = page;
      }
      const next = i + 1 < lines.length ? lines[i + 1] : pages.slice(p + 1).find((l) => l.length)?.[0];
      open =
        !!next &&
        !text.includes('\t') &&
        !next.text.includes('\t') &&
        line.right >= rightEdge - 1.5 * line.size &&
        !CLAUSE_END.test(text) &&
        next.left <= leftEdge + 0.5 * next.size &&
        Math.abs(next.size - line.size) <= 0.2 * line.size &&
        !NUMBERED_START.test(next.text);
    }
  }
  return out;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  // pdfjs takes the buffer over (transfers it): give it a copy.
  const data = new Uint8Array(bytes);
  const task = pdfjs.getDocument({
    data,
    verbosity: 0,
    cMapUrl: cMapDir(),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
  });
  try {
    const doc = await task.promise;
    const laid: PageLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      laid.push(withoutPageNumber(pageLines(content.items)));
      page.cleanup();
    }
    const pages: string[] = [];
    const pageStarts: number[] = [];
    let line = 0;
    let chars = 0;
    for (const lines of reflow(laid)) {
      pageStarts.push(line);
      line += lines.length;
      for (const l of lines) chars += l.replace(/\s/g, '').length;
      pages.push(lines.join('\n'));
    }
    const scanned = chars < SCANNED_CHARS_PER_PAGE * Math.max(1, doc.numPages);
    return { ok: true, text: pages.join('\n'), pages: doc.numPages, pageStarts, scanned };
  } catch (error) {
    const name = (error as { name?: string })?.name;
    if (name === 'PasswordException') return { ok: false, reason: 'password' };
    return { ok: false, reason: 'invalid', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
