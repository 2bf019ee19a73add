// The readers of published formats load on first use: the CLI on .txt files and the language server
// never pay for mammoth or pdfjs. In the bundles they are separate files beside the entry
// (dist/reader-NAME.js, see esbuild.mjs); run from the sources (tests, tsx) they are ./readers/NAME.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type ReaderName = 'html' | 'docx' | 'doc' | 'pdf';

// A require of a computed path: the bundler leaves it to run time instead of inlining the reader.
const requireAtRunTime: NodeRequire = require;
const loaded = new Map<ReaderName, unknown>();

/** Loads a reader module once; pdfjs prints warnings while it loads (no canvas, in Node): kept quiet. */
export function loadReader<T>(name: ReaderName): T {
  let reader = loaded.get(name);
  if (reader === undefined) {
    const bundled = path.join(__dirname, `reader-${name}.js`);
    const file = fs.existsSync(bundled) ? bundled : path.join(__dirname, 'readers', name);
    const { log, warn } = console;
    console.log = console.warn = () => undefined;
    try {
      reader = requireAtRunTime(file);
    } finally {
      console.log = log;
      console.warn = warn;
    }
    loaded.set(name, reader);
  }
  return reader as T;
}
