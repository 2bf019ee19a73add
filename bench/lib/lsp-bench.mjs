// Times one language server through a real LSP client over stdio and prints JSON:
//   keystroke latency in a 20 KB report (didChange → diagnostics, p50/p95) and in a 300 KB one,
//   and the server's RSS with 50 reports open.
// `node lsp-bench.mjs SERVER WORKLOAD_DIR [--quick] [--part=k20|rest]`, SERVER one of: nianbao (pull,
// as VS Code uses it), nianbao-push, markdown (vscode-markdown-languageserver, pull), autocorrect (push).
// --part=k20 times only the 20 KB keystrokes and prints every sample (run.mjs runs that part in
// rounds that alternate between the servers, and pools the samples); --part=rest does the others.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client.mjs';
import { median, percentile } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const benchModules = join(root, 'bench', 'node_modules');
const requireFromBench = createRequire(join(benchModules, 'noop.js'));

const [serverName, workloadDir] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
const part = /^--part=(k20|rest)$/.exec(process.argv.find((a) => a.startsWith('--part=')) ?? '')?.[1] ?? 'all';

/** VS Code's defaults for the Markdown server's settings, with validation turned on (it is off by default). */
const MARKDOWN_SETTINGS = {
  markdown: {
    server: { log: 'off' },
    preferredMdPathExtensionStyle: 'auto',
    suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'onDoubleHash' } },
    occurrencesHighlight: { enabled: false },
    validate: {
      enabled: true,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
  },
};

/**
 * Node flags the extension starts its server with: `SERVER_EXEC_ARGV` in the shared protocol, when it
 * declares one (the client passes it as execArgv), so that the server is measured as users run it.
 * BENCH_SERVER_NODE_FLAGS overrides it, for experiments.
 */
export function serverExecArgv() {
  if (process.env.BENCH_SERVER_NODE_FLAGS !== undefined) return process.env.BENCH_SERVER_NODE_FLAGS.split(/\s+/).filter(Boolean);
  try {
    const protocol = readFileSync(join(root, 'server', 'src', 'shared', 'protocol.ts'), 'utf8');
    const list = /SERVER_EXEC_ARGV\b[^=]*=\s*\[([^\]]*)\]/.exec(protocol)?.[1] ?? '';
    return [...list.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
  } catch {
    return [];
  }
}

function servers() {
  const ours = {
    command: process.execPath,
    // BENCH_SERVER_SCRIPT: another build of the server (an unminified one, to profile it).
    args: [...serverExecArgv(), process.env.BENCH_SERVER_SCRIPT ?? join(root, 'dist', 'server.js'), '--stdio'],
    // debounceMs 0: the figures are the work only, not the configured wait after the last keystroke.
    initializationOptions: { displayLanguage: 'zh-cn', debounceMs: 0 },
    configuration: (section) => (section === 'nianbao' ? {} : null),
  };
  return {
    nianbao: { ...ours, mode: 'pull', capabilities: { textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } } },
    'nianbao-push': { ...ours, mode: 'push' },
    markdown: () => {
      const MarkdownIt = requireFromBench('markdown-it');
      const md = new MarkdownIt({ html: true });
      return {
        command: process.execPath,
        args: [requireFromBench.resolve('vscode-markdown-languageserver/dist/node/workerMain.js'), '--stdio'],
        mode: 'pull',
        capabilities: { textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } },
        initializationOptions: { markdownFileExtensions: ['md'] },
        settings: MARKDOWN_SETTINGS,
        // The client tokenizes for the server (VS Code's Markdown extension does it with markdown-it).
        onRequest(method, params, client) {
          switch (method) {
            case 'markdown/parse':
              return md.parse(params.text ?? client.documents.get(params.uri)?.text ?? '', {});
            case 'markdown/findMarkdownFilesInWorkspace':
              return [...client.documents.keys()];
            case 'markdown/fs/stat':
              return client.documents.has(params.uri) ? { isDirectory: false } : null;
            case 'markdown/fs/readDirectory':
              return [];
            default:
              return null;
          }
        },
      };
    },
    autocorrect: () => ({
      command: process.execPath,
      args: [requireFromBench.resolve('autocorrect-node/cli.js'), 'server'],
      mode: 'push',
      // Each open or change is answered by two publishes: an empty one, then the findings.
      publishesPerChange: 2,
    }),
  };
}

/** A narrative line near the middle of the text: where the author types. Returns the offset of its end. */
function typingPoint(text) {
  const middle = text.length / 2;
  let best = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    if (line.length >= 30 && !/[|\t]/.test(line) && !/^[一二三四五六]、/.test(line) && (best < 0 || Math.abs(end - middle) < Math.abs(best - middle))) best = end;
    offset = end + 1;
  }
  return best < 0 ? text.length : best;
}

