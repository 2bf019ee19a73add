// Properties of check() on arbitrary and hostile input (issue 5): it never throws (no rule throws
// either), ranges stay inside the document, the result is deterministic, fixes are well formed,
// a fix removes its own finding without adding errors, and applying all fixes converges at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateReport, SHAPES } from '../support/reports';
import { applyEdits, applyFixes, check, fixture, FIXTURE_NAMES } from '../support/assertions';
import type { CheckOptions, Diagnostic } from '../../server/src/core';

// ------------------------------------------------------------------------------------------------
// Generators

const VOCABULARY = [
  '一、', '二、', '三、', '四、', '五、', '六、', '（一）', '（二）', '(三)', '1.', '2、', '总体情况', '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项',
  '本年新收', '上年结转', '予以公开', '部分公开', '总计', '结转下年度继续办理', '规章', '行政规范性文件', '行政许可',
  '2023年', '2024年', '2022年', '202020年', '年度报告', '政府信息公开工作', '将', '共', '件', '，其中', '%', '占',
  '镇', '人民政府', '——', '/', '-', '**', '|', ' --- ', '\t', '\n', '\r\n', '\r', ' ', '　', '0', '1', '7', '00', '１２',
  '1,234', '９９９', '收到信息公开申请', '發布', '總計', '結轉', '辦理結果', '统计指标', '单位', '统计数',
];

const cjkHeavy = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 300 }).map((a) => a.join(''));
const binary = fc.string({ unit: 'binary', maxLength: 400 });
const grapheme = fc.string({ unit: 'grapheme', maxLength: 200 });
const controls = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), fc.constantFrom('\u0000', '\u007f', '\u2028', '\u2029', '\ufeff', '\u200b', '年', '1', '、')), { maxLength: 300 })
  .map((a) => a.join(''));
const loneSurrogates = fc
  .array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), fc.constantFrom('2023年', '\t', '\n', '总计', '0')), { maxLength: 200 })
  .map((a) => a.join(''));
const hugeNumbers = fc
  .tuple(fc.constantFrom('9007199254740993', '1'.repeat(400), '1e308', '99999999999999999999999', '-5', '0.5', '１'.repeat(50)), fc.constantFrom(...SHAPES))
  .map(([n, shape]) => generateReport({ year: 2023, body: '青山县青山镇人民政府', shape }).text.replace(/\t(\d+)(?=\t|\n)/g, (m, d, i) => (i % 7 === 0 ? '\t' + n : m)));
const repeatedNumbering = fc.integer({ min: 1, max: 3000 }).map((n) => '1、'.repeat(n));
const manyHeadings = fc
  .tuple(fc.integer({ min: 500, max: 3000 }), fc.constantFrom('一、总体情况\n', '（一）主动公开\n', '三、收到和处理政府信息公开申请情况\n', '1.属于国家秘密\t0\n'))
  .map(([n, h]) => h.repeat(n));

/** A generated report with random lines deleted, duplicated or changed. */
const damagedReport = fc
  .record({
    year: fc.constantFrom(2019, 2020, 2021, 2023),
    shape: fc.constantFrom(...SHAPES),
    traditional: fc.boolean(),
    webDebris: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    edits: fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'digit', 'year'), fc.nat()), { maxLength: 6 }),
  })
  .map(({ year, shape, traditional, webDebris, seed, edits }) => {
    const lines = generateReport({ year, body: '青山县青山镇人民政府', shape, traditional, webDebris, seed }).text.split('\n');
    for (const [kind, n] of edits) {
      const i = n % lines.length;
      if (kind === 'delete') lines.splice(i, 1);
      else if (kind === 'duplicate') lines.splice(i, 0, lines[i]);
      else if (kind === 'digit') lines[i] = lines[i].replace(/\d+/, (d) => String(Number(d) + 1 + (n % 3)));
      else lines[i] = lines[i].replace(/20\d\d/, (y) => String(Number(y) + (n % 2 ? 1 : -1)));
    }
    return lines.join('\n');
  });

/** A real fixture with random lines deleted or duplicated and cells changed. */
const damagedFixture = fc
  .record({ name: fc.constantFrom(...FIXTURE_NAMES), edits: fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'digit'), fc.nat()), { maxLength: 4 }) })
  .map(({ name, edits }) => {
    const lines = fixture(name).split('\n');
    for (const [kind, n] of edits) {
      const i = n % lines.length;
      if (kind === 'delete') lines.splice(i, 1);
      else if (kind === 'duplicate') lines.splice(i, 0, lines[i]);
      else lines[i] = lines[i].replace(/\d+/, (d) => String(Number(d) + 1));
    }
    return lines.join('\n');
  });

const options: fc.Arbitrary<CheckOptions> = fc.record(
  {
    locale: fc.constantFrom('zh-cn' as const, 'en' as const),
    reportYear: fc.integer({ min: 1990, max: 2100 }),
    edition: fc.constantFrom('2019' as const, '2021' as const, 'pre-2019' as const, 'unknown' as const),
  },
  { requiredKeys: [] },
);

// ------------------------------------------------------------------------------------------------
// Properties

