#!/usr/bin/env node
// `npm run screenshots`: refreshes the pictures the README shows (docs/screenshots/*.png) from a run of
// the VS Code suite. A test run itself only writes test-results/vscode/screenshots/, so `npm test` never
// changes a tracked file; this is the one command that does, on purpose.
// Usage: node test/vscode/refresh-screenshots.mjs   (after `npm run build` and `node test/vscode/setup.mjs`)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { paths } from './paths.mjs';

const readme = readFileSync(path.join(paths.repoRoot, 'README.md'), 'utf8');
const pictures = [...new Set([...readme.matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)].map((m) => m[1]))];
const taken = path.join(paths.repoRoot, 'test-results', 'vscode', 'screenshots');

const run = spawnSync(process.execPath, [path.join(paths.repoRoot, 'test', 'vscode', 'run-code-server.mjs')], { stdio: 'inherit' });
if (run.status !== 0) {
  // Pictures of a failing run could show the failure: the docs keep the ones they have.
  console.log('[screenshots] the suite failed: docs/screenshots/ left as it was');
  process.exit(1);
}
let missing = 0;
for (const name of pictures) {
  const from = path.join(taken, name);
  if (!existsSync(from)) {
    console.log(`[screenshots] MISSING ${name}: no test took it (the README names it)`);
    missing++;
    continue;
  }
  copyFileSync(from, path.join(paths.repoRoot, 'docs', 'screenshots', name));
  console.log(`[screenshots] docs/screenshots/${name}`);
}
process.exit(missing ? 1 : 0);
