// "修复全部" says what it changed (issue 15, item 7): the server's nianbao.server.fixAll answers with
// how many findings of each rule it fixed — counted as fix-all chooses fixes (an overlapping fix is
// not applied, so not counted) — and the client words that (test/panel/i18n.test.ts).
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../server/src/core/types';
import type { FixAllResult } from '../../server/src/shared/protocol';
import { fixedByRule, selectFixEdits } from '../../server/src/lsp/fixes';
import { FIXTURE, Session, ensureServerBuilt, readFixture, uriOf } from './harness';

function finding(rule: Diagnostic['rule'], start: number, end: number, newText: string | null): Diagnostic {
  const fix = newText === null ? null : { title: 'fix', edits: [{ start, end, newText }], preferred: true, certain: true };
  return { rule, severity: 'error', message: '', start, end, fix, related: [] };
}

describe('fix-all: what it fixed, per rule', () => {
  it('counts the findings whose fixes are applied; an overlapping fix and a finding without a fix are not counted', () => {
    const diagnostics = [
      finding('year-mismatch', 0, 4, '2023'),
      finding('section-numbering', 10, 12, '一、'),
      // Overlaps the first year: fix-all skips it.
      finding('year-malformed', 2, 6, '2023年'),
      finding('year-mismatch', 20, 24, '2023'),
      finding('cell-missing', 30, 31, null),
    ];
    assert.deepEqual(fixedByRule(diagnostics), [
      { rule: 'year-mismatch', count: 2 },
      { rule: 'section-numbering', count: 1 },
    ]);
    // The same choice as the edits fix-all makes.
    assert.deepEqual(selectFixEdits(diagnostics).map((e) => e.start), [0, 10, 20]);
    assert.deepEqual(fixedByRule([]), []);
  });

  describe('the server answers the fix-all command with its account', () => {
    let s: Session;
    before(async () => {
      await ensureServerBuilt();
      s = await Session.start();
    });
    after(() => s?.shutdown());
    const fixAll = (uri: string, version: number) =>
      s.request<FixAllResult | null>('workspace/executeCommand', { command: 'nianbao.server.fixAll', arguments: [{ uri, version }] });

    it('sushui: its four wrong years are fixed, and then there is nothing left to fix', async () => {
      const uri = uriOf('/reports/fixall-sushui.txt');
      await s.open(uri, 'plaintext', readFixture(FIXTURE.sushui));
      await s.diagnosticsFor(uri, 1);
      assert.deepEqual(await fixAll(uri, 1), { applied: true, fixed: [{ rule: 'year-mismatch', count: 4 }] });
      assert.doesNotMatch(s.document(uri).getText(), /2024年，涑水镇加强巩固/);
      await s.diagnosticsFor(uri, 2);
      assert.deepEqual(await fixAll(uri, 2), { applied: false, fixed: [] });
    });

    it('a report built with two kinds of defect: each rule counted apart; a stale version gets no answer', async () => {
      // cixi (its headings "1、" and "4、"), with the year of its 2023 work written as 2024.
      const text = readFixture(FIXTURE.cixi).replace('2023年发布行政规范性文件14件', '2024年发布行政规范性文件14件');
      assert.notEqual(text, readFixture(FIXTURE.cixi));
      const uri = uriOf('/reports/fixall-built.txt');
      await s.open(uri, 'plaintext', text);
      const { diagnostics } = await s.diagnosticsFor(uri, 1);
      assert.ok(diagnostics.some((d) => d.code === 'year-mismatch'), 'the added year is found');
      const answer = await fixAll(uri, 1);
      assert.ok(answer?.applied);
      const counts = Object.fromEntries(answer.fixed.map((f) => [f.rule, f.count]));
      assert.equal(counts['section-numbering'], 2);
      assert.equal(counts['year-mismatch'], 1);
      assert.equal(await fixAll(uri, 1), null, 'version 1 is gone: nothing is applied');
    });
  });
});
