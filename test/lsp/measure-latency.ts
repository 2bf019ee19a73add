// Measurement, not a test: how long from sending textDocument/didChange to receiving the
// publishDiagnostics of that version, on a ~20 KB report (cixi with its 总体情况 narrative repeated),
// with the default debounce (250 ms) and with debounceMs 0 (the server's own cost: settings, engine,
// conversion, JSON-RPC both ways).
//   node --import tsx test/lsp/measure-latency.ts [edits per run, default 30]
import { FIXTURE, Session, ensureServerBuilt, readFixture, uriOf } from './harness';

function report20k(): string {
  const cixi = readFixture(FIXTURE.cixi);
  const start = cixi.indexOf('\n', cixi.indexOf('1、 总体情况')) + 1;
  const end = cixi.indexOf('二、主动公开政府信息情况');
  let text = cixi;
  while (Buffer.byteLength(text) < 20_000) text = text.slice(0, end) + cixi.slice(start, end) + text.slice(end);
  return text;
}

async function run(debounceMs: number | undefined, edits: number): Promise<{ latencies: number[]; engine: number[] }> {
  const session = await Session.start({ locale: 'zh-cn', initializationOptions: debounceMs === undefined ? undefined : { debounceMs } });
  try {
    const uri = uriOf('/measure/report-20k.txt');
    await session.open(uri, 'plaintext', report20k());
    await session.diagnosticsFor(uri, 1);
    const latencies: number[] = [];
    for (let i = 0; i < edits; i++) {
      // Alternate the 一、本年新收 total between 103 and 104: a real change to a sum every time.
      const [from, to] = i % 2 === 0 ? ['\t103\n', '\t104\n'] : ['\t104\n', '\t103\n'];
      const started = performance.now();
      const version = await session.replace(uri, from, to);
      await session.diagnosticsFor(uri, version);
      latencies.push(performance.now() - started);
    }
    const engine = session.didChecks.filter((c) => c.uri === uri && c.version !== 1).map((c) => c.elapsed);
    return { latencies, engine };
  } finally {
    await session.shutdown();
  }
}

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (n=${values.length})`;
}

async function main() {
  await ensureServerBuilt();
  const edits = Number(process.argv[2] ?? 30);
  console.log(`report: ${Buffer.byteLength(report20k())} bytes`);
  for (const [name, debounce] of [['debounce 250 ms (default)', undefined], ['debounce 0 ms', 0]] as const) {
    const { latencies, engine } = await run(debounce, edits);
    console.log(`${name}: didChange→publish ${stats(latencies)}; engine (didCheck.elapsed) ${stats(engine)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
