// `.nianbao-ignore.json`: findings a team dismissed, shared with the editor. Every such file in the
// checked file's directory and its parents up to the filesystem root applies (each to its own
// subtree), so a file at the root of a repository covers every report below it. Any directory above
// may hold one, so it is read as the reports are (sources/read.ts): a FIFO or a link to /dev/zero by that
// name is refused at once instead of hanging the run, and a problem is described without quoting the
// file's content.
import * as path from 'node:path';
import type { Locale } from '../core';
import { IGNORE_FILE_MAX_SIZE, readBounded, utf8Text } from '../sources/read';
import { describeFsError } from './files';
import { t, type MessageId } from './messages';

export const IGNORE_FILE = '.nianbao-ignore.json';

export interface IgnoreEntry {
  rule: string;
  text: string;
}

export interface IgnoreLookup {
  entries: IgnoreEntry[];
  /** Ignore files that exist but could not be used, with the reason (reported once each). */
  problems: { file: string; reason: string }[];
}

/** Why an ignore file cannot be used, as a message of messages.ts (never a quote of the file). */
export class IgnoreFileError extends Error {
  constructor(
    readonly id: MessageId,
    readonly args: Record<string, string | number> = {},
  ) {
    super(id);
  }
}

/** Parses one ignore file's text; throws an IgnoreFileError when it is not the expected shape. */
export function parseIgnoreFile(text: string): IgnoreEntry[] {
  const source = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    // V8's message quotes the text around the fault; only its position is kept.
    throw jsonError(source, (error as Error).message);
  }
  const list = (data as { ignore?: unknown })?.ignore;
  if (!Array.isArray(list)) throw new IgnoreFileError('ignoreNotArray');
  return list.map((item, i) => {
    const { rule, text: line } = (item ?? {}) as { rule?: unknown; text?: unknown };
    if (typeof rule !== 'string' || typeof line !== 'string') throw new IgnoreFileError('ignoreBadEntry', { i });
    return { rule, text: line.trim() };
  });
}

function jsonError(source: string, message: string): IgnoreFileError {
  const at = /\bposition (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : message.includes('end of JSON') ? source.length : -1;
  if (offset < 0 || offset > source.length) return new IgnoreFileError('ignoreNotJson');
  const before = source.slice(0, offset).split(/\r\n|\r|\n/);
  return new IgnoreFileError('ignoreNotJsonAt', { line: before.length, column: before[before.length - 1].length + 1 });
}

type DirEntry = { entries: IgnoreEntry[]; problem: { file: string; reason: string } | null };

/** Looks ignore files up per directory, caching each directory (a worker checks many files of few directories). */
export class IgnoreFiles {
  private readonly byDir = new Map<string, DirEntry>();
  private readonly merged = new Map<string, IgnoreLookup>();

  /** `locale` words the problems. */
  constructor(private readonly locale: Locale) {}

  forFile(file: string): IgnoreLookup {
    const dir = path.dirname(path.resolve(file));
    let found = this.merged.get(dir);
    if (!found) {
      const parent = path.dirname(dir);
      const own = this.ownOf(dir);
      const above = parent === dir ? { entries: [], problems: [] } : this.forFile(path.join(parent, '_'));
      found = {
        entries: [...above.entries, ...own.entries],
        problems: own.problem ? [...above.problems, own.problem] : above.problems,
      };
      this.merged.set(dir, found);
    }
    return found;
  }

  private ownOf(dir: string): DirEntry {
    let cached = this.byDir.get(dir);
    if (!cached) {
      cached = this.read(path.join(dir, IGNORE_FILE));
      this.byDir.set(dir, cached);
    }
    return cached;
  }

  private read(file: string): DirEntry {
    const { locale } = this;
    const unusable = (reason: string): DirEntry => ({ entries: [], problem: { file, reason } });
    const read = readBounded(file, IGNORE_FILE_MAX_SIZE);
    if (!read.ok) {
      switch (read.problem) {
        case 'fs': {
          const code = read.error.code;
          if (code === 'ENOENT' || code === 'ENOTDIR') return { entries: [], problem: null };
          return unusable(t(locale, 'ignoreUnreadable', { reason: describeFsError(read.error, locale) }));
        }
        case 'not-regular':
          return unusable(t(locale, 'ignoreUnreadable', { reason: t(locale, 'notRegular') }));
        case 'too-large':
          return unusable(t(locale, 'ignoreUnreadable', { reason: t(locale, 'ignoreTooLarge', { size: read.size, max: IGNORE_FILE_MAX_SIZE }) }));
      }
    }
    const text = utf8Text(read.bytes);
    if (text === null) return unusable(t(locale, 'ignoreBad', { reason: t(locale, 'ignoreNotUtf8') }));
    try {
      return { entries: parseIgnoreFile(text), problem: null };
    } catch (error) {
      const reason = error instanceof IgnoreFileError ? t(locale, error.id, error.args) : t(locale, 'ignoreNotJson');
      return unusable(t(locale, 'ignoreBad', { reason }));
    }
  }
}
