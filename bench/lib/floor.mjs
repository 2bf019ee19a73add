// The floor of any checker on the corpus: list the folder (as `nianbao check` does), read every
// file and decode it as UTF-8, nothing else. `node floor.mjs THREADS DIR_OR_FILE`: THREADS 1 does it here;
// more sends batches of paths to that many worker threads, as the CLI's runner does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

const decoder = new TextDecoder('utf-8');

function decodeAll(paths) {
  let chars = 0;
  for (const p of paths) chars += decoder.decode(readFileSync(p)).length;
  return chars;
}

function list(dir, out = []) {
  if (!statSync(dir).isDirectory()) return [dir];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    // Linked folders are followed, as the CLI follows them.
    const isDir = e.isDirectory() || (e.isSymbolicLink() && statSync(full).isDirectory());
    if (isDir) list(full, out);
    else if (/\.(txt|md)$/i.test(e.name)) out.push(full);
  }
  return out;
}

if (isMainThread) {
  const threads = Number(process.argv[2] ?? 1);
  const files = list(process.argv[3]);
  if (threads <= 1) {
    decodeAll(files);
  } else {
    const BATCH = 32;
    let next = 0;
    await Promise.all(
      Array.from({ length: threads }, () => {
        const worker = new Worker(new URL(import.meta.url));
        return new Promise((resolve, reject) => {
          const feed = () => {
            if (next >= files.length) return void worker.terminate().then(resolve);
            worker.postMessage(files.slice(next, (next += BATCH)));
          };
          worker.on('message', feed);
          worker.on('error', reject);
          feed();
        });
      }),
    );
  }
} else {
  parentPort.on('message', (batch) => parentPort.postMessage(decodeAll(batch)));
}
