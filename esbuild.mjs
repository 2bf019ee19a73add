// Builds the three bundles: the extension client (vscode external), the language server and the
// command-line checker. `node esbuild.mjs --watch` rebuilds on change; `--production` minifies.
// The test harnesses import `common` and `builds` so they bundle exactly as the build does.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, rmSync } from 'node:fs';
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
];

// Build only when run as a script, not when imported for the options.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!watch) rmSync('dist', { recursive: true, force: true });
  for (const options of builds) {
    if (watch) await (await esbuild.context(options)).watch();
    else await esbuild.build(options);
  }
  // `./dist/cli.js` runs directly (npm sets the mode on install; a plain build does not).
  if (!watch && existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
