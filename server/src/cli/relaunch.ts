// A run that will keep one worker thread busy on every core re-starts the CLI once in a Node given
// V8 flags that suit it. V8 otherwise gives each isolate helper threads: the collector's (parallel
// scavenges, concurrent marking and sweeping) and the optimizing compiler's. When every core already
// runs a worker, a helper only gets a core by taking it from a worker, and an optimized function
// waits in the compiler's queue while the worker runs it unoptimized: done on the worker's own thread,
// the same work finishes sooner. 10,000 reports on 2 cores: ≈ 4 % less wall time for the collector's
// flag, ≈ 6 % more for the compiler's (paired runs; docs/PERFORMANCE.md), at the same peak memory.
// V8 flags cannot be set once Node runs, and worker threads cannot be given their own, hence the
// second process; it costs one Node start-up (≈ 50 ms), paid only when the inputs hold enough files
// for workers.
import { spawn } from 'node:child_process';
import type { CliOptions } from './args';
import { listFiles } from './files';
import { defaultThreads, IN_PROCESS_BELOW, workerScript } from './runner';

export const RELAUNCH_FLAGS = ['--single-threaded-gc', '--no-concurrent-recompilation'];
/** Set in the environment to keep the run in this process (tests, profiling, debugging). */
export const NO_RELAUNCH_ENV = 'NIANBAO_NO_RELAUNCH';

/** A debugger or profiler is attached to this process: the work must stay in it. */
const OBSERVED = /^--(inspect|debug|cpu-prof|heap-prof|prof)/;

/** Whether this run is worth a second process: it will use workers, and this Node lacks the flags. */
export function shouldRelaunch(options: CliOptions, execArgv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (env[NO_RELAUNCH_ENV] || RELAUNCH_FLAGS.every((flag) => execArgv.includes(flag))) return false;
  if (execArgv.some((arg) => OBSERVED.test(arg))) return false;
  if ((options.jobs ?? defaultThreads()) <= 1 || !workerScript()) return false;
  // Enough files for workers (the listing stops as soon as it has found that many).
  return listFiles(options.inputs, options.locale, { follow: options.follow, limit: IN_PROCESS_BELOW }).length >= IN_PROCESS_BELOW;
}

/**
 * Runs the same command line in a child Node with the flags, sharing stdin, stdout and stderr, and
 * resolves to its exit code; null when the child could not be started (then run here as usual).
 * A signal that ends the child ends this process the same way; one sent to this process is passed on.
 */
export function relaunch(argv: readonly string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...RELAUNCH_FLAGS, process.argv[1], ...argv], {
      stdio: 'inherit',
      env: { ...process.env, [NO_RELAUNCH_ENV]: '1' },
    });
    // NIANBAO_TRACE=1 (tests, timing runs) names the child, so that it can be watched.
    if (process.env.NIANBAO_TRACE && child.pid) process.stderr.write(`nianbao: relaunched as process ${child.pid} with ${RELAUNCH_FLAGS.join(' ')}\n`);
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => [signal, forward(signal)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const detach = () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    };
    // Before the child started: run here instead. After it (a signal it could not be sent): its exit decides.
    child.on('error', () => {
      if (child.pid !== undefined) return;
      detach();
      resolve(null);
    });
    child.once('exit', (code, signal) => {
      detach();
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 2);
    });
  });
}
