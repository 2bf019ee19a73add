// Many files: worker threads must give exactly the output of the in-process run, in input order,
// including files that cannot be read in the middle of the list.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE, ensureBuilt, readFixture, runCli, tempDir } from './helpers';

before(ensureBuilt);

describe('worker threads', () => {
  const dir = tempDir();
  const sources = [FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe].map(readFixture);
  const count = 150;
  for (let i = 0; i < count; i++) {
    const name = path.join(dir, `d${i % 4}`, `r${String(i).padStart(3, '0')}.txt`);
    fs.mkdirSync(path.dirname(name), { recursive: true });
    if (i === 77) fs.writeFileSync(name, Buffer.from([0, 1, 2, 3]));
    else fs.writeFileSync(name, sources[i % 3].replace(/2023年/, `${2000 + (i % 25)}年`));
  }

  for (const format of ['text', 'json', 'sarif']) {
    it(`${format}: --jobs 2 prints exactly what --jobs 1 prints`, () => {
      const env = { NIANBAO_TRACE: '1' };
      const one = runCli(['check', '--format', format, '--jobs', '1', dir], { env });
      const two = runCli(['check', '--format', format, '--jobs', '2', dir], { env });
      assert.match(one.stderr, new RegExp(`nianbao: ${count} files, in-process`));
      assert.match(two.stderr, new RegExp(`nianbao: ${count} files, 2 worker threads`));
      assert.equal(two.code, 2, 'the binary file makes the status 2');
      assert.equal(two.code, one.code);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr.replace(/^nianbao: .*\n/, ''), one.stderr.replace(/^nianbao: .*\n/, ''));
    });
  }

  it('a worker that dies on a file: that file is reported as not checked, every other file is checked', () => {
    const victim = 'd1/r101.txt';
    const one = runCli(['check', '--format', 'json', '--jobs', '1', dir]);
    const two = runCli(['check', '--format', 'json', '--jobs', '2', dir], { env: { NIANBAO_TEST_WORKER_DIES_ON: victim } });
    assert.equal(two.code, 2);
    const files = (r: { stdout: string }) => JSON.parse(r.stdout).files as { path: string; error?: string; diagnostics?: unknown[] }[];
    const before = files(one);
    const after = files(two);
    assert.equal(after.length, count);
    after.forEach((f, i) => {
      if (path.relative(dir, f.path) === victim) {
        assert.match(f.error ?? '', /exited with code 70/);
      } else {
        assert.deepEqual(f, before[i], `${f.path} is checked as in one thread`);
      }
    });
  });

  it('keeps input order: directories sorted, then files', () => {
    const r = runCli(['check', '--format', 'json', '--jobs', '3', dir]);
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => path.relative(dir, f.path));
    assert.equal(paths.length, count);
    assert.deepEqual(paths, [...paths].sort());
  });
});
