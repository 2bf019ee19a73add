// `nianbao check` options: --rule, --locale (and NIANBAO_LOCALE), --quiet, --year, --edition, --fix,
// .nianbao-ignore.json, --help, --version and the usage errors.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core';
import { encodeGb18030 } from '../../server/src/sources/gb18030';
import { FIXTURE, ensureBuilt, readFixture, runCli, runJson, splitLines, tempDir } from './helpers';

before(ensureBuilt);

const ALL = [FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe];

describe('--rule', () => {
  it('off removes a rule\'s findings; a level changes their severity and the exit status', () => {
    const plain = runJson([FIXTURE.xiaocaoe]);
    const balance = plain.files[0].diagnostics!.filter((d) => d.rule === 'balance');
    assert.ok(balance.length > 0, 'xiaocaoe has a balance finding (needs the engine)');

    const off = runJson(['--rule', 'balance=off', FIXTURE.xiaocaoe]);
    assert.deepEqual(off.files[0].diagnostics!.filter((d) => d.rule === 'balance'), []);
    assert.deepEqual(
      off.files[0].diagnostics,
      plain.files[0].diagnostics!.filter((d) => d.rule !== 'balance'),
    );

    const hint = runJson(['--rule=balance=hint', FIXTURE.xiaocaoe]);
    const hinted = hint.files[0].diagnostics!.filter((d) => d.rule === 'balance');
    assert.equal(hinted.length, balance.length);
    assert.ok(hinted.every((d) => d.severity === 'hint'));
    const othersAreErrors = hint.files[0].diagnostics!.some((d) => d.severity === 'error');
    assert.equal(hint.code, othersAreErrors ? 1 : 0);
  });

  it('every rule can be turned off, and then nothing is reported', () => {
    const args = RULES.flatMap((r) => ['--rule', `${r.id}=off`]);
    const r = runJson([...args, ...ALL]);
    assert.equal(r.code, 0);
    assert.ok(r.files.every((f) => f.diagnostics!.length === 0));
  });

  it('an unknown rule id or level is a usage error (exit 2, usage on stderr)', () => {
    for (const value of ['no-such-rule=off', 'balance=loud', 'balance']) {
      const r = runCli(['check', '--rule', value, FIXTURE.cixi]);
      assert.equal(r.code, 2, value);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /用法：/);
    }
    assert.match(runCli(['check', '--rule', 'no-such-rule=off', FIXTURE.cixi]).stderr, /未知规则“no-such-rule”/);
    assert.match(runCli(['check', '--locale', 'en', '--rule', 'nope=off', FIXTURE.cixi]).stderr, /Unknown rule "nope"/);
  });
});

describe('--locale', () => {
  it('en words the findings and the summary in English; NIANBAO_LOCALE does the same', () => {
    const zh = runJson(ALL);
    const en = runJson(['--locale', 'en', ...ALL]);
    const env = runJson(ALL, { env: { NIANBAO_LOCALE: 'en' } });
    assert.deepEqual(env.files, en.files);
    const zhMessages = zh.files.flatMap((f) => f.diagnostics!.map((d) => d.message));
    const enMessages = en.files.flatMap((f) => f.diagnostics!.map((d) => d.message));
    assert.equal(enMessages.length, zhMessages.length);
    assert.ok(zhMessages.length > 0, 'there are findings to translate (needs the engine)');
    enMessages.forEach((m, i) => assert.notEqual(m, zhMessages[i]));
    assert.ok(enMessages.every((m) => /[A-Za-z]{3}/.test(m)));
    assert.match(en.stderr, /^3 files: \d+ errors?, \d+ warnings?/m);
    // --locale beats the environment.
    assert.match(runCli(['check', '--locale', 'zh-cn', FIXTURE.cixi], { env: { NIANBAO_LOCALE: 'en' } }).stderr, /1 个文件/);
  });

  it('an invalid --locale is a usage error', () => {
    assert.equal(runCli(['check', '--locale', 'fr', FIXTURE.cixi]).code, 2);
  });
});

