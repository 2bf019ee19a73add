// One file, start to finish: read (bounded), turn into text (sources/: decoding, or the Word, web
// page or PDF reader), check with the engine, optionally fix and rewrite, format. Runs in a worker
// or in the main thread alike, and never throws: whatever goes wrong becomes the file's `error`
// (unreadable, exit 2) or a notice on stderr. Text files and web pages are handled synchronously;
// only Word and PDF files make the outcome a promise.
import { applyFixes, buildProfile, check, looksLikeReport, summarize, type CheckOptions, type Diagnostic, type Locale, type RuleSetting } from '../core';
import { mutedPlaces, ProfileShelf } from './crossyear';
import type { YearIdentity } from '../core/crossyear/profile';
import type { CheckResult } from '../core';
import { readBounded, type FileStamp } from '../sources/read';
import type { OutputFormat } from './args';
import { changesOf, type FixChange } from './changes';
import { ENCODING_DISPLAY, encodeText, type DecodedText, type EncodingName } from '../sources/decode';
import { FORMAT_DISPLAY, bilingual, readSource, scannedFinding, sourceMessage, type SourceResult, type SourceText } from '../sources';
import { describeFsError, type FileJob } from './files';
import { errorChunk, fileChunk, needsSummary } from './format';
import type { ReportIdentity } from './format-common';
import { reportIdentity } from './format-html';
import { csvFields, type CsvFields } from './format-csv';
import { IgnoreFiles } from './ignore';
import { t } from './messages';
import { writeIfUnchanged } from './write';

/** What every file's check needs to know; plain data, sent once to each worker. */
export interface JobSettings {
  format: OutputFormat;
  locale: Locale;
  quiet: boolean;
  /** `write`: --fix; `dry-run`: --fix-dry-run (the changes are listed, nothing is written). */
  fix: 'no' | 'write' | 'dry-run';
  maxSize: number;
  encoding?: EncodingName;
  reportYear?: number;
  edition?: '2019' | '2021';
  rules: Partial<Record<string, RuleSetting>>;
  /** The run has two inputs or more: each outcome carries its year identity (cli/crossyear.ts). */
  crossYear?: boolean;
}

export interface Counts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export interface FileOutcome {
  index: number;
  path: string;
  /** This file's part of the output (see format.ts); '' when it has none. */
  chunk: string;
  /**
   * With --format csv in a run that compares years: the report's row as values instead of `chunk`,
   * written once its year-over-year findings are known (main.ts).
   */
  csvFields?: CsvFields;
  /** Findings shown, by severity. */
  counts: Counts;
  /** Why the file could not be read or checked; makes the exit status 2. */
  error?: string;
  /** Lines for stderr that do not change the exit status (notes, rules that failed). */
  notices: string[];
  /** Why the fixes were not written (the file is left as it was); makes the exit status 2. */
  unwritten?: string;
  /** Ignore files that could not be used (reported once each by the main thread; exit 2). */
  ignoreProblems: { file: string; reason: string }[];
  /** The fixes were written. */
  fixed: boolean;
  /** What --fix changed, or --fix-dry-run would change. */
  changes: FixChange[];
  /**
   * Which body and year the report is, when the run compares years (JobSettings.crossYear): what
   * pairing needs. Its whole profile stays on the shelf of the thread that checked it.
   */
  identity?: YearIdentity;
  /** With --format html: who wrote the report and when, for the page's table of reports. */
  report?: ReportIdentity | null;
  /** A web page met while walking a directory that is not a report: not checked, not counted. */
  skipped?: boolean;
}

/** What a thread that checks files keeps from one file to the next. */
export interface CheckerState {
  ignores: IgnoreFiles;
  /** The year profiles of the files it checked, until the main thread asks for those that pair. */
  shelf: ProfileShelf;
}

export function checkerState(locale: Locale): CheckerState {
  return { ignores: new IgnoreFiles(locale), shelf: new ProfileShelf() };
}

export function emptyCounts(): Counts {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}

/** The outcome of a file that was not checked. */
export function failedOutcome(job: FileJob, format: OutputFormat, error: string): FileOutcome {
  return { index: job.index, path: job.path, chunk: errorChunk(format, job.path, error), counts: emptyCounts(), error, notices: [], ignoreProblems: [], fixed: false, changes: [] };
}

