// Shared by the CLI tests: provides the CLI bundle, runs it as a child process, and makes
// temporary files.
//
// Which bundle: each test file gets its own copy of dist/cli.js + dist/cli-worker.js in a temporary
// directory (with package.json beside it, as in the published package), so that another test suite
// running `npm run build` (which empties dist/) at the same time cannot pull the files away mid-run.
// - By default the copy is built fresh from the sources with esbuild, with the same entry points and
//   options as esbuild.mjs (only the two CLI bundles, so these tests do not depend on the client and
//   server bundles building).
// - With NIANBAO_TEST_NO_BUILD=1 the existing dist/ (from `npm run build`, e.g. in CI) is copied as is.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.resolve(__dirname, '../data/fixtures');
export const FIXTURE = {
  cixi: path.join(FIXTURES, '2023-cixi-city-office.txt'),
  sushui: path.join(FIXTURES, '2023-sushui-town.txt'),
  xiaocaoe: path.join(FIXTURES, '2023-xiaocaoe-town.txt'),
};

let cli: string | undefined;

/** Path of the CLI bundle under test (dist/cli.js of the private copy). */
export function cliPath(): string {
  if (!cli) throw new Error('call ensureBuilt() in a before() hook first');
  return cli;
}

export async function ensureBuilt(): Promise<void> {
  if (cli) return;
  const root = tempDir('nianbao-cli-bundle-');
  fs.chmodSync(root, 0o755); // readable by the unprivileged user of the permission test
  const dist = path.join(root, 'dist');
  fs.mkdirSync(dist);
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  // The CLI bundles and, beside them, the readers of published formats and pdfjs's CMaps.
  const bundles = ['cli.js', 'cli-worker.js', 'reader-html.js', 'reader-docx.js', 'reader-doc.js', 'reader-pdf.js'];
  if (process.env.NIANBAO_TEST_NO_BUILD) {
    for (const name of bundles) fs.copyFileSync(path.join(ROOT, 'dist', name), path.join(dist, name));
    fs.cpSync(path.join(ROOT, 'dist', 'cmaps'), path.join(dist, 'cmaps'), { recursive: true });
  } else {
    const esbuild = await import('esbuild');
    // The build's own options for the CLI bundles (esbuild.mjs), into this temp folder.
    const { builds, copyCMaps } = await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href);
    for (const build of builds.filter((b: { entryPoints: Record<string, string> }) => 'cli' in b.entryPoints || 'reader-pdf' in b.entryPoints)) {
      await esbuild.build({ ...build, absWorkingDir: ROOT, outdir: dist });
    }
    copyCMaps(dist);
  }
  cli = path.join(dist, 'cli.js');
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: SpawnSyncOptions & { env?: NodeJS.ProcessEnv } = {}): RunResult {
  const env = { ...process.env, ...options.env };
  // Tests set the locale explicitly when they care; an inherited one must not change results.
  if (!options.env || !('NIANBAO_LOCALE' in options.env)) delete env.NIANBAO_LOCALE;
  const r = spawnSync(process.execPath, [cliPath(), ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024, ...options, env });
  if (r.error) throw r.error;
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export interface JsonEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}
export interface JsonDiagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fix: { title: string; edits: JsonEdit[] } | null;
}
export interface JsonFile {
  path: string;
  error?: string;
  report?: { title: string | null; body: string | null; year: number | null; edition: string };
  diagnostics?: JsonDiagnostic[];
}

/** Runs with --format json and parses stdout, which must be exactly one JSON document. */
export function runJson(args: string[], options: Parameters<typeof runCli>[1] = {}): RunResult & { files: JsonFile[] } {
  const r = runCli(['check', '--format', 'json', ...args], options);
  let parsed: { files: JsonFile[] };
  try {
    parsed = JSON.parse(r.stdout);
  } catch (error) {
    throw new Error(`stdout is not one JSON document (${(error as Error).message}); stderr: ${r.stderr}\nstdout: ${r.stdout.slice(0, 500)}`);
  }
  return { ...r, files: parsed.files };
}

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // left for the system's temp cleaning
    }
  }
});

/** A fresh temporary directory, removed when the test process exits. */
export function tempDir(prefix = 'nianbao-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Lines as LSP counts them (\n, \r\n or a lone \r end a line), computed independently of the engine. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** 1-based line and UTF-16 column → offset, independently of the engine's LineIndex. */
export function offsetOf(text: string, line: number, column: number): number {
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const m = re.exec(text);
    if (!m) throw new Error(`line ${line} is past the end`);
    start = m.index + m[0].length;
  }
  return start + column - 1;
}

/** The source text a 1-based, end-exclusive range covers. */
export function textOf(text: string, r: { line: number; column: number; endLine: number; endColumn: number }): string {
  return text.slice(offsetOf(text, r.line, r.column), offsetOf(text, r.endLine, r.endColumn));
}

export function readFixture(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Diagnostics without the path, for comparing two runs of the same text. */
export function comparable(file: JsonFile): unknown {
  return { report: file.report, diagnostics: file.diagnostics };
}
