// `.nianbao-ignore.json` is looked for in every directory above a report, so it is read as the reports
// are: a FIFO or a link to /dev/zero by that name must not hang the run (or fill the memory), and a
// broken one is named without quoting its content.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE, ensureBuilt, runCli, runJson, tempDir } from './helpers';

before(ensureBuilt);

/** Well under the helpers' minute: a hang fails the test instead of stalling the suite. */
const TIMEOUT = { timeout: 20_000 };

/** root/.nianbao-ignore.json made by `make`; the report two directories below it. */
function tree(make: (ignoreFile: string) => void) {
  const root = tempDir();
  const sub = path.join(root, 'reports', '2023');
  fs.mkdirSync(sub, { recursive: true });
  const report = path.join(sub, 'cixi.txt');
  fs.copyFileSync(FIXTURE.cixi, report);
  const ignoreFile = path.join(root, '.nianbao-ignore.json');
  make(ignoreFile);
  return { report, ignoreFile };
}

const unix = process.platform === 'win32' && 'no FIFOs or /dev/zero';

describe('an ignore file that is not a regular file', { skip: unix }, () => {
  for (const [kind, make] of [
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file])],
    ['a link to /dev/zero', (file: string) => fs.symlinkSync('/dev/zero', file)],
    ['a directory', (file: string) => fs.mkdirSync(file)],
  ] as const) {
    it(`${kind} in a parent directory: refused at once, named on stderr, exit 2; the report is still checked`, () => {
      const { report, ignoreFile } = tree(make);
      const plain = runJson([FIXTURE.cixi]).files[0].diagnostics;
      for (const jobs of ['1', '2']) {
        const r = runJson(['--jobs', jobs, report], TIMEOUT);
        assert.equal(r.code, 2, r.stderr);
        assert.deepEqual(r.files[0].diagnostics, plain, 'checked as without an ignore file');
        const lines = r.stderr.split('\n').filter((l) => l.startsWith(ignoreFile));
        assert.deepEqual(lines, [`${ignoreFile}: 忽略文件无法读取，未使用：不是普通文件（设备、管道或套接字不检查）`]);
      }
    });
  }

  it('many reports under a FIFO ignore file, checked by worker threads, all finish', () => {
    const { report, ignoreFile } = tree((file) => execFileSync('mkfifo', [file]));
    const dir = path.dirname(report);
    for (let i = 0; i < 40; i++) fs.copyFileSync(FIXTURE.cixi, path.join(dir, `r${i}.txt`));
    const r = runCli(['check', '--jobs', '2', path.dirname(dir)], { ...TIMEOUT, env: { NIANBAO_TRACE: '1' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /41 files, 2 worker threads/);
    assert.equal(r.stderr.split('\n').filter((l) => l.startsWith(ignoreFile)).length, 1, 'named once');
  });
});

describe('an ignore file that is not usable', () => {
  it('is described without quoting its content', () => {
    const secret = 'SECRET-CONTENT-7f3a';
    for (const content of [`{"ignore": ${secret}}`, `{"ignore": "${secret}"}`, `{"ignore": [{"rule": "${secret}"}]}`, `${secret}`, `{"ignore": [`]) {
      const { report, ignoreFile } = tree((file) => fs.writeFileSync(file, content));
      const r = runCli(['check', report]);
      assert.equal(r.code, 2, content);
      assert.ok(r.stderr.includes(`${ignoreFile}: 忽略文件无效，未使用：`), r.stderr);
      assert.doesNotMatch(r.stderr, /SECRET/, content);
      const en = runCli(['check', '--locale', 'en', report]);
      assert.ok(en.stderr.includes(`${ignoreFile}: ignore file is invalid and was not used: `), en.stderr);
      assert.doesNotMatch(en.stderr, /SECRET/, content);
    }
  });

  it('says where the JSON breaks when it can, what is wrong with the shape otherwise', () => {
    const cases: [string, string][] = [
      ['{\n  "ignore": [\n    {"rule": "x",, "text": "y"}\n  ]\n}', '不是有效的 JSON（第 3 行第 18 列）'],
      ['{"ignore": {}}', '"ignore" 不是数组'],
      ['{"ignore": [{"rule": "x", "text": "y"}, {"rule": 1}]}', 'ignore[1] 需要字符串 "rule" 和 "text"'],
    ];
    for (const [content, reason] of cases) {
      const { report, ignoreFile } = tree((file) => fs.writeFileSync(file, content));
      const r = runCli(['check', report]);
      assert.ok(r.stderr.includes(`${ignoreFile}: 忽略文件无效，未使用：${reason}`), `${content}\n${r.stderr}`);
    }
  });

  it('too large, or not UTF-8: refused with the reason', () => {
    const big = tree((file) => fs.writeFileSync(file, `{"ignore": [], "pad": "${'x'.repeat(2 * 1024 * 1024)}"}`));
    const r = runCli(['check', big.report]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /忽略文件无法读取，未使用：文件过大（\d+ 字节，上限 1048576 字节）/);
    const latin = tree((file) => fs.writeFileSync(file, Buffer.from([0x7b, 0xff, 0x7d])));
    assert.match(runCli(['check', latin.report]).stderr, /忽略文件无效，未使用：不是 UTF-8 文本/);
  });

  it('a valid one (with a BOM) still applies', () => {
    const { report } = tree((file) => fs.writeFileSync(file, '\uFEFF' + JSON.stringify({ ignore: [{ rule: 'section-numbering', text: '1、 总体情况' }] })));
    const r = runJson([report]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.files[0].diagnostics!.some((d) => d.rule === 'section-numbering' && d.line === 4));
    assert.ok(r.files[0].diagnostics!.some((d) => d.rule === 'section-numbering' && d.line === 347), 'only the listed finding is dropped');
  });
});
