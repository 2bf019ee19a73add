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
import type { Locale } from '../core';
import { checkerState, failedOutcome, processFile, type CheckerState, type FileOutcome, type JobSettings } from './check-file';
import type { PackedProfile } from './crossyear';
import { listFiles, type FileJob, type ListOptions } from './files';
import { t } from './messages';

/** Below this many files, starting workers costs more than it saves. */
export const IN_PROCESS_BELOW = 32;
/** A worker for every this many files at most. */
const FILES_PER_THREAD = 8;
const MAX_BATCH = 64;
/**
 * Each worker's young generation. V8's default on a large machine (~48 MB per isolate) adds some
 * 60 MB to the run's peak memory for no measurable speed (bench: 10,000 reports, 2 workers).
 */
const WORKER_YOUNG_GENERATION_MB = 16;
/** How many batches each worker may run ahead of the output. */
const WINDOW_BATCHES_PER_WORKER = 4;
/**
 * Batches sent to a worker before it has answered the first: with one, it sat idle while its
 * answer went to the main thread and the next batch came back (≈ 100 ms per worker over the
 * 10,000 reports of the bench, 2 % of the run).
 */
const BATCHES_IN_FLIGHT = 2;

export type Emit = (outcome: FileOutcome) => Promise<void>;
/**
 * Once every file is done: the indices of the files whose year profiles the caller wants (those
 * that pair). The profiles are fetched from the threads that keep them (cli/crossyear.ts).
 */
export type WantedProfiles = () => readonly number[];
/** Packed year profiles by file index. */
export type Profiles = Map<number, PackedProfile>;

