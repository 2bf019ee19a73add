// Runs the file jobs and hands their outcomes to `emit` strictly in input order, as soon as each
// one's predecessors are done, so output streams and memory stays bounded. Few files (or --jobs 1)
// are checked in this thread; many are sent in batches of paths to worker threads
// (dist/cli-worker.js beside this bundle), which read, check and format them and post back only the
// formatted output. Workers are never given more than a window of files ahead of the oldest file
// still being waited for, so a slow file cannot make the finished ones pile up.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { emptyCounts, processFile, type FileOutcome, type JobSettings } from './check-file';
import { errorChunk } from './format';
import type { FileJob } from './files';
import { IgnoreFiles } from './ignore';
import { t } from './messages';

/** Below this many files, starting workers costs more than it saves. */
export const IN_PROCESS_BELOW = 32;
const MAX_BATCH = 32;
/**
 * Each worker's young generation. V8's default on a large machine (~48 MB per isolate) adds some
 * 60 MB to the run's peak memory for no measurable speed (bench: 10,000 reports, 2 workers).
 */
const WORKER_YOUNG_GENERATION_MB = 16;
/** How many batches each worker may run ahead of the output. */
const WINDOW_BATCHES_PER_WORKER = 4;

export type Emit = (outcome: FileOutcome) => Promise<void>;

export function defaultThreads(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/** The worker bundle sits next to the CLI bundle; under tsx (tests of the sources) there is none. */
export function workerScript(): string | null {
  const script = path.join(path.dirname(__filename), 'cli-worker.js');
  return fs.existsSync(script) ? script : null;
}

export async function runJobs(jobs: FileJob[], settings: JobSettings, requestedThreads: number | undefined, emit: Emit): Promise<void> {
  const threads = Math.min(requestedThreads ?? defaultThreads(), Math.ceil(jobs.length / 8));
  const script = workerScript();
  const inProcess = threads <= 1 || jobs.length < IN_PROCESS_BELOW || !script;
  // NIANBAO_TRACE=1 says how the files are checked (for tests and for timing runs).
  if (process.env.NIANBAO_TRACE) process.stderr.write(`nianbao: ${jobs.length} files, ${inProcess ? 'in-process' : `${threads} worker threads`}\n`);
  if (inProcess) return runInProcess(jobs, settings, emit);
  return new WorkerPool(jobs, settings, threads, script, emit).run();
}

async function runInProcess(jobs: FileJob[], settings: JobSettings, emit: Emit): Promise<void> {
  const ignores = new IgnoreFiles();
  for (const job of jobs) await emit(processFile(job, settings, ignores));
}

interface PoolWorker {
  worker: Worker;
  /** The batch it is running, in order, until its outcomes come back. */
  pending: FileJob[];
  /** The index of the file it is checking (written by the worker before each file). */
  current: Int32Array;
  alive: boolean;
  /** The worker loaded the engine and said so; a crash before that is not any file's fault. */
  ready: boolean;
}

/** What a worker is given: the settings, and the shared slot where it says which file it is on. */
export interface WorkerData {
  settings: JobSettings;
  progress: SharedArrayBuffer;
}

/** What a worker posts: once `ready`, then the outcomes of each batch, in the order of the batch. */
export type WorkerMessage = { ready: true } | { outcomes: FileOutcome[] };

class WorkerPool {
  private readonly done = new Map<number, FileOutcome>();
  private readonly workers: PoolWorker[] = [];
  private nextJob = 0;
  private nextEmit = 0;
  private readonly batchSize: number;
  private readonly window: number;
  private flushing: Promise<void> = Promise.resolve();
  private finished!: () => void;
  private failed!: (error: unknown) => void;
  private readonly ignores = new IgnoreFiles();

  constructor(
    private readonly jobs: FileJob[],
    private readonly settings: JobSettings,
    private readonly threads: number,
    private readonly script: string,
    private readonly emit: Emit,
  ) {
    this.batchSize = Math.max(1, Math.min(MAX_BATCH, Math.ceil(jobs.length / (threads * 8))));
    this.window = this.batchSize * threads * WINDOW_BATCHES_PER_WORKER;
  }

  run(): Promise<void> {
    const result = new Promise<void>((resolve, reject) => {
      this.finished = resolve;
      this.failed = reject;
    });
    for (let i = 0; i < this.threads; i++) this.start();
    this.dispatch();
    return result.finally(() => Promise.all(this.workers.map((w) => w.worker.terminate())));
  }

  private start(): void {
    const progress = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const current = new Int32Array(progress);
    current[0] = -1; // on no file yet
    const workerData: WorkerData = { settings: this.settings, progress };
    const worker = new Worker(this.script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const entry: PoolWorker = { worker, pending: [], current, alive: true, ready: false };
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        entry.ready = true;
        return;
      }
      for (const outcome of message.outcomes) {
        const job = entry.pending.shift();
        if (!job || job.index !== outcome.index) return; // cannot happen: a worker answers in order
        this.accept(outcome);
      }
      if (entry.pending.length === 0) this.dispatch();
    });
    const lost = (reason: string) => {
      if (!entry.alive) return;
      entry.alive = false;
      this.recover(entry, reason);
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`worker exited with code ${code}`));
    this.workers.push(entry);
  }

  /** Gives every idle worker its next batch, within the window. */
  private dispatch(): void {
    for (const w of this.workers) {
      if (!w.alive || w.pending.length > 0) continue;
      if (this.nextJob >= this.jobs.length || this.nextJob >= this.nextEmit + this.window) return;
      const batch = this.jobs.slice(this.nextJob, this.nextJob + this.batchSize);
      this.nextJob += batch.length;
      w.pending = batch;
      w.worker.postMessage(batch);
    }
    // Every worker is gone: finish the rest here.
    if (this.workers.every((w) => !w.alive)) {
      while (this.nextJob < this.jobs.length) this.accept(processFile(this.jobs[this.nextJob++], this.settings, this.ignores));
    }
  }

  /**
   * A worker died (an engine crash it could not contain, or out of memory): the file it was on is
   * reported as failed rather than retried here, where it could take the whole run down; the rest of
   * its batch (the files before it too: their outcomes died with it) is checked in this thread.
   */
  private recover(entry: PoolWorker, reason: string): void {
    const batch = entry.pending;
    entry.pending = [];
    const on = Atomics.load(entry.current, 0);
    const culprit = entry.ready ? batch.find((job) => job.index === on) : undefined;
    if (culprit) {
      const error = t(this.settings.locale, 'checkCrashed', { reason });
      const chunk = errorChunk(this.settings.format, culprit.path, error);
      this.accept({ index: culprit.index, path: culprit.path, chunk, counts: emptyCounts(), error, notices: [], ignoreProblems: [], fixed: false });
    }
    for (const job of batch) if (job !== culprit) this.accept(processFile(job, this.settings, this.ignores));
    this.dispatch();
  }

  private accept(outcome: FileOutcome): void {
    this.done.set(outcome.index, outcome);
    this.flushing = this.flushing.then(() => this.flush()).catch((error) => this.failed(error));
  }

  /** Emits every outcome that is next in order; may await the output stream (back-pressure). */
  private async flush(): Promise<void> {
    let outcome: FileOutcome | undefined;
    while ((outcome = this.done.get(this.nextEmit))) {
      this.done.delete(this.nextEmit);
      this.nextEmit++;
      await this.emit(outcome);
    }
    if (this.nextEmit >= this.jobs.length) this.finished();
    else this.dispatch();
  }
}
