// `--fix` never loses an edit: the fixed text replaces the file only if the file is still what was
// read. Another program's change between the read and the write is made deterministically through
// the seam write.ts leaves for tests (called right before the unchanged-check), in-process; the exit
// status and messages are checked end to end through dist/cli.js.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_SIZE } from '../../server/src/cli/args';
import { checkerState, processFile, type FileOutcome, type JobSettings } from '../../server/src/cli/check-file';
import type { FileJob } from '../../server/src/cli/files';
import { writeSeam } from '../../server/src/cli/write';
import { FIXTURE, cliPath, ensureBuilt, readFixture, runCli, tempDir } from './helpers';

before(ensureBuilt);
after(() => {
  writeSeam.beforeWrite = null;
});

const SETTINGS: JobSettings = { format: 'json', locale: 'zh-cn', quiet: false, fix: 'write', maxSize: DEFAULT_MAX_SIZE, rules: {} };
const ORIGINAL = readFixture(FIXTURE.cixi);

/** A copy of cixi (fixable: its section numbering) in a fresh directory. */
function copy(name = 'cixi.txt'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, ORIGINAL);
  return file;
}

/** Runs --fix on one file in this process, with `meanwhile` run between the read and the write. */
function fixWith(file: string, meanwhile: ((target: string) => void) | null): FileOutcome {
  writeSeam.beforeWrite = meanwhile;
  try {
    const job: FileJob = { index: 0, path: file };
    return processFile(job, SETTINGS, checkerState('zh-cn')) as FileOutcome; // a .txt file: checked synchronously
  } finally {
    writeSeam.beforeWrite = null;
  }
}

const CHANGED = /未改写：读取之后文件已被改动/;

describe('--fix and another program writing the same file', () => {
  it('unchanged since read: written through a temporary file renamed over it, mode kept, nothing left beside it', () => {
    const file = copy();
    fs.chmodSync(file, 0o640);
    const inode = fs.statSync(file).ino;
    const outcome = fixWith(file, null);
    assert.equal(outcome.unwritten, undefined);
    assert.equal(outcome.fixed, true);
    const now = fs.readFileSync(file, 'utf8');
    assert.notEqual(now, ORIGINAL);
    assert.match(now.split('\n')[3], /^一、/, 'the fix is in the file (needs the engine)');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.notEqual(fs.statSync(file).ino, inode, 'replaced by a rename, not rewritten in place');
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['cixi.txt']);
  });

  it('a line appended between read and write is kept: the file is skipped, with a message', () => {
    const file = copy();
    const appended = '\n（补充）另一程序追加的一行。\n';
    const outcome = fixWith(file, (target) => fs.appendFileSync(target, appended));
    assert.match(outcome.unwritten ?? '', CHANGED);
    assert.equal(outcome.fixed, false);
    assert.deepEqual(outcome.changes, [], 'no change is reported as made');
    assert.equal(fs.readFileSync(file, 'utf8'), ORIGINAL + appended);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['cixi.txt'], 'the temporary file is removed');
  });

  it('a change of the same size with the modification time put back is still seen (the bytes are compared)', () => {
    const file = copy();
    const { atime, mtime } = fs.statSync(file);
    const edited = ORIGINAL.replace('2023', '2022');
    assert.equal(Buffer.byteLength(edited), Buffer.byteLength(ORIGINAL));
    const outcome = fixWith(file, (target) => {
      fs.writeFileSync(target, edited);
      fs.utimesSync(target, atime, mtime);
    });
    assert.match(outcome.unwritten ?? '', CHANGED);
    assert.equal(fs.readFileSync(file, 'utf8'), edited);
  });

  it('a file replaced (saved by rename) or removed meanwhile is not written', () => {
    const replaced = copy();
    const outcome = fixWith(replaced, (target) => {
      fs.writeFileSync(target + '.new', ORIGINAL + '新的一行\n');
      fs.renameSync(target + '.new', target);
    });
    assert.match(outcome.unwritten ?? '', CHANGED);
    assert.equal(fs.readFileSync(replaced, 'utf8'), ORIGINAL + '新的一行\n');

    const removed = copy();
    assert.match(fixWith(removed, (target) => fs.rmSync(target)).unwritten ?? '', CHANGED);
    assert.equal(fs.existsSync(removed), false, 'not created again');
  });

  it('a file with another hard link is written in place, so both names keep the fixed text', () => {
    const file = copy();
    const other = path.join(path.dirname(file), 'other-name.txt');
    fs.linkSync(file, other);
    const inode = fs.statSync(file).ino;
    const outcome = fixWith(file, null);
    assert.equal(outcome.fixed, true, outcome.unwritten);
    assert.equal(fs.statSync(file).ino, inode);
    assert.equal(fs.readFileSync(other, 'utf8'), fs.readFileSync(file, 'utf8'));
    assert.notEqual(fs.readFileSync(other, 'utf8'), ORIGINAL);
  });

  it('a hard-linked file changed meanwhile is not written in place either', () => {
    const file = copy();
    fs.linkSync(file, path.join(path.dirname(file), 'other-name.txt'));
    const outcome = fixWith(file, (target) => fs.appendFileSync(target, '追加\n'));
    assert.match(outcome.unwritten ?? '', CHANGED);
    assert.equal(fs.readFileSync(file, 'utf8'), ORIGINAL + '追加\n');
  });

  it('a link named on the command line: its target is written, the link stays a link', () => {
    const file = copy('target.txt');
    const link = path.join(tempDir(), 'link.txt');
    fs.symlinkSync(file, link);
    const outcome = fixWith(link, null);
    assert.equal(outcome.fixed, true, outcome.unwritten);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.notEqual(fs.readFileSync(file, 'utf8'), ORIGINAL);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['target.txt']);
  });
});

