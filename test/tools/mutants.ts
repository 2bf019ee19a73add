// Developer aid: single-defect mutants of the clean real reports in the repo (issue 13: "on
// single-defect mutants of clean real reports, recall ≥ 0.98 and no false alarm").
//   node --import tsx test/tools/mutants.ts [--list] [--only KIND]
// Takes each clean report (c01…c05, the cixi fixture, the corpus excerpts whose expect has no `must`),
// plants one defect of a kind real reports have (FORMAT.md §7), runs check() and counts:
// - found: a finding of an expected rule within ±2 lines of the defect (error/warning, or any severity
//   for the style rules), or anywhere for the structure kinds (a missing section or row has no line);
// - false alarm: any other error/warning the unmutated report did not have (compared by rule and
//   message, so that deleted lines do not shift the comparison).
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core';
import type { CheckResult, Diagnostic, Report, RuleId } from '../../server/src/core';
import { T3_TOTAL_COLUMN, t3ValueRows } from '../../server/src/core/format/editions';
import { standardRowLabel } from '../../server/src/core/rules/tables-common';
import { bodyKind } from '../../server/src/core/rules/regulation-scope';

const ROOT = path.resolve(__dirname, '../data');
const SUM_RULES: RuleId[] = ['balance', 'column-total', 'row-total', 'appeal-total'];
const STYLE_RULES: RuleId[] = ['section-heading', 'cell-malformed', 'row-label', 'foreign-text'];
const SERIOUS = new Set(['error', 'warning']);

interface Source {
  name: string;
  text: string;
  complete: boolean;
}

interface Mutant {
  file: string;
  kind: string;
  text: string;
  /** 1-based line of the defect in the mutated text, or null when the finding may be anywhere. */
  line: number | null;
  expect: RuleId[];
  /** Rules whose new findings are a legitimate consequence, neither found nor false alarms. */
  also: RuleId[];
  /** Text a found finding's message must contain (the missing section or row), if any. */
  mentions?: string;
  what: string;
}

function sources(): Source[] {
  const out: Source[] = [];
  const corpus = path.join(ROOT, 'corpus');
  for (const file of readdirSync(path.join(corpus, 'expect')).sort()) {
    const expect = JSON.parse(readFileSync(path.join(corpus, 'expect', file), 'utf8'));
    const name = path.basename(expect.file);
    const isPingtan = /^c0[1-5]_/.test(name);
    if (!isPingtan && expect.must.length) continue;
    out.push({ name, text: readFileSync(path.join(corpus, name), 'utf8'), complete: expect.complete });
  }
  const cixi = '2023-cixi-city-office.txt';
  out.push({ name: cixi, text: readFileSync(path.join(ROOT, 'fixtures', cixi), 'utf8'), complete: true });
  return out;
}

const replace = (text: string, start: number, end: number, by: string) => text.slice(0, start) + by + text.slice(end);
const lineOf = (text: string, offset: number) => {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
};
/** The delta of the i-th mutant of a kind: 1…5, varied so that every size is tried. */
const delta = (i: number) => 1 + (i % 5);

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
function lineEnd(text: string, offset: number): number {
  const e = text.indexOf('\n', offset);
  return e < 0 ? text.length : e + 1;
}

function sentenceAround(text: string, at: number): string {
  let s = at;
  while (s > 0 && !'。；\n'.includes(text[s - 1])) s--;
  let e = at;
  while (e < text.length && !'。；\n'.includes(text[e])) e++;
  return text.slice(s, e);
}

function sectionOf(report: Report, key: string) {
  return report.sections.find((s) => s.key === key) ?? null;
}
function inTable(report: Report, at: number): boolean {
  return report.tableSpans.some((s) => at >= s.start && at < s.end);
}

