// Command-line inputs → the list of files to check, in the order given. A file named on the command
// line is checked whatever its extension; a directory is walked depth first, entries sorted by name,
// for .txt and .md files, skipping node_modules and hidden entries (.git, .vscode, editor lock files).
// Problems met while listing become entries with an error, so they are reported in their place.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../core';
import { t } from './messages';

export interface FileJob {
  /** Position in the output. */
  index: number;
  /** As shown to the user: the argument, or the argument joined with the path inside it. */
  path: string;
  /** Set when the file is known to be unreadable already (missing, unreadable directory…). */
  error?: string;
  /** Set for a directory that held no report files (a note, not an error). */
  note?: string;
}

const REPORT_EXTENSIONS = new Set(['.txt', '.md']);
const SKIPPED_DIRS = new Set(['node_modules']);

export function isReportFile(name: string): boolean {
  return REPORT_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** A short, localized reason for a file-system error. */
export function describeFsError(error: unknown, locale: Locale): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return t(locale, 'notFound');
    case 'EACCES':
    case 'EPERM':
      return t(locale, 'noPermission');
    case 'ENOTDIR':
      return t(locale, 'notADirectoryPart');
    default:
      return t(locale, 'readFailed', { reason: e?.code ?? String(e?.message ?? e) });
  }
}

/** Adds a file to the list; `key` is its absolute path (the same file named twice is listed once). */
type Push = (p: string, extra?: Partial<FileJob>, key?: string) => void;

/** Thrown by `push` once `limit` entries are listed, to stop walking. */
const ENOUGH = Symbol('enough');

/** The files to check, in order; with `limit`, only the first `limit` entries (a cheap "are there many?"). */
export function listFiles(inputs: readonly string[], locale: Locale, limit = Infinity): FileJob[] {
  const jobs: FileJob[] = [];
  const seen = new Set<string>();
  const push: Push = (p, extra = {}, key = path.resolve(p)) => {
    if (!extra.error && !extra.note && seen.has(key)) return; // the same file named twice is checked once
    seen.add(key);
    jobs.push({ index: jobs.length, path: p, ...extra });
    if (jobs.length >= limit) throw ENOUGH;
  };
  try {
    listInto(inputs, locale, jobs, push);
  } catch (error) {
    if (error !== ENOUGH) throw error;
  }
  return jobs;
}

function listInto(inputs: readonly string[], locale: Locale, jobs: FileJob[], push: Push): void {
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (error) {
      const dangling = (error as NodeJS.ErrnoException).code === 'ENOENT' && isSymlink(input);
      push(input, { error: dangling ? t(locale, 'danglingLink') : describeFsError(error, locale) });
      continue;
    }
    if (!stat.isDirectory()) {
      push(input);
      continue;
    }
    const before = jobs.length;
    walk(input, new Set([realpathOr(input)]), push, locale);
    if (jobs.length === before) push(input, { note: t(locale, 'noFilesIn') });
  }
}

/**
 * What `path.join(dir, name)` puts before a plain name (normalized, with its separator; nothing for
 * "."): joining each of 10,000 names took longer than reading their directories.
 */
function joinPrefix(dir: string): string {
  return path.join(dir, '_').slice(0, -1);
}

function walk(dir: string, ancestors: Set<string>, push: Push, locale: Locale): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    push(dir, { error: t(locale, 'dirUnreadable', { reason: describeFsError(error, locale) }) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const prefix = joinPrefix(dir);
  const absolutePrefix = joinPrefix(path.resolve(dir));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = prefix + entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full);
        isDir = target.isDirectory();
        isFile = !isDir;
      } catch {
        // A link whose target vanished: it was listed, so say why it cannot be read.
        if (isReportFile(entry.name)) push(full, { error: t(locale, 'danglingLink') });
        continue;
      }
    }
    if (isDir) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      // Follow linked directories, but never around a loop.
      const real = realpathOr(full);
      if (ancestors.has(real)) continue;
      ancestors.add(real);
      walk(full, ancestors, push, locale);
      ancestors.delete(real);
    } else if ((isFile || entry.isFIFO() || entry.isCharacterDevice()) && isReportFile(entry.name)) {
      push(full, undefined, absolutePrefix + entry.name);
    }
  }
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
