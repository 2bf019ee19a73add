// Year over year in `nianbao check`: the seven Pingtan reports given together (in any order, last
// year's report after this year's too) get their cross-year findings after the files, in text, json
// and sarif, counted in the summary and the exit status; one report alone gets none.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, runCli, runJson, tempDir, textOf } from './helpers';
import { PINGTAN } from '../support/crossyear';
import { CORPUS } from '../support/corpus';

before(ensureBuilt);

const CROSS = ['carry-over', 'stock-continuity', 'copied-report'];

/** The Pingtan reports copied to a temp folder; returns the folder and the file names in a mixed order (2025 first, 2019 last). */
function pingtanFolder(changes: Record<string, [string, string]> = {}): { dir: string; names: string[] } {
  const dir = tempDir('nianbao-crossyear-');
  for (const name of PINGTAN) {
    let text = fs.readFileSync(path.join(CORPUS, `${name}.txt`), 'utf8');
    if (changes[name]) {
      assert.ok(text.includes(changes[name][0]));
      text = text.replace(...changes[name]);
    }
    fs.writeFileSync(path.join(dir, `${name}.txt`), text);
  }
  return { dir, names: [...PINGTAN].reverse().map((n) => `${n}.txt`) };
}

const CARRY_C02 = '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1';

describe('cross-year findings in the CLI', () => {
  it('text: the four stock-continuity hints of CROSS-YEAR.md after the files, no carry-over, no copied-report', () => {
    const { dir, names } = pingtanFolder();
    const r = runCli(['check', ...names], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    const cross = lines.filter((l) => CROSS.some((rule) => l.includes(` ${rule} `)));
    assert.deepEqual(cross.map((l) => l.split(' ').slice(0, 3).join(' ')), [
      'c05_pingtan_syq_2025.txt:17:15 hint stock-continuity',
      'c04_pingtan_syq_2024.txt:17:15 hint stock-continuity',
      'c03_pingtan_syq_2023.txt:17:16 hint stock-continuity',
      'c06_pingtan_syq_2020.txt:34:8 hint stock-continuity',
    ]);
    // After every file's own findings.
    assert.deepEqual(lines.slice(-cross.length), cross);
    assert.match(r.stderr, /4 条提示/);
  });

  it('json: a changed 上年结转 cell of 2022 is a carry-over error on that cell, under "crossYear", and exits 1', () => {
    const { dir, names } = pingtanFolder({ c02_pingtan_syq_2022: [CARRY_C02, '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t1\t2'] });
    const r = runCli(['check', '--format', 'json', ...names], { cwd: dir });
    const doc = JSON.parse(r.stdout) as { files: unknown[]; crossYear: { path: string; diagnostics: { rule: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[] };
    assert.equal(doc.files.length, 7);
    const carry = doc.crossYear.flatMap((f) => f.diagnostics.filter((d) => d.rule === 'carry-over').map((d) => ({ ...d, path: f.path })));
    assert.equal(carry.length, 2);
    const text = fs.readFileSync(path.join(dir, 'c02_pingtan_syq_2022.txt'), 'utf8');
    assert.deepEqual(carry.map((d) => [d.path, d.severity, d.line, textOf(text, d)]), [
      ['c02_pingtan_syq_2022.txt', 'error', 38, '1'],
      ['c02_pingtan_syq_2022.txt', 'error', 38, '2'],
    ]);
    assert.match(carry[0].message, /^其他：.*2021 年报告“四、结转下年度继续办理”为 0（该报告第 58 行）/);
    assert.equal(r.code, 1);
  });

  it('html: the cross-year findings have a section of their own and count in the table of reports', () => {
    const { dir, names } = pingtanFolder({ c02_pingtan_syq_2022: [CARRY_C02, '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t1\t2'] });
    const page = runCli(['check', '--format', 'html', ...names], { cwd: dir }).stdout;
    const section = /<section class="report" id="cross-year">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';
    assert.equal((section.match(/<code>carry-over<\/code>/g) ?? []).length, 2);
    assert.equal((section.match(/<code>stock-continuity<\/code>/g) ?? []).length, 4);
    assert.match(section, /<h3>c02_pingtan_syq_2022\.txt<\/h3>[\s\S]*?<td class="n">38<\/td>/);
    // c02's row counts its own balance error (the changed cell breaks it) and the two carry-over errors.
    assert.match(page, /<tr data-index="\d+" data-errors="3" data-warnings="0"[^>]*>.*c02_pingtan_syq_2022\.txt/);
    const clean = runCli(['check', '--format', 'html', ...pingtanFolder().names], { cwd: pingtanFolder().dir }).stdout;
    assert.doesNotMatch(clean, /<code>carry-over<\/code>/);
  });

  it('csv: a report\'s row counts its cross-year errors with its own, in input order', () => {
    const { dir, names } = pingtanFolder({ c02_pingtan_syq_2022: [CARRY_C02, '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t1\t2'] });
    const r = runCli(['check', '--format', 'csv', ...names], { cwd: dir });
    const rows = r.stdout.replace(/^\ufeff/, '').trimEnd().split('\r\n').map((l) => l.split(','));
    const header = rows[0];
    const [pathAt, errorsAt] = [0, header.indexOf('错误')];
    assert.ok(errorsAt > 0, header.join(','));
    assert.deepEqual(rows.slice(1).map((row) => row[pathAt]), names);
    // c02's row: its own balance error (the changed cell breaks it) and the two carry-over errors, as the HTML table says.
    const errorsOf = (name: string) => rows.find((row) => row[pathAt] === name)![errorsAt];
    assert.equal(errorsOf('c02_pingtan_syq_2022.txt'), '3');
    const unchanged = pingtanFolder();
    const clean = runCli(['check', '--format', 'csv', ...unchanged.names], { cwd: unchanged.dir });
    assert.equal(clean.stdout.replace(/^\ufeff/, '').trimEnd().split('\r\n').find((l) => l.startsWith('c02_pingtan_syq_2022.txt'))!.split(',')[errorsAt], '0');
    assert.equal(r.code, 1);
  });

  it('sarif: the cross-year results are in the run, with rule indices', () => {
    const { dir, names } = pingtanFolder();
    const r = runCli(['check', '--format', 'sarif', ...names], { cwd: dir });
    const sarif = JSON.parse(r.stdout);
    const results = sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'stock-continuity');
    assert.equal(results.length, 4);
    const rules = sarif.runs[0].tool.driver.rules;
    for (const x of results) assert.equal(rules[x.ruleIndex].id, 'stock-continuity');
    assert.deepEqual(results.map((x: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => x.locations[0].physicalLocation.region.startLine), [17, 17, 17, 34]);
  });

  it('a report copied from last year with its years changed is copied-report; a report alone is compared with nothing', () => {
    const dir = tempDir('nianbao-crossyear-copy-');
    const last = fs.readFileSync(path.join(CORPUS, 'c03_pingtan_syq_2023.txt'), 'utf8');
    fs.writeFileSync(path.join(dir, '2023.txt'), last);
    fs.writeFileSync(path.join(dir, '2024.txt'), last.replace(/2023/g, '2024').replace(/2022/g, '2023'));
    const both = runCli(['check', '--rule', 'stock-continuity=off', dir]);
    const copied = both.stdout.split('\n').filter((l) => l.includes(' copied-report '));
    assert.equal(copied.length, 1);
    assert.match(copied[0], /2024\.txt:3:1 warning copied-report 本年报告正文与 2023 年报告高度雷同/);
    const alone = runJson([path.join(dir, '2024.txt')]);
    assert.deepEqual(alone.files[0].diagnostics!.filter((d) => CROSS.includes(d.rule)), []);
    assert.ok(!/"crossYear"/.test(alone.stdout));
  });

  it('--quiet keeps only cross-year errors; --rule …=off turns one off', () => {
    const { dir, names } = pingtanFolder();
    assert.ok(!runCli(['check', '--quiet', ...names], { cwd: dir }).stdout.includes('stock-continuity'));
    assert.ok(!runCli(['check', '--rule', 'stock-continuity=off', ...names], { cwd: dir }).stdout.includes('stock-continuity'));
  });

  const PINGTAN_FINDINGS = ['c03_pingtan_syq_2023.txt:17', 'c04_pingtan_syq_2024.txt:17', 'c05_pingtan_syq_2025.txt:17', 'c06_pingtan_syq_2020.txt:34'];

  /** The Pingtan reports among enough other real reports for worker threads. */
  function manyReportsFolder(): string {
    const { dir } = pingtanFolder();
    for (const name of fs.readdirSync(CORPUS).filter((n) => n.startsWith('r') && n.endsWith('.txt'))) fs.copyFileSync(path.join(CORPUS, name), path.join(dir, name));
    return dir;
  }

  function crossLines(stdout: string): string[] {
    const cross = stdout.split('\n').filter((l) => CROSS.some((rule) => l.includes(` ${rule} `)));
    return cross.map((l) => path.basename(l.split(':')[0]) + ':' + l.split(':')[1]);
  }

  it('the same findings when the files are checked on worker threads (profiles fetched from the workers)', () => {
    const r = runCli(['check', '--jobs', '2', manyReportsFolder()], { env: { NIANBAO_TRACE: '1' } });
    assert.match(r.stderr, /2 worker threads/);
    assert.deepEqual(crossLines(r.stdout), PINGTAN_FINDINGS);
  });

  it('a worker that dies after checking some of the Pingtan reports: their profiles are rebuilt, the findings are the same', () => {
    const dir = manyReportsFolder();
    const victim = fs.readdirSync(dir).sort().at(-1)!; // the last file: every worker has kept profiles by then
    const r = runCli(['check', '--jobs', '2', dir], { env: { NIANBAO_TRACE: '1', NIANBAO_TEST_WORKER_DIES_ON: victim } });
    assert.match(r.stderr, /2 worker threads/);
    assert.match(r.stdout + r.stderr, new RegExp(`${victim}.*exited with code 70`));
    assert.deepEqual(crossLines(r.stdout), PINGTAN_FINDINGS);
  });

  it('.nianbao-ignore.json dismisses a cross-year finding on the line it names, on one thread and on workers alike', () => {
    const dir = manyReportsFolder();
    const line17 = fs.readFileSync(path.join(dir, 'c03_pingtan_syq_2023.txt'), 'utf8').split(/\r?\n/)[16].trim();
    fs.writeFileSync(path.join(dir, '.nianbao-ignore.json'), JSON.stringify({ ignore: [{ rule: 'stock-continuity', text: line17 }] }));
    for (const jobs of ['1', '2']) {
      const r = runCli(['check', '--jobs', jobs, dir], { env: { NIANBAO_TRACE: '1' } });
      assert.match(r.stderr, jobs === '1' ? /in-process/ : /2 worker threads/);
      assert.deepEqual(crossLines(r.stdout), PINGTAN_FINDINGS.filter((f) => !f.startsWith('c03')), `--jobs ${jobs}`);
    }
  });
});
