// Catastrophic backtracking and quadratic scans: check() on 1 MB of adversarial text, alone and
// placed where each kind of rule looks (the prose of 总体情况, 五 for plans, inside 表三), must grow
// linearly with the text and never hang. Every rule runs on every input, so a slow regex in any rule
// shows here. What is asserted is growth, not a time: the same adversary at 1 MB against 1/8 of it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { generateReport } from '../support/reports';

const SIZE = 1_000_000;
/** Linear code takes about 8 times as long on 8 times the text; a quadratic scan 64 times. */
const GROWTH = 8;
const MAX_GROWTH = 24;
/** Below this, 1 MB was checked too fast for its growth to be told from noise (and cannot hide a quadratic scan). */
const NOISE_MS = 150;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const LINES: Record<string, string> = {
  '年 ×N': fill('年'),
  '2023年 ×N': fill('2023年'),
  '2024年，将 ×N': fill('2024年，将'),
  '（一） ×N': fill('（一）'),
  '(一) ×N': fill('(一)'),
  '一、 ×N': fill('一、'),
  '1、 ×N': fill('1、'),
  digits: fill('1'),
  'spaced digits': fill('1 '),
  tabs: fill('\t'),
  '0⇥ ×N': fill('0\t'),
  '共1件，其中 ×N': fill('共1件，其中'),
  '共1件，其中a1件、 ×N': fill('共1件，其中a1件、'),
  '占12.5% ×N': fill('占12.5%'),
  // The narrative readers: blanks, bracketed and 包括 lists, shares of a list, restated figures.
  '资质条、许可证1条、 ×N': fill('资质条、许可证1条、'),
  '共1条(其中a1条， ×N': fill('共1条(其中a1条，'),
  '共1条，包括a1条以及 ×N': fill('共1条，包括a1条以及'),
  'a1条，占信息公开总量的1.5% ×N': fill('a1条，占信息公开总量的1.5%，'),
  '通过审计信息栏目公开信息1条 ×N': fill('通过审计信息栏目公开信息1条，'),
  '收到申请1件 ×N': fill('收到信息公开申请1件'),
  // "均已办结" against 表三's 结转 (parse/finished.ts): claims, and 均 with no 办结 after it.
  '申请，均已办结 ×N': fill('申请，均已办结'),
  '均 ×N': fill('均'),
  '《 ×N': fill('《'),
  '—— ×N': fill('——'),
  '** ×N': fill('**'),
  '| ×N': fill('| '),
  'spaces': fill(' '),
  'ideographic spaces': fill('　'),
  'label soup': fill('本年新收上年结转予以公开总计'),
  'traditional': fill('總計結轉辦理結果'),
  // What is not the report (text/pollution.ts) and the template's prompts (rules/placeholder.ts).
  'pinyin ×N': fill('規(guī)'),
  'unclosed pinyin ×N': fill('規(guī'),
  'bet ×N': fill('bet'),
  'casino name ×N': fill('澳门'),
  'spam run ×N': fill('葡京娱乐_'),
  'address ×N': fill('www.a'),
  '【请填写 ×N': fill('【请填写'),
  '(填写 ×N': fill('(填写'),
};

/** Multi-line adversaries: the same unit on a million short lines. */
const MANY_LINES: Record<string, string> = {
  '0 per line': fill('\t0\n'),
  'blank lines': fill('\n'),
  'CR only': fill('\r'),
  '一、总体情况 per line': fill('一、总体情况\n'),
  '（一） per line': fill('（一）主动公开\n'),
  '2023年 per line': fill('2023年，\n'),
  'row label per line': fill('1.属于国家秘密\t0\n'),
  // Searches that must not rescan the rest of the text from every line or statement.
  '条 per line (表二 opening)': fill('第二十条\n'),
  '其中 per statement': fill('共1件，其中a1件；\n'),
  'statements without 其中': fill('共1件；\n'),
  // (Every blank is a finding: spaced out, so that the case measures the reading, not 60,000 findings.)
  'blank totals per sentence': fill('共发布信息条。a1条；b2条；c3条；d4条。资质条、许可证1条。许可证1条、资质条。发布信息条。\n'.padEnd(120, '。')),
  'restated totals per line': fill('主动公开政府信息1条。\n'),
  '其中 after the sentence of its total': fill('共1件。其中a1件，b1件。\n'),
  'pipes per line': fill('| 0 |\n'),
  'Markdown rule per line': fill('|---|\n'),
  'keyword per line (foreign-text)': fill('相关\n'),
  'casino name per line': fill('澳门\n'),
  'prompt per line': fill('【请在此填写】\n'),
  // An answer of 无 per line (section-empty reads every line of 五).
  '无 per line': fill('无\n'),
};

