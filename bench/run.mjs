#!/usr/bin/env node
// `npm run bench`: how fast Nianbao is, beside its peers, on this machine. It installs the peers
// (bench/package.json → bench/node_modules, never the project's), builds and packages the extension,
// generates the workloads reproducibly (bench/corpus), times the engine, the command line, the
// language server and the extension, prints one table and writes docs/PERFORMANCE.md.
//
//   npm run bench                      everything, medians of several runs (under ~10 minutes)
//   npm run bench -- --quick           fewer runs, a 1,000-report corpus; prints only (add --write)
//   npm run bench -- --only engine,lsp one or more of: engine, cli, lsp, extension
//   npm run bench -- --no-build        use dist/ as it is (no package step, no .vsix size)
//   npm run bench -- --profile         also split the engine's time by rule and CPU-profile it (node --cpu-prof)
//   npm run bench -- --doc             only rewrite docs/PERFORMANCE.md from the results it shows (after editing
//                                      its hand-written parts in bench/lib/doc.mjs)
//
// Progress goes to stderr, the table to stdout. Raw results: bench/.out/results.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMAT_SAMPLES, benchBrokenCorpus, benchCorpus, benchFormats, benchOneDocument } from './lib/cli-bench.mjs';
import { machineLoad, median, percentile } from './lib/measure.mjs';
import { formatSummary, summarizeProfile } from './lib/profile-summary.mjs';
import { buildRows, formatBreakdown, formatConsole } from './lib/report.mjs';
import { writePerformanceDoc } from './lib/doc.mjs';

const bench = dirname(fileURLToPath(import.meta.url));
const root = dirname(bench);
const out = join(bench, '.out');
const build = join(bench, '.build');
const fixturesDir = join(root, 'test', 'data', 'fixtures');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const quick = flag('--quick');
// Full and quick runs keep their own workloads, so that switching between them regenerates nothing.
const corpusDir = join(bench, 'corpus', quick ? 'quick' : 'full');
const SECTIONS = ['engine', 'cli', 'lsp', 'extension'];
const onlyArg = argv.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : argv[argv.indexOf(onlyArg) + 1]).split(',') : SECTIONS;
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) {
  process.stderr.write(`bench: unknown section ${unknown.join(', ')} (one of ${SECTIONS.join(', ')})\n`);
  process.exit(2);
}
const wants = (s) => only.includes(s);
const complete = !quick && only.length === SECTIONS.length;
const write = flag('--write') || (complete && !flag('--no-write'));

const log = (line) => process.stderr.write(`${line}\n`);
const started = Date.now();

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
}

function tail(text, lines = 3) {
  return String(text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/Unknown user config "nodedir"|^npm warn/i.test(l))
    .slice(-lines)
    .join(' / ');
}

/** Installs the peers into bench/node_modules when missing or out of date; says which can run. */
function ensurePeers() {
  const marker = join(bench, 'node_modules', '.package-lock.json');
  const stale = !existsSync(marker) || statSync(join(bench, 'package.json')).mtimeMs > statSync(marker).mtimeMs;
  let installError = null;
  if (stale) {
    log('Installing the peers into bench/node_modules (npm install, first run only)…');
    const r = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: bench, timeout: 10 * 60 * 1000 });
    if (r.status !== 0) installError = `npm install failed: ${tail(r.stderr || r.stdout)}`;
  }
  const require = createRequire(join(bench, 'package.json'));
  const resolve = (id) => {
    try {
      return require.resolve(id);
    } catch {
      return null;
    }
  };
  const peers = {};
  const missing = (what) => installError ?? `${what} is not installed in bench/node_modules`;
  const textlint = resolve('textlint/bin/textlint.js');
  peers.textlint = textlint ? { entry: textlint } : { error: missing('textlint') };
  const autocorrect = resolve('autocorrect-node/cli.js');
  if (!autocorrect) peers.autocorrect = { error: missing('autocorrect-node') };
  else {
    // The native module ships per platform (autocorrect-node-linux-x64-gnu…): load it once to know.
    const probe = run(process.execPath, ['-e', "require('autocorrect-node').format('test测试')"], { cwd: bench });
    peers.autocorrect = probe.status === 0 ? { entry: autocorrect } : { error: `autocorrect-node does not load here: ${tail(probe.stderr, 1)}` };
  }
  const markdown = resolve('vscode-markdown-languageserver/dist/node/workerMain.js');
  peers.markdown = markdown && resolve('markdown-it') ? { entry: markdown } : { error: missing('vscode-markdown-languageserver or markdown-it') };
  return peers;
}

