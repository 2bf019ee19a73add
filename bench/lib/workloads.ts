// Writes every workload of the benchmark into one folder, reproducibly: the same seed and the same
// generator give byte-identical files. Reports come from test/support/reports.ts (complete,
// consistent reports in every table shape), grown with narrative paragraphs taken from the real
// fixtures and given seeded defects; the three real fixtures are mixed in unchanged.
// Run as a bundle (bench/run.mjs builds it with esbuild): `node workloads.js OUT_DIR [--quick]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SHAPES, generateReport, rng, type Shape } from '../../test/support/reports';
import { FIXTURE_NAMES } from './fixtures';

// opencc-js ships its converter as CommonJS beside the ES module its types describe.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenCC = require('opencc-js') as { Converter(o: { from: string; to: string }): (s: string) => string };
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });


/** What the corpus holds; written to manifest.json so the table can say what was measured. */
export interface CorpusStats {
  files: number;
  bytes: number;
  minBytes: number;
  maxBytes: number;
  shapes: Record<string, number>;
  traditional: number;
  withDefect: number;
  fixtures: number;
  years: Record<string, number>;
}


const PLACES = ['青山', '白水', '临江', '东湖', '石桥', '南岭', '柳河', '金沙', '云台', '凤鸣', '龙泉', '桃源', '长乐', '平安', '新华', '永宁'];
const KINDS = ['镇人民政府', '街道办事处', '县人民政府办公室', '区市场监督管理局', '市审计局', '县自然资源局', '区人民政府', '乡人民政府'];

function bodyName(random: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  return `${pick(PLACES)}县${pick(PLACES)}${pick(KINDS)}`;
}

/**
 * The `i`-th report's own body (32,768 of them: city, county, place, kind), so that the corpus is
 * 10,000 bodies' reports. Drawn at random from 2,048 names, a body had five reports of random years
 * and random tables, and with the year-over-year rules (issue 16) every pair of consecutive years
 * disagreed: 14,399 carry-over errors on a corpus meant to be mostly clean.
 */
function uniqueBodyName(i: number): string {
  const n = PLACES.length;
  const k = KINDS.length;
  const place = (level: number) => PLACES[Math.floor(i / (k * n ** level)) % n];
  return `${place(2)}市${place(1)}县${place(0)}${KINDS[i % k]}`;
}

/**
 * Narrative paragraphs of the real fixtures that carry no figure (their figures belong to their own
 * tables), plus sentences with figures that hold: the narrative grows without inventing defects.
 */
function narrativePool(fixtures: string[]): string[] {
  const pool = new Set<string>();
  for (const text of fixtures) {
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line.length < 30 || /[0-9０-９]/.test(line) || line.includes('\t') || line.includes('|')) continue;
      if (/^[一二三四五六七八九十]+、/.test(line) || /^[（(][一二三四五六七八九十]+[）)]/.test(line)) continue;
      pool.add(line.replace(/\*\*/g, ''));
    }
  }
  return [...pool];
}

/**
 * One of three sentences with figures that hold, or null when `used` has all three: a report that
 * gave the same figure twice with two values would carry a real defect (text-vs-table says so).
 */
function figureSentence(random: () => number, used: Set<number>): string | null {
  const int = (max: number) => Math.floor(random() * (max + 1));
  const a = 50 + int(900);
  const b = int(300);
  const c = int(80);
  const kind = int(2);
  if (used.has(kind)) return null;
  used.add(kind);
  switch (kind) {
    case 0:
      return `全年通过政府门户网站共发布信息${a + b + c}条，其中工作动态${a}条、通知公告${b}条、政策解读${c}条。`;
    case 1:
      return `组织开展政务公开业务培训${1 + int(9)}次，参训人员${20 + int(300)}人次，编印工作手册${int(500)}册。`;
    default:
      return `通过政务新媒体发布信息${a}条，通过公开栏发布信息${b}条，回应公众关切${c}次。`;
  }
}

/** Inserts paragraphs into 一、总体情况 until the UTF-8 size reaches `targetBytes`. */
function grow(text: string, targetBytes: number, pool: string[], random: () => number): string {
  const at = text.indexOf('\n二、主动公开');
  if (at < 0) return text;
  let bytes = Buffer.byteLength(text);
  const added: string[] = [];
  const usedFigures = new Set<number>();
  while (bytes < targetBytes) {
    const paragraph = (random() < 0.25 && figureSentence(random, usedFigures)) || pool[Math.floor(random() * pool.length)];
    added.push(paragraph);
    bytes += Buffer.byteLength(paragraph) + 2;
  }
  return added.length ? `${text.slice(0, at)}\n${added.join('\n\n')}\n${text.slice(at)}` : text;
}