const report = generateReport({ year: 2023, body: '青山县青山镇人民政府', shape: 'tabs' }).text;
const places: Record<string, (line: string) => string> = {
  'in 总体情况': (line) => report.replace('（三）政府信息管理。', `（三）政府信息管理。${line}\n`),
  'in 五': (line) => report.replace('信息公开的及时性有待提高。', `信息公开的及时性有待提高。${line}\n`),
  'in 表三': (line) => report.replace('（三）不予公开', `（三）不予公开\n${line}`),
  'before the title': (line) => line + '\n' + report,
};

// check() runs in a worker thread, so that a catastrophic case fails after HANG_MS instead of
// hanging the whole suite; the time is measured inside the worker, around check() alone.
const HANG_MS = 60_000;
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
const { check } = require(workerData.core);
check(workerData.warmUp); // OpenCC tables and regexes are built once, not charged to the first case
parentPort.on('message', (text) => {
  const t0 = performance.now();
  check(text);
  parentPort.postMessage(performance.now() - t0);
});
`;
let worker: Worker | null = null;
function spawn(): Worker {
  return new Worker(WORKER_SOURCE, { eval: true, workerData: { core: path.resolve(__dirname, '../../server/src/core/index.ts'), warmUp: report } });
}
after(() => void worker?.terminate());

/** Milliseconds check() took on `text`, or Infinity when it did not finish within HANG_MS. */
function timed(text: string): Promise<number> {
  const w = (worker ??= spawn());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      void w.terminate();
      worker = null;
      resolve(Infinity);
    }, HANG_MS);
    const onMessage = (ms: number) => (cleanup(), resolve(ms));
    const onError = (e: Error) => (cleanup(), (worker = null), reject(e));
    const cleanup = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.postMessage(text);
  });
}

/**
 * How check()'s time grows from 1/8 of the adversary to all of it (the adversaries repeat one unit,
 * so the first eighth is the same text, smaller). A slow ratio is measured once more (the machine
 * may be busy) and the lower of the two counts.
 */
async function growth(make: (adversary: string) => string, adversary: string): Promise<{ ratio: number; ms: number }> {
  const small = make(adversary.slice(0, adversary.length / GROWTH));
  const large = make(adversary);
  let best = { ratio: Infinity, ms: Infinity };
  for (let attempt = 0; attempt < 2; attempt++) {
    const ms = await timed(large);
    assert.ok(ms !== Infinity, `no answer within ${HANG_MS / 1000} s`);
    const ratio = ms / Math.max(1, await timed(small));
    if (ratio < best.ratio) best = { ratio, ms };
    if (ms < NOISE_MS || ratio < MAX_GROWTH) break;
  }
  return best;
}

function assertLinear({ ratio, ms }: { ratio: number; ms: number }) {
  assert.ok(ms < NOISE_MS || ratio < MAX_GROWTH, `8 times the text took ${ratio.toFixed(1)} times as long (${Math.round(ms)} ms for 1 MB)`);
}

for (const [name, line] of Object.entries(LINES)) {
  for (const [place, put] of Object.entries(places)) {
    test(`1 MB line "${name}" ${place}: check grows linearly`, async () => assertLinear(await growth(put, line)));
  }
}

for (const [name, text] of Object.entries(MANY_LINES)) {
  for (const place of ['in 总体情况', 'in 表三'] as const) {
    test(`1 MB of "${name}" ${place}: check grows linearly`, async () => assertLinear(await growth(places[place], text)));
  }
}