export function defaultThreads(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/** The worker bundle sits next to the CLI bundle; under tsx (tests of the sources) there is none. */
export function workerScript(): string | null {
  const script = path.join(path.dirname(__filename), 'cli-worker.js');
  return fs.existsSync(script) ? script : null;
}

/** How many threads check `fileCount` files when `requested` (or every core) may be used; 1 = this thread. */
function threadsFor(fileCount: number, requested: number | undefined): number {
  if (fileCount < IN_PROCESS_BELOW || !workerScript()) return 1;
  return Math.max(1, Math.min(requested ?? defaultThreads(), Math.ceil(fileCount / FILES_PER_THREAD)));
}

/**
 * Starts the workers before the files are listed, when a first look at the inputs (it stops as soon
 * as there are files enough for every thread) shows the run will use them: a worker takes some
 * 40 ms to load the engine, and listing 10,000 files as long again; done side by side. Null when
 * the run stays in this thread.
 */
export function startWorkersEarly(inputs: readonly string[], list: ListOptions, locale: Locale, settings: JobSettings, requested: number | undefined): WorkerPool | null {
  const wanted = requested ?? defaultThreads();
  if (wanted <= 1) return null;
  const glimpse = listFiles(inputs, locale, { ...list, limit: Math.max(IN_PROCESS_BELOW, wanted * FILES_PER_THREAD) }).length;
  const threads = threadsFor(glimpse, wanted);
  return threads > 1 ? new WorkerPool(settings, threads, workerScript()!) : null;
}

/**
 * Checks the jobs, on the workers of `started` when it is given and the run still needs them, and
 * resolves to the year profiles `wanted` names once every file is done (none without it).
 */
export async function runJobs(
  jobs: FileJob[],
  settings: JobSettings,
  requested: number | undefined,
  emit: Emit,
  started: WorkerPool | null = null,
  wanted: WantedProfiles = () => [],
): Promise<Profiles> {
  const threads = threadsFor(jobs.length, requested);
  const pool = threads > 1 ? (started ?? new WorkerPool(settings, threads, workerScript()!)) : null;
  if (started && pool !== started) await started.close(); // the files went away while they were listed
  // NIANBAO_TRACE=1 says how the files are checked (for tests and for timing runs).
  if (process.env.NIANBAO_TRACE) process.stderr.write(`nianbao: ${jobs.length} files, ${pool ? `${pool.threads} worker threads` : 'in-process'}\n`);
  if (!pool) return runInProcess(jobs, settings, emit, wanted);
  return pool.run(jobs, emit, wanted);
}

async function runInProcess(jobs: FileJob[], settings: JobSettings, emit: Emit, wanted: WantedProfiles): Promise<Profiles> {
  const state = checkerState(settings.locale);
  for (const job of jobs) {
    const outcome = processFile(job, settings, state);
    await emit(outcome instanceof Promise ? await outcome : outcome);
  }
  return new Map(state.shelf.take(wanted()));
}

interface PoolWorker {
  worker: Worker;
  /** The files of the batches it was sent, in order, until their outcomes come back. */
  pending: FileJob[];
  /** How many batches those are. */
  batches: number;
  /** The index of the file it is checking (written by the worker before each file). */
  current: Int32Array;
  alive: boolean;
  /** The worker loaded the engine and said so; a crash before that is not any file's fault. */
  ready: boolean;
  /** Waiting for the profiles it was asked for (called with none if it dies first: they are rebuilt here). */
  profilesAnswer: ((profiles: [number, PackedProfile][]) => void) | null;
}

/** What a worker is given: the settings, and the shared slot where it says which file it is on. */
export interface WorkerData {
  settings: JobSettings;
  progress: SharedArrayBuffer;
}

/** What a worker is sent: batches of files, then (once all are done) which year profiles to send back. */
export type ToWorker = FileJob[] | { profiles: readonly number[] };

/**
 * What a worker posts: once `ready`; then the outcomes of each batch in the order of the batch, in
 * one message or, when their output is large, in several (`batchDone` on the last); the profiles
 * asked for.
 */
export type WorkerMessage = { ready: true } | { outcomes: FileOutcome[]; batchDone: boolean } | { profiles: [number, PackedProfile][] };

export class WorkerPool {
  private readonly done = new Map<number, FileOutcome>();
  private readonly workers: PoolWorker[] = [];
  private jobs: FileJob[] = [];
  private nextJob = 0;
  private nextEmit = 0;
  private batchSize = 1;
  private window = 0;
  private emit: Emit = async () => {};
  private flushing: Promise<void> = Promise.resolve();
  private wanted: WantedProfiles = () => [];
  private collecting = false;
  private finished!: (profiles: Profiles) => void;
  private failed!: (error: unknown) => void;
  /** For the files checked in this thread: those of a worker that died. */
  private readonly state: CheckerState;

  /** Starts the workers; they load the engine and wait for `run`. */
  constructor(
    private readonly settings: JobSettings,
    readonly threads: number,
    private readonly script: string,
  ) {
    this.state = checkerState(settings.locale);
    for (let i = 0; i < threads; i++) this.start();
  }

  run(jobs: FileJob[], emit: Emit, wanted: WantedProfiles): Promise<Profiles> {
    this.jobs = jobs;
    this.emit = emit;
    this.wanted = wanted;
    this.batchSize = Math.max(1, Math.min(MAX_BATCH, Math.ceil(jobs.length / (this.threads * 8))));
    this.window = this.batchSize * this.threads * WINDOW_BATCHES_PER_WORKER;
    const result = new Promise<Profiles>((resolve, reject) => {
      this.finished = resolve;
      this.failed = reject;
    });
    this.dispatch();
    return result.finally(() => this.close());
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private start(): void {
    const progress = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const current = new Int32Array(progress);
    current[0] = -1; // on no file yet
    const workerData: WorkerData = { settings: this.settings, progress };
    const worker = new Worker(this.script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const entry: PoolWorker = { worker, pending: [], batches: 0, current, alive: true, ready: false, profilesAnswer: null };
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        entry.ready = true;
        return;
      }
      if ('profiles' in message) {
        entry.profilesAnswer?.(message.profiles);
        entry.profilesAnswer = null;
        return;
      }
      if (entry.batches === 0) return; // a late answer from a batch already recovered
      if (message.batchDone) entry.batches--;
      for (const outcome of message.outcomes) {
        const job = entry.pending.shift();
        if (!job || job.index !== outcome.index) return; // cannot happen: a worker answers in order
        this.accept(outcome);
      }
      this.dispatch();
    });
    const lost = (reason: string) => {
      if (!entry.alive) return;
      entry.alive = false;
      entry.profilesAnswer?.([]); // the profiles it kept died with it (collectProfiles rebuilds them)
      entry.profilesAnswer = null;
      this.recover(entry, reason);
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`worker exited with code ${code}`));
    this.workers.push(entry);
  }

  /** Tops every worker up to its batches in flight (one round at a time, so they share the first files), within the window. */
  private dispatch(): void {
    for (let round = 1; round <= BATCHES_IN_FLIGHT; round++) {
      for (const w of this.workers) {
        if (!w.alive || w.batches >= round) continue;
        if (this.nextJob >= this.jobs.length || this.nextJob >= this.nextEmit + this.window) break;
        const batch = this.jobs.slice(this.nextJob, this.nextJob + this.batchSize);
        this.nextJob += batch.length;
        w.pending.push(...batch);
        w.batches++;
        w.worker.postMessage(batch satisfies ToWorker);
      }
    }
    // Every worker is gone: finish the rest here.
    if (this.workers.every((w) => !w.alive)) {
      while (this.nextJob < this.jobs.length) this.acceptWhenDone(processFile(this.jobs[this.nextJob++], this.settings, this.state));
    }
  }

  /**
   * A worker died (an engine crash it could not contain, or out of memory): the file it was on is
   * reported as failed rather than retried here, where it could take the whole run down; the rest of
   * its batches (the files before it too: their outcomes died with it) is checked in this thread.
   */
  private recover(entry: PoolWorker, reason: string): void {
    const batch = entry.pending;
    entry.pending = [];
    entry.batches = 0;
    const on = Atomics.load(entry.current, 0);
    const culprit = entry.ready ? batch.find((job) => job.index === on) : undefined;
    if (culprit) this.accept(failedOutcome(culprit, this.settings.format, t(this.settings.locale, 'checkCrashed', { reason })));
    for (const job of batch) if (job !== culprit) this.acceptWhenDone(processFile(job, this.settings, this.state));
    this.dispatch();
  }

  /** Word and PDF files are read asynchronously; the outcomes are ordered by index whenever they come. */
  private acceptWhenDone(outcome: FileOutcome | Promise<FileOutcome>): void {
    if (outcome instanceof Promise) outcome.then((done) => this.accept(done), (error: unknown) => this.failed(error));
    else this.accept(outcome);
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
    if (this.nextEmit < this.jobs.length) this.dispatch();
    else if (!this.collecting) {
      // Every outcome is out (the flushes queued behind this one find nothing left): once only.
      this.collecting = true;
      this.finished(await this.collectProfiles());
    }
  }

  /** The wanted year profiles, from this thread's shelf and every live worker's. */
  private async collectProfiles(): Promise<Profiles> {
    const wanted = this.wanted();
    const found: Profiles = new Map(this.state.shelf.take(wanted));
    if (!wanted.length) return found;
    const asked = this.workers
      .filter((w) => w.alive)
      .map(
        (w) =>
          new Promise<[number, PackedProfile][]>((resolve) => {
            w.profilesAnswer = resolve;
            w.worker.postMessage({ profiles: wanted } satisfies ToWorker);
          }),
      );
    for (const answer of await Promise.all(asked)) for (const [index, packed] of answer) found.set(index, packed);
    // A worker that died took the profiles of the files it had finished: those are checked again here.
    const lost = wanted.filter((index) => !found.has(index));
    for (const index of lost) {
      const outcome = processFile(this.jobs[index], this.settings, this.state);
      if (outcome instanceof Promise) await outcome;
    }
    for (const [index, packed] of this.state.shelf.take(lost)) found.set(index, packed);
    return found;
  }
}
