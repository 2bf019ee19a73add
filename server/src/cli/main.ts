// `nianbao check FILE_OR_DIR...` — the command-line checker (bundled as dist/cli.js). It lists the
// files, has them checked by the engine (runner.ts), streams the findings to stdout in the chosen
// format and in input order, and puts everything meant for people (file problems, summary) on stderr.
// Exit status: 0 no error-severity finding, 1 some, 2 bad usage, a file that could not be read, or
// fixes that could not be written.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type CliOptions } from './args';
import { emptyCounts, type FileOutcome, type JobSettings } from './check-file';
import { listFiles, type ListOptions } from './files';
import { changeLine, joiner, shownPath, streamFooter, streamHeader, type ReportRow } from './format';
import { extractFiles } from './extract';
import { countOf, summaryLine, t } from './messages';
import { ProgressBar } from './progress';
import { relaunch, shouldRelaunch } from './relaunch';
import { runJobs, startWorkersEarly } from './runner';
import { readStdinJob } from './stdin';
import { csvRowWith, type CsvFields } from './format-csv';
import { countCrossYear, crossYearChunk, crossYearFindings, crossYearJson, pairedIndices, yearPairs } from './crossyear';
import type { YearPair } from '../core/crossyear/pair';
import type { YearIdentity } from '../core/crossyear/profile';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_TROUBLE = 2;