function cellMutants(src: Source, base: CheckResult, out: Mutant[]) {
  const { report } = base;
  const t3 = report.tables.t3;
  const cells: { where: string; kind: string; start: number; end: number; value: number }[] = [];
  if (t3) {
    const keys = new Set([...t3ValueRows('2021'), ...t3ValueRows('2019')]);
    for (const [key, row] of t3.rows) {
      if (!keys.has(key) || !row.positioned) continue;
      row.cells.forEach((c, col) => {
        if (c.value === null) return;
        const kind = key === 'new' ? '新收' : key === 'carry' ? '结转' : key === 'total' || col === T3_TOTAL_COLUMN ? 'total' : 'leaf';
        cells.push({ where: `表三 ${key}[${col}]`, kind: `t3 cell ±k (${kind})`, start: c.span.start, end: c.span.end, value: c.value });
      });
    }
  }
  const t4 = report.tables.t4?.rows.get('values');
  if (t4?.positioned) {
    t4.cells.forEach((c, col) => {
      if (c.value === null) return;
      const kind = col % 5 === 4 ? 'total' : 'leaf';
      cells.push({ where: `表四 [${col}]`, kind: `t4 cell ±k (${kind})`, start: c.span.start, end: c.span.end, value: c.value });
    });
  }
  cells.forEach((c, i) => {
    const k = delta(i);
    for (const v of c.value >= k ? [c.value + k, c.value - k] : [c.value + k]) {
      out.push({
        file: src.name,
        kind: c.kind,
        text: replace(src.text, c.start, c.end, String(v)),
        line: lineOf(src.text, c.start),
        expect: SUM_RULES,
        also: ['text-vs-table', 'percentage', 'breakdown-sum'],
        what: `${c.where} ${c.value}→${v}`,
      });
    }
    // In the last lines of a cut excerpt a blank cell cannot be told from the cut (the scorer does
    // not count cell-missing there either): dropped.
    const nearCut = !src.complete && lineOf(src.text, c.start) > lineOf(src.text, src.text.length) - 5;
    if (i % 3 === 0 && !nearCut) {
      out.push({
        file: src.name,
        kind: 'cell blanked',
        text: replace(src.text, c.start, c.end, ''),
        line: lineOf(src.text, c.start),
        expect: ['cell-missing'],
        also: [],
        what: `${c.where} ${c.value}→(blank)`,
      });
    }
  });
}

/** Phrasings of narrative figures that name a table cell, found independently of the parser. */
const FIGURE_PHRASES = /(?:收到|受理|接到|接收)[^。；，,\d]{0,16}?申请[^。；，,\d]{0,4}?(\d+)\s*(?:件|个|条)|办结[^。；，,\d]{0,10}?(\d+)\s*件|行政复议[^。；，,\d]{0,6}?(\d+)\s*(?:件|起)|行政诉讼[^。；，,\d]{0,6}?(\d+)\s*(?:件|起)|(?:制发|发布|出台|印发)[^。；，,\d]{0,8}?规范性文件\s*(\d+)\s*件/g;

/** Whether the table row a figure names was read (a cut excerpt may hold the table's title only). */
function cellKnown(report: Report, target: string): boolean {
  const [id, row] = target.split('.') as ['t2' | 't3' | 't4', string];
  const table = report.tables[id];
  if (!table) return false;
  if (id === 't4') return table.rows.get('values')?.positioned ?? false;
  if (id === 't2' || /^(new|carry|next|total|r1|r2)$/.test(row)) return table.rows.get(row)?.positioned ?? false;
  return true;
}

function figureMutants(src: Source, base: CheckResult, out: Mutant[]) {
  const { report } = base;
  const vsTableLines = new Set(base.diagnostics.filter((d) => d.rule === 'text-vs-table').map((d) => base.lines.positionAt(d.start).line + 1));
  const seen = new Set<number>();
  let i = 0;
  for (const f of report.figures) {
    seen.add(f.span.start);
    if (f.approximate || vsTableLines.has(lineOf(src.text, f.span.start))) continue;
    // A figure said in words ("未收到申请") has no digits to change; a figure whose table is not in
    // the text (a cut excerpt) cannot be compared, so changing it plants no visible defect.
    if (!/^\d+$/.test(src.text.slice(f.span.start, f.span.end))) continue;
    if (!cellKnown(report, f.target)) continue;
    const k = delta(i++);
    out.push({
      file: src.name,
      kind: 'narrative figure ±k',
      text: replace(src.text, f.span.start, f.span.end, String(f.value + k)),
      line: lineOf(src.text, f.span.start),
      expect: ['text-vs-table'],
      also: ['breakdown-sum', 'percentage'],
      what: `“${f.phrase}” (${f.target}) ${f.value}→${f.value + k}`,
    });
  }
  // Phrasings the parser did not read as a figure: listed, so that a reader can judge them.
  for (const m of src.text.matchAll(FIGURE_PHRASES)) {
    const g = m.slice(1).findIndex((x) => x !== undefined);
    const num = m[g + 1];
    const at = m.index! + m[0].lastIndexOf(num);
    if (seen.has(at) || inTable(report, at)) continue;
    seen.add(at);
    const table = m[1] || m[2] ? 't3' : m[5] ? 't2' : 't4';
    if (!report.tables[table]) continue;
    if (/[余近约多]/.test(m[0])) continue;
    const v = Number(num);
    const k = delta(i++);
    out.push({
      file: src.name,
      kind: 'narrative figure ±k (unread)',
      text: replace(src.text, at, at + num.length, String(v + k)),
      line: lineOf(src.text, at),
      expect: ['text-vs-table'],
      also: ['breakdown-sum', 'percentage'],
      what: `“${m[0]}” ${v}→${v + k}`,
    });
  }
}

