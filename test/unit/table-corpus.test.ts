// The table rules on the annotated real reports of test/data/corpus (the scorer's rules, applied to
// the table rules alone): every real defect annotated for one of them is found on its line, and
// none of them raises an error or warning anywhere else. A truncated excerpt really lacks its later
// rows and tables, so there the structural findings are not held against the reader (as the scorer
// does), except a cell-missing on a line annotated as a trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { check, describe } from '../support/assertions';
import { TABLE_RULES } from '../support/table-model';

const CORPUS = path.resolve(__dirname, '../data/corpus');
const STYLE = new Set(['cell-malformed', 'row-label', 'section-heading', 'foreign-text']);
const TRUNCATION = new Set(['table-missing', 'row-missing', 'cell-missing']);

interface Expect {
  file: string;
  complete: boolean;
  must: { rules: string[]; line: number; span?: number; why: string }[];
  mustNot?: { line: number; why: string }[];
  allow?: string[];
}

/**
 * Annotated defects that list a table rule but lie in the narrative, not in a table: a figure left
 * out of a sentence ("共發布公開信息條", "核准企业资质条") is read by the narrative readers.
 */
const IN_THE_NARRATIVE = new Set(['c07_pingtan_syq_2019:26', 'r08_chian_2020_trad:6']);

const names = readdirSync(path.join(CORPUS, 'expect'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

test('the corpus is in the repository', () => assert.ok(names.length >= 30, `${names.length} annotated reports`));

for (const name of names) {
  const e = JSON.parse(readFileSync(path.join(CORPUS, 'expect', `${name}.json`), 'utf8')) as Expect;
  const text = readFileSync(path.join(CORPUS, path.basename(e.file)), 'utf8');

  test(`corpus ${name}: the table rules find what is annotated for them and nothing else`, () => {
    const r = check(text);
    const lineOf = (offset: number) => r.lines.positionAt(offset).line + 1;
    // A defect annotated for several rules is found by any of them; false alarms are the table rules' own.
    const counted = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning' || STYLE.has(d.rule));
    const ours = counted.filter((d) => TABLE_RULES.includes(d.rule));
    const used = new Set<number>();
    for (const m of e.must) {
      if (!m.rules.some((rule) => TABLE_RULES.includes(rule)) || IN_THE_NARRATIVE.has(`${name}:${m.line}`)) continue;
      const near = (d: (typeof counted)[number]) => m.rules.includes(d.rule) && Math.abs(lineOf(d.start) - m.line) <= (m.span ?? 1);
      assert.ok(counted.some(near), `L${m.line} [${m.rules.join('|')}] not found: ${m.why}\n${describe(r, ours)}`);
      counted.forEach((d, i) => near(d) && used.add(i));
    }
    const lineCount = text.split('\n').length;
    const traps = new Set((e.mustNot ?? []).map((n) => n.line));
    const allowed = new Set(e.allow ?? []);
    const excused = (d: (typeof counted)[number]): boolean => {
      const line = lineOf(d.start);
      if (allowed.has(d.rule) || e.complete !== false || !TRUNCATION.has(d.rule)) return allowed.has(d.rule);
      return d.rule !== 'cell-missing' || (line > lineCount - 5 && !traps.has(line));
    };
    const loud = counted.filter((d, i) => TABLE_RULES.includes(d.rule) && !used.has(i) && (d.severity === 'error' || d.severity === 'warning') && !excused(d));
    assert.equal(loud.length, 0, `false alarms:\n${describe(r, loud)}`);
  });
}
