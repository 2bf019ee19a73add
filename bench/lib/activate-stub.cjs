// Extension activation, outside VS Code: loads dist/client.js with a STUB `vscode` module (every
// API answers with an inert object) and times what VS Code reports as activation time: loading the
// code (codeLoadingTime) plus the synchronous activate() call (activateCallTime). The language server
// start that activate() sets off is asynchronous in VS Code too; this process exits before it runs.
// It is a stand-in: the figure from a real VS Code (Developer: Show Running Extensions) is the one
// that counts. `node activate-stub.cjs PATH/TO/dist/client.js` prints JSON.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

/** An object that accepts any property access, call or `new`, and returns more of itself. */
function inert(name) {
  const cache = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'dispose') return () => undefined;
      if (!cache.has(prop)) cache.set(prop, inert(`${name}.${String(prop)}`));
      return cache.get(prop);
    },
    set(_, prop, value) {
      cache.set(prop, value);
      return true;
    },
    apply: () => inert(`${name}()`),
    construct: () => inert(`new ${name}`),
  });
}

const configuration = { get: () => undefined, has: () => false, inspect: () => undefined, update: async () => undefined };

/**
 * Bundles copy a module's own properties (esbuild's __toESM), so the stub names every export of the
 * real API, read from @types/vscode.
 */
function apiNames() {
  const dts = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts', { paths: [process.cwd(), __dirname] }), 'utf8');
  return [...dts.matchAll(/^\texport (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]);
}

const vscode = {};
for (const name of apiNames()) vscode[name] = inert(name);
vscode.version = '1.95.0';
vscode.env = { language: 'zh-cn', appName: 'stub', uiKind: 1, machineId: 'stub' };
const workspace = vscode.workspace;
vscode.workspace = new Proxy(workspace, {
  get: (w, p) => (p === 'getConfiguration' ? () => configuration : p === 'textDocuments' ? [] : w[p]),
});

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const file = path.resolve(process.argv[2]);
const context = {
  subscriptions: [],
  extensionPath: path.dirname(path.dirname(file)),
  extensionUri: inert('extensionUri'),
  asAbsolutePath: (p) => path.join(path.dirname(path.dirname(file)), p),
  globalState: inert('globalState'),
  workspaceState: inert('workspaceState'),
  logUri: inert('logUri'),
  storageUri: undefined,
  globalStorageUri: inert('globalStorageUri'),
  extensionMode: 1,
  // The client logs its version on activation.
  extension: { packageJSON: JSON.parse(require('node:fs').readFileSync(path.join(path.dirname(path.dirname(file)), 'package.json'), 'utf8')) },
};

const t0 = performance.now();
const extension = require(file);
const t1 = performance.now();
extension.activate(context);
const t2 = performance.now();
// Synchronously, before the server start that activate() scheduled can run.
process.stdout.write(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0 }));
process.exit(0);
