// `nianbao check` output: the text, JSON and SARIF formats, 1-based UTF-16 positions, exit codes,
// and the findings the fixtures README lists (run end to end through dist/cli.js).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cliPath, FIXTURE, FIXTURES, ensureBuilt, readFixture, runCli, runJson, splitLines, tempDir, textOf, type JsonFile } from './helpers';

before(ensureBuilt);

const defaultSeverity = (id: string) => RULES.find((r) => r.id === id)!.defaultSeverity;
const expectedExit = (files: JsonFile[]) => (files.some((f) => f.diagnostics?.some((d) => d.severity === 'error')) ? 1 : 0);

describe('bundle', () => {
  it('dist/cli.js starts with a shebang and has its worker beside it', () => {
    assert.match(fs.readFileSync(cliPath(), 'utf8'), /^#!\/usr\/bin\/env node\n/);
    assert.ok(fs.existsSync(path.join(path.dirname(cliPath()), 'cli-worker.js')));
  });
});

describe('text format', () => {
  it('prints file:line:col severity rule message, one finding per line, files in the order given', () => {
    const order = [FIXTURE.xiaocaoe, FIXTURE.cixi, FIXTURE.sushui];
    const r = runCli(['check', ...order]);
    const json = runJson(order);
    assert.equal(r.code, json.code);
    const expected = json.files.flatMap((f) =>
      f.diagnostics!.map((d) => `${f.path}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message.replace(/\s*[\r\n]+\s*/g, ' ')}`),
    );
    assert.deepEqual(r.stdout.split('\n').filter(Boolean), expected);
    for (const line of r.stdout.split('\n').filter(Boolean)) {
      assert.match(line, /^.+:\d+:\d+ (error|warning|information|hint) [a-z0-9-]+ \S/);
    }
    // Files in the order given, not sorted.
    const firstOf = (p: string) => r.stdout.indexOf(`${p}:`);
    const present = order.filter((p) => firstOf(p) >= 0);
    assert.deepEqual(present, [...present].sort((a, b) => firstOf(a) - firstOf(b)));
  });

  it('puts a summary on stderr, not stdout', () => {
    const r = runCli(['check', FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe]);
    assert.match(r.stderr, /3 个文件：\d+ 个错误，\d+ 个警告/);
    assert.doesNotMatch(r.stdout, /个文件/);
  });
});

describe('JSON format', () => {
  it('prints exactly one JSON object with the documented shape', () => {
    const r = runJson([FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe]);
    assert.deepEqual(
      r.files.map((f) => f.path),
      [FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe],
    );
    for (const f of r.files) {
      assert.deepEqual(Object.keys(f.report!).sort(), ['body', 'edition', 'title', 'year']);
      assert.equal(f.report!.year, 2023, `${f.path}: report year`);
      assert.equal(f.report!.edition, '2021', `${f.path}: edition`);
      for (const d of f.diagnostics!) {
        assert.ok(RULES.some((rule) => rule.id === d.rule), d.rule);
        assert.match(d.severity, /^(error|warning|information|hint)$/);
        for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(d[k]) && d[k] >= 1, `${k} is 1-based`);
        assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), 'end after start');
        assert.equal(typeof d.message, 'string');
        if (d.fix) {
          assert.equal(typeof d.fix.title, 'string');
          assert.ok(d.fix.edits.length > 0);
          for (const e of d.fix.edits) assert.equal(typeof e.newText, 'string');
        } else assert.equal(d.fix, null);
      }
    }
    assert.equal(r.code, expectedExit(r.files));
  });

  it('every finding lies inside its file: lines exist, columns within the line (UTF-16)', () => {
    const r = runJson([FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe]);
    for (const f of r.files) {
      const lines = splitLines(readFixture(f.path));
      for (const d of f.diagnostics!) {
        assert.ok(d.line <= lines.length && d.endLine <= lines.length, `${f.path}:${d.line}`);
        assert.ok(d.column <= lines[d.line - 1].length + 1, `${f.path}:${d.line}:${d.column} past the end of the line`);
        assert.ok(d.endColumn <= lines[d.endLine - 1].length + 1);
      }
    }
  });
});

