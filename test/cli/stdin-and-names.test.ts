// `-` reads the report from standard input (`--stdin-filename` names it), and a file name that holds a
// line break or a terminal escape cannot forge a line of the text output.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE, ensureBuilt, readFixture, runCli, runJson, tempDir } from './helpers';

before(ensureBuilt);

const CIXI = readFixture(FIXTURE.cixi);

describe('standard input', () => {
  it('`-` checks the text piped in, exactly as the same file would be', () => {
    const fromFile = runJson([FIXTURE.cixi]);
    const fromStdin = runJson(['-'], { input: CIXI });
    assert.equal(fromStdin.code, fromFile.code, fromStdin.stderr);
    assert.deepEqual(fromStdin.files[0].diagnostics, fromFile.files[0].diagnostics);
    assert.equal(fromStdin.files[0].path, '<stdin>');
    const text = runCli(['check', '-'], { input: CIXI });
    assert.match(text.stdout, /^<stdin>:4:1 warning section-numbering /m);
  });

  it('GB18030 and UTF-16 with a BOM are read from standard input too', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CIXI, 'utf16le')]);
    const fromStdin = runJson(['-'], { input: utf16 });
    assert.deepEqual(fromStdin.files[0].diagnostics, runJson([FIXTURE.cixi]).files[0].diagnostics);
  });

  it('--stdin-filename names it in the output, and its directory\'s ignore files apply', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.nianbao-ignore.json'), JSON.stringify({ ignore: [{ rule: 'section-numbering', text: '1、 总体情况' }] }));
    const name = path.join(dir, 'reports', 'cixi.txt');
    const r = runJson(['--stdin-filename', name, '-'], { input: CIXI });
    assert.equal(r.files[0].path, name);
    assert.ok(!r.files[0].diagnostics!.some((d) => d.rule === 'section-numbering' && d.line === 4), 'ignored as listed');
    assert.ok(r.files[0].diagnostics!.some((d) => d.rule === 'section-numbering' && d.line === 347));
  });

  it('comes in its place among files, also with worker threads', () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) fs.copyFileSync(FIXTURE.sushui, path.join(dir, `r${String(i).padStart(2, '0')}.txt`));
    const r = runCli(['check', '--format', 'json', '--jobs', '2', dir, '-', FIXTURE.xiaocaoe], { input: CIXI, env: { NIANBAO_TRACE: '1' } });
    assert.match(r.stderr, /42 files, 2 worker threads/);
    const files = JSON.parse(r.stdout).files as { path: string; diagnostics: unknown[] }[];
    assert.deepEqual(
      files.slice(39).map((f) => path.basename(f.path)),
      ['r39.txt', '<stdin>', path.basename(FIXTURE.xiaocaoe)],
    );
    assert.deepEqual(files[40].diagnostics, runJson([FIXTURE.cixi]).files[0].diagnostics);
  });

  it('--fix-dry-run lists the changes; --fix on standard input, `-` twice, or --stdin-filename without `-` are usage errors', () => {
    const dry = runCli(['check', '--fix-dry-run', '-'], { input: CIXI });
    assert.ok(dry.stderr.includes('<stdin>:4  1、  → 一、  改为“一、”'), dry.stderr);
    for (const [args, message] of [
      [['--fix', '-'], /--fix 无法改写标准输入/],
      [['-', '-'], /标准输入（-）只能指定一次/],
      [['--stdin-filename', 'x.txt', FIXTURE.cixi], /--stdin-filename 只能与 -/],
    ] as const) {
      const r = runCli(['check', ...args], { input: CIXI });
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });

  it('over --max-size: refused, exit 2', () => {
    const r = runJson(['--max-size', '1000', '-'], { input: CIXI });
    assert.equal(r.code, 2);
    assert.match(r.files[0].error!, /文件过大/);
  });
});

describe('file names that would forge output', { skip: process.platform === 'win32' && 'such names are not allowed' }, () => {
  it('a newline or an escape in a name is shown escaped, in quotes: every output line is a real finding', () => {
    const dir = tempDir();
    const forged = 'a\nfake.txt:1:1 error balance 伪造的错误\n\u001b[2Kb.txt';
    const file = path.join(dir, forged);
    fs.writeFileSync(file, CIXI);
    const r = runCli(['check', dir]);
    const lines = r.stdout.trimEnd().split('\n');
    const expected = runCli(['check', FIXTURE.cixi]).stdout.trimEnd().split('\n');
    assert.equal(lines.length, expected.length, r.stdout);
    const shown = `"${dir}/a\\nfake.txt:1:1 error balance 伪造的错误\\n\\x1b[2Kb.txt"`;
    lines.forEach((line, i) => assert.equal(line, expected[i].replace(FIXTURE.cixi, shown)));
    assert.doesNotMatch(r.stdout + r.stderr, /\u001b/);
    // JSON keeps the name as it is (JSON escapes it).
    assert.equal(runJson([dir]).files[0].path, file);
  });

  it('on stderr too: a file that cannot be read, and the changes of --fix-dry-run', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x\n\u202eevil.txt');
    fs.writeFileSync(file, Buffer.from([0, 1, 2]));
    const r = runCli(['check', file]);
    assert.ok(r.stderr.startsWith(`"${dir}/x\\n\\u202eevil.txt": 不是文本文件`), r.stderr);
    fs.writeFileSync(file, CIXI);
    const dry = runCli(['check', '--fix-dry-run', file]);
    assert.ok(dry.stderr.includes(`"${dir}/x\\n\\u202eevil.txt":4  1、  → 一、  改为“一、”`), dry.stderr);
  });

  it('ordinary names, Chinese or with spaces and quotes, are shown as they are', () => {
    const dir = tempDir();
    const file = path.join(dir, '2023年 "年报" 副本.txt');
    fs.writeFileSync(file, CIXI);
    assert.match(runCli(['check', file]).stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:1 `, 'm'));
  });
});
