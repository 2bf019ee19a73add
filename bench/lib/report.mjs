// Turns the measurements into rows (figure, target, met?, peers and ratios), prints them as a table
// and writes docs/PERFORMANCE.md. Nothing here measures; a figure that could not be measured is
// shown as such, with the reason, never as a number.

const num = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
export const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms` : 'n/a');
export const sec = (x) => (Number.isFinite(x) ? `${x.toFixed(2)} s` : 'n/a');
export const mb = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} MB` : 'n/a');
/** "×0.42": ours divided by theirs (below 1: ours is faster or smaller). */
export const ratio = (ours, theirs) => (Number.isFinite(ours) && Number.isFinite(theirs) && theirs > 0 ? `×${num(ours / theirs, 2)}` : 'n/a');

/**
 * @typedef {{ group: string, measure: string, value: string, target?: string, ok?: boolean | null, compare?: string }} Row
 */

function within(value, limit) {
  return Number.isFinite(value) ? value <= limit : null;
}

function peerCell(peer, pick, format, oursValue) {
  if (!peer) return null;
  if (peer.error) return `not measured: ${peer.error}`;
  const v = pick(peer);
  return `${format(v)} (ours ${ratio(oursValue, v)})`;
}

/** Builds every row from the results object of run.mjs. */
export function buildRows(r) {
  /** @type {Row[]} */
  const rows = [];
  // A figure that could not be had says so in its value cell; the reason goes to the notes.
  const add = (row) => {
    const m = /^(failed|not measured): ([\s\S]*)$/.exec(row.value);
    rows.push(m ? { ...row, value: m[1], compare: [m[2], row.compare].filter(Boolean).join('; ') } : row);
  };

  if (r.engine?.error) add({ group: 'Engine', measure: 'engine benchmark', value: `failed: ${r.engine.error}`, ok: false });
  else if (r.engine) {
    const e = r.engine;
    for (const t of e.typical) {
      add({ group: 'Engine', measure: `typical report: ${t.name} (${(t.bytes / 1024).toFixed(1)} KB)`, value: ms(t.median), target: '≤ 2 ms', ok: within(t.median, 2), compare: `min ${ms(t.min)}, ${t.runs} runs` });
    }
    add({ group: 'Engine', measure: 'first check in a fresh process (cold)', value: ms(e.typical[0].first), compare: 'no target: JIT warm-up and one-time tables' });
    add({ group: 'Engine', measure: `large report (${(e.large.bytes / 1024).toFixed(0)} KB)`, value: ms(e.large.median), target: '≤ 30 ms', ok: within(e.large.median, 30), compare: `min ${ms(e.large.min)}` });
    add({ group: 'Engine', measure: `pathological document (${(e.huge.bytes / 1048576).toFixed(1)} MB)`, value: ms(e.huge.median), target: '≤ 300 ms', ok: within(e.huge.median, 300), compare: `min ${ms(e.huge.min)}` });
    const lin = (a, b) => b.median / a.median;
    const narrative = lin(e.narrative30k, e.large);
    const structure = lin(e.block, e.huge);
    add({ group: 'Engine', measure: `linearity, narrative: time(${(e.large.bytes / 1024).toFixed(0)} KB) / time(${(e.narrative30k.bytes / 1024).toFixed(0)} KB)`, value: `×${num(narrative, 1)}`, target: '≤ 11', ok: within(narrative, 11), compare: `size ×${num(e.large.bytes / e.narrative30k.bytes, 1)}` });
    add({ group: 'Engine', measure: `linearity, sections and tables: time(${(e.huge.bytes / 1048576).toFixed(1)} MB) / time(${(e.block.bytes / 1024).toFixed(0)} KB)`, value: `×${num(structure, 1)}`, target: '≤ 11', ok: within(structure, 11), compare: `size ×${num(e.huge.bytes / e.block.bytes, 1)}` });
  }

  if (r.cli?.error) add({ group: 'Command line', measure: 'command-line benchmark', value: `failed: ${r.cli.error}`, ok: false });
  else if (r.cli) {
    const c = r.cli;
    const corpus = r.corpus;
    const n = corpus.files;
    const label = `${n.toLocaleString('en')} reports / ${(corpus.bytes / 1e6).toFixed(0)} MB`;
    const ours = c['nianbao-2'];
    const complete = ours.files === n;
    const peer = (id) => c[id] ?? { error: r.peers?.[id]?.error ?? 'not installed' };
    if (ours.error) add({ group: 'Command line', measure: `nianbao check --jobs 2 on ${label}`, value: `failed: ${ours.error}`, ok: false });
    else {
      add({ group: 'Command line', measure: `nianbao check --jobs 2 on ${label}: wall`, value: sec(ours.wall), target: '≤ 5 s', ok: complete ? within(ours.wall, 5) : false, compare: `${ours.runs} runs${complete ? '' : `; checked ${ours.files} of ${n} files!`}` });
      add({ group: 'Command line', measure: '… peak RSS', value: mb(ours.maxrssMb), target: '≤ 300 MB', ok: within(ours.maxrssMb, 300), compare: ours.exactRss ? 'wait4 ru_maxrss' : 'sampled VmHWM' });
      add({ group: 'Command line', measure: '… throughput', value: `${num(n / ours.wall, 0)} reports/s, ${num(corpus.bytes / 1e6 / ours.wall, 1)} MB/s` });
      const f2 = peer('floor-2');
      const f1 = peer('floor-1');
      add({ group: 'Command line', measure: '… vs the floor (raw read + decode), 2 workers / 1 thread', value: `${ratio(ours.wall, f2.wall)} / ${ratio(ours.wall, f1.wall)}`, compare: `floor ${sec(f2.wall)} / ${sec(f1.wall)}` });
      add({ group: 'Command line', measure: '… vs textlint 15.8 (one trivial local rule)', value: peer('textlint').error ? 'n/a' : ratio(ours.wall, peer('textlint').wall), compare: peerCell(peer('textlint'), (p) => p.wall, sec, ours.wall) + (peer('textlint').error ? '' : `, ${mb(peer('textlint').maxrssMb)}`) });
      add({ group: 'Command line', measure: '… vs AutoCorrect 2.14 (2 threads)', value: peer('autocorrect').error ? 'n/a' : ratio(ours.wall, peer('autocorrect').wall), compare: peerCell(peer('autocorrect'), (p) => p.wall, sec, ours.wall) + (peer('autocorrect').error ? '' : `, ${mb(peer('autocorrect').maxrssMb)}`) });
    }
    const one = c['nianbao-1'];
    if (one && !one.error) add({ group: 'Command line', measure: 'nianbao check --jobs 1: wall, peak RSS', value: `${sec(one.wall)}, ${mb(one.maxrssMb)}`, compare: `${one.runs} runs; --jobs 2 speed-up ×${num(one.wall / ours.wall, 2)}` });
  }

  if (r.cliBroken && r.brokenCorpus) {
    const ours = r.cliBroken['nianbao-2'];
    const n = r.brokenCorpus.files;
    const label = `the same ${n.toLocaleString('en')} reports with every table number broken`;
    if (!ours || ours.error) add({ group: 'Command line', measure: `nianbao check --jobs 2 on ${label}`, value: `failed: ${ours?.error ?? 'not run'}`, ok: false });
    else {
      const complete = ours.files === n;
      const floor = r.cliBroken['floor-2'];
      add({
        group: 'Command line',
        measure: `nianbao check --jobs 2 on ${label}: wall`,
        value: sec(ours.wall),
        target: '≤ 5 s',
        ok: complete ? within(ours.wall, 5) : false,
        compare: `${ours.runs} runs; peak RSS ${mb(ours.maxrssMb)}${floor && !floor.error ? `; floor ${sec(floor.wall)}` : ''}${complete ? '' : `; checked ${ours.files} of ${n} files!`}`,
      });
    }
  }

  if (r.oneDocument && !r.oneDocument.error) {
    const d = r.oneDocument;
    const ours = d['nianbao-1'];
    const peer = (id) => d[id] ?? { error: r.peers?.[id]?.error ?? 'not installed' };
    add({
      group: 'Command line',
      measure: `one ${(r.sizes['engine/huge-5m.txt'] / 1048576).toFixed(1)} MB document, whole process`,
      value: ours.error ? `failed: ${ours.error}` : sec(ours.wall),
      compare: [`floor ${sec(peer('floor-1').wall)}`, `textlint ${peer('textlint').error ? 'n/a' : sec(peer('textlint').wall)}`, `AutoCorrect ${peer('autocorrect').error ? 'n/a' : sec(peer('autocorrect').wall)}`].join(', '),
    });
  }

  if (r.engineShapes) {
    const x = r.engineShapes;
    if (x.error) add({ group: 'Engine', measure: 'one hidden class per kind of model object and parser list', value: `not measured: ${x.error}`, ok: null });
    else
      add({
        group: 'Engine',
        measure: 'one hidden class per kind of model object and parser list',
        value: x.mixed.length ? `no: ${x.mixed.join(', ')}` : 'yes',
        target: 'yes',
        ok: x.mixed.length === 0,
        compare: `${x.kinds} kinds (bench/lib/hidden-classes.ts)${x.helpersNeeded ? '' : '; V8 now gives [] the class of a list of objects: parse/lists.ts is no longer needed'}`,
      });
  }

  if (r.formats) {
    for (const [format, x] of Object.entries(r.formats)) {
      add({
        group: 'Command line',
        measure: `one report as ${format === 'txt' ? 'text' : format}: read, extract and check, beyond start-up (--jobs 1)`,
        value: x.error ? `failed: ${x.error}` : ms(x.perReportMs),
        compare: x.error ? '' : `${x.count} copies in ${sec(x.manyS)}, one in ${sec(x.oneS)}; peak RSS ${mb(x.maxrssMb)}`,
      });
    }
  }

  if (r.lsp) {
    const ours = r.lsp.nianbao;
    const md = r.lsp.markdown;
    const ac = r.lsp.autocorrect;
    const push = r.lsp['nianbao-push'];
    const peerText = (p, name, pick, fmt) => (!p ? null : p.error ? `${name}: not measured (${p.error})` : `${name} ${fmt(pick(p))} (ours ${ratio(pick(ours), pick(p))})`);
    const compare = (pick, fmt) => [peerText(md, 'Markdown LS', pick, fmt), peerText(ac, 'AutoCorrect LS', pick, fmt)].filter(Boolean).join('; ');
    const fastest = (pick) => {
      const mine = pick(ours);
      const others = [md, ac].filter((p) => p && !p.error).map(pick);
      return Number.isFinite(mine) && others.length ? others.every((o) => mine < o) : null;
    };
    if (ours?.error) add({ group: 'Language server', measure: 'nianbao language server', value: `failed: ${ours.error}`, ok: false });
    else if (ours) {
      const k20 = (p) => p.k20.p50;
      const k20p95 = (p) => p.k20.p95;
      const k300 = (p) => p.k300.p50;
      const rss = (p) => p.open50.rssMb;
      const engineShare = (k) => (Number.isFinite(k.engineP50) ? `; of which the engine ${ms(k.engineP50)} (didCheck)` : '');
      add({ group: 'Language server', measure: `keystroke → diagnostics, ${(ours.k20.bytes / 1024).toFixed(0)} KB report, p50`, value: ms(k20(ours)), target: '≤ 4 ms', ok: within(k20(ours), 4), compare: compare(k20, ms) + engineShare(ours.k20) });
      add({ group: 'Language server', measure: '… p95', value: ms(k20p95(ours)), target: '≤ 8 ms', ok: within(k20p95(ours), 8), compare: compare(k20p95, ms) });
      if (Number.isFinite(ours.k20.freshP50)) {
        const fresh = (p) => (Number.isFinite(p?.k20?.freshP50) ? `${ms(p.k20.freshP50)} / ${ms(p.k20.freshP95)}` : null);
        const peers = [['Markdown LS', md], ['AutoCorrect LS', ac]].filter(([, p]) => p && !p.error && fresh(p)).map(([n, p]) => `${n} ${fresh(p)}`);
        add({ group: 'Language server', measure: `… the first ${ours.k20.freshCount ?? 100} keystrokes of a fresh server (untimed above), p50 / p95`, value: fresh(ours), compare: [...peers, 'JIT warm-up'].join('; ') });
      }
      add({ group: 'Language server', measure: '… fastest of the three (p50 and p95)?', value: fastest(k20) && fastest(k20p95) ? 'yes' : fastest(k20) === null ? 'n/a' : 'no', target: 'fastest', ok: fastest(k20) === null ? null : fastest(k20) && fastest(k20p95) });
      add({ group: 'Language server', measure: `keystroke → diagnostics, ${(ours.k300.bytes / 1024).toFixed(0)} KB report, p50`, value: ms(k300(ours)), target: '≤ 30 ms', ok: within(k300(ours), 30), compare: compare(k300, ms) + engineShare(ours.k300) });
      add({ group: 'Language server', measure: `server RSS with ${ours.open50.documents} reports open (${(ours.open50.bytes / 1e6).toFixed(1)} MB of text)`, value: mb(rss(ours)), target: '≤ 80 MB', ok: within(rss(ours), 80), compare: compare(rss, mb) });
      if (push && !push.error) {
        add({ group: 'Language server', measure: 'the same in push mode (publishDiagnostics), 20 KB p50 / p95, 300 KB p50', value: `${ms(push.k20.p50)} / ${ms(push.k20.p95)}, ${ms(push.k300.p50)}`, compare: 'other clients than VS Code' });
      }
    }
  }

  if (r.extension) {
    const x = r.extension;
    if (x.activation?.error) add({ group: 'Extension', measure: 'activation', value: `failed: ${x.activation.error}`, ok: false });
    else if (x.activation) {
      add({ group: 'Extension', measure: 'activation: load dist/client.js + activate() — STUB vscode module, not VS Code', value: ms(x.activation.totalMs), target: '≤ 50 ms', ok: within(x.activation.totalMs, 50), compare: `load ${ms(x.activation.loadMs)} + activate ${ms(x.activation.activateMs)}; ${x.activation.runs} fresh processes` });
    }
    if (x.vsix?.error) add({ group: 'Extension', measure: '.vsix size', value: `not measured: ${x.vsix.error}`, ok: null });
    else if (x.vsix) add({ group: 'Extension', measure: '.vsix size (npm run package)', value: `${(x.vsix.bytes / 1024).toFixed(0)} KB`, target: '≤ 3 MB', ok: x.vsix.bytes <= 3 * 1024 * 1024, compare: x.vsix.note ?? '' });
  }
  return rows;
}