const TYPED = '进一步加强政务公开工作，提升信息发布质量。';
/** How many of the untimed first keystrokes are reported apart, as a fresh server's figures. */
const FRESH_KEYSTROKES = 100;

async function diagnosticsAfter(client, server, uri, act) {
  const doc = client.documents.get(uri);
  if (server.mode === 'push') {
    const waiting = client.waitForPush(uri, (doc?.version ?? 0) + 1, server.publishesPerChange ?? 1);
    const started = performance.now();
    await act();
    const params = await waiting;
    return { ms: performance.now() - started, count: params.diagnostics.length };
  }
  const started = performance.now();
  await act();
  const previous = client.resultIds.get(uri);
  const report = await client.pull(uri, previous);
  const ms = performance.now() - started;
  if (report.resultId) client.resultIds.set(uri, report.resultId);
  if (report.kind === 'full') client.pulledCounts.set(uri, report.items.length);
  return { ms, count: client.pulledCounts.get(uri) ?? 0 };
}

async function start(server) {
  const client = await LspClient.start({ ...server, cwd: workloadDir, rootUri: pathToFileURL(workloadDir).href });
  client.resultIds = new Map();
  client.pulledCounts = new Map();
  if (server.settings) await client.notify('workspace/didChangeConfiguration', { settings: server.settings });
  return client;
}

/** Types `n` characters (after `warmup` untimed ones) at the end of a narrative line, waiting for diagnostics after each. */
async function keystrokes(server, file, n, warmup) {
  const client = await start(server);
  try {
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const opened = await diagnosticsAfter(client, server, uri, () => client.open(uri, 'markdown', text));
    let offset = typingPoint(text);
    const samples = [];
    const engine = [];
    const fresh = [];
    let count = opened.count;
    for (let i = 0; i < warmup + n; i++) {
      const ch = TYPED[i % TYPED.length];
      client.didCheck.delete(uri);
      const r = await diagnosticsAfter(client, server, uri, () => client.type(uri, offset, ch).sent);
      offset += ch.length;
      count = r.count;
      // The first keystrokes of a fresh server, kept apart (JIT warm-up).
      if (i < warmup) {
        if (i < FRESH_KEYSTROKES) fresh.push(r.ms);
        continue;
      }
      samples.push(r.ms);
      const elapsed = client.didCheck.get(uri)?.elapsed;
      if (typeof elapsed === 'number') engine.push(elapsed);
    }
    return {
      openMs: opened.ms,
      p50: median(samples),
      p95: percentile(samples, 95),
      min: Math.min(...samples),
      n: samples.length,
      // Ours only: the engine's own time per keystroke, as the server reports it (nianbao/didCheck).
      engineP50: engine.length ? median(engine) : null,
      samples,
      engineSamples: engine,
      freshSamples: fresh,
      diagnostics: count,
      bytes: Buffer.byteLength(text),
    };
  } finally {
    await client.stop();
  }
}

/** Opens the 50 reports one after another, waits for each one's diagnostics, then reads the server's memory. */
async function fiftyOpen(server) {
  const client = await start(server);
  try {
    const dir = join(workloadDir, 'lsp');
    const files = readdirSync(dir).filter((f) => f.startsWith('open-')).sort();
    let bytes = 0;
    let diagnostics = 0;
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      bytes += Buffer.byteLength(text);
      const uri = pathToFileURL(join(dir, f)).href;
      diagnostics += (await diagnosticsAfter(client, server, uri, () => client.open(uri, 'markdown', text))).count;
    }
    const settled = client.memory();
    // A moment later, once the server has had idle time to collect garbage.
    await new Promise((r) => setTimeout(r, 1000));
    const idle = client.memory();
    return { documents: files.length, bytes, diagnostics, rssMb: idle.rssMb, rssRightAfterMb: settled.rssMb, hwmMb: idle.hwmMb };
  } finally {
    await client.stop();
  }
}

async function main() {
  const entry = servers()[serverName];
  if (!entry) throw new Error(`unknown server ${serverName}`);
  const server = typeof entry === 'function' ? entry() : entry;
  const out = { server: serverName, mode: server.mode, nodeFlags: server.args.filter((a) => a.startsWith('--') && a !== '--stdio') };
  // 200 untimed keystrokes first: a fresh Node server is still compiling its hot code for the first
  // ~150 (p90 6.8 ms over the first 50 timed keystrokes after 30, 2.0–2.7 ms from the 150th on).
  if (part !== 'rest') out.k20 = await keystrokes(server, join(workloadDir, 'lsp', 'report-20k.md'), quick ? 40 : 100, quick ? 10 : 200);
  if (part !== 'k20') {
    out.k300 = await keystrokes(server, join(workloadDir, 'lsp', 'report-300k.md'), quick ? 8 : 30, quick ? 2 : 5);
    out.open50 = await fiftyOpen(server);
  }
  process.stdout.write(JSON.stringify(out));
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
