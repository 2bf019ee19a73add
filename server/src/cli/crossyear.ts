// Year over year in `nianbao check`: when a run has two inputs or more, each file's outcome carries
// its year profile (core/crossyear/profile.ts; built where the file was checked, in a worker or
// here). The output streams in input order, so last year's report may come after this year's: the
// pairs are made once every file is done, and their findings (carry-over, stock-continuity,
// copied-report) computed from the two profiles alone and written after the files' output.
//   text  → the same `path:line:col severity rule message` lines, after the files;
//   json  → a top-level "crossYear": [{ path, diagnostics: [...] }] after "files";
//   sarif → more results, before the footer.
//   html  → a section of their own after the reports, counted in the table of reports (main.ts);
//   csv   → not in the rows, which are written before the pairs are known (the summary line counts them).
import type { Locale, RuleSetting, Severity, YearProfile } from '../core';
import type { YearIdentity } from '../core/crossyear/profile';
import { crossYearDiagnostics, type CrossYearDiagnostic } from '../core/crossyear/diagnostics';
import { pairProfiles } from '../core/crossyear/pair';
import type { OutputFormat } from './args';
import { emptyCounts, type Counts } from './check-file';
import { findingLine, shownPath, type Range1 } from './format-common';
import { artifactLocation, RULE_INDEX, SARIF_LEVEL } from './format-sarif';

/**
 * A year profile as the main thread keeps it until every report is read: the body and year pairing
 * needs, and the rest as one serialized buffer. Ten thousand profiles as objects were some 100 MB of
 * small objects the collector traced over and over while the run went on (the command line's peak
 * memory 160 → 290 MB on the benchmark's corpus); as one JSON string each (~3 KB) they are leaves the
 * collector does not walk, and only the reports that pair are parsed back.
 */
export interface PackedProfile {
  identity: YearIdentity;
  /** The profile as JSON, its sketch's hashes as base64 (JSON.stringify is several times faster than v8.serialize here). */
  json: string;
}

export function packProfile(profile: YearProfile): PackedProfile {
  const { hashes } = profile.narrative;
  const narrative = { ...profile.narrative, hashes: Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength).toString('base64') };
  return { identity: { bodyKey: profile.bodyKey, year: profile.year }, json: JSON.stringify({ ...profile, narrative }) };
}

function unpackProfile(packed: PackedProfile): YearProfile {
  const profile = JSON.parse(packed.json) as Omit<YearProfile, 'narrative'> & { narrative: { hashes: string; shingles: number } };
  const bytes = Buffer.from(profile.narrative.hashes, 'base64');
  const hashes = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { ...profile, narrative: { ...profile.narrative, hashes } };
}

export interface CrossYearFile {
  path: string;
  diagnostics: CrossYearDiagnostic[];
}

/** Which file paths' profiles pair, and each current report's cross-year findings, in input order. */
export function crossYearFindings(
  paths: readonly string[],
  profiles: readonly (PackedProfile | undefined)[],
  options: { locale: Locale; rules: Partial<Record<string, RuleSetting>>; quiet: boolean },
): CrossYearFile[] {
  const out: CrossYearFile[] = [];
  const pairs = pairProfiles(profiles.map((p) => p?.identity)).sort((a, b) => a.current - b.current);
  for (const { previous, current } of pairs) {
    let diagnostics = crossYearDiagnostics(unpackProfile(profiles[previous]!), unpackProfile(profiles[current]!), options);
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