type ReadResult = { ok: true; bytes: Uint8Array; stamp: FileStamp | null } | { ok: false; error: string };

/** Reads at most `maxSize` bytes of a regular file (never blocks on pipes or devices); words what went wrong. */
export function readReport(file: string, maxSize: number, locale: Locale): ReadResult {
  const read = readBounded(file, maxSize);
  if (read.ok) return read;
  switch (read.problem) {
    case 'not-regular':
      return { ok: false, error: t(locale, 'notRegular') };
    case 'too-large':
      return { ok: false, error: t(locale, 'tooLarge', { size: read.growing ? `≥ ${read.size}` : read.size, max: maxSize }) };
    case 'fs':
      return { ok: false, error: describeFsError(read.error, locale) };
  }
}

/** The line break the file mostly uses, so that a fix inserting a line break matches it. */
function dominantEol(text: string): string {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  const cr = text.split('\r').length - 1 - crlf;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  return cr > lf ? '\r' : '\n';
}

function withEol(diagnostics: Diagnostic[], eol: string): Diagnostic[] {
  if (eol === '\n') return diagnostics;
  return diagnostics.map((d) =>
    d.fix ? { ...d, fix: { ...d.fix, edits: d.fix.edits.map((e) => ({ ...e, newText: e.newText.replace(/\r\n|\r|\n/g, eol) })) } } : d,
  );
}

const MAX_FIX_PASSES = 10;

/**
 * Applies fixes until none is left (a fix can make another one possible), as ESLint does, and says
 * what each pass changed (lines as they were in that pass's text).
 */
function fixText(text: string, first: CheckResult, options: CheckOptions): { text: string; result: CheckResult; changes: FixChange[] } {
  const eol = dominantEol(text);
  let current = text;
  let result = first;
  const changes: FixChange[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES && result.diagnostics.some((d) => d.fix); pass++) {
    const diagnostics = withEol(result.diagnostics, eol);
    const next = applyFixes(current, diagnostics);
    if (next === current) break;
    changes.push(...changesOf(current, next, diagnostics, result.lines));
    current = next;
    result = check(current, options);
  }
  return { text: current, result, changes };
}

