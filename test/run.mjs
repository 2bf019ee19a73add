#!/usr/bin/env node
// `npm test`: builds the bundles, then runs every suite in turn and prints one total last:
//   unit (engine), cli, lsp (protocol against dist/server.js), panel (headless Chromium),
//   template, and vscode (the extension inside a real VS Code: code-server, installed on first run).
// `node test/run.mjs unit cli` runs only the named suites. Exit code is non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

function testFiles(dir) {
  const full = join(root, 'test', dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join('test', dir, f));
}

/** Runs node's test runner on the files and returns its counts (from the spec reporter's summary). */
function nodeSuite(name, files) {
  if (files.length === 0) return { name, passed: 0, failed: 0, note: 'no tests' };
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
    cwd: root,
    // The bundles were just built: suites use dist/ as it is instead of building their own.
    env: { ...process.env, NIANBAO_TEST_NO_BUILD: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60 * 1000,
  });
  process.stdout.write(r.stdout ?? '');
  const count = (word) => Number((r.stdout ?? '').match(new RegExp(`^. ${word} (\\d+)$`, 'm'))?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  return { name, passed: count('pass'), failed: failed || (r.status === 0 ? 0 : 1) };
}

/** Runs a launcher that prints "N passed, N failed" as its last line. */
function scriptSuite(name, args) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 20 * 60 * 1000 });
  process.stdout.write(r.stdout ?? '');
  const m = (r.stdout ?? '').match(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/);
  if (!m) return { name, passed: 0, failed: 1, note: `exit ${r.status}, no summary line` };
  return { name, passed: Number(m[1]), failed: Number(m[2]) || (r.status === 0 ? 0 : 1) };
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** The whole code base type-checks (tsc -p ., strict, no unused locals). */
function typecheck() {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: root, stdio: 'inherit' });
  return { name: 'typecheck', passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1 };
}

const suites = [
  ['typecheck', typecheck],
  ['unit', () => nodeSuite('unit', testFiles('unit'))],
  ['cli', () => nodeSuite('cli', testFiles('cli'))],
  ['lsp', () => nodeSuite('lsp', testFiles('lsp'))],
  ['template', () => nodeSuite('template', testFiles('template'))],
  ['panel', () => withSetup('panel', () => nodeSuite('panel', testFiles('panel')))],
  ['vscode', () => withSetup('vscode', () => scriptSuite('vscode', ['test/vscode/run-code-server.mjs']))],
  // The packaged .vsix installed into code-server: catches a file missing from the package.
  ['vsix', () => withSetup('vsix', () => scriptSuite('vsix', ['test/vscode/run-code-server.mjs', '--package']))],
];

// Chromium, Node 24 and code-server are installed (and cached under .cache/) on first need.
let setupStatus;
function withSetup(name, run) {
  setupStatus ??= spawnSync(process.execPath, ['test/vscode/setup.mjs'], { cwd: root, stdio: 'inherit' }).status;
  return setupStatus === 0 ? run() : { name, passed: 0, failed: 1, note: 'setup failed' };
}

const results = [];
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  results.push(run());
}
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.name.padEnd(9)} ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ''}`);
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
