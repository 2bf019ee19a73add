// regulation-scope (FORMAT.md §3): a non-zero 规章 count in the 表二 of a 乡/镇/街道 is a warning,
// whatever the table's shape and wherever the report names itself (title, the line below it, or
// only "我镇" in its narrative). Governments, departments and zeros stay clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { check, describe, lineAt, lineOf, ofRule } from '../support/assertions';
import { SHAPES, generateReport, toTraditional } from '../support/reports';

const CORPUS = path.resolve(__dirname, '../data/corpus');
const corpus = (name: string) => readFileSync(path.join(CORPUS, name), 'utf8');
const found = (text: string) => {
  const r = check(text);
  return { r, found: ofRule(r, 'regulation-scope') };
};

/** A 2021-edition 表二 (tab-separated) with the given 规章 row. */
const t2 = (rules: string) =>
  [
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    `规章\t${rules}`,
    '行政规范性文件\t3\t1\t25',
    '第二十条第（五）项',
    '信息内容\t本年处理决定数量',
    '行政许可\t12',
    '第二十条第（六）项',
    '信息内容\t本年处理决定数量',
    '行政处罚\t4',
    '行政强制\t0',
    '第二十条第（八）项',
    '信息内容\t本年收费金额（单位：万元）',
    '行政事业性收费\t0',
    '',
  ].join('\n');

/** A report with no title at all, whose narrative calls the body "我镇" (r17's opening). */
const untitled = (rules: string, self = '我镇') =>
  [
    '一、总体情况',
    `本报告是根据《中华人民共和国政府信息公开条例》要求，现结合${self}实际编制。2023年，${self}坚持以公开为常态。`,
    t2(rules),
  ].join('\n');

test('a 镇 named in the title: one warning for the row, on its first non-zero cell, with the row as written', () => {
  const text = '青山镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我镇坚持以公开为常态。\n' + t2('2\t0\t2');
  const { r, found: f } = found(text);
  assert.equal(f.length, 1, describe(r));
  assert.equal(f[0].severity, 'warning');
  assert.equal(lineAt(r, f[0].start), lineOf(text, '规章\t2'));
  assert.equal(text.slice(f[0].start, f[0].end), '2');
  assert.match(f[0].message, /青山镇人民政府为乡镇\/街道/);
  assert.match(f[0].message, /“规章”一行为 2 \/ 0 \/ 2/);
  assert.match(f[0].message, /“行政规范性文件”一行/);
  assert.equal(f[0].related.length, 1, 'the other non-zero cell is related information');
  assert.equal(text.slice(f[0].related[0].start, f[0].related[0].end), '2');
});

test('a township\'s office reports for the township: 青山镇人民政府办公室, 青山镇党政办', () => {
  for (const body of ['青山镇人民政府办公室', '青山街道党政办公室']) {
    const text = `${body}2023年政府信息公开工作年度报告\n一、总体情况\n2023年，坚持以公开为常态。\n` + t2('1\t0\t1');
    assert.equal(found(text).found.length, 1, body);
  }
});

test('the body on the line below a title that has none (r02: title, then 桃江县松木塘镇人民政府)', () => {
  const text = '2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n2022年政府信息公开工作年度报告\n一、总体情况\n2022年，主动公开政府信息32条。\n' + t2('2\t0\t2');
  const { r, found: f } = found(text);
  assert.equal(r.report.body?.text, '桃江县松木塘镇人民政府');
  assert.equal(f.length, 1, describe(r));
  assert.equal(lineAt(r, f[0].start), lineOf(text, '规章\t2'));
});