/** Runs check and asserts the invariants every result must meet. */
function checkInvariants(text: string, opts: CheckOptions = {}): Diagnostic[] {
  const thrown: string[] = [];
  const result = check(text, { ...opts, onRuleError: (rule, e) => thrown.push(`${rule}: ${(e as Error)?.stack ?? e}`) });
  assert.deepEqual(thrown, [], 'no rule throws');
  const n = text.length;
  for (const d of result.diagnostics) {
    assert.ok(0 <= d.start && d.start <= d.end && d.end <= n, `${d.rule} range [${d.start}, ${d.end}) outside 0..${n}`);
    for (const r of d.related) assert.ok(0 <= r.start && r.start <= r.end && r.end <= n, `${d.rule} related range [${r.start}, ${r.end}) outside 0..${n}`);
    assert.ok(d.message.length > 0 && !/\{\w+\}/.test(d.message), `${d.rule} message with an unfilled placeholder: ${d.message}`);
    if (!d.fix) continue;
    const edits = [...d.fix.edits].sort((a, b) => a.start - b.start);
    assert.ok(edits.length > 0, `${d.rule} fix with no edit`);
    for (const e of edits) assert.ok(0 <= e.start && e.start <= e.end && e.end <= n, `${d.rule} fix edit [${e.start}, ${e.end}) outside 0..${n}`);
    for (let i = 1; i < edits.length; i++) assert.ok(edits[i].start >= edits[i - 1].end, `${d.rule} fix edits overlap`);
    assert.ok(!/\{\w+\}/.test(d.fix.title), `${d.rule} fix title with an unfilled placeholder: ${d.fix.title}`);
  }
  // Deterministic: the same input gives the same findings.
  const again = check(text, opts);
  assert.equal(JSON.stringify(again.diagnostics), JSON.stringify(result.diagnostics), 'deterministic');
  return result.diagnostics;
}

/** Where an offset moves to after the edits (edits entirely before it shift it). */
function mapOffset(offset: number, edits: readonly { start: number; end: number; newText: string }[]): number {
  let shift = 0;
  for (const e of edits) if (e.end <= offset && !(e.start === e.end && e.start === offset)) shift += e.newText.length - (e.end - e.start);
  return offset + shift;
}

/** Each single fix removes its own finding and adds no error; all fixes converge in one pass. */
function checkFixes(text: string): void {
  const before = check(text).diagnostics;
  const errorsBefore = new Set(before.filter((d) => d.severity === 'error').map((d) => d.rule));
  for (const d of before) {
    if (!d.fix) continue;
    const fixed = applyEdits(text, d.fix.edits);
    if (fixed === text) continue;
    const after = check(fixed).diagnostics;
    const at = mapOffset(d.start, d.fix.edits);
    const still = after.filter((x) => x.rule === d.rule && x.start === at && x.message === d.message);
    assert.equal(still.length, 0, `the fix of ${d.rule} (“${d.message}”) leaves it in place`);
    const errorsAfter = after.filter((x) => x.severity === 'error' && !errorsBefore.has(x.rule));
    assert.deepEqual(errorsAfter.map((x) => `${x.rule}: ${x.message}`), [], `the fix of ${d.rule} (“${d.message}”) adds errors`);
  }
  const once = applyFixes(text, before);
  const twice = applyFixes(once, check(once).diagnostics);
  assert.equal(twice, once, 'applying all fixes a second time changes nothing');
}

const run = <T>(arb: fc.Arbitrary<T>, numRuns: number, property: (value: T) => void) =>
  fc.assert(fc.property(arb, property), { numRuns, seed: 20240115, endOnFailure: true, includeErrorInReport: true });

test('binary strings: invariants hold', () => run(fc.tuple(binary, options), 300, ([t, o]) => void checkInvariants(t, o)));
test('grapheme strings: invariants hold', () => run(grapheme, 200, (t) => void checkInvariants(t)));
test('report vocabulary soup: invariants hold', () => run(fc.tuple(cjkHeavy, options), 300, ([t, o]) => void checkInvariants(t, o)));
test('control characters and NUL: invariants hold', () => run(controls, 200, (t) => void checkInvariants(t)));
test('lone surrogates: invariants hold', () => run(loneSurrogates, 200, (t) => void checkInvariants(t)));
test('huge and odd numbers in the tables: invariants hold', () => run(hugeNumbers, 20, (t) => void checkInvariants(t)));
test('"1、1、1、…": invariants hold', () => run(repeatedNumbering, 10, (t) => void checkInvariants(t)));
test('thousands of headings: invariants hold', () => run(manyHeadings, 8, (t) => void checkInvariants(t)));
test('generated reports with damaged lines: invariants hold', () => run(fc.tuple(damagedReport, options), 60, ([t, o]) => void checkInvariants(t, o)));
test('fixtures with damaged lines: invariants hold', () => run(damagedFixture, 40, (t) => void checkInvariants(t)));

test('generated reports with damaged lines: each fix removes its finding; all fixes converge', () => run(damagedReport, 40, checkFixes));
test('fixtures with damaged lines: each fix removes its finding; all fixes converge', () => run(damagedFixture, 25, checkFixes));
test('the fixtures themselves: each fix removes its finding; all fixes converge', () => {
  for (const name of FIXTURE_NAMES) checkFixes(fixture(name));
});
