// The pure pieces behind what --fix prints: which offered edits made the fixed text (changes.ts),
// and how names and messages are made safe for a terminal (format.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appliedEdits, changesOf } from '../../server/src/cli/changes';
import { changeLine, printable, shownPath } from '../../server/src/cli/format';
import { findingLine, oneLine } from '../../server/src/cli/format-common';
import { LineIndex, applyEdits, applyFixes, check, type Diagnostic, type TextEdit } from '../../server/src/core';
import { FIXTURE, readFixture } from './helpers';

function finding(title: string, ...edits: TextEdit[]): Diagnostic {
  const start = edits[0]?.start ?? 0;
  return { rule: 'balance', severity: 'error', message: title, start, end: start, related: [], fix: { title, edits, preferred: true, certain: true } };
}

const edit = (start: number, end: number, newText: string): TextEdit => ({ start, end, newText });
const spans = (edits: TextEdit[] | null) => edits?.map((e) => [e.start, e.end, e.newText]) ?? null;

describe('appliedEdits', () => {
  const before = '总计\t7\n维持\t2\n纠正\t1\n';
  const total = finding('总计', edit(3, 4, '3'));
  const leaf = finding('维持', edit(8, 9, '6'));

  it('finds the edits that were applied, and only those', () => {
    assert.deepEqual(spans(appliedEdits(before, applyEdits(before, [...total.fix!.edits, ...leaf.fix!.edits]), [total, leaf])), [
      [3, 4, '3'],
      [8, 9, '6'],
    ]);
    assert.deepEqual(spans(appliedEdits(before, applyEdits(before, leaf.fix!.edits), [total, leaf])), [[8, 9, '6']]);
    assert.deepEqual(spans(appliedEdits(before, before, [total, leaf])), []);
  });

  it('of overlapping edits, the one that was applied; an edit offered twice once; a no-op edit never', () => {
    const wide = finding('wide', edit(3, 9, 'x'));
    const after = applyEdits(before, leaf.fix!.edits);
    assert.deepEqual(spans(appliedEdits(before, after, [wide, leaf])), [[8, 9, '6']]);
    assert.deepEqual(spans(appliedEdits(before, applyEdits(before, wide.fix!.edits), [wide, leaf])), [[3, 9, 'x']]);
    assert.deepEqual(spans(appliedEdits(before, applyEdits(before, total.fix!.edits), [total, total, finding('same', edit(3, 4, '7'))])), [[3, 4, '3']]);
  });

  it('insertions, and a new text that begins like the old one', () => {
    const text = '1、总体情况\n12\n';
    const insert = finding('加上编号', edit(0, 0, '一、'));
    const longer = finding('longer', edit(7, 8, '11'));
    assert.deepEqual(spans(appliedEdits(text, applyEdits(text, [insert.fix!.edits[0], longer.fix!.edits[0]]), [insert, longer])), [
      [0, 0, '一、'],
      [7, 8, '11'],
    ]);
    assert.deepEqual(spans(appliedEdits(text, text, [insert, longer])), []);
  });

  it('null when the texts differ where no edit was offered; changesOf then shows the changed stretch', () => {
    const after = before.replace('纠正\t1', '纠正\t9');
    assert.equal(appliedEdits(before, after, [total, leaf]), null);
    assert.deepEqual(changesOf(before, after, [total, leaf], new LineIndex(before)), [{ line: 3, column: 4, before: '1', after: '9', title: '' }]);
  });

  it('on a real report: exactly the edits of the fixes applyFixes applied, with their titles and lines', () => {
    const text = readFixture(FIXTURE.cixi);
    const result = check(text, { locale: 'zh-cn' });
    const fixed = applyFixes(text, result.diagnostics);
    assert.notEqual(fixed, text, 'cixi has fixes (needs the engine)');
    const applied = appliedEdits(text, fixed, result.diagnostics)!;
    assert.equal(applyEdits(text, applied), fixed);
    const changes = changesOf(text, fixed, result.diagnostics, result.lines);
    assert.deepEqual(changes.find((c) => c.line === 4), { line: 4, column: 1, before: '1、 ', after: '一、', title: '改为“一、”' });
  });
});

describe('printing names and messages', () => {
  it('leaves ordinary names alone, Chinese, spaces and quotes included', () => {
    for (const name of ['reports/2023年 年报.txt', 'C:\\reports\\a.txt', 'a "b".txt', '报告（定稿）.md']) assert.equal(shownPath(name), name);
  });

  it('quotes and escapes a name with a control, separator or bidi character, so it stays on its line and shows as it is', () => {
    assert.equal(shownPath('a\nb.txt'), '"a\\nb.txt"');
    assert.equal(shownPath('a\u001b[31mb\r.txt'), '"a\\x1b[31mb\\r.txt"');
    assert.equal(shownPath('x\u202etxt.exe'), '"x\\u202etxt.exe"');
    assert.equal(shownPath('x\u2028y'), '"x\\u2028y"');
    assert.equal(shownPath('dir\\"q"\n'), '"dir\\\\\\"q\\"\\n"', 'backslashes and quotes are escaped inside the quotes');
    assert.equal(printable('总计\u0007 改为 12\u009b'), '总计\\x07 改为 12\\x9b');
  });

  it('a finding line: the message on one printable line, as printable(oneLine(message)) writes it', () => {
    assert.equal(findingLine('a.txt', 3, 5, 'error', 'row-total', '合计 应为 12，实为 13'), 'a.txt:3:5 error row-total 合计 应为 12，实为 13\n');
    assert.equal(findingLine('a.txt', 1, 1, 'warning', 'foreign-text', '“甲\n  乙”'), 'a.txt:1:1 warning foreign-text “甲 乙”\n');
    assert.equal(findingLine('a.txt', 1, 1, 'warning', 'foreign-text', 'x\u202ey\u0007'), 'a.txt:1:1 warning foreign-text x\\u202ey\\x07\n');
    // Every character class the fast path must send to the slow one, among ordinary text.
    const specials = ['\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u0085', '\u009f', '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069'];
    const ordinary = ['合计', ' ', 'a', '\u061b', '\u200d', '\u2027', '\u202f', '\u2065', '\u206a', '（一）', '12'];
    let seed = 7;
    const pick = <T>(xs: T[]) => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length];
    for (let n = 0; n < 500; n++) {
      const message = Array.from({ length: 1 + (n % 12) }, () => (n % 3 === 0 ? pick(ordinary) : pick([...ordinary, ...specials]))).join('');
      assert.equal(findingLine('f', 1, 1, 'hint', 'r', message), `f:1:1 hint r ${printable(oneLine(message))}\n`, JSON.stringify(message));
    }
  });

  it('a change line: file:line  old → new  title, clipped and escaped', () => {
    assert.equal(changeLine('a.txt', { line: 61, column: 9, before: '7', after: '12', title: '将 行政复议 · 总计 改为 12' }), 'a.txt:61  7 → 12  将 行政复议 · 总计 改为 12');
    assert.equal(changeLine('a.txt', { line: 1, column: 1, before: '', after: '一、', title: '' }), 'a.txt:1  "" → 一、');
    const long = changeLine('a.txt', { line: 2, column: 1, before: 'x'.repeat(100), after: 'y\nz', title: 't' });
    assert.equal(long, `a.txt:2  ${'x'.repeat(40)}… → y\\nz  t`);
  });
});
