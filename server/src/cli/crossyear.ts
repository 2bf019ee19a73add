// Year over year in `nianbao check`: when a run has two inputs or more, each file's outcome carries
// its year identity (body and year); its profile (core/crossyear/profile.ts) is built where the file
// was checked, in a worker or here, and stays there (ProfileShelf). The output streams in input
// order, so last year's report may come after this year's: the pairs are made once every file is
// done, only the profiles of the reports that pair are fetched, and their findings (carry-over,
// stock-continuity, copied-report) computed from the two profiles alone and written after the files.
//   text  → the same `path:line:col severity rule message` lines, after the files;
//   json  → a top-level "crossYear": [{ path, diagnostics: [...] }] after "files";
//   sarif → more results, before the footer.
//   html  → a section of their own after the reports, counted in the table of reports (main.ts);
//   csv   → counted in each report's error and warning columns: the rows of such a run wait until
//           the pairs are known (main.ts).
import type { Locale, RuleSetting, Severity, YearProfile } from '../core';
import type { CarryRow, Place, StockRow, YearIdentity } from '../core/crossyear/profile';
import { CROSS_YEAR_RULES, crossYearDiagnostics, type CrossYearDiagnostic } from '../core/crossyear/diagnostics';
import { suppress } from '../core/suppress';
import type { LineIndex } from '../core/text/lines';
import type { Diagnostic, Span } from '../core/types';
import type { IgnoreEntry } from './ignore';
import { pairProfiles, type YearPair } from '../core/crossyear/pair';
import type { OutputFormat } from './args';
import { emptyCounts, type Counts } from './check-file';
import { findingLine, shownPath, type Range1 } from './format-common';
import { artifactLocation, RULE_INDEX, SARIF_LEVEL } from './format-sarif';

/**
 * Year profiles kept by the thread that built them (a worker, or the main thread for the files it
 * checks itself) until every report is read and the main thread knows which of them pair: only
 * those are sent over. A report's outcome carries its identity alone. Posting every profile cost
 * more than building it (≈ 0.5 s of 7 on the benchmark's 10,000 reports, which pair with none): the
 * copy between threads, and the main thread's collector tracing ten thousand kept buffers while the
 * workers needed the cores. Kept as JSON in UTF-8 bytes, outside the JavaScript heap: as strings in
 * it, a worker's heap grew with them and V8 let garbage grow in proportion (peak memory +145 MB on
 * the benchmark's broken corpus, +60 MB over profiles kept by the main thread).
 */
export class ProfileShelf {
  private readonly packed = new Map<number, PackedProfile>();

  /**
   * Keeps the profile of the file at `index`, with the places where the report dismisses a
   * cross-year finding (mutedPlaces); returns what pairing needs.
   */
  put(index: number, profile: YearProfile, muted: readonly string[]): YearIdentity {
    this.packed.set(index, packProfile(profile, muted));
    return { bodyKey: profile.bodyKey, year: profile.year };
  }

  /** The kept profiles among `indices`, as [index, packed]; they leave the shelf. */
  take(indices: readonly number[]): [number, PackedProfile][] {
    const out: [number, PackedProfile][] = [];
    for (const index of indices) {
      const packed = this.packed.get(index);
      if (packed === undefined) continue;
      this.packed.delete(index);
      out.push([index, packed]);
    }
    return out;
  }
}

/** A cross-year rule's finding at a place: `rule@offset`. */
function mutedKey(rule: string, start: number): string {
  return `${rule}@${start}`;
}

/**
 * Where this report dismisses a cross-year finding: each place a cross-year rule may put one (the
 * 上年结转 cells, the stock cells, the title) under each of those rules, that `.nianbao-ignore.json`
 * or a Markdown disable comment removes, as the engine removes its own findings. Decided where the
 * report's text is (the findings are made later, from the profiles alone).
 */