/** Production bundles and the .vsix, as `npm run package` makes them; falls back to a plain build. */
function buildAndPackage() {
  mkdirSync(out, { recursive: true });
  const vsixPath = join(out, 'nianbao.vsix');
  log('Building and packaging (npm run package)…');
  const r = run('npm', ['run', 'package', '--', '--out', vsixPath], { timeout: 10 * 60 * 1000 });
  if (r.status === 0 && existsSync(vsixPath)) {
    const files = /\((\d+) files?/.exec(r.stdout)?.[1];
    return { bytes: statSync(vsixPath).size, note: files ? `${files} files; production bundles` : 'production bundles' };
  }
  const error = `npm run package failed: ${tail(r.stderr || r.stdout)}`;
  log(`  ${error}`);
  const b = run(process.execPath, ['esbuild.mjs', '--production']);
  if (b.status !== 0) throw new Error(`the build failed too: ${tail(b.stderr)}`);
  return { error };
}

/** The TypeScript parts of the benchmark, bundled like dist/ (same esbuild, same target). */
async function bundleBenchScripts() {
  const esbuild = await import(createRequire(join(root, 'package.json')).resolve('esbuild'));
  await esbuild.build({
    entryPoints: { workloads: join(bench, 'lib', 'workloads.ts'), 'engine-bench': join(bench, 'lib', 'engine-bench.ts') },
    outdir: build,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'warning',
  });
}

/** Generates bench/corpus unless it already holds exactly what this generator makes for this count. */
function ensureWorkloads(count) {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(build, 'workloads.js')));
  for (const f of readdirSync(fixturesDir).sort()) hash.update(readFileSync(join(fixturesDir, f)));
  hash.update(String(count));
  const key = hash.digest('hex').slice(0, 16);
  const manifest = join(corpusDir, 'manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (m.key === key) return m.stats;
  }
  log(`Generating the workloads (${count.toLocaleString('en')} reports) into ${corpusDir}…`);
  const r = run(process.execPath, [join(build, 'workloads.js'), corpusDir, fixturesDir, String(count)], { stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status !== 0) throw new Error(`generating the workloads failed: ${tail(r.stderr, 5)}`);
  const stats = JSON.parse(readFileSync(join(corpusDir, 'stats.json'), 'utf8'));
  writeFileSync(manifest, JSON.stringify({ key, stats }, null, 2));
  return stats;
}

function benchEngine() {
  log('Engine…');
  const r = run(process.execPath, [join(build, 'engine-bench.js'), corpusDir, ...(quick ? ['--quick'] : [])], { timeout: 10 * 60 * 1000 });
  if (r.status !== 0) return { error: tail(r.stderr, 3) || `exit code ${r.status}` };
  return JSON.parse(r.stdout);
}

/**
 * Whether the model's objects and the parser's lists keep one hidden class per kind
 * (bench/lib/hidden-classes.ts, run with V8's natives syntax): a kind that gains a second one makes
 * optimized code bail out, once per worker thread (parse/lists.ts says why).
 */
function checkHiddenClasses() {
  log('Engine: hidden classes of the model…');
  const script = join(bench, 'lib', 'hidden-classes.ts');
  const r = run(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { timeout: 5 * 60 * 1000 });
  if (r.status !== 0) return { error: tail(r.stderr, 3) || `exit code ${r.status}` };
  const result = JSON.parse(r.stdout);
  const contrast = 'contrast: [] like a list of objects';
  // If V8 ever gives `[]` the hidden class of a list of objects, the helpers are no longer needed.
  const helpersNeeded = result[contrast] === false;
  delete result[contrast];
  return { mixed: Object.keys(result).filter((kind) => result[kind] !== true), kinds: Object.keys(result).length, helpersNeeded };
}

const FORMAT_COPIES = 30;

