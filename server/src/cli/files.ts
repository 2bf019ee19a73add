// Command-line inputs → the list of files to check, in the order given. A file named on the command
// line is checked whatever its extension (a link named there is followed, as the user asked); a
// directory is walked depth first, entries sorted by name, for the report formats (.txt, .md, .html,
// .htm, .docx, .doc, .wps, .pdf: sources/formats.ts), skipping
// node_modules and hidden entries (.git, .vscode, editor lock files). As ripgrep does, symbolic links
// met while walking are not followed (they could lead anywhere: `d/etc -> /etc`, or a report outside
// the folder that `--fix` would rewrite) unless `--follow` asks for it. Each real file (device and
// inode) is checked once, however many names reach it. `-` is standard input.
// Problems met while listing become entries with an error, so they are reported in their place.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../core';
import { SOURCE_EXTENSIONS } from '../sources/formats';
import { t } from './messages';

export interface FileJob {
  /** Position in the output. */
  index: number;
  /** As shown to the user: the argument, or the argument joined with the path inside it. */
  path: string;
  /** Set when the file is known to be unreadable already (missing, unreadable directory…). */
  error?: string;
  /** Set for a directory that held no report files, or a loop not walked again (a note, not an error). */
  note?: string;
  /** Found by walking a directory (not named by the user): a web page there is checked only if it reads as a report. */
  walked?: boolean;
  /** The report comes from standard input (its bytes are in `input` once read). */
  stdin?: boolean;
  input?: Uint8Array;
}

export interface ListOptions {
  /** Follow symbolic links met while walking directories (`--follow`). */
  follow?: boolean;
  /** How standard input (`-`) is named in the output (`--stdin-filename`). */
  stdinName?: string;
  /** Stop after this many entries (a cheap "are there many?"). */
  limit?: number;
}

export const STDIN_ARG = '-';
export const STDIN_NAME = '<stdin>';

const SKIPPED_DIRS = new Set(['node_modules']);

export function isReportFile(name: string): boolean {
  return SOURCE_EXTENSIONS.has(path.extname(name).toLowerCase());
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
    case 'ELOOP':
      return t(locale, 'linkLoop');
    default:
      return t(locale, 'readFailed', { reason: e?.code ?? String(e?.message ?? e) });
  }
}

/**
 * Adds a file to the list; `key` identifies the real file (device and inode, or else the absolute
 * path), so that a file reached under two names is listed once.
 */
type Push = (p: string, extra?: Partial<FileJob>, key?: string) => void;

const WALKED: Partial<FileJob> = Object.freeze({ walked: true });

/** Thrown by `push` once `limit` entries are listed, to stop walking. */
const ENOUGH = Symbol('enough');

/** The files to check, in order. */
export function listFiles(inputs: readonly string[], locale: Locale, options: ListOptions = {}): FileJob[] {
  const jobs: FileJob[] = [];
  const seen = new Set<string>();
  const limit = options.limit ?? Infinity;
  const push: Push = (p, extra = {}, key = path.resolve(p)) => {
    if (!extra.error && !extra.note && seen.has(key)) return; // the same file reached twice is checked once
    seen.add(key);
    jobs.push({ index: jobs.length, path: p, ...extra });
    if (jobs.length >= limit) throw ENOUGH;
  };
  try {
    listInto(inputs, locale, jobs, push, options);
  } catch (error) {
    if (error !== ENOUGH) throw error;
  }
  return jobs;
}

function listInto(inputs: readonly string[], locale: Locale, jobs: FileJob[], push: Push, options: ListOptions): void {
  const walker = new Walker(push, locale, !!options.follow);
  for (const input of inputs) {
    if (input === STDIN_ARG) {
      push(options.stdinName ?? STDIN_NAME, { stdin: true }, '\0stdin');
      continue;
    }
    let stat: fs.BigIntStats;
    try {
      stat = fs.statSync(input, { bigint: true });
    } catch (error) {
      push(input, { error: linkError(input, error, locale) });
      continue;
    }
    if (!stat.isDirectory()) {
      push(input, undefined, identity(stat));
      continue;
    }
    const before = jobs.length;
    walker.walk(input, new Set([realpathOr(input)]));
    if (jobs.length === before) push(input, { note: t(locale, 'noFilesIn') });
  }
}

/** Device and inode: the same for every name of one file (links, hard links, two spellings of a path). */
function identity(stat: fs.BigIntStats): string {
  return `${stat.dev}:${stat.ino}`;
}

/** Why a path (a link, perhaps) cannot be opened: a dangling link and a loop are said as such. */
function linkError(p: string, error: unknown, locale: Locale): string {
  const dangling = (error as NodeJS.ErrnoException).code === 'ENOENT' && isSymlink(p);
  return dangling ? t(locale, 'danglingLink') : describeFsError(error, locale);
}

/**
 * What `path.join(dir, name)` puts before a plain name (normalized, with its separator; nothing for
 * "."): joining each of 10,000 names took longer than reading their directories.
 */
function joinPrefix(dir: string): string {
  return path.join(dir, '_').slice(0, -1);
}

class Walker {
  constructor(
    private readonly push: Push,
    private readonly locale: Locale,
    private readonly follow: boolean,
  ) {}

  /** Walks `dir`; `ancestors` are the real paths of the directories above it (to stop at loops). */
  walk(dir: string, ancestors: Set<string>): void {
    const { push, locale } = this;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      push(dir, { error: t(locale, 'dirUnreadable', { reason: describeFsError(error, locale) }) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const prefix = joinPrefix(dir);
    for (const entry of entries) {
      // Hidden entries, and the owner files Word and WPS keep beside an open document (~$报告.docx).
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const full = prefix + entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (!this.follow) continue;
        try {
          const target = fs.statSync(full);
          isDir = target.isDirectory();
          isFile = !isDir;
        } catch (error) {
          // A link whose target vanished, or a loop of links: it was listed, so say why it cannot be read.
          if (isReportFile(entry.name)) push(full, { error: linkError(full, error, locale) });
          continue;
        }
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        // A linked directory that contains this one would be walked forever: say so, once.
        const real = realpathOr(full);
        if (ancestors.has(real)) {
          push(full, { note: t(locale, 'dirLoop') });
          continue;
        }
        ancestors.add(real);
        this.walk(full, ancestors);
        ancestors.delete(real);
      } else if ((isFile || entry.isFIFO() || entry.isCharacterDevice()) && isReportFile(entry.name)) {
        push(full, WALKED, identityOr(full));
      }
    }
  }
}

/** The file's identity, or its absolute path when it cannot be looked at (it is reported when read). */
function identityOr(file: string): string {
  try {
    return identity(fs.statSync(file, { bigint: true }));
  } catch {
    return path.resolve(file);
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
