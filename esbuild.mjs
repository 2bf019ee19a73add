// Builds the three bundles: the extension client (vscode external), the language server and the
// command-line checker; beside them the readers of published formats (dist/reader-*.js, loaded on
// first use by server/src/sources/load.ts, so neither the CLI on text files nor the language server
// loads mammoth or pdfjs) and the CMaps pdfjs needs for Chinese PDFs (dist/cmaps/). `node esbuild.mjs --watch` rebuilds on change; `--production` minifies.
// The test harnesses import `common` and `builds` so they bundle exactly as the build does.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

export const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: { cli: 'server/src/cli/main.ts', 'cli-worker': 'server/src/cli/worker.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: {
      'reader-html': 'server/src/sources/readers/html.ts',
      'reader-docx': 'server/src/sources/readers/docx.ts',
      'reader-doc': 'server/src/sources/readers/doc.ts',
      'reader-pdf': 'server/src/sources/readers/pdf.ts',
    },
    outdir: 'dist',
    // pdfjs loads optional packages (the canvas, for rendering) through createRequire(import.meta.url);
    // text extraction needs none of them, so an empty URL (they are then just not found) is right.
    define: { 'import.meta.url': '""' },
    logOverride: { 'empty-import-meta': 'silent' },
  },
];

/**
 * The CMaps of Chinese (simplified and traditional) fonts that PDFs name without embedding a
 * ToUnicode map (UniGB-UCS2-H, GBK-EUC-H, Adobe-GB1-UCS2, UniCNS-UTF16-H…); the Japanese and Korean
 * ones are left out of the package.
 */
export function copyCMaps(outdir = 'dist') {
  const source = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  const target = join(outdir, 'cmaps');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    if (/^(Adobe-(GB1|CNS1)|UniGB|UniCNS|GB|B5|ETen|CNS)/.test(name) && name.endsWith('.bcmap')) copyFileSync(join(source, name), join(target, name));
  }
}

// Build only when run as a script, not when imported for the options.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!watch) rmSync('dist', { recursive: true, force: true });
  for (const options of builds) {
    if (watch) await (await esbuild.context(options)).watch();
    else await esbuild.build(options);
  }
  if (!watch) copyCMaps();
  // `./dist/cli.js` runs directly (npm sets the mode on install; a plain build does not).
  if (!watch && existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
