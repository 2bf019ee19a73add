// Worker thread of `nianbao check` (bundled as dist/cli-worker.js): receives batches of file jobs,
// checks and formats each file, and posts the batch's outcomes, in order, in one message (a message
// per file cost as much as reading the file). Before each file it writes the file's index into the
// shared progress slot, so that if the thread dies the main thread knows which file killed it.
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, type FileOutcome } from './check-file';
import type { FileJob } from './files';
import { IgnoreFiles } from './ignore';
import type { WorkerData, WorkerMessage } from './runner';

const { settings, progress } = workerData as WorkerData;
const current = new Int32Array(progress);
const ignores = new IgnoreFiles(settings.locale);
const port = parentPort!;
// Tests only: a worker that dies on one file, as an engine crash it could not contain would.
const dieOn = process.env.NIANBAO_TEST_WORKER_DIES_ON;

port.on('message', (batch: FileJob[]) => {
  const outcomes: FileOutcome[] = [];
  for (const job of batch) {
    Atomics.store(current, 0, job.index);
    if (dieOn && job.path.endsWith(dieOn)) process.exit(70);
    outcomes.push(processFile(job, settings, ignores));
  }
  port.postMessage({ outcomes } satisfies WorkerMessage);
});
port.postMessage({ ready: true } satisfies WorkerMessage);
