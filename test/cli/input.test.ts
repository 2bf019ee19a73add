// How `nianbao check` reads files: encodings and line endings, binary, empty, missing, too large and
// unreadable files, and directory walking. Each encoded variant must give the same findings as the
// UTF-8 original (which must have findings, so that the comparison means something).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeGb18030 } from '../../server/src/sources/gb18030';
import { cliPath, FIXTURE, comparable, ensureBuilt, readFixture, runCli, runJson, tempDir } from './helpers';

before(ensureBuilt);

const ORIGINALS = [FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe];

function variants(dir: string) {
  const out: { name: string; files: string[]; extraArgs?: string[] }[] = [];
  const make = (name: string, encode: (text: string) => Buffer, extraArgs?: string[]) => {
    const files = ORIGINALS.map((original) => {
      const file = path.join(dir, `${name}-${path.basename(original)}`);
      fs.writeFileSync(file, encode(readFixture(original)));
      return file;
    });
    out.push({ name, files, extraArgs });
  };
  const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
  make('utf8-bom', (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]));
  make('gb18030', (s) => encodeGb18030(s)!);
  make('utf16le-bom', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
  make('utf16be-bom', (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(s)]));
  make('utf16le-forced', (s) => Buffer.from(s, 'utf16le'), ['--encoding', 'utf16le']);
  make('gbk-forced', (s) => encodeGb18030(s)!, ['--encoding', 'gbk']);
  return out;
}

describe('encodings and line endings', () => {
  it('the fixtures have findings to compare (needs the engine)', () => {
    const r = runJson(ORIGINALS);
    assert.ok(r.files.every((f) => f.diagnostics!.length > 0), 'every fixture has at least one finding');
  });

  it('UTF-8 with BOM, GB18030, UTF-16 LE/BE with BOM and forced encodings give the same findings as UTF-8', () => {
    const dir = tempDir();
    const original = runJson(ORIGINALS);
    for (const v of variants(dir)) {
      const r = runJson([...(v.extraArgs ?? []), ...v.files]);
      assert.equal(r.code, original.code, `${v.name}: exit code (${r.stderr})`);
      assert.deepEqual(r.files.map(comparable), original.files.map(comparable), v.name);
    }
  });

  it('CRLF and mixed line endings keep the same lines and columns', () => {
    const dir = tempDir();
    const original = runJson(ORIGINALS);
    const crlf = ORIGINALS.map((f) => {
      const file = path.join(dir, `crlf-${path.basename(f)}`);
      fs.writeFileSync(file, readFixture(f).replace(/\n/g, '\r\n'));
      return file;
    });
    const mixed = ORIGINALS.map((f) => {
      const file = path.join(dir, `mixed-${path.basename(f)}`);
      let i = 0;
      fs.writeFileSync(file, readFixture(f).replace(/\n/g, () => (i++ % 2 ? '\r\n' : '\n')));
      return file;
    });
    for (const files of [crlf, mixed]) {
      const r = runJson(files);
      assert.deepEqual(r.files.map(comparable), original.files.map(comparable));
    }
  });

  it('UTF-16 without a BOM is not guessed: "not a text file", with a hint to use --encoding', () => {
    const file = path.join(tempDir(), 'no-bom.txt');
    fs.writeFileSync(file, Buffer.from(readFixture(FIXTURE.cixi), 'utf16le'));
    const r = runJson([file]);
    assert.equal(r.code, 2);
    assert.match(r.files[0].error!, /不是文本文件.*--encoding utf16le/);
  });

  it('bytes that are neither UTF-8 nor GB18030 are reported, not guessed', () => {
    const file = path.join(tempDir(), 'latin.txt');
    fs.writeFileSync(file, Buffer.from([0x41, 0xff, 0xfe, 0xfd, 0x42, 0x0a]).subarray(0));
    // 0xff 0xfe at the start would be a BOM: start with 'A' instead.
    const r = runJson([file]);
    assert.equal(r.code, 2);
    assert.match(r.files[0].error!, /无法识别编码/);
  });
});

