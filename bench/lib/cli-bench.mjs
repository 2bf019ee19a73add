// The command line beside the floor and the peers, all timed in the same run: on the corpus, and on
// the one 5 MB document. The tools take turns round by round (floor, nianbao, textlint, AutoCorrect,
// then again), so that a change in the machine's load falls on all of them alike. Each run's stdout
// is discarded: printing is part of a tool's work, the terminal's speed is not.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, runMeasured } from './measure.mjs';

function toolsFor(target, { root, peers, jobs }) {
  const cli = join(root, 'dist', 'cli.js');
  const floor = join(root, 'bench', 'lib', 'floor.mjs');
  const nianbao = (n) => [cli, 'check', '--exit-zero', '--locale', 'en', '--jobs', String(n), target];
  const tools = [
    { id: 'floor-1', label: 'raw read + UTF-8 decode, 1 thread (the floor)', args: [floor, '1', target] },
    ...(jobs.includes(2) ? [{ id: 'floor-2', label: 'raw read + UTF-8 decode, 2 workers (the floor)', args: [floor, '2', target] }] : []),
    ...jobs.map((n) => ({ id: `nianbao-${n}`, label: `nianbao check --jobs ${n}`, args: nianbao(n), ours: true, maxRuns: n === 1 && jobs.length > 1 ? 3 : undefined })),
  ];
  if (peers.textlint) {
    tools.push({
      id: 'textlint',
      label: 'textlint 15.8, one trivial local rule',
      args: [peers.textlint, '--no-textlintrc', '--rulesdir', join(root, 'bench', 'peers', 'textlint-rules'), '--format', 'compact', target],
      cwd: join(root, 'bench'),
      okCodes: [0, 1],
    });
  }
  if (peers.autocorrect) {
    tools.push({
      id: 'autocorrect',
      label: 'AutoCorrect 2.14 (autocorrect-node), 2 threads',
      args: [peers.autocorrect, '--lint', '--threads', '2', '--quiet', '--no-diff-bg-color', target],
      okCodes: [0, 1],
    });
  }
  return tools;
}

/**
 * Runs every tool on `target` for up to `rounds` rounds (fewer when the next round would pass
 * `budgetS`) and returns the median wall time and peak RSS of each.
 */
async function compare(tools, { root, rounds, budgetS, log }) {
  const results = new Map(tools.map((t) => [t.id, { ...t, runs: [], error: null, files: null }]));
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const roundStart = performance.now();
    for (const tool of tools) {
      const r = results.get(tool.id);
      if (r.error || r.runs.length >= (tool.maxRuns ?? rounds)) continue;
      const run = await runMeasured(process.execPath, tool.args, { cwd: tool.cwd ?? root, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
      if (!(tool.okCodes ?? [0]).includes(run.code)) {
        r.error = `exit code ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`;
        log(`  ${tool.id}: FAILED (${r.error})`);
        continue;
      }
      // Our summary line (stderr) says how many files were checked: all of them, or the run is wrong.
      if (tool.ours) r.files = Number(/(\d+) files?\b/.exec(run.stderr)?.[1] ?? NaN);
      r.runs.push(run);
      log(`  round ${round + 1} ${tool.id}: ${run.wall.toFixed(2)} s, ${run.maxrssMb.toFixed(0)} MB`);
    }
    const elapsed = (performance.now() - started) / 1000;
    const roundS = (performance.now() - roundStart) / 1000;
    if (round + 1 < rounds && elapsed + roundS > budgetS) {
      log(`  (stopping after ${round + 1} round(s): another would pass the ${budgetS} s budget)`);
      break;
    }
  }
  const out = {};
  for (const [id, r] of results) {
    out[id] = {
      label: r.label,
      error: r.error,
      runs: r.runs.length,
      wall: median(r.runs.map((x) => x.wall)),
      maxrssMb: median(r.runs.map((x) => x.maxrssMb)),
      cpu: median(r.runs.map((x) => x.cpu)),
      exactRss: r.runs.every((x) => x.exact),
      files: r.files,
    };
  }
  return out;
}

/** The corpus: --jobs 2 and 1, the floor on 1 and 2 threads, textlint and AutoCorrect. */
export function benchCorpus({ root, corpus, quick, peers, log }) {
  return compare(toolsFor(corpus, { root, peers, jobs: [2, 1] }), { root, rounds: quick ? 1 : 5, budgetS: quick ? 150 : 300, log });
}

/**
 * The corpus with every table number broken (about 40 findings a report): nianbao alone, --jobs 2,
 * beside the floor. The peers do not read tables, so their time would be the clean corpus's.
 */
export function benchBrokenCorpus({ root, corpus, quick, log }) {
  const tools = toolsFor(corpus, { root, peers: {}, jobs: [2] }).filter((t) => t.id !== 'floor-1');
  return compare(tools, { root, rounds: quick ? 1 : 5, budgetS: quick ? 60 : 120, log });
}

/** One 5 MB document, whole processes (start-up included), as the peer figures are. */
export function benchOneDocument({ root, file, quick, peers, log }) {
  return compare(toolsFor(file, { root, peers, jobs: [1] }), { root, rounds: quick ? 1 : 3, budgetS: quick ? 30 : 60, log });
}

/** The formats of `benchFormats`, with the real report each is timed on (test/data: the same 小曹娥镇 report as published). */
export const FORMAT_SAMPLES = {
  txt: 'fixtures/2023-xiaocaoe-town.txt',
  html: 'sources/2023-xiaocaoe-town.utf8.html',
  docx: 'sources/2023-xiaocaoe-town.docx',
  doc: 'sources/2023-xiaocaoe-town.doc',
  pdf: 'sources/2023-xiaocaoe-town.pdf',
};

/**
 * What one report costs in each format (read, extract, check), on one thread: `nianbao check --jobs 1`
 * on one copy and on `count` copies of the same report in that format; the difference over
 * count − 1 is the cost of a report beyond the process's start-up and the readers' loading.
 */
export async function benchFormats({ root, dir, count, quick, log }) {
  const cli = join(root, 'dist', 'cli.js');
  const tools = Object.keys(FORMAT_SAMPLES).flatMap((format) => [
    { id: `${format}-1`, label: `${format}, one report`, args: [cli, 'check', '--exit-zero', '--locale', 'en', '--jobs', '1', join(dir, format, `r0.${format}`)], ours: true, okCodes: [0] },
    { id: `${format}-n`, label: `${format}, ${count} reports`, args: [cli, 'check', '--exit-zero', '--locale', 'en', '--jobs', '1', join(dir, format)], ours: true, okCodes: [0] },
  ]);
  const r = await compare(tools, { root, rounds: quick ? 1 : 3, budgetS: quick ? 60 : 150, log });
  const out = {};
  for (const format of Object.keys(FORMAT_SAMPLES)) {
    const one = r[`${format}-1`];
    const many = r[`${format}-n`];
    const error = one.error ?? many.error ?? (many.files !== count ? `${many.files} of ${count} files checked` : null);
    out[format] = { error, count, oneS: one.wall, manyS: many.wall, perReportMs: error ? NaN : ((many.wall - one.wall) / (count - 1)) * 1000, maxrssMb: many.maxrssMb };
  }
  return out;
}
