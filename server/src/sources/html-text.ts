// HTML → the report's text, for web pages and for Word documents (mammoth gives .docx as HTML).
// Parsed by htmlparser2 (tolerant, entities decoded), then walked:
// - scripts, styles, navigation, page header and footer, forms and frames are dropped;
// - on a CMS page the article container is kept when there is an obvious one (one element holding
//   most of the page's text; see `mainContent`), with the report's heading if it sits outside it;
// - block elements and <br> end lines; inline whitespace collapses as a browser shows it;
// - a data table becomes one line per row, cells separated by TAB, laid on the grid its
//   rowspan/colspan make: a merged cell's text is in its first position and the positions it
//   covers are left empty, as a table copied out of Word reads (numbers are never repeated);
// - a layout table (one holding other tables or whole articles) is read as ordinary blocks.
// htmlparser2 is an ES module: required (Node ≥ 20.19 and the bundler both can), typed as imported.
const { parseDocument } = require('htmlparser2') as typeof import('htmlparser2', { with: { 'resolution-mode': 'import' } });

/** The DOM nodes walked here (the shape domhandler gives them). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
}

const DROPPED = new Set(['script', 'style', 'noscript', 'iframe', 'frame', 'frameset', 'nav', 'header', 'footer', 'head', 'template', 'svg', 'math', 'select', 'option', 'button', 'textarea', 'object', 'embed', 'canvas', 'audio', 'video', 'map']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'address', 'center', 'figure', 'figcaption', 'form', 'fieldset', 'hr', 'table', 'tr', 'caption', 'body', 'html']);
const CELLS = new Set(['td', 'th']);

/** Past this depth the tree is read flat (text and line breaks only), so no input can exhaust the stack. */
const MAX_DEPTH = 200;

/** The line without its leading and trailing ASCII spaces (an indent of full-width spaces is kept). */
function trimSpaces(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) === 32) start++;
  while (end > start && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(start, end);
}

/** Collects lines: `text` appends to the current line, `breakLine` ends it (blank lines are not kept). */
class Lines {
  readonly out: string[] = [];
  private current = '';

  text(s: string): void {
    this.current += s;
  }

  breakLine(): void {
    const line = trimSpaces(this.current);
    this.current = '';
    if (line.trim()) this.out.push(line);
  }

  /** A line given whole (a table row). */
  line(s: string): void {
    this.breakLine();
    this.out.push(s);
  }

  finish(): string {
    this.breakLine();
    return this.out.join('\n');
  }
}

function isElement(node: DomNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Collapses HTML whitespace as a browser shows it (tabs and line breaks are spaces; NBSP kept). */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}

/** The visible text length of a subtree (dropped elements excluded), for choosing the article. */
function textLength(node: DomNode, sizes: Map<DomNode, number>): number {
  const known = sizes.get(node);
  if (known !== undefined) return known;
  let total = 0;
  // Iterative, post-order: deep trees cannot exhaust the stack.
  const stack: { node: DomNode; visited: boolean }[] = [{ node, visited: false }];
  while (stack.length) {
    const top = stack.pop()!;
    const n = top.node;
    if (n.type === 'text') {
      sizes.set(n, collapse(n.data ?? '').trim().length);
      continue;
    }
    if (isElement(n) && DROPPED.has(n.name ?? '')) {
      sizes.set(n, 0);
      continue;
    }
    if (!top.visited) {
      stack.push({ node: n, visited: true });
      for (const c of n.children ?? []) stack.push({ node: c, visited: false });
      continue;
    }
    let sum = 0;
    for (const c of n.children ?? []) sum += sizes.get(c) ?? 0;
    sizes.set(n, sum);
  }
  total = sizes.get(node) ?? 0;
  return total;
}

/**
 * The article: from the body, go down into the one child element that holds at least 70 % of the
 * text, while there is one. A page whose report is spread over several siblings stays whole.
 */
function mainContent(body: DomNode): DomNode {
  const sizes = new Map<DomNode, number>();
  let node = body;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const total = textLength(node, sizes);
    if (total === 0) break;
    let best: DomNode | null = null;
    for (const c of node.children ?? []) {
      if (isElement(c) && textLength(c, sizes) >= total * 0.7) best = c;
    }
    // A table row or cell is not an article: a layout table's cell is, but only as a whole table.
    if (!best || best.name === 'tr' || best.name === 'tbody' || best.name === 'thead') break;
    node = best;
  }
  return node;
}

/** Headings outside the article that name the report (the CMS puts the title above the article). */
function headingsOutside(root: DomNode, article: DomNode): string[] {
  const found: string[] = [];
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === article || (isElement(n) && DROPPED.has(n.name ?? ''))) continue;
    if (isElement(n) && /^h[12]$/.test(n.name ?? '')) {
      const text = collapse(flatText(n)).trim();
      if (/报告|年报/.test(text)) found.push(text);
      continue;
    }
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found;
}

