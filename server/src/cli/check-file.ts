// One file, start to finish: read (bounded), decode, check with the engine, optionally fix and
// rewrite, format. Runs in a worker or in the main thread alike, and never throws: whatever goes
// wrong becomes the file's `error` (unreadable, exit 2) or a notice on stderr.
import * as fs from 'node:fs';
import { applyFixes, check, summarize, type CheckOptions, type Diagnostic, type Locale, type RuleSetting } from '../core';
import type { CheckResult } from '../core';
import type { OutputFormat } from './args';
import { ENCODING_DISPLAY, decodeBytes, encodeText, type DecodedText, type EncodingName } from './decode';
import { describeFsError, type FileJob } from './files';
import { errorChunk, fileChunk, type CheckedFile } from './format';
import type { IgnoreFiles } from './ignore';
import { t } from './messages';

/** What every file's check needs to know; plain data, sent once to each worker. */
export interface JobSettings {
  format: OutputFormat;
  locale: Locale;
  quiet: boolean;
  fix: boolean;
  maxSize: number;
  encoding?: EncodingName;
  reportYear?: number;
  edition?: '2019' | '2021';
  rules: Partial<Record<string, RuleSetting>>;
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
  /** Findings shown, by severity. */
  counts: Counts;
  /** Why the file could not be read or checked; makes the exit status 2. */
  error?: string;
  /** Lines for stderr that do not change the exit status (notes, fixes not written). */
  notices: string[];
  /** Ignore files that could not be used (reported once each by the main thread; exit 2). */
  ignoreProblems: { file: string; reason: string }[];
  fixed: boolean;
}

export function emptyCounts(): Counts {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}

type ReadResult = { ok: true; bytes: Buffer } | { ok: false; error: string };

/** Reads at most `maxSize` bytes; never blocks on pipes or devices, never reads an endless file. */
export function readBounded(file: string, maxSize: number, locale: Locale): ReadResult {
  let fd: number | undefined;
  try {
    // Non-blocking open: opening a FIFO would otherwise wait for a writer. The fstat then says
    // what was opened, without a second lookup of the path.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, error: t(locale, 'notRegular') };
    if (stat.size > maxSize) return { ok: false, error: t(locale, 'tooLarge', { size: stat.size, max: maxSize }) };
    // The file may grow between stat and read: read until EOF, but never past the limit.
    let buffer = Buffer.allocUnsafe(Math.min(maxSize + 1, stat.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxSize) break;
        const bigger = Buffer.allocUnsafe(Math.min(maxSize + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxSize) return { ok: false, error: t(locale, 'tooLarge', { size: `≥ ${length}`, max: maxSize }) };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, error: describeFsError(error, locale) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
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

/** Applies fixes until none is left (a fix can make another one possible), as ESLint does. */
function fixText(text: string, first: CheckResult, options: CheckOptions): { text: string; result: CheckResult } {
  const eol = dominantEol(text);
  let current = text;
  let result = first;
  for (let pass = 0; pass < MAX_FIX_PASSES && result.diagnostics.some((d) => d.fix); pass++) {
    const next = applyFixes(current, withEol(result.diagnostics, eol));
    if (next === current) break;
    current = next;
    result = check(current, options);
  }
  return { text: current, result };
}

/** Tries to rewrite the file with the fixed text; returns a notice when it did not. */
function writeFixed(file: string, text: string, decoded: DecodedText, locale: Locale): string | null {
  if (decoded.lossy) return t(locale, 'fixLossy', { encoding: ENCODING_DISPLAY[decoded.encoding] });
  const bytes = encodeText(text, decoded);
  if (!bytes) return t(locale, 'fixUnencodable', { encoding: ENCODING_DISPLAY[decoded.encoding] });
  try {
    fs.writeFileSync(file, bytes);
    return null;
  } catch (error) {
    return t(locale, 'fixWriteFailed', { reason: describeFsError(error, locale) });
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function processFile(job: FileJob, settings: JobSettings, ignores: IgnoreFiles): FileOutcome {
  const { locale, format } = settings;
  const outcome: FileOutcome = { index: job.index, path: job.path, chunk: '', counts: emptyCounts(), notices: [], ignoreProblems: [], fixed: false };
  const fail = (error: string): FileOutcome => ({ ...outcome, error, counts: emptyCounts(), chunk: errorChunk(format, job.path, error) });

  if (job.note) return { ...outcome, notices: [job.note] };
  if (job.error) return fail(job.error);

  const read = readBounded(job.path, settings.maxSize, locale);
  if (!read.ok) return fail(read.error);
  const decoded = decodeBytes(read.bytes, settings.encoding);
  if (!decoded.ok) {
    if (decoded.reason === 'undecodable') return fail(t(locale, 'undecodable'));
    return fail(t(locale, 'notText', { why: t(locale, decoded.reason === 'nul-bytes' ? 'nulBytes' : 'controlChars') }));
  }

  const ignore = ignores.forFile(job.path);
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
    let result = check(decoded.text, options);
    if (settings.fix) {
      const fixed = fixText(decoded.text, result, options);
      if (fixed.text !== decoded.text) {
        const notice = writeFixed(job.path, fixed.text, decoded, locale);
        if (notice) outcome.notices.push(notice);
        else {
          result = fixed.result;
          outcome.fixed = true;
        }
      }
    }
    const shown = settings.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    for (const d of shown) outcome.counts[d.severity]++;
    let summary: CheckedFile['summary'] = null;
    if (format === 'json') {
      const { title, body, year, edition } = summarize(result.report);
      summary = { title, body, year, edition };
    }
    outcome.chunk = fileChunk(format, { path: job.path, lines: result.lines, diagnostics: shown, summary, fixed: outcome.fixed });
    return outcome;
  } catch (error) {
    return fail(t(locale, 'checkCrashed', { reason: describeError(error) }));
  }
}
