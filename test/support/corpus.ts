// The annotated real reports of the development corpus, as kept in the repository (test/data/corpus).
import fs from 'node:fs';
import path from 'node:path';

export const CORPUS = path.resolve(__dirname, '../data/corpus');

export interface Annotation {
  rules: string[];
  line: number;
  span: number;
  why: string;
}

export interface Expectation {
  file: string;
  complete: boolean;
  must: Annotation[];
  mustNot: { line: number; why: string }[];
  allow?: string[];
}

export const corpusNames = (): string[] =>
  fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();

export const corpusReport = (name: string): string => fs.readFileSync(path.join(CORPUS, `${name}.txt`), 'utf8');

export const corpusExpectation = (name: string): Expectation => JSON.parse(fs.readFileSync(path.join(CORPUS, 'expect', `${name}.json`), 'utf8'));

/**
 * The report with every blank cell of its tab-separated 表三 and 表四 value rows written "——" (and
 * short rows filled to their width): how a table reader that keeps blank cells in place reads them.
 */
export function markBlankCells(text: string): string {
  const lines = text.split('\n');
  let width = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/收到和处理政府信息公开申请情况$/.test(line)) width = 7;
    else if (/^四、.*行政复议/.test(line)) width = 15;
    else if (/^五、/.test(line)) width = 0;
    if (width === 0 || !line.includes('\t')) continue;
    const cells = line.split('\t');
    let label = -1;
    cells.forEach((c, j) => {
      if (c !== '' && !/^\d+$/.test(c)) label = j;
    });
    const values = cells.slice(label + 1);
    const isValueRow = width === 7 ? label >= 0 && /[一二三四五六七八九十\d][、.）)]|总计/.test(cells[label]) : label < 0 && values.some((v) => v !== '');
    if (!isValueRow) continue;
    const marked = values.map((v) => (v === '' ? '——' : v)).slice(0, width);
    while (marked.length < width) marked.push('——');
    lines[i] = [...cells.slice(0, label + 1), ...marked].join('\t');
  }
  return lines.join('\n');
}