/** All text of a subtree, dropped elements excluded; iterative. */
function flatText(node: DomNode): string {
  let out = '';
  const stack: DomNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out += n.data ?? '';
    else if (isElement(n) && DROPPED.has(n.name ?? '')) continue;
    else {
      if (isElement(n) && (BLOCKS.has(n.name ?? '') || n.name === 'br')) out += '\n';
      const children = n.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return out;
}

function span(node: DomNode, name: 'rowspan' | 'colspan'): number {
  const n = Number.parseInt(node.attribs?.[name] ?? '1', 10);
  // Browsers clamp colspan to 1000 and rowspan to 65534; a report table needs far less.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, name === 'colspan' ? 100 : 1000) : 1;
}

/** The rows of a table (through thead/tbody/tfoot, not into nested tables). */
function rowsOf(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const c of table.children ?? []) {
    if (!isElement(c)) continue;
    if (c.name === 'tr') rows.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') for (const r of c.children ?? []) if (isElement(r) && r.name === 'tr') rows.push(r);
  }
  return rows;
}

function cellsOf(row: DomNode): DomNode[] {
  return (row.children ?? []).filter((c) => isElement(c) && CELLS.has(c.name ?? ''));
}

function containsTable(node: DomNode): boolean {
  const stack = [...(node.children ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n) && n.name === 'table') return true;
    for (const c of n.children ?? []) stack.push(c);
  }
  return false;
}

/** A table used for page layout: a cell holds another table, or a long run of paragraphs. */
function isLayoutTable(rows: DomNode[]): boolean {
  for (const row of rows) {
    for (const cell of cellsOf(row)) {
      if (containsTable(cell)) return true;
      const blocks = (cell.children ?? []).filter((c) => isElement(c) && BLOCKS.has(c.name ?? '')).length;
      if (blocks > 3 && collapse(flatText(cell)).length > 300) return true;
    }
  }
  return false;
}

/**
 * A cell's text on one line: its paragraphs joined (a label Word wrapped over two paragraphs, such
 * as 三、本年度 / 办理结果, reads as one), a space only between two Latin letters or digits.
 */
function cellText(cell: DomNode): string {
  const parts = flatText(cell)
    .split('\n')
    .map((p) => collapse(p).trim())
    .filter((p) => p);
  let text = '';
  for (const p of parts) text += text && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(p) ? ` ${p}` : p;
  return text.replace(/\t/g, ' ');
}

/** The table on its grid: a row per line, TAB between cells, covered positions empty. */
function writeTable(rows: DomNode[], lines: Lines): void {
  const grid: string[][] = [];
  for (let r = 0; r < rows.length; r++) {
    grid[r] ??= [];
    let c = 0;
    for (const cell of cellsOf(rows[r])) {
      while (grid[r][c] !== undefined) c++;
      const rowspan = Math.min(span(cell, 'rowspan'), rows.length - r);
      const colspan = span(cell, 'colspan');
      for (let dr = 0; dr < rowspan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) target[c + dc] = dr === 0 && dc === 0 ? cellText(cell) : '';
      }
      c += colspan;
    }
  }
  const width = Math.max(0, ...grid.map((row) => row.length));
  for (const row of grid) {
    if (!row.some((cell) => cell)) continue; // a spacer row
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(row[c] ?? '');
    lines.line(cells.join('\t'));
  }
}

function walk(node: DomNode, lines: Lines, depth: number): void {
  if (node.type === 'text') {
    lines.text(collapse(node.data ?? ''));
    return;
  }
  if (!node.children && !isElement(node)) return;
  const name = isElement(node) ? (node.name ?? '') : '';
  if (DROPPED.has(name)) return;
  if (name === 'br') {
    lines.breakLine();
    return;
  }
  if (depth > MAX_DEPTH) {
    for (const line of flatText(node).split('\n')) {
      lines.text(collapse(line));
      lines.breakLine();
    }
    return;
  }
  if (name === 'table') {
    const rows = rowsOf(node);
    if (!isLayoutTable(rows)) {
      writeTable(rows, lines);
      return;
    }
  }
  const block = BLOCKS.has(name) || CELLS.has(name);
  if (block) lines.breakLine();
  for (const c of node.children ?? []) walk(c, lines, depth + 1);
  if (block) lines.breakLine();
}

function findBody(root: DomNode): DomNode {
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n) && n.name === 'body') return n;
    if (isElement(n) && n.name !== 'html') continue; // body is a child of html or of the root
    for (const c of n.children ?? []) stack.push(c);
  }
  return root;
}

export interface HtmlTextOptions {
  /** Keep only the article of a CMS page (web pages); a Word document is read whole. */
  article: boolean;
}

export function htmlToText(html: string, options: HtmlTextOptions): string {
  const root = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }) as unknown as DomNode;
  const body = findBody(root);
  const article = options.article ? mainContent(body) : body;
  const lines = new Lines();
  if (article !== body) for (const heading of headingsOutside(body, article)) lines.line(heading);
  walk(article, lines, 0);
  return lines.finish();
}
