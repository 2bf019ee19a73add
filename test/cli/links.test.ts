// Symbolic and hard links. Walking a directory does not follow links (as ripgrep does): a link inside
// the folder can lead anywhere, and `--fix` must not rewrite a report outside the folder it was given.
// `--follow` opts in. A link named on the command line is followed; each real file is checked once;
// a loop is reported as a loop.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE, ensureBuilt, readFixture, runCli, runJson, tempDir } from './helpers';

before(ensureBuilt);

const ORIGINAL = readFixture(FIXTURE.cixi);
const skip = process.platform === 'win32' && 'symbolic links need privileges on Windows';

/** proj/own.txt, proj/linked.txt -> ../outside/victim.txt, proj/etc -> a directory outside. */
function project() {
  const root = tempDir();
  const proj = path.join(root, 'proj');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(proj);
  fs.mkdirSync(path.join(outside, 'deep'), { recursive: true });
  const victim = path.join(outside, 'victim.txt');
  fs.writeFileSync(victim, ORIGINAL);
  fs.writeFileSync(path.join(outside, 'deep', 'other.txt'), ORIGINAL);
  fs.writeFileSync(path.join(proj, 'own.txt'), ORIGINAL);
  fs.symlinkSync(path.join('..', 'outside', 'victim.txt'), path.join(proj, 'linked.txt'));
  fs.symlinkSync(path.join(outside, 'deep'), path.join(proj, 'etc'));
  return { root, proj, outside, victim, other: path.join(outside, 'deep', 'other.txt') };
}

describe('links met while walking a directory', { skip }, () => {
  it('are not followed: check --fix proj/ leaves the file outside alone', () => {
    const p = project();
    const r = runJson(['--fix', p.proj]);
    assert.deepEqual(
      r.files.map((f) => path.relative(p.proj, f.path)),
      ['own.txt'],
    );
    assert.notEqual(fs.readFileSync(path.join(p.proj, 'own.txt'), 'utf8'), ORIGINAL, 'the file inside was fixed (needs the engine)');
    assert.equal(fs.readFileSync(p.victim, 'utf8'), ORIGINAL, 'the file outside is untouched');
    assert.equal(fs.readFileSync(p.other, 'utf8'), ORIGINAL);
    assert.ok(fs.lstatSync(path.join(p.proj, 'linked.txt')).isSymbolicLink());
  });

  it('are followed with --follow (or -L): then the linked files are checked and written as asked', () => {
    const p = project();
    const listed = runJson(['--follow', p.proj]);
    assert.deepEqual(
      listed.files.map((f) => path.relative(p.proj, f.path)),
      [path.join('etc', 'other.txt'), 'linked.txt', 'own.txt'],
    );
    runCli(['check', '-L', '--fix', p.proj]);
    assert.notEqual(fs.readFileSync(p.victim, 'utf8'), ORIGINAL);
    assert.ok(fs.lstatSync(path.join(p.proj, 'linked.txt')).isSymbolicLink(), 'the link stays a link');
  });

  it('a link named on the command line is followed, and its target written', () => {
    const p = project();
    const r = runJson(['--fix', path.join(p.proj, 'linked.txt'), path.join(p.proj, 'etc')]);
    assert.deepEqual(
      r.files.map((f) => path.relative(p.proj, f.path)),
      ['linked.txt', path.join('etc', 'other.txt')],
    );
    assert.notEqual(fs.readFileSync(p.victim, 'utf8'), ORIGINAL);
    assert.ok(fs.lstatSync(path.join(p.proj, 'linked.txt')).isSymbolicLink());
  });
});

describe('each real file once', () => {
  it('hard links, a link and its target, and two spellings of a path are one file (the first name is shown)', { skip }, () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), ORIGINAL);
    fs.linkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'c.txt'));
    const walked = runJson([dir]);
    assert.deepEqual(
      walked.files.map((f) => path.basename(f.path)),
      ['a.txt'],
    );
    const named = runJson([path.join(dir, 'c.txt'), path.join(dir, 'b.txt'), dir, path.join(dir, '.', 'a.txt')]);
    assert.deepEqual(
      named.files.map((f) => path.basename(f.path)),
      ['c.txt'],
    );
    const followed = runJson(['--follow', dir]);
    assert.deepEqual(
      followed.files.map((f) => path.basename(f.path)),
      ['a.txt'],
    );
  });

  it('two different files with the same content are both checked', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), ORIGINAL);
    fs.writeFileSync(path.join(dir, 'b.txt'), ORIGINAL);
    assert.equal(runJson([dir]).files.length, 2);
  });
});

describe('loops', { skip }, () => {
  it('a loop of links named on the command line, or met under --follow, is reported as a loop (exit 2)', () => {
    const dir = tempDir();
    fs.symlinkSync(path.join(dir, 'b.txt'), path.join(dir, 'a.txt'));
    fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    const named = runJson([path.join(dir, 'a.txt')]);
    assert.equal(named.code, 2);
    assert.equal(named.files[0].error, '符号链接构成循环（链接最终指回自身）');
    const en = runCli(['check', '--locale', 'en', path.join(dir, 'a.txt')]);
    assert.ok(en.stderr.includes(`${path.join(dir, 'a.txt')}: symbolic link loop`), en.stderr);
    const walked = runJson(['--follow', dir]);
    assert.equal(walked.code, 2);
    assert.deepEqual(
      walked.files.map((f) => [path.basename(f.path), f.error]),
      [
        ['a.txt', '符号链接构成循环（链接最终指回自身）'],
        ['b.txt', '符号链接构成循环（链接最终指回自身）'],
      ],
    );
    // Not followed, they are not looked at.
    assert.deepEqual(runJson([dir]).files, []);
  });

  it('a directory link back to an ancestor is walked once under --follow and named in a note', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'r.txt'), ORIGINAL);
    fs.symlinkSync(dir, path.join(dir, 'sub', 'up'));
    const r = runJson(['--follow', dir]);
    assert.deepEqual(
      r.files.map((f) => path.relative(dir, f.path)),
      [path.join('sub', 'r.txt')],
    );
    assert.ok(r.stderr.includes(`${path.join(dir, 'sub', 'up')}: 目录循环：经符号链接又回到了当前路径上的目录，未再次进入`), r.stderr);
    assert.equal(r.code, 0, 'a note, not an error: every file was checked');
  });
});