/** `FORMAT_COPIES` copies of each format's sample (bench/lib/cli-bench.mjs FORMAT_SAMPLES), under the corpus. */
function formatCopies() {
  const dir = join(corpusDir, 'formats');
  for (const [format, sample] of Object.entries(FORMAT_SAMPLES)) {
    const into = join(dir, format);
    mkdirSync(into, { recursive: true });
    const bytes = readFileSync(join(root, 'test', 'data', sample));
    for (let i = 0; i < FORMAT_COPIES; i++) writeFileSync(join(into, `r${i}.${format}`), bytes);
  }
  return dir;
}

/** Every .ts file under `dir`. */
function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * CPU profiles of the engine on each workload size. The sources are compiled file by file (not
 * bundled) so that every function in the profile keeps its own file name and line.
 */
async function profileEngine() {
  const dir = join(out, 'profiles');
  const compiled = join(build, 'profile');
  mkdirSync(dir, { recursive: true });
  const esbuild = await import(createRequire(join(root, 'package.json')).resolve('esbuild'));
  await esbuild.build({
    entryPoints: [...tsFiles(join(root, 'server', 'src', 'core')), join(bench, 'lib', 'engine-bench.ts'), join(bench, 'lib', 'fixtures.ts')],
    outdir: compiled,
    outbase: root,
    bundle: false,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'warning',
  });
  const summaries = [];
  for (const workload of ['typical', 'large', 'huge']) {
    log(`Profiling the engine (${workload})…`);
    const name = `engine-${workload}.cpuprofile`;
    const r = run(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', name, join(compiled, 'bench', 'lib', 'engine-bench.js'), corpusDir, `--only=${workload}`]);
    if (r.status !== 0) {
      summaries.push({ workload, error: tail(r.stderr) });
      continue;
    }
    summaries.push({ workload, ...summarizeProfile(join(dir, name), 12) });
  }
  return summaries;
}

/** The check's time split into the parse and each rule (engine-bench --breakdown). */
function engineBreakdown() {
  log('Engine time by rule…');
  const r = run(process.execPath, ['--expose-gc', join(build, 'engine-bench.js'), corpusDir, '--breakdown'], { timeout: 10 * 60 * 1000 });
  return r.status === 0 ? JSON.parse(r.stdout) : { error: tail(r.stderr) };
}

/**
 * The 20 KB keystrokes are timed in rounds that alternate between the servers (each round starts
 * each server afresh and types 100 characters after 200 untimed ones), and each server's p50 and
 * p95 come from its samples of every round together: a busy spell of the shared machine then
 * falls on every server, not on whichever ran during it. The 300 KB keystrokes and the 50 open
 * reports follow, once per server.
 */
function benchLsp(peers) {
  const servers = ['nianbao', 'nianbao-push', 'markdown', 'autocorrect'];
  const results = {};
  const runPart = (server, part) => {
    const r = run(process.execPath, [join(bench, 'lib', 'lsp-bench.mjs'), server, corpusDir, `--part=${part}`, ...(quick ? ['--quick'] : [])], { timeout: 6 * 60 * 1000 });
    return r.status === 0 ? JSON.parse(r.stdout) : { error: tail(r.stderr, 2) || `exit code ${r.status}` };
  };
  const live = servers.filter((server) => {
    const peer = { markdown: peers.markdown, autocorrect: peers.autocorrect }[server];
    if (peer?.error) results[server] = { error: peer.error };
    return !peer?.error;
  });
  const rounds = quick ? 1 : 3;
  const k20 = new Map();
  for (let round = 1; round <= rounds; round++) {
    for (const server of live) {
      if (results[server]?.error) continue;
      log(`Language server: ${server}, 20 KB keystrokes, round ${round} of ${rounds}…`);
      const r = runPart(server, 'k20');
      if (r.error) {
        results[server] = r;
        log(`  failed: ${r.error}`);
      } else {
        if (!k20.has(server)) k20.set(server, []);
        k20.get(server).push(r);
      }
    }
  }
  for (const server of live) {
    if (results[server]?.error) continue;
    log(`Language server: ${server}, 300 KB keystrokes and 50 open reports…`);
    const r = runPart(server, 'rest');
    if (r.error) {
      results[server] = r;
      log(`  failed: ${r.error}`);
      continue;
    }
    const parts = k20.get(server);
    const samples = parts.flatMap((p) => p.k20.samples);
    const engine = parts.flatMap((p) => p.k20.engineSamples);
    const fresh = parts.flatMap((p) => p.k20.freshSamples ?? []);
    results[server] = {
      ...r,
      k20: {
        ...parts[0].k20,
        p50: median(samples),
        p95: percentile(samples, 95),
        min: Math.min(...samples),
        n: samples.length,
        rounds: parts.length,
        engineP50: engine.length ? median(engine) : null,
        freshP50: fresh.length ? median(fresh) : null,
        freshP95: fresh.length ? percentile(fresh, 95) : null,
        freshCount: parts[0].k20.freshSamples?.length ?? 0,
        samples: undefined,
        engineSamples: undefined,
        freshSamples: undefined,
      },
    };
  }
  return results;
}

function benchActivation() {
  log('Extension activation (stub vscode module)…');
  const runs = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const r = run(process.execPath, [join(bench, 'lib', 'activate-stub.cjs'), join(root, 'dist', 'client.js')]);
    if (r.status !== 0) return { error: tail(r.stderr, 2) };
    runs.push(JSON.parse(r.stdout));
  }
  const pick = (k) => median(runs.map((x) => x[k]));
  return { loadMs: pick('loadMs'), activateMs: pick('activateMs'), totalMs: pick('totalMs'), runs: runs.length };
}

