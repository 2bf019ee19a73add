// `nianbao check --format sarif` against the OASIS SARIF 2.1.0 schema (test/data/sarif, see its
// README), and the results' partialFingerprints: stable when the report is edited elsewhere.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { LineIndex, type Diagnostic } from '../../server/src/core';
import { FINGERPRINT_KEY, fingerprints } from '../../server/src/cli/format-sarif';
import { FIXTURE, ROOT, ensureBuilt, readFixture, runCli, tempDir } from './helpers';

before(ensureBuilt);

const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/data/sarif/sarif-schema-2.1.0.json'), 'utf8'));
const CORPUS = path.join(ROOT, 'test/data/corpus');

function validator() {
  // The schema is draft-04 (its "id" names the OASIS errata 01 text); its formats (uri, date-time)
  // are checked too.
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(SCHEMA);
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { region: { startLine: number } } }[];
  partialFingerprints?: Record<string, string>;
}

function runSarif(args: string[], options: Parameters<typeof runCli>[1] = {}) {
  const r = runCli(['check', '--format', 'sarif', ...args], options);
  const log = JSON.parse(r.stdout) as { runs: { results: SarifResult[] }[] };
  return { ...r, log, results: log.runs[0].results };
}

describe('SARIF against the 2.1.0 schema', () => {
  it('the schema itself is the OASIS 2.1.0 one, and a broken log is rejected (the check can fail)', () => {
    assert.equal(SCHEMA.id, 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    const validate = validator();
    const { log } = runSarif([FIXTURE.xiaocaoe]);
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false, 'an unknown level must fail validation');
  });

  it('validates on the whole in-repo corpus directory and a fixture, with an unreadable file and a rule override', () => {
    const missing = path.join(tempDir(), 'missing.txt');
    const { log, results, code } = runSarif([CORPUS, FIXTURE.sushui, missing, '--rule', 'row-label=off']);
    assert.equal(code, 2);
    assert.ok(results.length > 50, `the corpus gives many results (${results.length})`);
    const validate = validator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
  });

  it('validates in English and from a relative path (a %SRCROOT%-based artifact location)', () => {
    const validate = validator();
    const { log } = runSarif(['--locale', 'en', path.relative(ROOT, FIXTURE.cixi)], { cwd: ROOT });
    assert.ok(validate(log), JSON.stringify(validate.errors));
  });
});

describe('SARIF partialFingerprints', () => {
  it('every result has one, unique within its file', () => {
    const { results } = runSarif([FIXTURE.sushui]);
    assert.ok(results.length >= 4);
    const prints = results.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
    for (const p of prints) assert.match(p ?? '', /^[0-9a-f]{16}:\d+$/);
    assert.equal(new Set(prints).size, prints.length);
  });

  it('stay the same when lines are inserted above and text edited elsewhere, and change with the line itself', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sushui.txt');
    const original = readFixture(FIXTURE.sushui);
    fs.writeFileSync(file, original);
    const before = runSarif([file]).results;

    // Two lines inserted after the title (a publication note), so every finding moves down by two.
    const lines = original.split('\n');
    const moved = [...lines.slice(0, 2), '', '（本报告电子版可在本镇政府网站下载。）', ...lines.slice(2)].join('\n');
    fs.writeFileSync(file, moved);
    const after = runSarif([file]).results;
    assert.deepEqual(
      after.map((r) => [r.ruleId, r.message.text]),
      before.map((r) => [r.ruleId, r.message.text]),
      'the inserted lines change no finding',
    );
    after.forEach((r, i) => {
      assert.equal(r.locations[0].physicalLocation.region.startLine, before[i].locations[0].physicalLocation.region.startLine + 2);
      assert.equal(r.partialFingerprints?.[FINGERPRINT_KEY], before[i].partialFingerprints?.[FINGERPRINT_KEY], `${r.ruleId} keeps its fingerprint`);
    });

    // Editing the line of one finding changes that finding's fingerprint, and no other.
    const target = before.findIndex((r) => r.ruleId === 'year-mismatch');
    assert.ok(target >= 0);
    const line = before[target].locations[0].physicalLocation.region.startLine - 1;
    const edited = original.split('\n');
    edited[line] = edited[line].replace('加强巩固', '持续加强巩固');
    assert.notEqual(edited[line], original.split('\n')[line], 'the edit applies');
    fs.writeFileSync(file, edited.join('\n'));
    const changed = runSarif([file]).results;
    assert.equal(changed.length, before.length);
    changed.forEach((r, i) => {
      const same = r.partialFingerprints?.[FINGERPRINT_KEY] === before[i].partialFingerprints?.[FINGERPRINT_KEY];
      assert.equal(same, i !== target, `${r.ruleId} at ${i}`);
    });
  });

  it('count equal findings on equal lines (one cell per line tables repeat "0")', () => {
    const text = '表三\n0\n0\n  0  \n1\n';
    const lines = new LineIndex(text);
    const at = (line: number, rule: string) => ({ start: lines.starts[line], end: lines.starts[line] + 1, rule, severity: 'error', message: '', fix: null, related: [] }) as unknown as Diagnostic;
    const prints = fingerprints(lines, [at(1, 'balance'), at(2, 'balance'), at(3, 'balance'), at(3, 'row-sum'), at(4, 'balance')]);
    const [h0, h1, h2, h3, h4] = prints.map((p) => p.split(':'));
    assert.deepEqual([h0[1], h1[1], h2[1]], ['1', '2', '3'], 'occurrences of one rule on lines reading "0" (white space ignored)');
    assert.ok(h0[0] === h1[0] && h1[0] === h2[0]);
    assert.notEqual(h3[0], h2[0], 'another rule on the same line hashes differently');
    assert.equal(h3[1], '1');
    assert.notEqual(h4[0], h0[0], 'another line text hashes differently');
  });
});