export function mutedPlaces(profile: YearProfile, text: string, lines: LineIndex, ignore: readonly IgnoreEntry[]): string[] {
  if (!ignore.length && !text.includes('nianbao-disable')) return [];
  const places: Span[] = [profile.anchor, ...(profile.carryIn?.cells.map((c) => c.at) ?? []), ...profile.stock.map((s) => s.stock.at)];
  const probes: Diagnostic[] = CROSS_YEAR_RULES.flatMap(({ rule }) =>
    places.map((at) => ({ rule: rule.id, severity: rule.defaultSeverity, start: at.start, end: at.end, message: '', fix: null, related: [] })),
  );
  const kept = new Set(suppress(probes, text, lines, ignore));
  return probes.filter((p) => !kept.has(p)).map((p) => mutedKey(p.rule, p.start));
}

interface Shelved {
  profile: YearProfile;
  muted: ReadonlySet<string>;
}

/**
 * A profile packed for the shelf and the trip between threads: a 4-byte length, the profile as a
 * JSON array with its fields in a fixed order (places as arrays of their six numbers), then the
 * sketch's hashes as raw bytes. Half the bytes of the profile as a JSON object with its hashes in
 * base64, and twice as fast to make (JSON.stringify is several times faster than v8.serialize here).
 */
export type PackedProfile = Uint8Array;

type PackedPlace = [number, number, number, number, number, number];
type PackedCell = [number | null, ...PackedPlace];
type PackedStock = [StockRow['key'], string, StockRow['edition'], number | null, number | null, number | null, ...PackedPlace];

const placeFields = (p: Place): PackedPlace => [p.start, p.end, p.line, p.column, p.endLine, p.endColumn];
const placeOfFields = (f: readonly number[], at: number): Place => ({ start: f[at], end: f[at + 1], line: f[at + 2], column: f[at + 3], endLine: f[at + 4], endColumn: f[at + 5] });
const rowFields = (r: CarryRow | null) => r && ([r.label, r.cells.map((c): PackedCell => [c.value, ...placeFields(c.at)])] as const);
const rowOfFields = (f: readonly [string, PackedCell[]] | null): CarryRow | null =>
  f && { label: f[0], cells: f[1].map((c) => ({ value: c[0], at: placeOfFields(c as number[], 1) })) };

export function packProfile(profile: YearProfile, muted: readonly string[]): PackedProfile {
  const fields = [
    profile.version,
    profile.bodyText,
    profile.bodyKey,
    profile.year,
    profile.edition,
    placeFields(profile.anchor),
    rowFields(profile.carryIn),
    rowFields(profile.carryOut),
    profile.stock.map((s): PackedStock => [s.key, s.label, s.edition, s.added, s.removed, s.stock.value, ...placeFields(s.stock.at)]),
    profile.narrative.shingles,
    muted,
  ];
  const json = JSON.stringify(fields);
  const { hashes } = profile.narrative;
  const out = Buffer.allocUnsafe(4 + Buffer.byteLength(json) + hashes.byteLength);
  const length = out.write(json, 4);
  out.writeUInt32LE(length, 0);
  out.set(new Uint8Array(hashes.buffer, hashes.byteOffset, hashes.byteLength), 4 + length);
  return out;
}

export function unpackProfile(packed: PackedProfile): Shelved {
  const bytes = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  const length = bytes.readUInt32LE(0);
  const [version, bodyText, bodyKey, year, edition, anchor, carryIn, carryOut, stock, shingles, muted] = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as [
    YearProfile['version'],
    string | null,
    string | null,
    number | null,
    YearProfile['edition'],
    PackedPlace,
    [string, PackedCell[]] | null,
    [string, PackedCell[]] | null,
    PackedStock[],
    number,
    string[],
  ];
  // A copy of the hashes' bytes: a Uint32Array must start on a multiple of 4.
  const hashes = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + 4 + length, bytes.byteOffset + bytes.byteLength));
  const profile: YearProfile = {
    version,
    bodyText,
    bodyKey,
    year,
    edition,
    anchor: placeOfFields(anchor, 0),
    carryIn: rowOfFields(carryIn),
    carryOut: rowOfFields(carryOut),
    stock: stock.map((f) => ({ key: f[0], label: f[1], edition: f[2], added: f[3], removed: f[4], stock: { value: f[5], at: placeOfFields(f as unknown as number[], 6) } })),
    narrative: { hashes, shingles },
  };
  return { profile, muted: new Set(muted) };
}

