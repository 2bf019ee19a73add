// A benchmark check (bench/run.mjs, engine section), run in a Node given --allow-natives-syntax:
// reports, for each kind of list the parser hands on, whether every such list (empty or not, made by
// interpreted or optimized code) has the hidden class of a list of objects; and for each kind of
// model object, whether all of them share the hidden class of the first. Prints one JSON object.
// Why it matters: parse/lists.ts. A kind that gains a second hidden class is a slowdown to measure,
// not a broken build, so this is reported by the benchmark rather than asserted by a unit test.
import { check } from '../../server/src/core';
import { statementsOf } from '../../server/src/core/parse/statements';
import { copyList, filterList, mapList, newList } from '../../server/src/core/parse/lists';
import { CIXI, SUSHUI, XIAOCAOE, inMini } from '../../test/support/mini-report';

const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;
const prepare = new Function('f', '%PrepareFunctionForOptimization(f)') as (f: unknown) => void;
const optimizeNext = new Function('f', '%OptimizeFunctionOnNextCall(f)') as (f: unknown) => void;

const result: Record<string, boolean> = {};
/** A list of objects (strings share its hidden class). */
const reference: unknown[] = [{}];
const lists: Record<string, unknown[][]> = {};
function note(kind: string, list: unknown[]) {
  (lists[kind] ??= []).push(list);
}
const objects: Record<string, object[]> = {};
function noteObject(kind: string, o: object) {
  (objects[kind] ??= []).push(o);
}

// The helpers themselves, interpreted and then optimized.
const some = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));
const make = (n: number): object[][] => [newList<object>(), mapList(some(n), (o: object) => o), filterList(some(n), () => true), copyList(some(n))];
prepare(make);
for (const n of [0, 3, 0]) for (const list of make(n)) note('helpers', list);
optimizeNext(make);
for (const n of [0, 3]) for (const list of make(n)) note('helpers (optimized)', list);

// The model: reports with and without tables, sections, table rows without numbers.
const texts = [CIXI, SUSHUI, XIAOCAOE, inMini('本年度共收到申请10件，其中当面申请3件。'), inMini('本年度共收到申请8件，其中当面申请1件，占12.5%。'), '一段文字。\n', '', '表三\n本年新收政府信息公开申请数量\n\n'];
for (let round = 0; round < 200; round++) {
  for (const text of texts) {
    const { report } = check(text);
    noteObject('report', report);
    for (const f of report.figures) noteObject('figure', f);
    for (const st of statementsOf(report)) for (const c of st.counts) noteObject('count', c);
    note('tableSpans', report.tableSpans);
    note('sections', report.sections);
    note('tableProblems', report.tableProblems);
    note('figures', report.figures);
    for (const t of [report.tables.t2, report.tables.t3, report.tables.t4]) {
      if (!t) continue;
      note('missingRows', t.missingRows);
      note('headerLabels', t.headerLabels);
      note('strayRows', t.strayRows);
      for (const row of t.rows.values()) {
        noteObject('row', row);
        note('row.cells', row.cells);
        note('row.labelParts', row.labelParts);
      }
    }
  }
}
for (const [kind, all] of Object.entries(lists)) result[kind] = all.every((list) => sameMap(list, reference));
for (const [kind, all] of Object.entries(objects)) result[kind] = all.every((o) => sameMap(o, all[0]));
// What the helpers replace, for contrast: `[]` is not a list of objects while it is empty.
result['contrast: [] like a list of objects'] = sameMap([], reference);
process.stdout.write(JSON.stringify(result));
