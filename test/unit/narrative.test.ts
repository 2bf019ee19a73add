// The narrative reader (parse/narrative.ts): sentences outside the tables, kept as columns, and the
// statements (figures.ts) that the breakdown and percentage rules read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core';
import { sentencesOf } from '../../server/src/core/parse/narrative';
import { statementsOf } from '../../server/src/core/parse/statements';
import { CIXI, SUSHUI, XIAOCAOE, inMini } from '../support/mini-report';

const reportOf = (text: string) => check(text).report;

describe('sentences', () => {
  for (const [name, text] of [['cixi', CIXI], ['sushui', SUSHUI], ['xiaocaoe', XIAOCAOE]] as const) {
    test(`${name}: in order, trimmed, outside the tables; headings are the section heading lines`, () => {
      const report = reportOf(text);
      const sentences = sentencesOf(report);
      assert.ok(sentences.length > 20);
      const headingSentences: string[] = [];
      let previousEnd = 0;
      for (let i = 0; i < sentences.length; i++) {
        const s = sentences.at(i);
        assert.equal(s.start, sentences.start(i));
        assert.equal(s.text, report.norm.slice(s.start, s.end));
        assert.ok(s.start >= previousEnd && s.end > s.start, `sentence ${i} out of order`);
        assert.equal(s.text.trim(), s.text);
        assert.ok(!report.tableSpans.some((t) => s.start < t.end && t.start < s.end), `sentence ${i} inside a table: ${s.text}`);
        const section = report.sections[s.sectionIndex];
        assert.equal(s.sectionKey, section?.key ?? null);
        if (section) assert.ok(section.span.start <= s.start && s.end <= section.span.end);
        if (s.heading) headingSentences.push(s.text);
        previousEnd = s.end;
      }
      assert.deepEqual(
        headingSentences,
        report.sections.map((s) => report.norm.slice(s.heading.span.start, s.heading.span.end)),
      );
    });
  }

  test('a text of many short sentences: every one of them is kept (the columns grow past their first size)', () => {
    const text = '是。'.repeat(3000) + '\n' + '否\n'.repeat(2000);
    const sentences = sentencesOf(reportOf(text));
    assert.equal(sentences.length, 5000);
    assert.equal(sentences.text(0), '是。');
    assert.equal(sentences.text(2999), '是。');
    assert.deepEqual([sentences.start(2999), sentences.end(2999)], [5998, 6000]);
    assert.equal(sentences.text(3000), '否');
    assert.equal(sentences.text(4999), '否');
    assert.equal(sentences.start(4999), text.length - 2);
  });
});

test('holding(word): the sentences that contain the word, in order (a word broken over a line break is not the word)', () => {
  const text = '今年维持原状。无此词。再次维持。维\n持';
  const sentences = sentencesOf(reportOf(text));
  assert.deepEqual(sentences.holding('维持').map((i) => sentences.text(i)), ['今年维持原状。', '再次维持。']);
  assert.deepEqual(sentences.holding('年').map((i) => sentences.text(i)), ['今年维持原状。']);
  assert.deepEqual(sentences.holding('没有'), []);
});

describe('statements', () => {
  const statementsIn = (narrative: string) => {
    const text = inMini(narrative);
    return statementsOf(reportOf(text)).map((st) => ({ text: text.slice(st.start, st.end), counts: st.counts.map((c) => c.value) }));
  };

  test('sentences joined over "；" make one statement; only statements of two counts or more are kept', () => {
    assert.deepEqual(statementsIn('本年收到申请12件；其中自然人10件，法人2件。共有3个部门参与。'), [
      { text: '本年收到申请12件；其中自然人10件，法人2件。', counts: [12, 10, 2] },
    ]);
  });

  test('a statement does not run over a full stop, and one count alone is no statement', () => {
    assert.deepEqual(statementsIn('本年收到申请12件。其中自然人10件，法人2件。'), [{ text: '其中自然人10件，法人2件。', counts: [10, 2] }]);
    assert.deepEqual(statementsIn('本年收到申请12件。'), []);
  });
});
