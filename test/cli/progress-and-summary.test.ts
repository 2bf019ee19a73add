// The progress bar (a pure renderer, and its throttling against a fake terminal and clock; never drawn
// when stderr is not a terminal) and the closing summary line on stderr for every format.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MIN_FILES, MIN_MS, ProgressBar, REDRAW_MS, renderProgress } from '../../server/src/cli/progress';
import { summaryLine } from '../../server/src/cli/messages';
import { FIXTURE, ensureBuilt, readFixture, runCli, tempDir } from './helpers';

before(ensureBuilt);

describe('progress bar', () => {
  it('renders the share done as a bar fitted to the terminal width', () => {
    assert.equal(renderProgress(0, 400, 80, 'en'), `[${'░'.repeat(40)}] 0/400 files 0%`);
    assert.equal(renderProgress(100, 400, 80, 'en'), `[${'█'.repeat(10)}${'░'.repeat(30)}] 100/400 files 25%`);
    assert.equal(renderProgress(400, 400, 80, 'zh-cn'), `[${'█'.repeat(40)}] 400/400 个文件 100%`);
    // Narrow: the bar shrinks so that the line never wraps (CJK characters take two columns).
    const narrow = renderProgress(200, 400, 40, 'zh-cn');
    const columns = narrow.length + (narrow.match(/[\u3000-\u9fff]/g)?.length ?? 0);
    assert.ok(columns <= 40, `${narrow} fits 40 columns (${columns})`);
    assert.match(narrow, /^\[█+░+\] 200\/400 个文件 50%$/);
    // Too narrow for a bar: the counts alone.
    assert.equal(renderProgress(1, 3, 12, 'en'), '1/3 files 33%');
    assert.equal(renderProgress(5, 0, 80, 'en'), `[${'█'.repeat(40)}] 5/0 files 100%`);
  });

  function fakeTerminal(isTTY = true) {
    const writes: string[] = [];
    let time = 0;
    return {
      stream: { isTTY, columns: 60, write: (s: string) => writes.push(s) },
      writes,
      clock: { now: () => time, advance: (ms: number) => (time += ms) },
    };
  }

  it('is never drawn when stderr is not a terminal', () => {
    const t = fakeTerminal(false);
    assert.equal(ProgressBar.forStream(t.stream, 10_000, 'en', t.clock.now), null);
  });

  it('waits for a long run: many files at once, few files after a second', () => {
    const many = fakeTerminal();
    const bar = ProgressBar.forStream(many.stream, MIN_FILES + 1, 'en', many.clock.now)!;
    bar.update(1);
    assert.equal(many.writes.length, 1, 'more than MIN_FILES files: drawn at once');
    assert.match(many.writes[0], /^\r\x1b\[K\[/);

    const few = fakeTerminal();
    const short = ProgressBar.forStream(few.stream, 10, 'en', few.clock.now)!;
    short.update(1);
    few.clock.advance(MIN_MS - 1);
    short.update(2);
    assert.equal(few.writes.length, 0, 'a short run shows nothing');
    few.clock.advance(1);
    short.update(3);
    assert.equal(few.writes.length, 1, 'drawn once a second has gone');
    assert.match(few.writes[0], /3\/10 files 30%$/);
  });

  it('redraws at most once per REDRAW_MS, however often it is updated or cleared', () => {
    const t = fakeTerminal();
    const bar = ProgressBar.forStream(t.stream, 1000, 'en', t.clock.now)!;
    for (let done = 1; done <= 1000; done++) {
      bar.update(done);
      if (done % 7 === 0) bar.clear(); // another line written
      t.clock.advance(1);
    }
    const draws = t.writes.filter((w) => w.includes('files')).length;
    assert.ok(draws <= Math.ceil(1000 / REDRAW_MS) + 1, `${draws} draws in 1 s`);
    assert.ok(draws >= 9, 'but it is drawn');
  });

  it('clear erases the line only when something is drawn', () => {
    const t = fakeTerminal();
    const bar = ProgressBar.forStream(t.stream, 1000, 'en', t.clock.now)!;
    bar.clear();
    assert.deepEqual(t.writes, []);
    bar.update(10);
    bar.clear();
    bar.clear();
    assert.equal(t.writes.at(-1), '\r\x1b[K');
    assert.equal(t.writes.length, 2);
  });

  it('a long run whose stderr is a pipe has no bar nor terminal control in it', () => {
    const dir = tempDir();
    const text = readFixture(FIXTURE.cixi);
    for (let i = 0; i < MIN_FILES + 5; i++) fs.writeFileSync(path.join(dir, `r${i}.txt`), text);
    const r = runCli(['check', '--format', 'csv', dir]);
    assert.doesNotMatch(r.stderr, /[\r\x1b█░]/);
    assert.equal(r.stderr.trim().split('\n').length, 1, `only the summary line: ${r.stderr}`);
  });
});

describe('closing summary line', () => {
  it('counts reports checked, clean, with errors and unreadable, in both languages', () => {
    const c = { files: 5, error: 7, warning: 2, information: 0, hint: 1, unreadable: 1, clean: 2, withErrors: 1 };
    assert.equal(summaryLine('zh-cn', c), '5 个文件：7 个错误，2 个警告，1 条提示；2 个无问题，1 个有错误；1 个文件无法检查');
    assert.equal(summaryLine('en', c), '5 files: 7 errors, 2 warnings, 1 hint; 2 clean, 1 with errors; 1 file could not be checked');
    assert.equal(summaryLine('en', { ...c, files: 1, unreadable: 1, clean: 0, withErrors: 0, error: 0, warning: 0, hint: 0 }), '1 file: 0 errors, 0 warnings; 1 file could not be checked');
  });

  it('is printed on stderr for every format, with the same counts', () => {
    const dir = tempDir();
    const clean = path.join(dir, 'clean.txt');
    fs.writeFileSync(clean, readFixture(FIXTURE.cixi).replace(/^1、 总体情况/m, '一、总体情况').replace(/^4、 政府信息公开行政复议/m, '四、政府信息公开行政复议'));
    const missing = path.join(dir, 'missing.txt');
    const lines = new Set<string>();
    for (const format of ['text', 'json', 'sarif', 'csv', 'html']) {
      const r = runCli(['check', '--format', format, clean, FIXTURE.cixi, FIXTURE.xiaocaoe, FIXTURE.sushui, missing]);
      const last = r.stderr.trim().split('\n').at(-1)!;
      lines.add(last.replace(/，\d+ 条信息/, '').replace(/，\d+ 条提示/, ''));
      assert.match(last, /^5 个文件：\d+ 个错误，\d+ 个警告.*；1 个无问题，2 个有错误；1 个文件无法检查$/, `${format}: ${last}`);
    }
    assert.equal(lines.size, 1, [...lines].join('\n'));
  });
});
