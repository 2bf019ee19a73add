// Rewrites the tables of a tab-shaped generated report (support/reports.ts) in the layouts web pages
// give them when copied as text, so that one consistent report can be read in every layout:
//   pipes         LABEL | 1 | 0 | 0 |             (rows without a leading pipe: r20, r11, r19, r28)
//   pipe-lines    one cell per line, a line "|" after each cell          (r17)
//   cell-pipes    one cell per line ending " |", "|" lines between rows  (r08, r21)
//   double-spaced one cell per line, an empty line after every line      (r09, r12, r26)
// Only the lines of the tables change (those holding a tab, between 二 and 五).

export type Layout = 'pipes' | 'pipe-lines' | 'cell-pipes' | 'double-spaced';
export const LAYOUTS: Layout[] = ['pipes', 'pipe-lines', 'cell-pipes', 'double-spaced'];

/** The cells of a tab-separated table line, without the empty cells before its first filled one. */
function cellsOf(line: string): string[] {
  const cells = line.split('\t');
  while (cells.length && cells[0].trim() === '') cells.shift();
  return cells;
}

export function reshape(tabText: string, layout: Layout): string {
  const lines = tabText.split('\n');
  const from = lines.findIndex((l) => /^二、/.test(l));
  const to = lines.findIndex((l) => /^五、/.test(l));
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i <= from || i >= to || !line.includes('\t')) {
      out.push(line);
      return;
    }
    const cells = cellsOf(line);
    switch (layout) {
      case 'pipes':
        out.push(cells.join(' | ') + ' |');
        break;
      case 'pipe-lines':
        for (const c of cells) out.push(c, '|');
        break;
      case 'cell-pipes':
        for (const c of cells) out.push(`${c} |`);
        out.push('|', '|');
        break;
      case 'double-spaced':
        for (const c of cells) out.push(c, '');
        break;
    }
  });
  return out.join('\n');
}