describe('fixture findings (need the engine)', () => {
  it('cixi: section numbering on lines 4 and 347 with a fix to 一、 and 四、; exit status follows the severity', () => {
    const r = runJson([FIXTURE.cixi]);
    const text = readFixture(FIXTURE.cixi);
    const numbering = r.files[0].diagnostics!.filter((d) => d.rule === 'section-numbering');
    assert.deepEqual(
      numbering.map((d) => d.line),
      [4, 347],
    );
    for (const [d, chinese] of [
      [numbering[0], '一'],
      [numbering[1], '四'],
    ] as const) {
      assert.equal(d.severity, defaultSeverity('section-numbering'));
      assert.match(textOf(text, d), /^[14]/, 'the range starts at the Arabic numeral');
      assert.ok(d.fix, 'a fix is offered');
      const edit = d.fix.edits[0];
      assert.match(textOf(text, edit), /^[14]/);
      assert.ok(edit.newText.startsWith(chinese), `fix gives ${chinese}`);
    }
    assert.equal(r.code, expectedExit(r.files));
  });

  it('sushui: the year findings point at the "2024" the README names (CJK counts one UTF-16 unit)', () => {
    const r = runJson([FIXTURE.sushui]);
    const text = readFixture(FIXTURE.sushui);
    const lines = splitLines(text);
    const years = r.files[0].diagnostics!.filter((d) => d.rule === 'year-mismatch');
    for (const needle of ['2024年，涑水镇加强巩固', '2024年，我镇共受理、办理依申请公开申请0件', '2024年我镇信息公开工作未发现违反', '2023年涑水镇将尝试推进']) {
      const lineNo = lines.findIndex((l) => l.includes(needle)) + 1;
      assert.ok(lineNo > 0, needle);
      const column = lines[lineNo - 1].indexOf(needle) + 1;
      const hit = years.find((d) => d.line === lineNo);
      assert.ok(hit, `a year finding on line ${lineNo}`);
      // The range starts exactly at the year: the column counts the CJK text before it one unit each.
      assert.equal(hit.column, column, `line ${lineNo}: column of ${needle.slice(0, 4)}`);
      assert.ok(textOf(text, hit).startsWith(needle.slice(0, 4)));
    }
  });

  it('xiaocaoe: the 勾稽关系 failure is an error, so the exit status is 1', () => {
    const r = runJson([FIXTURE.xiaocaoe]);
    assert.ok(r.files[0].diagnostics!.some((d) => d.rule === 'balance' && d.severity === 'error'));
    assert.equal(r.code, 1);
  });
});

describe('UTF-16 columns', () => {
  it('an emoji before a finding moves its column by 2, a CJK character by 1', () => {
    const dir = tempDir();
    const text = readFixture(FIXTURE.sushui);
    const lines = splitLines(text);
    const lineNo = lines.findIndex((l) => l.includes('2024年，我镇共受理')) + 1;
    const variant = (prefix: string) => {
      const changed = [...lines];
      changed[lineNo - 1] = prefix + changed[lineNo - 1];
      const file = path.join(dir, `v${prefix.length}-${Buffer.from(prefix).toString('hex')}.txt`);
      fs.writeFileSync(file, changed.join('\n'));
      return file;
    };
    const files = [variant(''), variant('😀'), variant('镇')];
    const r = runJson(files);
    const onLine = (f: JsonFile) => f.diagnostics!.filter((d) => d.line === lineNo);
    const [plain, emoji, cjk] = r.files.map(onLine);
    assert.ok(plain.length > 0, `findings on line ${lineNo} (needs the engine)`);
    assert.deepEqual(
      emoji.map((d) => d.column),
      plain.map((d) => d.column + 2),
    );
    assert.deepEqual(
      cjk.map((d) => d.column),
      plain.map((d) => d.column + 1),
    );
    for (const [i, f] of files.entries()) {
      const t = fs.readFileSync(f, 'utf8');
      assert.deepEqual(
        onLine(r.files[i]).map((d) => textOf(t, d)),
        plain.map((d) => textOf(fs.readFileSync(files[0], 'utf8'), d)),
      );
    }
  });
});