/** 共N条，其中a条、b条…: a part changed, when the parts add up to N. */
function breakdownMutants(src: Source, base: CheckResult, out: Mutant[]) {
  const text = src.text;
  let i = 0;
  for (const m of text.matchAll(/其中/g)) {
    const at = m.index!;
    if (inTable(base.report, at)) continue;
    const before = text.slice(Math.max(0, at - 40), at);
    const cut = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('\n'));
    const head = before.slice(cut + 1);
    const whole = /共[^。；\d]{0,20}?(\d+)\s*(条|件|个|次|篇)[^\d。；]{0,4}$/.exec(head);
    if (!whole) continue;
    const unit = whole[2];
    let end = at;
    while (end < text.length && !'。；\n'.includes(text[end])) end++;
    const tail = text.slice(at, end);
    const parts = [...tail.matchAll(new RegExp(`(\\d+)\\s*${unit}`, 'g'))];
    if (parts.length < 2) continue;
    const sum = parts.reduce((s, p) => s + Number(p[1]), 0);
    if (sum !== Number(whole[1])) continue;
    const p = parts[i % parts.length];
    const pAt = at + p.index!;
    const k = delta(i++);
    out.push({
      file: src.name,
      kind: 'breakdown part ±k',
      text: replace(text, pAt, pAt + p[1].length, String(Number(p[1]) + k)),
      line: lineOf(text, pAt),
      expect: ['breakdown-sum'],
      also: ['text-vs-table', 'percentage'],
      what: `共${whole[1]}${unit}，其中… part ${p[1]}→${Number(p[1]) + k}`,
    });
  }
}

const PLAN = /将|计划|拟|下一步|明年|继续|进一步|持续/;

function yearMutants(src: Source, base: CheckResult, out: Mutant[]) {
  const { report } = base;
  const Y = report.year.value;
  if (!Y) return;
  const text = src.text;
  // A year of this year's work in 一、总体情况 (not a date, not a title, not a plan) made Y+1.
  const s1 = sectionOf(report, 's1');
  if (s1) {
    for (const m of text.slice(s1.body.start, s1.body.end).matchAll(new RegExp(`${Y}\\s*年(?!\\s*\\d|度?(?:工作)?报告)`, 'g'))) {
      const at = s1.body.start + m.index!;
      const sentence = sentenceAround(text, at);
      const next = text.slice(at + m[0].length, at + m[0].length + 1);
      if (!/[，,度以共全我本]/.test(next)) continue;
      if (PLAN.test(sentence) || /[《〈]/.test(text.slice(lineStart(text, at), at)) || /至|到|～|-|—/.test(text.slice(Math.max(0, at - 2), at))) continue;
      out.push({
        file: src.name,
        kind: 'year Y+1 in this year\'s work',
        text: replace(text, at, at + 4, String(Y + 1)),
        line: lineOf(text, at),
        expect: ['year-mismatch'],
        also: [],
        what: `“${sentence.slice(0, 30)}” ${Y}→${Y + 1}`,
      });
    }
  }
  // A plan in 五/六 for next year dated Y.
  for (const key of ['s5', 's6']) {
    const s = sectionOf(report, key);
    if (!s) continue;
    for (const m of text.slice(s.body.start, s.body.end).matchAll(new RegExp(`${Y + 1}\\s*年(?!\\s*\\d)`, 'g'))) {
      const at = s.body.start + m.index!;
      const sentence = sentenceAround(text, at);
      if (!/将|计划|拟/.test(sentence)) continue;
      out.push({
        file: src.name,
        kind: 'plan in 五/六 dated Y',
        text: replace(text, at, at + 4, String(Y)),
        line: lineOf(text, at),
        expect: ['year-mismatch'],
        also: [],
        what: `“${sentence.slice(0, 30)}” ${Y + 1}→${Y}`,
      });
    }
  }
  // The statistics period: both years of "Y年1月1日至Y年12月31日" made Y−1.
  const period = new RegExp(`${Y}\\s*年\\s*1\\s*月\\s*1\\s*日\\s*(?:至|到|—|－|-|～)\\s*${Y}\\s*年\\s*12\\s*月\\s*31\\s*日`).exec(text);
  if (period) {
    const at = period.index;
    const second = at + period[0].lastIndexOf(String(Y));
    let t = replace(text, second, second + 4, String(Y - 1));
    t = replace(t, at, at + 4, String(Y - 1));
    out.push({
      file: src.name,
      kind: 'statistics period year',
      text: t,
      line: lineOf(text, at),
      expect: ['year-mismatch', 'year-malformed'],
      also: [],
      what: `${period[0]} → ${Y - 1}`,
    });
  }
}