/** The defects real reports have (FORMAT.md §7), applied to the simplified text. */
const DEFECTS: { name: string; apply(text: string, year: number): string }[] = [
  { name: 'arabic-heading', apply: (t) => t.replace('\n四、政府信息公开行政复议', '\n4、政府信息公开行政复议') },
  { name: 'narrative-figure', apply: (t) => t.replace(/共收到政府信息公开申请(\d+)件/, (_, n: string) => `共收到政府信息公开申请${Number(n) + 3}件`) },
  { name: 'year-in-period', apply: (t, y) => t.replace(`（二）依申请公开。${y}年`, `（二）依申请公开。${y + 1}年`) },
  { name: 'plan-year', apply: (t, y) => t.replace(`${y + 1}年，将进一步`, `${y}年，将进一步`) },
  {
    name: 'missing-section',
    apply: (t) => {
      const from = t.indexOf('\n四、政府信息公开行政复议');
      const to = t.indexOf('\n五、', from);
      return from >= 0 && to > from ? t.slice(0, from) + t.slice(to) : t;
    },
  },
  { name: 'breakdown-sum', apply: (t) => t.replace(/共发布信息(\d+)条/, (_, n: string) => `共发布信息${Number(n) + 1}条`) },
];

export interface ReportOptions {
  seed: number;
  shape: Shape;
  year: number;
  traditional: boolean;
  targetBytes: number;
  defect: number | null;
  webDebris: boolean;
  body: string;
}

export function makeReport(o: ReportOptions, pool: string[]): string {
  const random = rng(o.seed * 7919 + 17);
  let text = generateReport({ year: o.year, body: o.body, shape: o.shape, webDebris: o.webDebris, seed: o.seed }).text;
  text = grow(text, o.targetBytes, pool, random);
  if (o.defect !== null) text = DEFECTS[o.defect].apply(text, o.year);
  return o.traditional ? toTraditional(text) : text;
}

/**
 * The reviewers' bad day: every number of every table replaced by a random number with as many
 * digits, so nearly every sum fails (about 40 findings a report). A table number is a run of digits
 * that stands alone between cell separators (tab, pipe, spaces) or line ends; numbers inside prose
 * ("发布信息123条", "2023年"), row labels ("1.属于国家秘密") and dates are left as they are.
 */
export function breakTables(text: string, random: () => number): string {
  return text.replace(/(^|[\t| ]+)(\d+)(?=[\t| ]+|$)/gm, (_, before: string, digits: string) => {
    const low = digits.length === 1 ? 0 : 10 ** (digits.length - 1);
    const high = 10 ** digits.length;
    return before + String(low + Math.floor(random() * (high - low)));
  });
}

/** 5–60 KB, most of them 5–10 KB: about 10.3 KB on average, as a province's reports are. */
function corpusSize(random: () => number): number {
  const r = random();
  if (r < 0.86) return 5_000 + Math.floor(random() * 5_000);
  if (r < 0.97) return 10_000 + Math.floor(random() * 20_000);
  return 30_000 + Math.floor(random() * 30_000);
}

/**
 * `count` reports into `dir` (100 to a folder). With `broken`, the same reports with every table
 * number replaced (breakTables), in the same order and under the same names.
 */
