// The module VS Code's extension host loads as extensionTestsPath (bundled by test/vscode/build.mjs):
// its run() runs the one mocha suite, under either launcher (run-code-server.mjs, run-electron.mjs).
import { createRunner } from './runner';

export const run = createRunner(() => {
  require('./extension.test');
  require('./author.test');
  require('./workspace.test');
});
