// Timing helpers: statistics, and running a command to get its wall time and peak RSS.
// Peak RSS comes from wait4(2)'s ru_maxrss (exact, through a three-line python3 wrapper, since Node
// cannot wait4 a child); without python3 it falls back to sampling /proc/PID/status VmHWM.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile, p in [0, 100]. */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** The machine's load, so a reader can tell a quiet run from a busy one. */
export function machineLoad() {
  const [one] = os.loadavg();
  return { loadavg1: Math.round(one * 100) / 100, cpus: os.availableParallelism?.() ?? os.cpus().length };
}

const WAIT4 = `
import json, os, sys, time
argv = sys.argv[1:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - start
os.write(3, json.dumps({"wall": wall, "maxrssKb": ru.ru_maxrss, "user": ru.ru_utime, "sys": ru.ru_stime,
                        "code": os.waitstatus_to_exitcode(status)}).encode())
`;

let python;
function pythonPath() {
  if (python !== undefined) return python;
  const r = spawnSync('python3', ['-c', 'import os; print(hasattr(os, "wait4") and hasattr(os, "waitstatus_to_exitcode"))'], { encoding: 'utf8' });
  python = r.status === 0 && r.stdout.trim() === 'True' ? 'python3' : null;
  return python;
}

/**
 * Runs `command args` to completion with stdout discarded (a tool's output is part of its work, but
 * not the terminal's speed) and returns { wall (s), maxrssMb, code, stderr (tail) }.
 */
export function runMeasured(command, args, { cwd, env, timeoutMs = 20 * 60 * 1000 } = {}) {
  return new Promise((resolve, reject) => {
    const py = pythonPath();
    const started = performance.now();
    const child = py
      ? spawn(py, ['-c', WAIT4, command, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] })
      : spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    let report = '';
    if (py) child.stdio[3].on('data', (d) => (report += d));
    // Fallback: VmHWM is the process's own high-water mark, so the last sample is the peak so far.
    let hwmKb = 0;
    const sampler = py
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
          } catch {
            // the process is gone
          }
        }, 10);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (sampler) clearInterval(sampler);
      const wallFallback = (performance.now() - started) / 1000;
      if (py) {
        let r;
        try {
          r = JSON.parse(report);
        } catch {
          return reject(new Error(`could not time ${command}: ${stderr || signal || code}`));
        }
        return resolve({ wall: r.wall, maxrssMb: r.maxrssKb / 1024, cpu: r.user + r.sys, code: r.code, stderr, exact: true });
      }
      resolve({ wall: wallFallback, maxrssMb: hwmKb / 1024, cpu: NaN, code: signal ? -1 : code, stderr, exact: false });
    });
  });
}

/**
 * Runs `once` up to `runs` times (at least once, plus `warmup` untimed runs), stopping early when the
 * timed runs have used `budgetS` seconds, and returns every result; the caller takes medians.
 */
export async function repeat(once, { runs, warmup = 0, budgetS = Infinity }) {
  for (let i = 0; i < warmup; i++) await once();
  const results = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    results.push(await once());
    if ((performance.now() - started) / 1000 > budgetS) break;
  }
  return results;
}