const mark = (ok) => (ok === true ? 'yes' : ok === false ? 'NO' : '');

export function formatConsole(rows) {
  const widths = [0, 0, 0, 0];
  const cells = rows.map((r) => [r.measure, r.value, r.target ?? '', mark(r.ok)]);
  // East Asian wide characters take two columns.
  const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) && !/[…×≤→—]/.test(ch) ? 2 : 1), 0);
  for (const c of cells) c.forEach((s, i) => (widths[i] = Math.max(widths[i], width(s))));
  const pad = (s, w) => s + ' '.repeat(Math.max(0, w - width(s)));
  const out = [];
  let group = '';
  out.push(`${pad('measure', widths[0])}  ${pad('nianbao', widths[1])}  ${pad('target', widths[2])}  ${pad('met', 3)}  peers / notes`);
  rows.forEach((r, i) => {
    if (r.group !== group) {
      group = r.group;
      out.push(`\n${group}`);
    }
    const c = cells[i];
    out.push(`${pad(c[0], widths[0])}  ${pad(c[1], widths[1])}  ${pad(c[2], widths[2])}  ${pad(c[3], 3)}  ${r.compare ?? ''}`);
  });
  return out.join('\n');
}

const esc = (s) => String(s ?? '').replace(/\|/g, '\\|');

