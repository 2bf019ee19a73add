// Worker thread of `nianbao check` (bundled as dist/cli-worker.js): receives batches of file jobs,
// checks and formats each file, and posts one outcome per file, in order (see runner.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, type JobSettings } from './check-file';
import type { FileJob } from './files';
import { IgnoreFiles } from './ignore';
import type { WorkerMessage } from './runner';

const settings = (workerData as { settings: JobSettings }).settings;
const ignores = new IgnoreFiles();
const port = parentPort!;

port.on('message', (batch: FileJob[]) => {
  for (const job of batch) port.postMessage(processFile(job, settings, ignores) satisfies WorkerMessage);
});
port.postMessage({ ready: true } satisfies WorkerMessage);