describe('--quiet, --year, --edition', () => {
  it('--quiet reports errors only, with the same exit status', () => {
    const all = runJson(ALL);
    const quiet = runJson(['--quiet', ...ALL]);
    assert.equal(quiet.code, all.code);
    assert.deepEqual(
      quiet.files.map((f) => f.diagnostics),
      all.files.map((f) => f.diagnostics!.filter((d) => d.severity === 'error')),
    );
  });

  it('--exit-zero prints the same findings but exits 0; unreadable files still exit 2', () => {
    const all = runJson(ALL);
    const zero = runJson(['--exit-zero', ...ALL]);
    assert.equal(all.code, 1);
    assert.equal(zero.code, 0);
    assert.deepEqual(zero.files, all.files);
    assert.equal(runCli(['check', '--exit-zero', FIXTURE.cixi, '/nonexistent/report.txt']).code, 2);
  });

  it('--year and --edition override what is detected', () => {
    const r = runJson(['--year', '2024', '--edition', '2019', FIXTURE.cixi]);
    assert.equal(r.files[0].report!.year, 2024);
    assert.equal(r.files[0].report!.edition, '2019');
    for (const bad of [['--year', 'next'], ['--year', '20x3'], ['--edition', '2020'], ['--jobs', '0'], ['--max-size', '-1'], ['--encoding', 'latin1']]) {
      assert.equal(runCli(['check', ...bad, FIXTURE.cixi]).code, 2, bad.join(' '));
    }
    assert.equal(runCli(['check', FIXTURE.cixi, '--year']).code, 2, 'a missing value');
  });
});

describe('--fix', () => {
  it('rewrites the files so that re-checking finds nothing fixable; only the fixed lines change', () => {
    const dir = tempDir();
    const copies = ALL.map((f) => {
      const copy = path.join(dir, path.basename(f));
      fs.copyFileSync(f, copy);
      return copy;
    });
    const before = runJson(copies);
    const fixable = before.files.flatMap((f) => f.diagnostics!.filter((d) => d.fix));
    assert.ok(fixable.length > 0, 'the fixtures offer fixes (cixi: section numbering; needs the engine)');

    const fixed = runJson(['--fix', ...copies]);
    assert.match(fixed.stderr, /已修复并改写 \d+ 个文件/);
    const after = runJson(copies);
    assert.deepEqual(after.files.flatMap((f) => f.diagnostics!.filter((d) => d.fix)), []);
    // What --fix printed is what a re-check finds (the findings left after fixing).
    assert.deepEqual(
      fixed.files.map((f) => f.diagnostics),
      after.files.map((f) => f.diagnostics),
    );

    const fixedLines = new Set(fixable.map((d) => d.line));
    const original = splitLines(readFixture(FIXTURE.cixi));
    const now = splitLines(fs.readFileSync(copies[0], 'utf8'));
    assert.equal(now.length, original.length);
    original.forEach((line, i) => {
      if (!fixedLines.has(i + 1)) assert.equal(now[i], line, `line ${i + 1} unchanged`);
    });
    assert.match(now[3], /^一、/);
    assert.match(now[346], /^四、/);
  });

  it('keeps the encoding, BOM and line endings of the file', () => {
    const dir = tempDir();
    const crlf = readFixture(FIXTURE.cixi).replace(/\n/g, '\r\n');
    const gb = path.join(dir, 'gb.txt');
    fs.writeFileSync(gb, encodeGb18030(crlf)!);
    const u16 = path.join(dir, 'u16.txt');
    fs.writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]));
    const u8 = path.join(dir, 'u8.txt');
    fs.writeFileSync(u8, crlf);

    runCli(['check', '--fix', gb, u16, u8]);
    const expected = fs.readFileSync(u8, 'utf8');
    assert.notEqual(expected, crlf, 'the UTF-8 copy was fixed (needs the engine)');
    assert.equal(expected.split('\r\n').length, crlf.split('\r\n').length, 'CRLF kept');
    assert.doesNotMatch(expected.replace(/\r\n/g, ''), /[\r\n]/, 'no bare line breaks introduced');
    assert.equal(new TextDecoder('gb18030', { fatal: true }).decode(fs.readFileSync(gb)), expected);
    const u16bytes = fs.readFileSync(u16);
    assert.deepEqual([...u16bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(u16bytes.subarray(2).toString('utf16le'), expected);
  });

  it('does not rewrite a file whose bytes were not all valid in its encoding', () => {
    const file = path.join(tempDir(), 'lossy.txt');
    const bytes = Buffer.concat([Buffer.from(readFixture(FIXTURE.cixi)), Buffer.from([0xff, 0x0a])]);
    fs.writeFileSync(file, bytes);
    const r = runCli(['check', '--fix', '--encoding', 'utf8', file]);
    assert.deepEqual(fs.readFileSync(file), bytes);
    assert.ok(r.stderr.includes(`${file}: 未改写：文件中有 UTF-8 无法表示的字节`), r.stderr);
  });

  it('leaves files alone without --fix', () => {
    const copy = path.join(tempDir(), 'cixi.txt');
    fs.copyFileSync(FIXTURE.cixi, copy);
    runCli(['check', copy]);
    runCli(['check', '--format', 'sarif', copy]);
    assert.equal(fs.readFileSync(copy, 'utf8'), readFixture(FIXTURE.cixi));
  });
});

