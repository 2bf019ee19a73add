// The 36 annotated real reports of test/data/corpus (a copy of the shared development corpus), scored
// as the corpus scorer scores them: every real defect annotated `must` is found, nothing else is raised
// at error or warning level, and no finding lands on a line annotated as a trap, except the gaps listed
// here with the reason each is still open. Closing a gap fails this test until its line is removed, so
// the list only shrinks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusNames, scoreCorpusReport } from '../support/corpus';

/** Open gaps, by report: misses as "L<line> [rules]", false alarms as "L<line> rule". */
const KNOWN: Record<string, { misses?: string[]; falseAlarms?: string[] }> = {};

describe('the annotated real reports', () => {
  const names = corpusNames();
  test('all 36 are in the repository', () => assert.equal(names.length, 36));
  for (const name of names) {
    test(name, () => {
      const score = scoreCorpusReport(name);
      const known = KNOWN[name] ?? {};
      assert.deepEqual(score.traps, [], 'findings on lines annotated as traps');
      assert.deepEqual(score.misses, known.misses ?? [], 'real defects not found (or a known gap closed: remove it from KNOWN)');
      const falseAlarms = score.falseAlarms.map((f) => f.slice(0, f.indexOf(':')));
      assert.deepEqual(falseAlarms, known.falseAlarms ?? [], `false alarms (or a known one gone: remove it from KNOWN)\n${score.falseAlarms.join('\n')}`);
    });
  }
});
