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

const gc = (globalThis as { gc?: () => void }).gc;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function time(name: string, text: string, warmup: number, runs: number, first?: number, options?: CheckOptions): Timing {
  let diagnostics = 0;
  for (let i = 0; i < warmup; i++) diagnostics = check(text, options).diagnostics.length;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Collect before big documents, so that one run does not pay for the garbage of the last.
    if (gc && text.length > 100_000) gc();
    const start = performance.now();
    diagnostics = check(text, options).diagnostics.length;
    samples.push(performance.now() - start);
  }
  return { name, bytes: Buffer.byteLength(text), median: median(samples), min: Math.min(...samples), runs, first, diagnostics };
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
  const large = time('large-300k.txt', read('large-300k.txt'), quick ? 2 : 5, quick ? 5 : 15);
  const narrative30k = time('narrative-30k.txt', read('narrative-30k.txt'), quick ? 5 : 20, quick ? 15 : 50);
  const block = time('block-512k.txt', read('block-512k.txt'), quick ? 1 : 3, quick ? 3 : 7);
  const huge = time('huge-5m.txt', read('huge-5m.txt'), 1, quick ? 2 : 5);
  process.stdout.write(JSON.stringify({ typical, large, narrative30k, block, huge }));
}

main();
