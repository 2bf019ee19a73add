#!/usr/bin/env node
// Runs the mocha suite inside a real VS Code, offline: code-server (VS Code's server + workbench, Node
// extension host) rendered by headless chromium. See /work/shared/testing/REAL-VSCODE.md for why this way.
//
//   node test/vscode/run-code-server.mjs                       the suite against the repository (npm run build first)
//   node test/vscode/run-code-server.mjs --install-extension nianbao.vsix
//                                                              the packaging test: the installed .vsix, not the repo
//   node test/vscode/run-code-server.mjs --package             the same with a .vsix packaged now from the working
//                                                              tree (vsce package --no-dependencies; build first)
// Options: --grep <pattern>  --timeout <seconds, 180>  --keep (the temp dir, for a look afterwards)
//          --screenshots <dir> (test-results/vscode/screenshots; `npm run screenshots` copies the README's from there)
//          --extension <dir> --tests <index.js> (another extension and suite; used to check this harness)
// The last line printed is `N passed, N failed`; the exit code is non-zero on any failure or timeout.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, writeFileSync, copyFileSync, cpSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { paths } from './paths.mjs';
import { buildSuite } from './build.mjs';
import { createSandbox, createTestHostExtension } from './lib/sandbox.mjs';
import { assertInstalled, freePort, installExtension, startCodeServer, killGroupNow } from './lib/code-server.mjs';
import { openWorkbench } from './lib/workbench.mjs';

const { values: options } = parseArgs({
  options: {
    'install-extension': { type: 'string' },
    package: { type: 'boolean', default: false },
    extension: { type: 'string' },
    tests: { type: 'string' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '180' },
    // A test run never rewrites the committed docs/screenshots/: `npm run screenshots` does (refresh-screenshots.mjs).
    screenshots: { type: 'string' },
    fixtures: { type: 'string', default: paths.fixtures },
    keep: { type: 'boolean', default: false },
  },
});

/** Must match LINE_TAG in suite/runner.ts. */
const SUITE_TAG = '[suite]';
const started = Date.now();
const deadline = started + Number(options.timeout) * 1000;
const say = (message) => console.log(`[launcher] ${message}`);
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
/** Logs of the last run, kept for CI when the temp dir is gone (test-results/ is ignored by git). */
const resultsDir = path.join(paths.repoRoot, 'test-results', 'vscode');

let server;
let sandbox;
/** Set while main() waits for the tests: an interruption then ends the run through the normal cleanup. */
let settle;
process.on('exit', () => server && killGroupNow(server.pid));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    say(`interrupted by ${signal}`);
    if (settle) return settle({ reason: `interrupted by ${signal}` });
    if (server) killGroupNow(server.pid);
    sandbox?.remove();
    console.log('0 passed, 1 failed');
    process.exit(130);
  });
}