function gitState() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'client', 'esbuild.mjs', 'package.json'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return `${commit}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** One line per complete run in bench/history.jsonl (committed): the before/after record. */
function historyEntry(results, rows) {
  const e = results.engine ?? {};
  const c = results.cli ?? {};
  const l = results.lsp?.nianbao ?? {};
  return {
    date: results.date,
    commit: results.commit,
    load: results.loadStart.loadavg1,
    typicalMs: e.typical ? Math.max(...e.typical.map((t) => t.median)) : null,
    largeMs: e.large?.median ?? null,
    hugeMs: e.huge?.median ?? null,
    narrativeRatio: e.large && e.narrative30k ? e.large.median / e.narrative30k.median : null,
    structureRatio: e.huge && e.block ? e.huge.median / e.block.median : null,
    cliWallS: c['nianbao-2']?.wall ?? null,
    cliBrokenWallS: results.cliBroken?.['nianbao-2']?.wall ?? null,
    cliRssMb: c['nianbao-2']?.maxrssMb ?? null,
    lspP50Ms: l.k20?.p50 ?? null,
    lspP95Ms: l.k20?.p95 ?? null,
    lsp300Ms: l.k300?.p50 ?? null,
    lspRssMb: l.open50?.rssMb ?? null,
    activationMs: results.extension?.activation?.totalMs ?? null,
    vsixKb: results.extension?.vsix?.bytes ? results.extension.vsix.bytes / 1024 : null,
    met: rows.filter((r) => r.ok === true).length,
    targets: rows.filter((r) => r.ok === true || r.ok === false).length,
  };
}

async function main() {
  const results = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    sections: only,
    node: process.version,
    machine: { cpus: os.availableParallelism?.() ?? os.cpus().length, model: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30) },
    loadStart: machineLoad(),
    commit: gitState(),
  };
  log(`Nianbao benchmark (${results.mode}; ${results.machine.cpus} cores, Node ${process.version}, load ${results.loadStart.loadavg1})`);
  if (results.loadStart.loadavg1 > results.machine.cpus * 0.5) {
    log(`  note: the machine is busy (load average ${results.loadStart.loadavg1}); figures will be slower than on a quiet machine.`);
  }

  const peers = ensurePeers();
  results.peers = peers;
  for (const [id, p] of Object.entries(peers)) if (p.error) log(`  peer ${id}: ${p.error}`);

  if (!flag('--no-build')) results.extension = { vsix: buildAndPackage() };
  else results.extension = { vsix: { error: 'not packaged in this run (--no-build)' } };
  for (const bundle of ['cli.js', 'cli-worker.js', 'server.js', 'client.js']) {
    if (!existsSync(join(root, 'dist', bundle))) throw new Error(`dist/${bundle} is missing: run without --no-build (or npm run build)`);
  }
  await bundleBenchScripts();
  const stats = ensureWorkloads(quick ? 1_000 : 10_000);
  results.corpus = stats.corpus;
  results.brokenCorpus = stats.brokenCorpus;
  results.sizes = stats.sizes;

  if (wants('engine')) {
    results.engine = benchEngine();
    results.engineShapes = checkHiddenClasses();
  }
  if (flag('--profile')) {
    results.breakdown = engineBreakdown();
    results.profiles = await profileEngine();
  }
  if (wants('cli')) {
    log(`Command line on ${stats.corpus.files.toLocaleString('en')} reports (${(stats.corpus.bytes / 1e6).toFixed(0)} MB)…`);
    const cliPeers = { textlint: peers.textlint.entry, autocorrect: peers.autocorrect.entry };
    results.cli = await benchCorpus({ root, corpus: join(corpusDir, 'reports'), quick, peers: cliPeers, log });
    log(`Command line on the same ${stats.brokenCorpus.files.toLocaleString('en')} reports with every table number broken…`);
    results.cliBroken = await benchBrokenCorpus({ root, corpus: join(corpusDir, 'reports-broken'), quick, log });
    log('One 5 MB document…');
    results.oneDocument = await benchOneDocument({ root, file: join(corpusDir, 'engine', 'huge-5m.txt'), quick, peers: cliPeers, log });
    log('One report in each published format…');
    results.formats = await benchFormats({ root, dir: formatCopies(), count: FORMAT_COPIES, quick, log });
  }
  if (wants('lsp')) results.lsp = benchLsp(peers);
  if (wants('extension')) results.extension.activation = benchActivation();
  else delete results.extension;

  results.loadEnd = machineLoad();
  results.seconds = Math.round((Date.now() - started) / 1000);
  const rows = buildRows(results);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'results.json'), JSON.stringify({ results, rows }, null, 2));

  process.stdout.write(`\nNianbao performance — ${results.mode} run, ${results.machine.cpus} cores, Node ${process.version}, load ${results.loadStart.loadavg1} → ${results.loadEnd.loadavg1}, ${results.seconds} s\n\n`);
  process.stdout.write(`${formatConsole(rows)}\n`);
  if (results.breakdown) process.stdout.write(`\n${formatBreakdown(results.breakdown)}\n`);
  if (results.profiles) for (const p of results.profiles) process.stdout.write(`\n${p.error ? `${p.workload}: profile failed: ${p.error}` : formatSummary(p)}\n`);
  const met = rows.filter((r) => r.ok === true).length;
  const missed = rows.filter((r) => r.ok === false).length;
  process.stdout.write(`\n${met} targets met, ${missed} missed.\n`);

  if (complete) appendFileSync(join(bench, 'history.jsonl'), `${JSON.stringify(historyEntry(results, rows))}\n`);
  if (write) {
    const history = existsSync(join(bench, 'history.jsonl'))
      ? readFileSync(join(bench, 'history.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
      : [];
    writePerformanceDoc(join(root, 'docs', 'PERFORMANCE.md'), results, rows, history);
    // What --doc rewrites the doc from: the results the doc shows, not a later quick or partial run's.
    writeFileSync(DOC_RESULTS, JSON.stringify({ results, rows }, null, 2));
    log('Wrote docs/PERFORMANCE.md');
  } else if (!complete) {
    log('(docs/PERFORMANCE.md is written by complete runs only, or with --write)');
  }
}

const DOC_RESULTS = join(out, 'doc-results.json');

/** --doc: rewrite docs/PERFORMANCE.md from the results it was last written from (after editing bench/lib/doc.mjs). */
function rewriteDoc() {
  if (!existsSync(DOC_RESULTS)) {
    process.stderr.write('bench: no bench/.out/doc-results.json yet: run the complete benchmark (or one with --write) first\n');
    process.exit(2);
  }
  const { results, rows } = JSON.parse(readFileSync(DOC_RESULTS, 'utf8'));
  const history = existsSync(join(bench, 'history.jsonl')) ? readFileSync(join(bench, 'history.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  writePerformanceDoc(join(root, 'docs', 'PERFORMANCE.md'), results, rows, history);
  log(`Wrote docs/PERFORMANCE.md from the run of ${results.date}`);
}

(flag('--doc') ? Promise.resolve().then(rewriteDoc) : main()).catch((error) => {
  process.stderr.write(`bench: ${error?.stack ?? error}\n`);
  process.exit(1);
});
