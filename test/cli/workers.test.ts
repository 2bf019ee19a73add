// Many files: worker threads must give exactly the output of the in-process run, in input order,
// including files that cannot be read in the middle of the list.
import { spawn, spawnSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE, cliPath, ensureBuilt, readFixture, runCli, tempDir } from './helpers';

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

  for (const format of ['text', 'json', 'sarif', 'csv', 'html']) {
    it(`${format}: --jobs 2 prints exactly what --jobs 1 prints`, () => {
      const env = { NIANBAO_TRACE: '1' };
      const one = runCli(['check', '--format', format, '--jobs', '1', dir], { env });
      const two = runCli(['check', '--format', format, '--jobs', '2', dir], { env });
      assert.match(one.stderr, new RegExp(`nianbao: ${count} files, in-process`));
      assert.match(two.stderr, new RegExp(`nianbao: ${count} files, 2 worker threads`));
      assert.match(two.stderr, /nianbao: relaunched as process \d+ with --single-threaded-gc --no-concurrent-recompilation/);
      assert.doesNotMatch(one.stderr, /relaunched/, 'one thread: nothing to gain from a second process');
      assert.equal(two.code, 2, 'the binary file makes the status 2');
      assert.equal(two.code, one.code);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr.replace(/^nianbao: .*\n/gm, ''), one.stderr.replace(/^nianbao: .*\n/gm, ''));
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

  it('the relaunched run: its output and status are the run\'s, and a signal to the CLI ends it', async () => {
    const direct = runCli(['check', '--format', 'json', '--jobs', '2', dir], { env: { NIANBAO_NO_RELAUNCH: '1', NIANBAO_TRACE: '1' } });
    assert.doesNotMatch(direct.stderr, /relaunched/);
    const relaunched = runCli(['check', '--format', 'json', '--jobs', '2', dir]);
    assert.equal(relaunched.code, direct.code);
    assert.equal(relaunched.stdout, direct.stdout);

    // Stopped as soon as the child says it started its workers: the child must not outlive the CLI.
    const cli = spawn(process.execPath, [cliPath(), 'check', '--jobs', '2', dir, dir, dir, dir], {
      env: { ...process.env, NIANBAO_TRACE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const childPid = await new Promise<number>((resolve, reject) => {
      cli.stderr.on('data', (data: Buffer) => {
        stderr += data.toString();
        const pid = /relaunched as process (\d+)/.exec(stderr);
        if (pid && /worker threads/.test(stderr)) resolve(Number(pid[1]));
      });
      cli.once('exit', () => reject(new Error(`ended before its workers started: ${stderr}`)));
    });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => cli.once('exit', (_code, signal) => resolve(signal)));
    cli.kill('SIGTERM');
    assert.equal(await ended, 'SIGTERM', 'the CLI ends as its child was ended');
    assert.throws(() => process.kill(childPid, 0), /ESRCH/, 'the child is gone');
  });

  it('a profiled (or debugged) run stays in its process, where the profiler is', () => {
    const profiles = tempDir();
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, cliPath(), 'check', '--jobs', '2', dir], {
      env: { ...process.env, NIANBAO_TRACE: '1' },
      encoding: 'utf8',
    });
    assert.match(r.stderr, new RegExp(`nianbao: ${count} files, 2 worker threads`));
    assert.doesNotMatch(r.stderr, /relaunched/);
    assert.ok(fs.readdirSync(profiles).length >= 1, 'the profile of the run was written');
  });

  it('a folder of a few files is checked in one process: no relaunch, no workers', () => {
    const small = tempDir();
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(small, `r${i}.txt`), sources[i % 3]);
    const r = runCli(['check', '--jobs', '2', small], { env: { NIANBAO_TRACE: '1' } });
    assert.match(r.stderr, /nianbao: 5 files, in-process/);
    assert.doesNotMatch(r.stderr, /relaunched/);
  });
});

// Reports with many findings: a worker posts a batch's outcomes in parts once their output is large
// (cli/worker.ts), and the parts must make the same output, in order, as one thread does, even when
// the worker dies after it posted some of a batch.
describe('worker threads, reports with many findings', () => {
  const dir = tempDir();
  /** Every number of every table line changed: some 35 findings a report, ~3,500 characters of output. */
  const broken = (text: string) =>
    text
      .split('\n')
      .map((line) => (/[\t|]/.test(line) ? line.replace(/(?<![\d.])\d+(?![\d.])/g, (n) => String((Number(n) * 7 + 3) % 50)) : line))
      .join('\n');
  const sources = [FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe].map(readFixture).map(broken);
  const count = 320; // batches of 20 files: ~70,000 characters of output each
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `r${String(i).padStart(3, '0')}.txt`), sources[i % 3]);

  it('--jobs 2 prints exactly what --jobs 1 prints', () => {
    const one = runCli(['check', '--jobs', '1', dir]);
    const two = runCli(['check', '--jobs', '2', dir], { env: { NIANBAO_TRACE: '1' } });
    assert.match(two.stderr, new RegExp(`nianbao: ${count} files, 2 worker threads`));
    assert.ok(one.stdout.length > count * 3000, `${one.stdout.length} characters of findings`);
    assert.equal(two.code, one.code);
    assert.equal(two.stdout, one.stdout);
  });

  it('a worker that dies late in a batch: every other file is checked once, in order', () => {
    const victim = 'r317.txt'; // the 18th of the last batch: parts of its batch were posted before
    const one = runCli(['check', '--jobs', '1', dir]);
    const two = runCli(['check', '--jobs', '2', dir], { env: { NIANBAO_TEST_WORKER_DIES_ON: victim } });
    assert.equal(two.code, 2);
    const victimLines = (out: string) => out.split('\n').filter((line) => line.includes(victim));
    assert.ok(victimLines(one.stdout).length > 20);
    assert.deepEqual(victimLines(two.stdout), []);
    const others = (out: string) => out.split('\n').filter((line) => !line.includes(victim)).join('\n');
    assert.equal(others(two.stdout), others(one.stdout));
    assert.match(two.stderr, /r317\.txt.*exited with code 70/);
  });
});
