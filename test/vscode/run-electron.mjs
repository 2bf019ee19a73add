#!/usr/bin/env node
// Runs the same mocha suite in a desktop VS Code, for developers who have one:
//   VSCODE_EXECUTABLE=/path/to/code node test/vscode/run-electron.mjs   (npm run build first)
// @vscode/test-electron would otherwise download VS Code from Microsoft, which these machines cannot reach,
// so without VSCODE_EXECUTABLE this says plainly that it SKIPPED and why (exit 0, no test counted as passed).
// CI uses run-code-server.mjs instead. Option: --grep <pattern>.
import { existsSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { paths } from './paths.mjs';
import { buildSuite } from './build.mjs';
import { fillWorkspace } from './lib/sandbox.mjs';

const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });

const executable = process.env.VSCODE_EXECUTABLE;
if (!executable) {
  console.log(
    'SKIPPED: desktop VS Code tests (run-electron.mjs): VSCODE_EXECUTABLE is not set. ' +
      '@vscode/test-electron cannot download VS Code on this machine; set VSCODE_EXECUTABLE to a desktop ' +
      'VS Code binary to run them, or use test/vscode/run-code-server.mjs.',
  );
  process.exit(0);
}
if (!existsSync(executable)) {
  console.log(`VSCODE_EXECUTABLE=${executable} does not exist`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (!existsSync(path.join(paths.repoRoot, 'dist', 'client.js'))) {
  console.log('dist/client.js is missing: run `npm run build` first');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const { runTests } = await import('@vscode/test-electron');
const root = mkdtempSync(path.join(os.tmpdir(), 'nianbao-electron-'));
const workspace = path.join(root, 'workspace');
fillWorkspace(workspace, paths.fixtures);
const resultFile = path.join(root, 'result.json');

let exitCode = 1;
try {
  const extensionTestsPath = await buildSuite();
  exitCode = await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: paths.repoRoot,
    extensionTestsPath,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(root, 'user-data')}`,
      `--extensions-dir=${path.join(root, 'extensions')}`,
    ],
    extensionTestsEnv: {
      NIANBAO_TEST_RESULT: resultFile,
      ...(options.grep ? { NIANBAO_TEST_GREP: options.grep } : {}),
    },
  });
} catch (error) {
  console.log(`desktop VS Code run failed: ${error?.message ?? error}`);
}

let passed = 0;
let failed = 0;
try {
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  passed = result.passed;
  failed = result.failed;
} catch {
  // no result: counted below
}
if (exitCode !== 0 && failed === 0) failed = 1;
rmSync(root, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
