// Developer aid: prints the parsed model of a report (npx tsx test/tools/dump.ts FILE).
import { readFileSync } from 'node:fs';
import { check } from '../../server/src/core';

const text = readFileSync(process.argv[2], 'utf8');
const { report, lines, diagnostics } = check(text);
const pos = (o: number) => { const p = lines.positionAt(o); return `${p.line + 1}:${p.character + 1}`; };
console.log('title', report.title?.text, '| body', report.body?.text, '| year', report.year.value, report.year.source, '| edition', report.edition, report.editionSource, 'tables', report.tableEdition);
for (const s of report.sections) console.log('section', s.key, s.heading.numeral, s.heading.title, pos(s.heading.span.start), s.titleIsStandard ? '' : '(variant)');
for (const h of report.subHeadings) console.log('  sub', h.number, pos(h.markerSpan.start), 'in', h.sectionIndex);
for (const t of [report.tables.t2, report.tables.t3, report.tables.t4]) {
  if (!t) continue;
  console.log(t.id, 'edition', t.edition, pos(t.span.start), '-', pos(t.span.end), 'missing', t.missingRows.join(','));
  for (const h of t.headerLabels) console.log('  header', h.text, '→', h.key);
  for (const [k, r] of t.rows) console.log('  ', k.padEnd(6), r.positioned ? 'P' : '-', pos(r.labelSpan.start), JSON.stringify(r.label).slice(0, 40), r.cells.map((c) => c.value ?? '∅').join(' '));
  for (const r of t.strayRows) console.log('   stray', pos(r.span.start), r.cells.map((c) => c.value).join(' '));
}
for (const p of report.tableProblems) console.log('problem', p.id, p.reason);
for (const f of report.figures) console.log('figure', f.target, f.value, pos(f.span.start), f.phrase);
for (const d of diagnostics) console.log(pos(d.start), d.severity, d.rule, d.message, d.fix ? '[fix: ' + d.fix.edits.map((e) => JSON.stringify(e.newText)).join(',') + ']' : '');