test('no title: the narrative\'s "我镇" makes it a township (r17: 规章 0 / 0 / 6, the finding on the 6)', () => {
  const text = untitled('0\t0\t6');
  const { r, found: f } = found(text);
  assert.equal(r.report.body, null);
  assert.equal(f.length, 1, describe(r));
  assert.equal(text.slice(f[0].start, f[0].end), '6');
  assert.match(f[0].message, /报告自称“我镇”/);
  assert.match(f[0].message, /0 \/ 0 \/ 6/);
  for (const self of ['我乡', '本街道', '我街道办事处']) assert.equal(found(untitled('0\t0\t6', self)).found.length, 1, self);
  const en = check(text, { locale: 'en' }).diagnostics.find((d) => d.rule === 'regulation-scope');
  assert.match(en!.message, /calls itself “我镇”/);
});

test('every table shape: the rule reads the model\'s 规章 row, not a layout', () => {
  for (const shape of SHAPES) {
    const base = generateReport({ year: 2023, body: '青山县青山镇人民政府', shape }).text;
    const r0 = check(base);
    const row = r0.report.tables.t2!.rows.get('rules')!;
    assert.equal(ofRule(r0, 'regulation-scope').length, 0, `${shape}: zeros are clean`);
    // Put 6 in the row's last cell, in whatever shape the generator wrote it.
    const last = row.cells[row.cells.length - 1];
    const text = base.slice(0, last.span.start) + '6' + base.slice(last.span.end);
    const f = ofRule(check(text), 'regulation-scope');
    assert.equal(f.length, 1, `${shape}: ${describe(check(text))}`);
    assert.equal(text.slice(f[0].start, f[0].end), '6', shape);
  }
});

test('traditional mirror site with pinyin after the characters: 拖市鎮(zhèn) is a township', () => {
  const text = toTraditional('拖市镇') + '(zhèn)2020年政府信息公開工作年度報告\n一、總體情況\n2020年我鎮政務公開工作深入推進。\n' + toTraditional(t2('1\t1\t1'));
  const { r, found: f } = found(text);
  assert.equal(f.length, 1, describe(r));
});

test('governments and departments may report 規章; a zero row and the word 规章制度 are not counts', () => {
  const cases: [string, string][] = [
    ['青山市人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我市坚持以公开为常态。\n' + t2('1\t0\t1'), 'city government'],
    ['青山市司法局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局坚持以公开为常态。\n' + t2('1\t0\t1'), 'department'],
    ['上海市人民政府办公厅2019年政府信息公开工作年度报告\n一、总体情况\n2019年，坚持以公开为常态。\n' + t2('13\t0\t524'), 'provincial office'],
    [untitled('1\t0\t1', '我局'), 'department by self-reference'],
    [untitled('1\t0\t1', '我县'), 'county by self-reference'],
    ['青山镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我镇公开规章制度类2条。\n' + t2('0\t0\t0'), '规章制度 in the narrative'],
    ['青山镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n' + t2('——\t——\t——'), 'placeholders'],
    [untitled('1\t0\t1', '本单位'), 'a generic self-reference says nothing of the level'],
  ];
  for (const [text, what] of cases) {
    const { r, found: f } = found(text);
    assert.equal(f.length, 0, `${what}: ${describe(r, f)}`);
  }
});

test('corpus r02 (镇, body below the title, pipes): 规章 2 / 0 / 2 is found on line 15', () => {
  const { r, found: f } = found(corpus('r02_songmutang_2022.txt'));
  assert.equal(f.length, 1, describe(r));
  assert.equal(lineAt(r, f[0].start), 15);
});

test('corpus: the 市级 管委会 (c06, 规章 0 / 0 / 7) and the 省级 办公厅 (r01, 规章 13) are not flagged', () => {
  for (const name of ['c06_pingtan_syq_2020.txt', 'r01_shanghai_bgt_2019.txt']) {
    const { r, found: f } = found(corpus(name));
    assert.ok((r.report.tables.t2?.rows.get('rules')?.cells ?? []).some((c) => (c.value ?? 0) > 0), `${name} has a non-zero 规章 cell`);
    assert.equal(f.length, 0, `${name}: ${describe(r, f)}`);
  }
});
