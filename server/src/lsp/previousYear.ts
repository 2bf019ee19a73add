// Last year's report of the same body, looked for in the folder of the open report, for the
// cross-year rules (carry-over, stock-continuity, copied-report). Never in the way of a check:
// `lookup` answers at once with what is known, and looks again in the background (at most one scan
// of a folder at a time, at most MAX_FILES files, each at most MAX_BYTES, a profile cached per path
// by mtime and size, so a re-scan reads only what changed); when the answer for a document changes,
// `onChange(uri)` asks for that document to be checked again.
//
// The files are read through the input layer (server/src/sources/), as the CLI reads them; only text
// reports (.txt, .md) are looked at, so that a background scan never loads the Word or PDF readers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProfile, LineIndex, looksLikeReport, type CheckOptions, type CheckResult, type YearProfile } from '../core/index';
import { pairProfiles } from '../core/crossyear/pair';
import { profileOf, type YearIdentity } from '../core/crossyear/profile';
import { crossYearDiagnostics } from '../core/crossyear/diagnostics';
import { parseReport } from '../core/parse/report';
import { suppress } from '../core/suppress';
import { readSourceFile } from '../sources';

/** At most this many files of a folder are looked at. */
export const MAX_FILES = 200;
/** Larger files are not read (a report is well under this). */
export const MAX_BYTES = 4 * 1024 * 1024;
/** A folder is scanned again at most this often. */
const RESCAN_MS = 2000;

/** The files of a folder that are looked at: text reports. */
const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

interface Cached {
  mtimeMs: number;
  size: number;
  profile: YearProfile | null;
}

interface Folder {
  /** Profiles of the folder's reports, by path, from the last scan. */
  profiles: Map<string, YearProfile>;
  scanning: boolean;
  scannedAt: number;
}

export class PreviousYearFinder {
  private readonly files = new Map<string, Cached>();
  private readonly folders = new Map<string, Folder>();
  /** What each document was last answered (the previous report's path), to tell when it changes. */
  private readonly answered = new Map<string, string | null>();
  /** The documents waiting for a folder's scan, with their own profiles. */
  private readonly waiting = new Map<string, Map<string, YearIdentity>>();

  constructor(
    private readonly onChange: (uri: string) => void,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Last year's profile for the document (whose own body and year are `current`), as far as known now. */
  lookup(uri: string, current: YearIdentity): YearProfile | undefined {
    if (current.year === null || current.bodyKey === null || !uri.startsWith('file:')) return undefined;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const dir = path.dirname(file);
    let folder = this.folders.get(dir);
    if (!folder) this.folders.set(dir, (folder = { profiles: new Map(), scanning: false, scannedAt: 0 }));
    const found = this.choose(folder, file, current);
    this.answered.set(uri, found?.path ?? null);
    let waiting = this.waiting.get(dir);
    if (!waiting) this.waiting.set(dir, (waiting = new Map()));
    waiting.set(uri, current);
    if (!folder.scanning && Date.now() - folder.scannedAt >= RESCAN_MS) void this.scan(dir, folder);
    return found?.profile;
  }

  forget(uri: string): void {
    this.answered.delete(uri);
    for (const waiting of this.waiting.values()) waiting.delete(uri);
  }

  /** The scan of a folder is over (for tests). */
  async settled(): Promise<void> {
    while ([...this.folders.values()].some((f) => f.scanning)) await new Promise((r) => setTimeout(r, 5));
  }

  private choose(folder: Folder, self: string, current: YearIdentity): { path: string; profile: YearProfile } | undefined {
    const others = [...folder.profiles].filter(([p]) => p !== self);
    const pair = pairProfiles([current, ...others.map(([, profile]) => profile)]).find((p) => p.current === 0);
    if (!pair) return undefined;
    const [p, profile] = others[pair.previous - 1];
    return { path: p, profile };
  }

  private async scan(dir: string, folder: Folder): Promise<void> {
    folder.scanning = true;
    try {
      const names = (await fs.promises.readdir(dir)).filter((n) => TEXT_EXTENSIONS.has(path.extname(n).toLowerCase())).sort().slice(0, MAX_FILES);
      const profiles = new Map<string, YearProfile>();
      for (const name of names) {
        const profile = await this.profileOf(path.join(dir, name));
        if (profile) profiles.set(path.join(dir, name), profile);
      }
      folder.profiles = profiles;
    } catch (error) {
      this.onError(error);
    } finally {
      folder.scanning = false;
      folder.scannedAt = Date.now();
    }
    // Documents whose answer changed are checked again.
    for (const [uri, current] of this.waiting.get(dir) ?? []) {
      const found = this.choose(folder, fileURLToPath(uri), current);
      if ((found?.path ?? null) !== (this.answered.get(uri) ?? null)) this.onChange(uri);
    }
    this.waiting.delete(dir);
  }

  /** The profile of one file, from the cache when its mtime and size are unchanged. */
  private async profileOf(file: string): Promise<YearProfile | null> {
    try {
      const stat = await fs.promises.stat(file);
      if (!stat.isFile() || stat.size > MAX_BYTES) return null;
      const cached = this.files.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.profile;
      const read = await readSourceFile(file, { maxSize: MAX_BYTES });
      const text = read.ok ? read.text : null;
      let profile: YearProfile | null = null;
      if (text !== null && looksLikeReport(text)) {
        // Only the model is needed, not the rules' findings.
        const lines = new LineIndex(text);
        const report = parseReport(text, {}, lines);
        profile = report.notAReport ? null : buildProfile(report, lines);
      }
      this.files.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, profile });
      return profile;
    } catch {
      return null;
    }
  }
}

/**
 * The check's result with the cross-year findings against `previous` added (computed from the two
 * profiles, as the CLI does, so the report is not checked twice), dismissed like any other finding.
 */
export function withPreviousYear(result: CheckResult, previous: YearProfile, options: CheckOptions): CheckResult {
  const current = profileOf(result.report, result.lines);
  const cross = crossYearDiagnostics(previous, current, { locale: options.locale, rules: options.rules });
  if (!cross.length) return result;
  const kept = suppress(cross.map(({ place: _place, ...d }) => ({ ...d, alternatives: [] })), result.report.text, result.lines, options.ignore);
  const diagnostics = [...result.diagnostics, ...kept].sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { ...result, diagnostics };
}