export function writeCorpus(dir: string, count: number, fixtures: Map<string, string>, pool: string[], broken = false): CorpusStats {
  const random = rng(20_240_101);
  const breaking = rng(31_337);
  const stats: CorpusStats = { files: 0, bytes: 0, minBytes: Infinity, maxBytes: 0, shapes: {}, traditional: 0, withDefect: 0, fixtures: 0, years: {} };
  const names = [...fixtures.keys()];
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `d${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) fs.mkdirSync(folder, { recursive: true });
    let text: string;
    let file: string;
    if (i % 50 === 25) {
      // A real report, unchanged.
      text = fixtures.get(names[Math.floor(i / 50) % names.length])!;
      file = `r${String(i).padStart(5, '0')}-fixture.txt`;
      stats.fixtures++;
      stats.shapes.fixture = (stats.shapes.fixture ?? 0) + 1;
      stats.years['2023'] = (stats.years['2023'] ?? 0) + 1;
    } else {
      const shape = SHAPES[Math.floor(random() * SHAPES.length)];
      const year = 2019 + Math.floor(random() * 6);
      const traditional = random() < 0.15;
      const defect = random() < 0.25 ? Math.floor(random() * DEFECTS.length) : null;
      const webDebris = random() < 0.2;
      const options: ReportOptions = { seed: i + 1, shape, year, traditional, targetBytes: corpusSize(random), defect, webDebris, body: uniqueBodyName(i) };
      text = makeReport(options, pool);
      file = `r${String(i).padStart(5, '0')}-${shape}${traditional ? '-tw' : ''}${defect !== null ? `-${DEFECTS[defect].name}` : ''}.${shape === 'markdown' ? 'md' : 'txt'}`;
      stats.shapes[shape] = (stats.shapes[shape] ?? 0) + 1;
      stats.years[year] = (stats.years[year] ?? 0) + 1;
      if (traditional) stats.traditional++;
      if (defect !== null) stats.withDefect++;
    }
    if (broken) text = breakTables(text, breaking);
    const bytes = Buffer.from(text, 'utf8');
    fs.writeFileSync(path.join(folder, file), bytes);
    stats.files++;
    stats.bytes += bytes.length;
    stats.minBytes = Math.min(stats.minBytes, bytes.length);
    stats.maxBytes = Math.max(stats.maxBytes, bytes.length);
  }
  return stats;
}

/** Whole reports of every shape one after another, to `targetBytes`: sections and tables repeated. */
export function pathological(targetBytes: number, pool: string[]): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const part = makeReport(
      { seed: 900 + i, shape: SHAPES[i % SHAPES.length], year: 2023, traditional: i % 7 === 3, targetBytes: 12_000, defect: i % 3 === 0 ? i % DEFECTS.length : null, webDebris: false, body: '青山县青山镇人民政府' },
      pool,
    );
    parts.push(part);
    bytes += Buffer.byteLength(part) + 2;
  }
  return parts.join('\n\n');
}

function main(): void {
  const [out, fixturesDir, countArg] = process.argv.slice(2);
  if (!out || !fixturesDir) throw new Error('usage: workloads OUT_DIR FIXTURES_DIR [COUNT]');
  const count = Number(countArg ?? 10_000);
  const fixtures = new Map(FIXTURE_NAMES.map((n) => [n, fs.readFileSync(path.join(fixturesDir, n), 'utf8')]));
  const pool = narrativePool([...fixtures.values()]);
  fs.rmSync(out, { recursive: true, force: true });
  const engineDir = path.join(out, 'engine');
  const lspDir = path.join(out, 'lsp');
  fs.mkdirSync(engineDir, { recursive: true });
  fs.mkdirSync(lspDir, { recursive: true });

  const write = (file: string, text: string) => {
    fs.writeFileSync(file, text);
    return Buffer.byteLength(text);
  };
  const sizes: Record<string, number> = {};
  for (const [name, text] of fixtures) sizes[`engine/${name}`] = write(path.join(engineDir, name), text);

  // Narrative growth: the same report with ~30 KB and ~300 KB of narrative (linearity, 1× and 10×).
  const base = { seed: 4242, shape: 'tabs' as Shape, year: 2023, traditional: false, defect: null, webDebris: true, body: '青山县青山镇人民政府' };
  const large = makeReport({ ...base, targetBytes: 300_000 }, pool);
  sizes['engine/large-300k.txt'] = write(path.join(engineDir, 'large-300k.txt'), large);
  sizes['engine/narrative-30k.txt'] = write(path.join(engineDir, 'narrative-30k.txt'), makeReport({ ...base, targetBytes: 30_000 }, pool));

  // Structure growth: one ~512 KB block of whole reports, and exactly ten of it (5 MB).
  const block = pathological(512 * 1024, pool);
  const huge = Array(10).fill(block).join('\n\n');
  sizes['engine/block-512k.txt'] = write(path.join(engineDir, 'block-512k.txt'), block);
  sizes['engine/huge-5m.txt'] = write(path.join(engineDir, 'huge-5m.txt'), huge);

  // The language server's documents: a 20 KB and a 300 KB Markdown report, and 50 to keep open.
  const md = { ...base, shape: 'markdown' as Shape, webDebris: false };
  sizes['lsp/report-20k.md'] = write(path.join(lspDir, 'report-20k.md'), makeReport({ ...md, targetBytes: 20_000 }, pool));
  sizes['lsp/report-300k.md'] = write(path.join(lspDir, 'report-300k.md'), makeReport({ ...md, targetBytes: 300_000 }, pool));
  const openRandom = rng(77);
  for (let i = 0; i < 50; i++) {
    const text = makeReport(
      { ...md, seed: 5000 + i, year: 2019 + (i % 6), body: bodyName(openRandom), targetBytes: 10_000 + Math.floor(openRandom() * 20_000), defect: i % 4 === 0 ? i % DEFECTS.length : null },
      pool,
    );
    write(path.join(lspDir, `open-${String(i).padStart(2, '0')}.md`), text);
  }

  const corpus = writeCorpus(path.join(out, 'reports'), count, fixtures, pool);
  const brokenCorpus = writeCorpus(path.join(out, 'reports-broken'), count, fixtures, pool, true);
  fs.writeFileSync(path.join(out, 'stats.json'), JSON.stringify({ sizes, corpus, brokenCorpus }, null, 2));
}

main();
