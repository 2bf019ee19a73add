// Worker thread of `nianbao check` (bundled as dist/cli-worker.js): receives batches of file jobs,
// checks and formats each file, and posts the batch's outcomes, in order, in one message (a message
// per file cost as much as reading the file), or in a few when their output is large
// (HELD_OUTPUT_CHARS). It keeps the year profiles of its files until the main thread, once every
// file is done, asks for those that pair. Before each file it writes the file's index into the
// shared progress slot, so that if the thread dies the main thread knows which file killed it.
import { parentPort, workerData } from 'node:worker_threads';
import { checkerState, processFile, type FileOutcome } from './check-file';
import type { FileJob } from './files';
import type { ToWorker, WorkerData, WorkerMessage } from './runner';

const { settings, progress } = workerData as WorkerData;
const current = new Int32Array(progress);
const state = checkerState(settings.locale);
const port = parentPort!;
// Tests only: a worker that dies on one file, as an engine crash it could not contain would.
const dieOn = process.env.NIANBAO_TEST_WORKER_DIES_ON;

// Batches are checked one after another, in order. A text file is checked synchronously; a Word or
// PDF file is read asynchronously, and while it is, later batches wait in `queue`.
const queue: FileJob[][] = [];
let busy = false;
/**
 * Outcomes whose output adds up to more characters than this are posted before the batch is done.
 * Every young-generation collection copies the output still held (a report with 40 findings has
 * ~10,000 characters of it, 64 reports a batch): on the benchmark's corpus where every table is
 * broken, posting at this size cut the collections' time from ~0.6 s to ~0.5 s of CPU, and the
 * run's peak memory from ~260 MB to ~220 MB.
 */
const HELD_OUTPUT_CHARS = 50_000;
/** Characters of output in the outcomes not yet posted. */
let held = 0;

function post(outcomes: FileOutcome[], batchDone: boolean): void {
  held = 0;
  port.postMessage({ outcomes, batchDone } satisfies WorkerMessage);
}

function runBatches(): void {
  busy = true;
  while (queue.length) {
    const batch = queue[0];
    const outcomes: FileOutcome[] = [];
    if (!runFrom(batch, 0, outcomes)) return; // resumed when the pending file is done
    queue.shift();
    post(outcomes, true);
  }
  busy = false;
}

/** Checks the batch from `from` on; false when it had to wait for a file (it resumes itself). */
function runFrom(batch: FileJob[], from: number, outcomes: FileOutcome[]): boolean {
  for (let i = from; i < batch.length; i++) {
    const job = batch[i];
    Atomics.store(current, 0, job.index);
    if (dieOn && job.path.endsWith(dieOn)) process.exit(70);
    const outcome = processFile(job, settings, state);
    if (outcome instanceof Promise) {
      outcome.then((done) => {
        outcomes.push(done);
        if (runFrom(batch, i + 1, outcomes)) {
          queue.shift();
          post(outcomes, true);
          runBatches();
        }
      });
      return false;
    }
    outcomes.push(outcome);
    held += outcome.chunk.length;
    if (held > HELD_OUTPUT_CHARS && i < batch.length - 1) post(outcomes.splice(0), false);
  }
  return true;
}

port.on('message', (message: ToWorker) => {
  if (!Array.isArray(message)) {
    // Asked only once every outcome is in: no batch is left to wait for.
    port.postMessage({ profiles: state.shelf.take(message.profiles) } satisfies WorkerMessage);
    return;
  }
  queue.push(message);
  if (!busy) runBatches();
});
port.postMessage({ ready: true } satisfies WorkerMessage);