describe('SARIF format', () => {
  it('links each rule to its page where the pages ship beside the command line', () => {
    // An installed copy: the bundle with docs/rules beside dist/.
    const root = tempDir('nianbao-cli-with-pages-');
    fs.mkdirSync(path.join(root, 'dist'));
    fs.copyFileSync(path.join(path.dirname(cliPath()), '..', 'package.json'), path.join(root, 'package.json'));
    for (const name of ['cli.js', 'cli-worker.js']) fs.copyFileSync(path.join(path.dirname(cliPath()), name), path.join(root, 'dist', name));
    fs.cpSync(path.resolve(__dirname, '../../docs/rules'), path.join(root, 'docs', 'rules'), { recursive: true });
    const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', '--format', 'sarif', FIXTURE.cixi], { encoding: 'utf8' });
    const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as { id: string; helpUri: string }[];
    for (const rule of rules) {
      assert.ok(rule.helpUri.startsWith('file:') && rule.helpUri.endsWith(`/docs/rules/${rule.id}.md`), rule.helpUri);
      assert.ok(fs.existsSync(fileURLToPath(rule.helpUri)), rule.helpUri);
    }
  });

  it('is SARIF 2.1.0 with the rules, UTF-16 columns and one result per finding', () => {
    const inputs = [FIXTURE.cixi, FIXTURE.sushui, FIXTURE.xiaocaoe];
    const r = runCli(['check', '--format', 'sarif', ...inputs]);
    const json = runJson(inputs);
    assert.equal(r.code, json.code);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(typeof sarif.$schema, 'string');
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'nianbao');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(
      run.tool.driver.rules.map((rule: { id: string }) => rule.id),
      RULES.map((rule) => rule.id),
    );
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    for (const rule of run.tool.driver.rules) {
      // The rule's page where it ships beside the command line (this copy of the bundle has none): never a web address.
      assert.equal(rule.helpUri, undefined);
      assert.ok(rule.shortDescription.text.length > 0);
      assert.equal(rule.defaultConfiguration.level, level[defaultSeverity(rule.id)]);
    }
    const findings = json.files.flatMap((f) => f.diagnostics!.map((d) => ({ ...d, path: f.path })));
    assert.equal(run.results.length, findings.length);
    run.results.forEach((result: any, i: number) => {
      const d = findings[i];
      assert.equal(result.ruleId, d.rule);
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, d.rule);
      assert.equal(result.level, level[d.severity]);
      assert.equal(result.message.text, d.message);
      const loc = result.locations[0].physicalLocation;
      assert.equal(decodeURIComponent(new URL(loc.artifactLocation.uri).pathname), d.path);
      assert.deepEqual(loc.region, { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
      if (d.fix) {
        const replacements = result.fixes[0].artifactChanges[0].replacements;
        assert.equal(replacements.length, d.fix.edits.length);
        assert.equal(replacements[0].insertedContent.text, d.fix.edits[0].newText);
        assert.equal(replacements[0].deletedRegion.startLine, d.fix.edits[0].line);
      } else assert.equal(result.fixes, undefined);
    });
    assert.equal(run.invocations[0].executionSuccessful, true);
  });

  it('records --rule settings as configuration overrides, keeping the rules\' defaults', () => {
    const r = runCli(['check', '--format', 'sarif', '--rule', 'balance=off', '--rule', 'row-label=error', FIXTURE.xiaocaoe]);
    const run = JSON.parse(r.stdout).runs[0];
    assert.equal(run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'balance').defaultConfiguration.level, 'error');
    const index = (id: string) => RULES.findIndex((rule) => rule.id === id);
    assert.deepEqual(run.invocations[0].ruleConfigurationOverrides, [
      { descriptor: { id: 'balance', index: index('balance') }, configuration: { enabled: false } },
      { descriptor: { id: 'row-label', index: index('row-label') }, configuration: { level: 'error' } },
    ]);
    assert.ok(run.results.every((result: { ruleId: string }) => result.ruleId !== 'balance'));
    assert.ok(run.results.filter((result: { ruleId: string }) => result.ruleId === 'row-label').every((result: { level: string }) => result.level === 'error'));
  });

  it('gives relative paths as URIs against %SRCROOT% and lists unreadable files as notifications', () => {
    const r = runCli(['check', '--format', 'sarif', '2023-cixi-city-office.txt', 'missing dir/缺失.txt'], { cwd: FIXTURES });
    assert.equal(r.code, 2);
    const run = JSON.parse(r.stdout).runs[0];
    assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file:///'));
    for (const result of run.results) {
      assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: '2023-cixi-city-office.txt', uriBaseId: '%SRCROOT%' });
    }
    const [note] = run.invocations[0].toolExecutionNotifications;
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.equal(note.level, 'error');
    assert.equal(note.locations[0].physicalLocation.artifactLocation.uri, 'missing%20dir/%E7%BC%BA%E5%A4%B1.txt');
  });
});

describe('exit codes', () => {
  it('0 when nothing is an error, 1 when some finding is an error', () => {
    const dir = tempDir();
    const clean = path.join(dir, 'clean.txt');
    fs.writeFileSync(clean, '这只是一段普通的文字，不是年度报告。\n');
    assert.equal(runCli(['check', clean]).code, 0);
    assert.equal(runCli(['check', clean, FIXTURE.xiaocaoe]).code, 1);
  });

  it('2 for bad usage, with the usage on stderr', () => {
    for (const args of [[], ['check'], ['lint', FIXTURE.cixi], ['check', '--format', 'xml', FIXTURE.cixi], ['check', '--bogus', FIXTURE.cixi]]) {
      const r = runCli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /用法：nianbao check/);
      assert.equal(r.stdout, '');
    }
  });

  it('2 when a file cannot be read, while the others are still checked and printed', () => {
    const missing = path.join(tempDir(), 'missing.txt');
    const r = runJson([FIXTURE.xiaocaoe, missing, FIXTURE.cixi]);
    assert.equal(r.code, 2);
    assert.deepEqual(
      r.files.map((f) => f.path),
      [FIXTURE.xiaocaoe, missing, FIXTURE.cixi],
    );
    assert.deepEqual(Object.keys(r.files[1]).sort(), ['error', 'path']);
    assert.match(r.files[1].error!, /找不到/);
    assert.ok(r.files[0].diagnostics && r.files[2].diagnostics);
    assert.ok(r.stderr.includes(`${missing}: 找不到文件或目录`));
  });
});