describe('files that cannot be checked', () => {
  it('binary files (NUL bytes, or mostly control characters) are "not a text file", never a crash', () => {
    const dir = tempDir();
    const png = path.join(dir, 'image.txt');
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const controls = path.join(dir, 'controls.txt');
    fs.writeFileSync(controls, Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01 + (i % 7)))));
    const r = runJson([png, controls, FIXTURE.cixi]);
    assert.equal(r.code, 2);
    assert.match(r.files[0].error!, /不是文本文件（含 NUL 字节）/);
    assert.match(r.files[1].error!, /不是文本文件（大部分是控制字符）/);
    assert.ok(r.files[2].diagnostics);
    assert.match(r.stderr, /image\.txt: 不是文本文件/);
    const en = runCli(['check', '--locale', 'en', png]);
    assert.match(en.stderr, /image\.txt: not a text file \(it contains NUL bytes\)/);
  });

  it('an empty file is checked: no error or warning (at most a note that it is not a report)', () => {
    const file = path.join(tempDir(), 'empty.txt');
    fs.writeFileSync(file, '');
    const r = runJson([file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.files[0].error, undefined);
    assert.deepEqual(
      r.files[0].diagnostics!.filter((d) => d.severity === 'error' || d.severity === 'warning'),
      [],
    );
  });

  it('a file over --max-size is refused quickly with a clear message; the others are checked', () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, Buffer.alloc(3_000_000, '年报\n'));
    const started = Date.now();
    const r = runJson(['--max-size', '1000000', big, FIXTURE.cixi]);
    assert.ok(Date.now() - started < 10_000);
    assert.equal(r.code, 2);
    assert.match(r.files[0].error!, /文件过大（3000000 字节，超过 --max-size 1000000 字节）/);
    assert.ok(r.files[1].diagnostics);
    assert.match(runCli(['check', '--locale', 'en', '--max-size', '1000', big]).stderr, /file too large/);
  });

  it('devices and pipes are refused without blocking', { skip: process.platform === 'win32' && 'no /dev/zero or mkfifo' }, () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const r = runJson(['/dev/zero', fifo, dir]);
    assert.equal(r.code, 2);
    assert.deepEqual(
      r.files.map((f) => f.error),
      ['不是普通文件（设备、管道或套接字不检查）', '不是普通文件（设备、管道或套接字不检查）'],
    );
  });

  it('a missing path, a path through a file, and a dangling link found while walking (with --follow) are named on stderr', () => {
    const dir = tempDir();
    fs.copyFileSync(FIXTURE.cixi, path.join(dir, 'a.txt'));
    fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'b.txt'));
    // Without --follow the walk does not look at links at all (test/cli/links.test.ts).
    assert.deepEqual(
      runJson([dir]).files.map((f) => path.relative(dir, f.path)),
      ['a.txt'],
    );
    const r = runJson(['--follow', path.join(dir, 'nope.txt'), path.join(dir, 'a.txt', 'x.txt'), dir]);
    assert.equal(r.code, 2);
    assert.deepEqual(
      r.files.map((f) => [path.relative(dir, f.path), f.error ?? 'ok']),
      [
        ['nope.txt', '找不到文件或目录'],
        [path.join('a.txt', 'x.txt'), '路径中的某一部分不是目录'],
        ['a.txt', 'ok'],
        ['b.txt', '符号链接指向的文件不存在'],
      ],
    );
    assert.ok(r.stderr.includes(`${path.join(dir, 'b.txt')}: 符号链接指向的文件不存在`));
  });

  it('a directory without read permission is reported and the rest is checked', () => {
    // Tests usually run as root, which reads everything: then run the CLI as the user "nobody".
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    fs.copyFileSync(FIXTURE.cixi, path.join(dir, 'a.txt'));
    fs.chmodSync(path.join(dir, 'a.txt'), 0o644);
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    fs.writeFileSync(path.join(locked, 'secret.txt'), 'x');
    fs.chmodSync(locked, 0o000);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [cliPath(), 'check', '--format', 'json', dir], { encoding: 'utf8', ...asNobody });
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'EPERM') return; // cannot switch user here
    if (process.getuid?.() !== 0 && fs.readdirSync(locked, { withFileTypes: true }).length > 0) return; // permissions not enforced
    assert.equal(r.status, 2, r.stderr);
    const files = JSON.parse(r.stdout).files;
    assert.deepEqual(
      files.map((f: { path: string; error?: string }) => [path.relative(dir, f.path), f.error ?? 'ok']),
      [
        ['a.txt', 'ok'],
        ['locked', '无法读取目录：没有读取权限'],
      ],
    );
    fs.chmodSync(locked, 0o755);
  });
});

describe('directories', () => {
  it('are walked for report files, sorted, skipping other extensions, node_modules, hidden entries and Word lock files', () => {
    const dir = tempDir();
    const put = (rel: string, text = '一段文字。\n') => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    for (const rel of ['b.txt', 'a.md', 'B.TXT', 'notes.xlsx', '~$port.docx', 'sub/z.txt', 'sub/deeper/y.md', 'node_modules/pkg/x.txt', '.git/x.txt', '.hidden/x.txt', '.lock.txt', 'c.txt']) {
      put(rel);
    }
    const r = runJson([dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      r.files.map((f) => path.relative(dir, f.path)),
      ['B.TXT', 'a.md', 'b.txt', 'c.txt', path.join('sub', 'deeper', 'y.md'), path.join('sub', 'z.txt')],
    );
  });

  it('a file named explicitly is checked whatever its extension; the same file twice is checked once', () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.text');
    fs.copyFileSync(FIXTURE.cixi, file);
    const r = runJson([file, file, dir]);
    assert.deepEqual(
      r.files.map((f) => f.path),
      [file],
    );
  });

  it('files found in a directory are named as the directory was written, normalized like path.join', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'reports', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'reports', 'a.txt'), '一段文字。\n');
    fs.writeFileSync(path.join(dir, 'reports', 'sub', 'b.txt'), '一段文字。\n');
    const named = (input: string) => runJson([input], { cwd: dir }).files.map((f) => f.path);
    const expected = (base: string) => [path.join(base, 'a.txt'), path.join(base, 'sub', 'b.txt')];
    assert.deepEqual(named('.'), expected('reports'));
    for (const input of ['reports', `reports${path.sep}`, `.${path.sep}reports`, path.join('reports', 'sub', '..'), `reports${path.sep}sub${path.sep}..`]) {
      assert.deepEqual(named(input), expected('reports'), input);
    }
    assert.deepEqual(named(path.join(dir, 'reports')), expected(path.join(dir, 'reports')));
    // The same file found under two spellings of its directory is checked once.
    const twice = runJson(['reports', path.join(dir, 'reports', 'sub'), `.${path.sep}reports`], { cwd: dir });
    assert.deepEqual(
      twice.files.map((f) => f.path),
      expected('reports'),
    );
  });

  it('an empty directory is a note on stderr, not an error', () => {
    const dir = tempDir();
    const r = runJson([dir]);
    assert.equal(r.code, 0);
    assert.deepEqual(r.files, []);
    assert.match(r.stderr, /目录中没有 \.txt 或 \.md 文件/);
    assert.match(r.stderr, /0 个文件/);
  });
});