describe('.nianbao-ignore.json', () => {
  it('in a parent directory drops the matching finding only', () => {
    const root = tempDir();
    const sub = path.join(root, 'reports', '2023');
    fs.mkdirSync(sub, { recursive: true });
    const copy = path.join(sub, 'cixi.txt');
    fs.copyFileSync(FIXTURE.cixi, copy);
    const plain = runJson([copy]).files[0].diagnostics!;
    assert.ok(plain.some((d) => d.rule === 'section-numbering' && d.line === 4), 'needs the engine');

    fs.writeFileSync(path.join(root, '.nianbao-ignore.json'), JSON.stringify({ ignore: [{ rule: 'section-numbering', text: '1、 总体情况' }] }));
    const ignored = runJson([copy]);
    assert.deepEqual(
      ignored.files[0].diagnostics,
      plain.filter((d) => !(d.rule === 'section-numbering' && d.line === 4)),
    );
  });

  it('that is not valid is named on stderr and makes the exit status 2; the files are still checked', () => {
    const dir = tempDir();
    fs.copyFileSync(FIXTURE.cixi, path.join(dir, 'a.txt'));
    fs.copyFileSync(FIXTURE.sushui, path.join(dir, 'b.txt'));
    const ignoreFile = path.join(dir, '.nianbao-ignore.json');
    for (const content of ['{ not json', '{"ignore": {"rule": "x"}}', '{"ignore": [{"rule": 1, "text": "x"}]}']) {
      fs.writeFileSync(ignoreFile, content);
      const r = runJson([dir]);
      assert.equal(r.code, 2, content);
      assert.equal(r.files.length, 2);
      assert.ok(r.files.every((f) => f.diagnostics));
      const mentions = r.stderr.split('\n').filter((l) => l.startsWith(`${ignoreFile}: 忽略文件无效`));
      assert.equal(mentions.length, 1, 'reported once, not once per file');
    }
  });
});

describe('--help and --version', () => {
  it('print to stdout and exit 0', () => {
    const help = runCli(['check', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /用法：nianbao check/);
    for (const option of ['--format', '--locale', '--year', '--edition', '--rule', '--encoding', '--jobs', '--max-size', '--fix', '--fix-dry-run', '--follow', '--stdin-filename', '--quiet', '--version']) {
      assert.ok(help.stdout.includes(option), option);
    }
    assert.match(runCli(['-h', '--locale', 'en']).stdout, /^Usage: nianbao check/);
    const version = runCli(['--version']);
    assert.equal(version.code, 0);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    assert.equal(version.stdout.trim(), pkg.version);
  });
});