/** Rewrites the file with the fixed text if it is still what was read; says why not otherwise. */
function writeFixed(file: string, text: string, decoded: DecodedText, read: { bytes: Uint8Array; stamp: FileStamp }, locale: Locale): string | null {
  if (decoded.lossy) return t(locale, 'fixLossy', { encoding: ENCODING_DISPLAY[decoded.encoding] });
  const bytes = encodeText(text, decoded);
  if (!bytes) return t(locale, 'fixUnencodable', { encoding: ENCODING_DISPLAY[decoded.encoding] });
  const written = writeIfUnchanged(file, read.bytes, read.stamp, bytes);
  if (written.ok) return null;
  switch (written.problem) {
    case 'changed':
      return t(locale, 'fixChanged');
    case 'no-permission':
      return t(locale, 'fixNoWritePermission');
    case 'read-only-fs':
      return t(locale, 'fixReadOnlyFs');
    case 'fs':
      return t(locale, 'fixWriteFailed', { reason: written.code });
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function processFile(job: FileJob, settings: JobSettings, state: CheckerState): FileOutcome | Promise<FileOutcome> {
  const { locale, format } = settings;
  const fail = (error: string): FileOutcome => failedOutcome(job, format, error);

  if (job.note) return { ...blankOutcome(job), notices: [job.note] };
  if (job.error) return fail(job.error);

  const read: ReadResult = job.stdin ? { ok: true, bytes: job.input ?? new Uint8Array(0), stamp: null } : readReport(job.path, settings.maxSize, locale);
  if (!read.ok) return fail(read.error);
  let source: SourceResult | Promise<SourceResult>;
  try {
    source = readSource(read.bytes, job.path, { encoding: settings.encoding });
  } catch (error) {
    return fail(t(locale, 'checkCrashed', { reason: describeError(error) }));
  }
  if (source instanceof Promise) {
    return source.then(
      (s) => checkSource(job, settings, state, read, s),
      (error: unknown) => fail(t(locale, 'checkCrashed', { reason: describeError(error) })),
    );
  }
  return checkSource(job, settings, state, read, source);
}

function blankOutcome(job: FileJob): FileOutcome {
  return { index: job.index, path: job.path, chunk: '', counts: emptyCounts(), notices: [], ignoreProblems: [], fixed: false, changes: [] };
}

/** Why a file could not be turned into text, in the user's language. */
export function sourceError(source: Exclude<SourceResult, SourceText>, locale: Locale): string {
  switch (source.problem) {
    case 'undecodable':
      return t(locale, 'undecodable');
    case 'nul-bytes':
    case 'control-chars':
      return t(locale, 'notText', { why: t(locale, source.problem === 'nul-bytes' ? 'nulBytes' : 'controlChars') });
    case 'unreadable':
      return source.message ? sourceMessage(locale, source.message) : t(locale, 'undecodable');
  }
}

function checkSource(job: FileJob, settings: JobSettings, state: CheckerState, read: ReadResult & { ok: true }, source: SourceResult): FileOutcome {
  const { locale, format } = settings;
  const outcome = blankOutcome(job);
  const fail = (error: string): FileOutcome => failedOutcome(job, format, error);
  if (!source.ok) return fail(sourceError(source, locale));
  // A directory of web pages holds many that are not reports: only those that read as one are checked.
  if (job.walked && source.format === 'html' && !looksLikeReport(source.text)) return { ...outcome, skipped: true };
  const text = source.text;

  const ignore = state.ignores.forFile(job.path);
  outcome.ignoreProblems = ignore.problems;
  const crashed = new Set<string>();
  const options: CheckOptions = {
    locale,
    reportYear: settings.reportYear,
    edition: settings.edition,
    rules: settings.rules,
    ignore: ignore.entries,
    onRuleError: (rule, error) => {
      if (crashed.has(rule)) return;
      crashed.add(rule);
      outcome.notices.push(t(locale, 'ruleCrashed', { rule, reason: describeError(error) }));
    },
  };

  try {
    let result = check(text, options);
    if (source.scanned) {
      // Nothing of a scanned PDF can be checked: its one finding says so (sources/scanned.ts).
      const finding = scannedFinding(text, locale, settings.rules);
      result = { ...result, diagnostics: finding ? [finding] : [] };
    } else if (settings.fix !== 'no') {
      const fixed = fixText(text, result, options);
      if (fixed.text === text) {
        // nothing to fix
      } else if (!source.writable || !source.decoded) {
        // The text was extracted from a Word, web page or PDF file: it cannot be written back.
        outcome.unwritten = sourceMessage(locale, bilingual('notWritable', { format: FORMAT_DISPLAY[source.format] }));
      } else if (settings.fix === 'write' && read.stamp) {
        const unwritten = writeFixed(job.path, fixed.text, source.decoded, { bytes: read.bytes, stamp: read.stamp }, locale);
        if (unwritten) outcome.unwritten = unwritten;
        else {
          result = fixed.result;
          outcome.fixed = true;
          outcome.changes = fixed.changes;
        }
      } else {
        // --fix-dry-run (standard input allows only that): the changes are listed, and the findings
        // shown are those of the text as it is.
        outcome.changes = fixed.changes;
      }
    }
    const shown = settings.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    for (const d of shown) outcome.counts[d.severity]++;
    const summary = needsSummary(format) ? summarize(result.report) : null;
    if (format === 'html') outcome.report = reportIdentity(summary);
    if (settings.crossYear && !result.report.notAReport) {
      const profile = buildProfile(result.report, result.lines);
      outcome.identity = state.shelf.put(job.index, profile, mutedPlaces(profile, result.report.text, result.lines, ignore.entries));
    }
    const file = {
      index: job.index,
      path: job.path,
      locale,
      lines: result.lines,
      diagnostics: shown,
      summary,
      fixed: outcome.fixed,
      changes: outcome.changes,
      unwritten: outcome.unwritten,
    };
    if (format === 'csv' && settings.crossYear) outcome.csvFields = csvFields(file);
    else outcome.chunk = fileChunk(format, file);
    return outcome;
  } catch (error) {
    return fail(t(locale, 'checkCrashed', { reason: describeError(error) }));
  }
}
