// Bundles the mocha suite that runs inside VS Code's extension host into one CommonJS file exporting run()
// (out/vscode-test/index.js). mocha is bundled in, so the suite needs nothing from node_modules at run time
// (it also runs when the extension under test is an installed .vsix); only `vscode` stays external.
// Usage: node test/vscode/build.mjs [--entry file.ts --outfile file.js]
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { paths } from './paths.mjs';

export const DEFAULT_ENTRY = path.join(paths.repoRoot, 'test', 'vscode', 'suite', 'index.ts');
export const DEFAULT_OUTFILE = path.join(paths.suiteOut, 'index.js');

export async function buildSuite({ entry = DEFAULT_ENTRY, outfile = DEFAULT_OUTFILE } = {}) {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time; nothing to bundle for it.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const outfile = await buildSuite({ entry: arg('--entry'), outfile: arg('--outfile') });
  console.log(`[build] ${path.relative(process.cwd(), outfile)}`);
}
