// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: per function, its self
// time and its total time (self + callees, each sample counted once per function even in recursion),
// as shares of all samples. `node profile-summary.mjs FILE.cpuprofile [TOP]` prints a table.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
  };

  const self = new Map();
  const total = new Map();
  let all = 0;
  let gc = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') return;
    all += dt;
    if (name === '(garbage collector)') {
      gc += dt;
      return;
    }
    const k = keyOf(node);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (IDLE.has(n.callFrame.functionName)) continue;
      const key = keyOf(n);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  });
  const rows = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ fn, selfPct: (100 * us) / all, totalPct: (100 * (total.get(fn) ?? us)) / all, selfMs: us / 1000 }));
  const heavy = [...total.entries()]
    .filter(([fn]) => !fn.startsWith('(anonymous)') && !fn.startsWith('main '))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ fn, totalPct: (100 * us) / all }));
  return { file, busyMs: all / 1000, gcPct: (100 * gc) / all, rows, heavy };
}

export function formatSummary(s) {
  const lines = [`${basename(s.file)}: ${s.busyMs.toFixed(0)} ms busy, garbage collection ${s.gcPct.toFixed(1)} %`, '  self %  total %  function'];
  for (const r of s.rows) lines.push(`  ${r.selfPct.toFixed(1).padStart(6)}  ${r.totalPct.toFixed(1).padStart(7)}  ${r.fn}`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = summarizeProfile(process.argv[2], Number(process.argv[3] ?? 25));
  console.log(formatSummary(s));
  console.log('\n  by total time:');
  for (const r of s.heavy) console.log(`  ${r.totalPct.toFixed(1).padStart(6)}  ${r.fn}`);
}