export function formatMarkdownTable(rows) {
  const out = [];
  let group = '';
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      out.push('', `### ${group}`, '', '| measure | nianbao | target | met | peers, ratios (ours ÷ theirs), notes |', '|---|---|---|---|---|');
    }
    out.push(`| ${esc(r.measure)} | ${esc(r.value)} | ${esc(r.target ?? '')} | ${mark(r.ok)} | ${esc(r.compare ?? '')} |`);
  }
  return out.join('\n');
}

/** The engine's time by component (ms, fastest runs): the parse, then each rule alone on top of it. */
export function breakdownLines(b) {
  if (b.error) return [`time by rule: failed: ${b.error}`];
  const workloads = Object.keys(b);
  const components = Object.keys(b[workloads[0]]);
  const head = ['component', ...workloads.map((w) => `${w} ms`)];
  const body = components.map((c) => [c, ...workloads.map((w) => (Number.isFinite(b[w][c]) ? b[w][c].toFixed(2) : 'n/a'))]);
  return [head, ...body];
}

export function formatBreakdown(b) {
  const rows = breakdownLines(b);
  if (typeof rows[0] === 'string') return rows[0];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return ['Engine time by component (a rule\'s figure = its own cost on top of the parse; noise is ± a few %):', ...rows.map(line)].join('\n');
}
