// Year over year in the editor: a report opened from a folder that holds last year's report of the
// same body gets the cross-year findings (found in the background: first published without them,
// then again with them); a report whose folder holds no such report gets none.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { Session, byRule, ensureServerBuilt } from './harness';

const CORPUS = path.resolve(__dirname, '../data/corpus');
const read = (name: string) => fs.readFileSync(path.join(CORPUS, `${name}.txt`), 'utf8');
const CARRY_C02 = '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1';

describe('last year’s report in the same folder', () => {
  let s: Session;
  let dir: string;
  before(async () => {
    await ensureServerBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-lsp-previous-'));
    fs.writeFileSync(path.join(dir, 'c01_2021.txt'), read('c01_pingtan_syq_2021'));
    fs.writeFileSync(path.join(dir, 'c03_2023.txt'), read('c03_pingtan_syq_2023'));
    fs.writeFileSync(path.join(dir, 'notes.md'), '随手记的几句话。\n');
    s = await Session.start({ locale: 'zh-cn' });
  });
  after(async () => {
    await s?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Waits until the document's diagnostics (at `version`) include `rule`. */
  const until = (uri: string, rule: string) =>
    s.waitFor(`${rule} on ${uri}`, () => s.diagnostics.filter((p) => p.uri === uri).map((p) => p.diagnostics).find((d: Diagnostic[]) => byRule(d, rule).length > 0));

  it('a changed 上年结转 cell of 2022 is a carry-over error once 2021 is found beside it', async () => {
    const text = read('c02_pingtan_syq_2022').replace(CARRY_C02, '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t1\t2');
    assert.notEqual(text, read('c02_pingtan_syq_2022'));
    const file = path.join(dir, 'c02_2022.txt');
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    await s.open(uri, 'plaintext', text);
    const diagnostics = await until(uri, 'carry-over');
    const carry = byRule(diagnostics, 'carry-over');
    assert.deepEqual(carry.map((d) => [d.range.start.line, s.document(uri).getText(d.range), d.severity]), [
      [37, '1', DiagnosticSeverity.Error],
      [37, '2', DiagnosticSeverity.Error],
    ]);
    assert.match(carry[0].message as string, /2021 年报告“四、结转下年度继续办理”为 0/);
  });

  it('2024 beside 2023: the stock-continuity hint of CROSS-YEAR.md (L17), nothing else across years', async () => {
    const text = read('c04_pingtan_syq_2024');
    const file = path.join(dir, 'c04_2024.txt');
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    await s.open(uri, 'plaintext', text);
    const diagnostics = await until(uri, 'stock-continuity');
    assert.deepEqual(byRule(diagnostics, 'stock-continuity').map((d) => [d.range.start.line + 1, d.severity]), [[17, DiagnosticSeverity.Hint]]);
    assert.deepEqual([...byRule(diagnostics, 'carry-over'), ...byRule(diagnostics, 'copied-report')], []);
  });

  it('a report whose folder holds only the report of two years before gets no cross-year finding', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-lsp-gap-'));
    try {
      fs.writeFileSync(path.join(other, 'c03_2023.txt'), read('c03_pingtan_syq_2023'));
      const text = read('c05_pingtan_syq_2025');
      const file = path.join(other, 'c05_2025.txt');
      fs.writeFileSync(file, text);
      const uri = pathToFileURL(file).href;
      await s.open(uri, 'plaintext', text);
      await s.diagnosticsFor(uri, 1);
      // Give the folder scan time to finish and a re-check (there should be none) time to arrive.
      await new Promise((r) => setTimeout(r, 1000));
      const all = s.diagnostics.filter((p) => p.uri === uri).flatMap((p) => p.diagnostics);
      assert.deepEqual(all.filter((d) => ['carry-over', 'stock-continuity', 'copied-report'].includes(String(d.code))), []);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
