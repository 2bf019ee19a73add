// The annotated real reports of the development corpus, as kept in the repository (test/data/corpus).
import fs from 'node:fs';
import path from 'node:path';
import { check } from '../../server/src/core';

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

// ---------------------------------------------------------------------------------------------
// Scoring, as the shared corpus scorer scores the CLI's output (../shared/corpus/score.mjs and its
// README), through the engine directly: a `must` item is found by a diagnostic of one of its rules
// within line ± span (error or warning, or any severity for the style rules); every other error or
// warning is a false alarm, except what a truncated excerpt really lacks and the rules an annotation
// allows.

const STYLE_RULES = new Set(['section-heading', 'cell-malformed', 'row-label', 'foreign-text']);
const TRUNCATION_RULES = new Set(['section-missing', 'table-missing', 'row-missing', 'cell-missing', 'section-numbering']);

export interface CorpusScore {
  /** `must` items not found, as "L<line> [rules]". */
  misses: string[];
  /** False alarms, as "L<line> rule: message"; those on a `mustNot` line are also in `traps`. */
  falseAlarms: string[];
  traps: string[];
}

export function scoreCorpusReport(name: string): CorpusScore {
  const e = corpusExpectation(name);
  const text = corpusReport(name);
  const { diagnostics, lines } = check(text);
  const counted = diagnostics
    .map((d) => ({ d, line: lines.positionAt(d.start).line + 1 }))
    .filter(({ d }) => d.severity === 'error' || d.severity === 'warning' || STYLE_RULES.has(d.rule));
  const used = new Set<number>();
  const misses: string[] = [];
  for (const m of e.must) {
    const near = (x: (typeof counted)[number]) => m.rules.includes(x.d.rule) && Math.abs(x.line - m.line) <= (m.span ?? 1);
    if (!counted.some(near)) misses.push(`L${m.line} [${m.rules.join('|')}]`);
    counted.forEach((x, k) => near(x) && used.add(k));
  }
  const lineCount = text.split('\n').length;
  const trapLines = new Set(e.mustNot.map((n) => n.line));
  const allowed = new Set(e.allow ?? []);
  const lostToTruncation = ({ d, line }: (typeof counted)[number]) =>
    !e.complete && TRUNCATION_RULES.has(d.rule) && (d.rule !== 'cell-missing' || (line > lineCount - 5 && !trapLines.has(line)));
  const loud = counted.filter(
    (x, k) => !used.has(k) && !allowed.has(x.d.rule) && !lostToTruncation(x) && (x.d.severity === 'error' || x.d.severity === 'warning'),
  );
  return {
    misses,
    falseAlarms: loud.map(({ d, line }) => `L${line} ${d.rule}: ${d.message}`),
    traps: loud.filter(({ line }) => trapLines.has(line)).map(({ d, line }) => `L${line} ${d.rule}`),
  };
}