/** The package version, read from the package.json next to dist/ (the bundle has no copy of it). */
export function packageVersion(): string {
  for (const candidate of [path.join(__dirname, '..', 'package.json'), path.join(__dirname, '..', '..', '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'nianbao' && pkg.version) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return '0.0.0';
}

/**
 * Writes with back-pressure, so that a slow reader (a pipe) never makes output pile up in memory.
 * Away from a terminal, text is gathered into writes of some 32 K characters (or what came in
 * 100 ms): one write per file was a system call and a buffer per file, a tenth of the main thread's
 * time on a batch with many findings. `flush` sends what is gathered (before a line on stderr, and
 * at the end).
 */
function writer(stream: NodeJS.WritableStream & { isTTY?: boolean }): { write: (text: string) => Promise<void>; flush: () => Promise<void> } {
  const FLUSH_CHARS = 32 * 1024;
  const FLUSH_MS = 100;
  let pending = '';
  let since = 0;
  const send = (text: string): Promise<void> => {
    if (!text || stream.write(text)) return Promise.resolve();
    return new Promise((resolve) => stream.once('drain', resolve));
  };
  const flush = () => {
    const text = pending;
    pending = '';
    return send(text);
  };
  const write = (text: string) => {
    if (stream.isTTY) return send(text);
    if (!pending) since = Date.now();
    pending += text;
    return pending.length >= FLUSH_CHARS || Date.now() - since >= FLUSH_MS ? flush() : Promise.resolve();
  };
  return { write, flush };
}

async function checkFiles(options: CliOptions): Promise<number> {
  const { locale, format } = options;
  const stdout = writer(process.stdout);
  // The progress bar is erased before any other line reaches the terminal.
  let progress: ProgressBar | null = null;
  const out = (text: string) => {
    if (process.stdout.isTTY) progress?.clear();
    return stdout.write(text);
  };
  const err = (line: string) => {
    progress?.clear();
    // In order with the findings before it, when both streams go to one place.
    void stdout.flush();
    process.stderr.write(`${line}\n`);
  };
  const settings: JobSettings = {
    format,
    locale,
    quiet: options.quiet,
    fix: options.fix ? 'write' : options.fixDryRun ? 'dry-run' : 'no',
    maxSize: options.maxSize,
    encoding: options.encoding,
    reportYear: options.reportYear,
    edition: options.edition === '2019' || options.edition === '2021' ? options.edition : undefined,
    rules: options.rules,
  };
  const listing: ListOptions = { follow: options.follow, stdinName: options.stdinFilename };
  // Years are compared only when there are two reports or more (a first look stops at the second).
  settings.crossYear = listFiles(options.inputs, locale, { ...listing, limit: 2 }).length >= 2;
  const identities: (YearIdentity | undefined)[] = [];
  const workers = startWorkersEarly(options.inputs, listing, locale, settings, options.jobs);
  const jobs = listFiles(options.inputs, locale, listing);
  await readStdinJob(jobs, options.maxSize, locale);

  const totals = { files: 0, ...emptyCounts(), unreadable: 0, clean: 0, withErrors: 0, fixed: 0, changed: 0, unwritten: 0 };
  // The HTML page's table of reports, written at the end: one small row per report.
  const rows: ReportRow[] = [];
  let finished = 0;
  progress = ProgressBar.forStream(process.stderr, jobs.length, locale);
  const unreadable: { path: string; error: string }[] = [];
  const reportedIgnoreFiles = new Set<string>();
  let ignoreTrouble = false;
  let wroteChunk = false;
  // CSV rows of a run that compares years wait for its year-over-year findings, which count in them.
  const holdsRows = format === 'csv' && settings.crossYear === true;
  const heldRows: (string | { path: string; fields: CsvFields })[] = [];

  await out(streamHeader(format, { locale, version: packageVersion() }));
  const emit = async (o: FileOutcome) => {
    const shown = shownPath(o.path);
    for (const problem of o.ignoreProblems) {
      if (reportedIgnoreFiles.has(problem.file)) continue;
      reportedIgnoreFiles.add(problem.file);
      ignoreTrouble = true;
      err(`${shownPath(problem.file)}: ${problem.reason}`);
    }
    for (const notice of o.notices) err(`${shown}: ${notice}`);
    if (!jobs[o.index].note && !o.skipped) {
      totals.files++;
      if (o.error) totals.unreadable++;
      else if (o.counts.error) totals.withErrors++;
      else if (!o.counts.warning) totals.clean++;
      if (format === 'html') rows.push({ index: o.index, path: o.path, report: o.report ?? null, errors: o.counts.error, warnings: o.counts.warning, error: o.error });
    }
    if (o.error) {
      unreadable.push({ path: o.path, error: o.error });
      err(`${shown}: ${o.error}`);
    }
    for (const change of o.changes) err(changeLine(o.path, change));
    if (o.changes.length) totals.changed++;
    if (o.unwritten) {
      totals.unwritten++;
      err(`${shown}: ${o.unwritten}`);
    }
    totals.error += o.counts.error;
    totals.warning += o.counts.warning;
    totals.information += o.counts.information;
    totals.hint += o.counts.hint;
    if (o.fixed) totals.fixed++;
    if (o.identity) identities[o.index] = o.identity;
    if (o.csvFields) heldRows.push({ path: o.path, fields: o.csvFields });
    else if (o.chunk && holdsRows) heldRows.push(o.chunk);
    else if (o.chunk) {
      await out((wroteChunk ? joiner(format) : '') + o.chunk);
      wroteChunk = true;
    }
    progress?.update(++finished);
  };
  // Once every file is done: which reports pair, and so which profiles to fetch from the workers.
  let pairs: YearPair[] = [];
  const wanted = () => pairedIndices((pairs = settings.crossYear ? yearPairs(identities) : []));
  const profiles = await runJobs(jobs, settings, options.jobs, emit, workers, wanted);
  const crossYear = crossYearFindings(jobs.map((j) => j.path), pairs, profiles, { locale, rules: options.rules, quiet: options.quiet });
  const crossCounts = countCrossYear(crossYear);
  for (const severity of ['error', 'warning', 'information', 'hint'] as const) totals[severity] += crossCounts[severity];
  progress?.clear();
  progress = null;
  // A report's row (CSV, and the HTML page's table of reports) counts its year-over-year findings with its own.
  const crossOf = new Map(crossYear.map((f) => [f.path, countCrossYear([f])]));
  if (heldRows.length) {
    const noCross = emptyCounts();
    await out(heldRows.map((r) => (typeof r === 'string' ? r : csvRowWith(r.fields, crossOf.get(r.path) ?? noCross))).join(''));
  }
  const crossChunk = crossYearChunk(format, crossYear);
  if (crossChunk) await out((wroteChunk && format === 'sarif' ? joiner(format) : '') + crossChunk);
  for (const row of rows) {
    const cross = crossOf.get(row.path);
    if (!cross) continue;
    row.errors += cross.error;
    row.warnings += cross.warning;
  }
  await out(
    streamFooter(format, {
      locale,
      unreadable,
      rules: options.rules,
      totals,
      rows,
      crossYearJson: format === 'json' && crossYear.length ? crossYearJson(crossYear) : '',
      crossYear,
    }),
  );
  await stdout.flush();

  err(summaryLine(locale, totals));
  if (totals.fixed) err(t(locale, 'summaryFixed', { n: countOf(locale, totals.fixed, 'file') }));
  if (settings.fix === 'dry-run' && totals.changed) err(t(locale, 'summaryWouldFix', { n: countOf(locale, totals.changed, 'file') }));
  if (totals.unwritten) err(t(locale, 'summaryUnwritten', { n: countOf(locale, totals.unwritten, 'file') }));
  if (totals.unreadable || ignoreTrouble || totals.unwritten) return EXIT_TROUBLE;
  return totals.error && !options.exitZero ? EXIT_ERRORS : EXIT_OK;
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, process.env);
  switch (parsed.kind) {
    case 'help':
      process.stdout.write(`${t(parsed.locale, 'usage')}\n`);
      return EXIT_OK;
    case 'version':
      process.stdout.write(`${packageVersion()}\n`);
      return EXIT_OK;
    case 'usage-error':
      process.stderr.write(`nianbao: ${parsed.message}\n\n${t(parsed.locale, 'usage')}\n`);
      return EXIT_TROUBLE;
    case 'run': {
      if (shouldRelaunch(parsed.options, process.execArgv, process.env)) {
        const code = await relaunch(argv);
        if (code !== null) return code;
      }
      return parsed.options.command === 'extract' ? extractFiles(parsed.options) : checkFiles(parsed.options);
    }
  }
}

// A reader that goes away (`nianbao check … | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`nianbao: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_TROUBLE;
  },
);