describe('--fix end to end: what cannot be written is said, and the exit status is 2', () => {
  /** Runs the CLI as the unprivileged user "nobody" when the tests run as root (root may write anything). */
  function asNobody(args: string[]) {
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [cliPath(), ...args], { encoding: 'utf8', ...user });
    if (r.error) return null;
    return { code: r.status, stderr: String(r.stderr), stdout: String(r.stdout) };
  }

  it('a file the user may read but not write: "没有写入权限", exit 2, file untouched', { skip: process.platform === 'win32' && 'POSIX permissions' }, () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o777); // the directory would allow a rename: the file's own mode must decide
    const file = path.join(dir, 'cixi.txt');
    fs.writeFileSync(file, ORIGINAL);
    fs.chmodSync(file, 0o444);
    const r = asNobody(['check', '--fix', file]);
    if (!r) return; // cannot switch user here
    assert.ok(r.stderr.includes(`${file}: 未改写：没有写入权限`), r.stderr);
    assert.doesNotMatch(r.stderr, /读取权限/);
    assert.equal(r.code, 2);
    assert.equal(fs.readFileSync(file, 'utf8'), ORIGINAL);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
    const en = asNobody(['check', '--fix', '--locale', 'en', file])!;
    assert.ok(en.stderr.includes(`${file}: not rewritten: no permission to write the file`), en.stderr);
  });

  it('a writable file in a directory that forbids the rename is written in place', { skip: process.platform === 'win32' && 'POSIX permissions' }, () => {
    const dir = tempDir();
    const file = path.join(dir, 'cixi.txt');
    fs.writeFileSync(file, ORIGINAL);
    fs.chmodSync(file, 0o666);
    fs.chmodSync(dir, 0o755);
    const inode = fs.statSync(file).ino;
    const r = asNobody(['check', '--fix', file]);
    if (!r) return;
    if (process.getuid?.() !== 0) return; // as an ordinary user the directory is our own: nothing to show
    assert.equal(r.code, 0, r.stderr);
    assert.match(fs.readFileSync(file, 'utf8').split('\n')[3], /^一、/);
    assert.equal(fs.statSync(file).ino, inode);
    assert.deepEqual(fs.readdirSync(dir), ['cixi.txt']);
  });

  it('prints each change it made as file:line  old → new  title; --fix-dry-run prints the same and writes nothing', () => {
    const file = copy();
    const dry = runCli(['check', '--fix-dry-run', file]);
    assert.equal(fs.readFileSync(file, 'utf8'), ORIGINAL, '--fix-dry-run writes nothing');
    const changeLines = dry.stderr.split('\n').filter((l) => l.startsWith(`${file}:`));
    assert.ok(changeLines.includes(`${file}:4  1、  → 一、  改为“一、”`), dry.stderr);
    assert.ok(changeLines.includes(`${file}:347  4、  → 四、  改为“四、”`), dry.stderr);
    assert.match(dry.stderr, /--fix 会修改 1 个文件（本次未改写）/);
    assert.doesNotMatch(dry.stderr, /已修复并改写/);
    // The findings printed are those of the file as it is.
    assert.deepEqual(dry.stdout, runCli(['check', file]).stdout);

    const fixed = runCli(['check', '--fix', file]);
    assert.deepEqual(
      fixed.stderr.split('\n').filter((l) => l.startsWith(`${file}:`)),
      changeLines,
      'the same changes, now made',
    );
    // Each printed change is in the file: the new text on its line, where the old text was.
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const original = ORIGINAL.split('\n');
    for (const line of changeLines) {
      const m = /^.*:(\d+) {2}(.*) → (.*?)(?: {2}.*)?$/.exec(line)!;
      const [n, was, now] = [Number(m[1]), m[2], m[3]];
      assert.ok(original[n - 1].includes(was.trimEnd()), `${line}: was on line ${n}`);
      assert.ok(lines[n - 1].includes(now), `${line}: is on line ${n}`);
    }
    const json = runCli(['check', '--format', 'json', '--fix-dry-run', copy()]);
    const changes = JSON.parse(json.stdout).files[0].changes as { line: number; before: string; after: string; title: string }[];
    assert.deepEqual(changes[0], { line: 4, column: 1, before: '1、 ', after: '一、', title: '改为“一、”' });
  });

  it('--fix and --fix-dry-run together are a usage error', () => {
    const r = runCli(['check', '--fix', '--fix-dry-run', copy()]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--fix 和 --fix-dry-run 不能同时使用/);
  });
});
