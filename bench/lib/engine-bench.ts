// Times the engine's one full check (`check(text)`, everything the CLI and the server call) on the
// workloads that bench/lib/workloads.ts wrote, in one process, after warm-up, and prints JSON.
// Bundled with esbuild like dist/ (bench/run.mjs does it): `node engine-bench.js WORKLOAD_DIR [--quick]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { RULE_IDS, check, type CheckOptions } from '../../server/src/core';
import { FIXTURE_NAMES } from './fixtures';

export interface Timing {
  name: string;
  bytes: number;
  /** Milliseconds, median of the timed runs. */
  median: number;
  min: number;
  runs: number;
  /** The very first check in this process (cold: nothing compiled, no cache). */
  first?: number;
  diagnostics: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function once(text: string, options?: CheckOptions): { ms: number; diagnostics: number } {
  const start = performance.now();
  const diagnostics = check(text, options).diagnostics.length;
  return { ms: performance.now() - start, diagnostics };
}

function timing(name: string, text: string, samples: number[], diagnostics: number, first?: number): Timing {
  return { name, bytes: Buffer.byteLength(text), median: median(samples), min: Math.min(...samples), runs: samples.length, first, diagnostics };
}

// No forced collection between runs: each run pays its share of the collections its garbage causes,
// as in the CLI and the server. (A gc() before each run of a large document made that run slower,
// not cleaner: after a full collection V8 starts again from a small young generation and recompiles
// the regular expressions it flushed, so a 293 KB check took 12-14 ms instead of 7-8.)
function time(name: string, text: string, warmup: number, runs: number, first?: number, options?: CheckOptions): Timing {
  let diagnostics = 0;
  for (let i = 0; i < warmup; i++) diagnostics = once(text, options).diagnostics;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = once(text, options);
    samples.push(r.ms);
    diagnostics = r.diagnostics;
  }
  return timing(name, text, samples, diagnostics, first);
}

/**
 * The two sizes of a linearity ratio, timed in alternation (one run of the large text, then
 * `perRound` of the small one) rather than one after the other, so that a busy spell of the machine
 * falls on both sides of the ratio. The first small run after a large one is not timed: the
 * collection of the large run's garbage falls into it.
 */
function timePair(small: [string, string], large: [string, string], warmup: number, rounds: number, perRound: number): [Timing, Timing] {
  let smallDiagnostics = 0;
  let largeDiagnostics = 0;
  for (let i = 0; i < warmup; i++) {
    largeDiagnostics = once(large[1]).diagnostics;
    for (let k = 0; k < perRound; k++) smallDiagnostics = once(small[1]).diagnostics;
  }
  const smallSamples: number[] = [];
  const largeSamples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    largeSamples.push(once(large[1]).ms);
    once(small[1]);
    for (let k = 0; k < perRound; k++) smallSamples.push(once(small[1]).ms);
  }
  return [timing(small[0], small[1], smallSamples, smallDiagnostics), timing(large[0], large[1], largeSamples, largeDiagnostics)];
}

/**
 * Where a check's time goes, rule by rule: the parse alone (every rule off), then each rule alone on
 * top of it (its cost is the difference). Rules share lazily built views of the report (sentences,
 * statements): the first rule to use one pays for it, so a rule's figure can include such a view.
 */
function breakdown(dir: string): void {
  const read = (name: string) => fs.readFileSync(path.join(dir, 'engine', name), 'utf8');
  const workloads: [string, string, number][] = [
    ['typical', read(FIXTURE_NAMES[0]), 200],
    ['large', read('large-300k.txt'), 10],
    ['block', read('block-512k.txt'), 6],
    ['huge', read('huge-5m.txt'), 4],
  ];
  const off = Object.fromEntries(RULE_IDS.map((id) => [id, 'off' as const]));
  const table: Record<string, Record<string, number>> = {};
  // Minimum of the runs, not the median: differences of small figures need the least noisy reading.
  for (const [name, text, runs] of workloads) {
    const row: Record<string, number> = {};
    const warm = Math.max(1, runs >> 1);
    time(name, text, warm * 2, 0);
    row.parse = time(name, text, warm, runs, undefined, { rules: off }).min;
    for (const id of RULE_IDS) row[id] = time(name, text, warm, runs, undefined, { rules: { ...off, [id]: 'warning' } }).min - row.parse;
    row.all = time(name, text, warm, runs).min;
    table[name] = row;
  }
  process.stdout.write(JSON.stringify(table));
}

function main(): void {
  if (process.argv.includes('--breakdown')) return breakdown(process.argv[2]);
  const dir = process.argv[2];
  const quick = process.argv.includes('--quick');
  // --only=typical|large|block|huge: one workload, for a CPU profile of just that (run.mjs --profile).
  const only = /^--only=(\w+)$/.exec(process.argv.find((a) => a.startsWith('--only=')) ?? '')?.[1];
  const read = (name: string) => fs.readFileSync(path.join(dir, 'engine', name), 'utf8');

  const fixtures = FIXTURE_NAMES.map((name) => ({ name, text: read(name) }));
  if (only) {
    const files: Record<string, [string, number]> = { large: ['large-300k.txt', 20], block: ['block-512k.txt', 10], huge: ['huge-5m.txt', 3] };
    const [file, runs] = files[only] ?? ['', 500];
    const timing = time(only, file ? read(file) : fixtures[0].text, 1, runs);
    process.stdout.write(JSON.stringify({ [only]: timing }));
    return;
  }
  // The first check of the process: what a CLI run on one file or a just-started server pays.
  const start = performance.now();
  check(fixtures[0].text);
  const first = performance.now() - start;

  const typical = fixtures.map((f, i) => time(f.name, f.text, quick ? 20 : 100, quick ? 50 : 300, i === 0 ? first : undefined));
  const named = (name: string): [string, string] => [name, read(name)];
  const [narrative30k, large] = timePair(named('narrative-30k.txt'), named('large-300k.txt'), quick ? 2 : 5, quick ? 5 : 15, 4);
  const [block, huge] = timePair(named('block-512k.txt'), named('huge-5m.txt'), 2, quick ? 2 : 7, 3);
  process.stdout.write(JSON.stringify({ typical, large, narrative30k, block, huge }));
}

main();