function structureMutants(src: Source, base: CheckResult, out: Mutant[]) {
  const { report } = base;
  const text = src.text;
  // A numbering to deviate from: an excerpt with one or two headings shows none (dropped).
  const numbered = report.sections.filter((s) => s.heading.style === 'chinese').length;
  for (const s of report.sections) {
    const h = s.heading;
    if (!s.key || h.style !== 'chinese' || !h.numeralSpan || !h.markerSpan || h.number === null) continue;
    if (numbered >= 3) out.push({
      file: src.name,
      kind: 'heading numeral → Arabic',
      text: replace(text, h.numeralSpan.start, h.numeralSpan.end, String(h.number)),
      line: lineOf(text, h.span.start),
      expect: ['section-numbering', 'section-heading'],
      also: [],
      what: `“${text.slice(h.span.start, h.span.end).slice(0, 20)}”`,
    });
    if (numbered >= 3) out.push({
      file: src.name,
      kind: 'heading numeral removed',
      text: replace(text, h.markerSpan.start, h.markerSpan.end, ''),
      line: lineOf(text, h.span.start),
      expect: ['section-numbering', 'section-heading', 'section-missing'],
      also: [],
      what: `“${text.slice(h.span.start, h.span.end).slice(0, 20)}”`,
    });
    // A deleted heading is only a visible defect when a later standard section follows it.
    if (src.complete || report.sections.some((x) => x.key && x.heading.span.start > h.span.start)) {
      out.push({
        file: src.name,
        kind: 'section heading deleted',
        text: text.slice(0, lineStart(text, h.span.start)) + text.slice(lineEnd(text, h.span.end - 1)),
        line: null,
        expect: ['section-missing'],
        also: ['section-numbering'],
        what: `“${text.slice(h.span.start, h.span.end).slice(0, 20)}”`,
      });
    }
  }
  const t3 = report.tables.t3;
  if (t3) {
    const keys = new Set([...t3ValueRows('2021'), ...t3ValueRows('2019')]);
    for (const [key, row] of t3.rows) {
      if (!keys.has(key) || row.cut) continue;
      const label = standardRowLabel('t3', key);
      out.push({
        file: src.name,
        kind: 't3 row deleted',
        text: text.slice(0, lineStart(text, row.span.start)) + text.slice(lineEnd(text, row.span.end - 1)),
        line: null,
        expect: ['row-missing'],
        also: [...SUM_RULES, 'cell-missing', 'text-vs-table'],
        mentions: label,
        what: `${key} “${label}”`,
      });
    }
  }
  // 规章 non-zero in a township's report.
  const rules = report.tables.t2?.rows.get('rules');
  const kind = bodyKind(report.body?.text);
  if (rules?.positioned && (kind === 'township' || /[我本](镇|乡|街道)/.test(text))) {
    const cells = rules.cells.filter((c) => c.value === 0);
    cells.forEach((c, i) => {
      out.push({
        file: src.name,
        kind: '规章 non-zero in 镇',
        text: replace(text, c.span.start, c.span.end, String(delta(i))),
        line: lineOf(text, c.span.start),
        expect: ['regulation-scope'],
        also: [],
        what: `规章 cell ${i} 0→${delta(i)}`,
      });
    });
  }
}