/** Which reports are last year's of which, in the order of the current ones. */
export function yearPairs(identities: readonly (YearIdentity | undefined)[]): YearPair[] {
  return pairProfiles(identities).sort((a, b) => a.current - b.current);
}

/** The reports the pairs name: those whose profiles are fetched. */
export function pairedIndices(pairs: readonly YearPair[]): number[] {
  return [...new Set(pairs.flatMap((p) => [p.previous, p.current]))];
}

export interface CrossYearFile {
  path: string;
  diagnostics: CrossYearDiagnostic[];
}

/** Each current report's cross-year findings, in input order. */
export function crossYearFindings(
  paths: readonly string[],
  pairs: readonly YearPair[],
  profiles: ReadonlyMap<number, PackedProfile>,
  options: { locale: Locale; rules: Partial<Record<string, RuleSetting>>; quiet: boolean },
): CrossYearFile[] {
  const out: CrossYearFile[] = [];
  for (const { previous, current } of pairs) {
    const before = profiles.get(previous);
    const now = profiles.get(current);
    if (before === undefined || now === undefined) continue; // its thread died with it
    const shelved = unpackProfile(now);
    let diagnostics = crossYearDiagnostics(unpackProfile(before).profile, shelved.profile, options);
    diagnostics = diagnostics.filter((d) => !shelved.muted.has(mutedKey(d.rule, d.start)));
    if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
    if (diagnostics.length) out.push({ path: paths[current], diagnostics });
  }
  return out;
}

export function countCrossYear(files: readonly CrossYearFile[]): Counts {
  const counts = emptyCounts();
  for (const f of files) for (const d of f.diagnostics) counts[d.severity as Severity]++;
  return counts;
}

function rangeOf(d: CrossYearDiagnostic): Range1 {
  const { line, column, endLine, endColumn } = d.place;
  return { line, column, endLine, endColumn };
}

/** The text lines: as the files' own findings are printed. */
export function crossYearText(files: readonly CrossYearFile[]): string {
  let out = '';
  for (const f of files) {
    for (const d of f.diagnostics) out += findingLine(shownPath(f.path), d.place.line, d.place.column, d.severity, d.rule, d.message);
  }
  return out;
}

/** The value of the json document's "crossYear" member. */
export function crossYearJson(files: readonly CrossYearFile[]): string {
  return JSON.stringify(
    files.map((f) => ({
      path: f.path,
      diagnostics: f.diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, ...rangeOf(d), message: d.message, fix: null })),
    })),
  );
}

/** SARIF results, comma-separated, to go on the run's results list. */
export function crossYearSarif(files: readonly CrossYearFile[]): string {
  return files
    .flatMap((f) => {
      const artifact = artifactLocation(f.path);
      return f.diagnostics.map((d) => {
        const r = rangeOf(d);
        return JSON.stringify({
          ruleId: d.rule,
          ruleIndex: RULE_INDEX.get(d.rule),
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: artifact, region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn } } }],
        });
      });
    })
    .join(',');
}

/** What goes on stdout after the files: text lines, or SARIF results (json puts its part in the footer). */
export function crossYearChunk(format: OutputFormat, files: readonly CrossYearFile[]): string {
  if (format === 'text') return crossYearText(files);
  if (format === 'sarif') return crossYearSarif(files);
  return '';
}