function readResult(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Loads `vscode-remote://host/<absolute path>` into the payload VS Code's test driver reads. */
function workbenchUrl(port, folder, { developmentPath, testsPath }) {
  const remote = (file) => `vscode-remote://127.0.0.1:${port}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(developmentPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
  ];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function main() {
  assertInstalled();
  let vsix = options['install-extension'] && path.resolve(options['install-extension']);
  if (vsix && !existsSync(vsix)) throw new Error(`no such .vsix: ${vsix}`);
  const testsPath = options.tests ? path.resolve(options.tests) : await buildSuite();
  const extensionPath = options.extension ? path.resolve(options.extension) : paths.repoRoot;
  if (!vsix && !options.extension && !existsSync(path.join(paths.repoRoot, 'dist', 'client.js'))) {
    throw new Error('dist/client.js is missing: run `npm run build` first');
  }

  sandbox = createSandbox({ fixtures: path.resolve(options.fixtures), keep: options.keep });
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const logFile = path.join(resultsDir, 'workbench.log');
  writeFileSync(logFile, '');
  say(`temp dir ${sandbox.root}`);

  if (options.package) vsix = packageWorkingTree(sandbox);
  let developmentPath = extensionPath;
  if (vsix) {
    installExtension(sandbox, vsix);
    developmentPath = createTestHostExtension(sandbox);
  }

  const port = await freePort();
  // The packaging test runs the tests tagged @vsix unless told otherwise.
  const grep = options.grep ?? (vsix ? '@vsix' : undefined);
  const env = {
    ...(grep ? { NIANBAO_TEST_GREP: grep } : {}),
    // Lets the suite tell an installed .vsix run from a development run.
    ...(vsix ? { NIANBAO_TEST_INSTALLED: sandbox.extensions } : {}),
  };
  server = startCodeServer(sandbox, port, env);
  say(`code-server pid ${server.pid} on 127.0.0.1:${port}`);
  await server.waitUntilHealthy(deadline);
  say(`code-server healthy after ${seconds()}`);

  const outcome = new Promise((resolve) => (settle = resolve));
  const timer = setTimeout(() => settle({ reason: 'timeout' }), Math.max(0, deadline - Date.now()));
  server.exit.then((code) => settle({ reason: `code-server exited (${code})` }));

  const workbench = await openWorkbench({
    url: workbenchUrl(port, sandbox.workspace, { developmentPath, testsPath }),
    sandbox,
    screenshots: path.resolve(options.screenshots ?? path.join(resultsDir, 'screenshots')),
    logFile,
    onLog: (line) => {
      // The runner's own lines (suite/runner.ts tags them); extension host chatter stays in the log file.
      const at = line.indexOf(SUITE_TAG);
      if (at >= 0) console.log(line.slice(at + SUITE_TAG.length + 1));
    },
    onExit: (code) => settle({ reason: 'exit', code }),
  });

  const end = await outcome;
  clearTimeout(timer);
  const failedRun = end.reason !== 'exit' || end.code !== 0;
  if (failedRun) {
    if (await workbench.screenshot(path.join(resultsDir, 'failure.png'))) say('screen at the end: test-results/vscode/failure.png');
  }
  await workbench.close();
  await server.stop();
  copyFileSync(sandbox.codeServerLog, path.join(resultsDir, 'code-server.log'));
  // The server side's logs: the extension host's (activation, errors) and the language server's output.
  const serverLogs = path.join(sandbox.userData, 'logs');
  if (existsSync(serverLogs)) cpSync(serverLogs, path.join(resultsDir, 'server-logs'), { recursive: true });

  const result = readResult(sandbox.resultFile);
  const passed = result?.passed ?? 0;
  let failed = result?.failed ?? 0;
  const skipped = result?.skipped ?? 0;
  for (const test of result?.tests ?? []) {
    if (test.state === 'failed') console.log(`FAILED ${test.title}\n${indent(test.error ?? '')}`);
  }
  if (end.reason !== 'exit') {
    const unfinished = result && !result.finished ? ` (the suite had not finished${result.running ? `; running: ${result.running}` : ''})` : '';
    say(`${end.reason} after ${seconds()}${unfinished}`);
    failed += 1;
  } else if (end.code !== 0 && failed === 0) {
    say(`the suite's run() rejected (exit code ${end.code}) with no failed test: it did not load or ran no test`);
    failed += 1;
  } else if (!result) {
    say('the suite wrote no result file');
    failed += 1;
  }
  say(`finished in ${seconds()}; logs in test-results/vscode/`);
  return { passed, failed, skipped };
}

/** `vsce package --no-dependencies` of the working tree into the temp dir (the tree is left as it was). */
function packageWorkingTree(sandbox) {
  const out = path.join(sandbox.root, 'nianbao.vsix');
  const vsce = path.join(paths.repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  say('vsce package --no-dependencies');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {
    cwd: paths.repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  if (result.status !== 0 || !existsSync(out)) {
    throw new Error(`vsce package failed (${result.status ?? result.signal}):\n${`${result.stdout}${result.stderr}`.trim()}`);
  }
  say(`packaged ${(statSync(out).size / 1024).toFixed(0)} KB`);
  return out;
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

let summary;
try {
  summary = await main();
} catch (error) {
  say(`ERROR: ${error.message}`);
  if (sandbox && existsSync(sandbox.codeServerLog)) {
    const log = readFileSync(sandbox.codeServerLog, 'utf8').trim().split('\n').slice(-20).join('\n');
    if (log) console.log(`--- code-server log (last lines) ---\n${log}`);
  }
  summary = { passed: 0, failed: 1 };
} finally {
  if (server && !server.exited) await server.stop();
  sandbox?.remove();
}
console.log(`${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`);
process.exit(summary.failed > 0 || summary.passed === 0 ? 1 : 0);