const keyOf = (d: Diagnostic) => `${d.rule}|${d.message}`;

interface Outcome {
  found: boolean;
  falseAlarms: Diagnostic[];
  fresh: Diagnostic[];
  result: CheckResult;
}

function judge(m: Mutant, base: CheckResult): Outcome {
  const r = check(m.text);
  const old = new Map<string, number>();
  for (const d of base.diagnostics) old.set(keyOf(d), (old.get(keyOf(d)) ?? 0) + 1);
  const fresh: Diagnostic[] = [];
  for (const d of r.diagnostics) {
    const n = old.get(keyOf(d)) ?? 0;
    if (n > 0) old.set(keyOf(d), n - 1);
    else fresh.push(d);
  }
  const lineOfD = (o: number) => r.lines.positionAt(o).line + 1;
  const hits = (d: Diagnostic) =>
    m.expect.includes(d.rule) &&
    (SERIOUS.has(d.severity) || STYLE_RULES.includes(d.rule)) &&
    (m.line === null || (lineOfD(d.start) <= m.line + 2 && lineOfD(Math.max(d.start, d.end - 1)) >= m.line - 2)) &&
    (!m.mentions || d.message.includes(m.mentions));
  const found = fresh.some(hits);
  const falseAlarms = fresh.filter((d) => SERIOUS.has(d.severity) && !m.expect.includes(d.rule) && !m.also.includes(d.rule));
  return { found, falseAlarms, fresh, result: r };
}

function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
  const rows = new Map<string, { n: number; found: number; fa: number }>();
  const misses: string[] = [];
  const alarms: string[] = [];
  for (const src of sources()) {
    const base = check(src.text);
    const mutants: Mutant[] = [];
    cellMutants(src, base, mutants);
    figureMutants(src, base, mutants);
    breakdownMutants(src, base, mutants);
    yearMutants(src, base, mutants);
    structureMutants(src, base, mutants);
    for (const m of mutants) {
      if (only && !m.kind.includes(only)) continue;
      const o = judge(m, base);
      const row = rows.get(m.kind) ?? { n: 0, found: 0, fa: 0 };
      row.n++;
      if (o.found) row.found++;
      row.fa += o.falseAlarms.length;
      rows.set(m.kind, row);
      const at = `${m.file}:${m.line ?? '-'} [${m.kind}] ${m.what}`;
      if (!o.found) {
        const near = o.fresh
          .filter((d) => m.line === null || Math.abs(o.result.lines.positionAt(d.start).line + 1 - m.line) <= 3)
          .map((d) => `${d.severity} ${d.rule}@${o.result.lines.positionAt(d.start).line + 1}: ${d.message.slice(0, 80)}`);
        misses.push(`MISS ${at}\n      ${near.join('\n      ') || '(nothing near)'}`);
      }
      for (const d of o.falseAlarms) alarms.push(`FALSE ${at}\n      ${d.severity} ${d.rule}@${o.result.lines.positionAt(d.start).line + 1}: ${d.message.slice(0, 100)}`);
    }
  }
  let n = 0;
  let found = 0;
  let fa = 0;
  console.log('kind'.padEnd(34), 'mutants', 'found', 'recall', 'false-alarms');
  for (const [kind, r] of [...rows].sort()) {
    console.log(kind.padEnd(34), String(r.n).padStart(7), String(r.found).padStart(5), (r.found / r.n).toFixed(3).padStart(6), String(r.fa).padStart(12));
    n += r.n;
    found += r.found;
    fa += r.fa;
  }
  console.log('all'.padEnd(34), String(n).padStart(7), String(found).padStart(5), (found / n).toFixed(3).padStart(6), String(fa).padStart(12));
  if (args.includes('--list')) {
    for (const line of misses) console.log(line);
    for (const line of alarms) console.log(line);
  }
}

main();
