// `.nianbao-ignore.json`: findings a team dismissed, shared with the editor. Every such file in the
// checked file's directory and its parents up to the filesystem root applies (each to its own
// subtree), so a file at the root of a repository covers every report below it.
import * as fs from 'node:fs';
import * as path from 'node:path';

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

/** Parses one ignore file's text; throws with a short reason when it is not the expected shape. */
export function parseIgnoreFile(text: string): IgnoreEntry[] {
  const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  const list = (data as { ignore?: unknown })?.ignore;
  if (!Array.isArray(list)) throw new Error('"ignore" is not an array');
  return list.map((item, i) => {
    const { rule, text: line } = (item ?? {}) as { rule?: unknown; text?: unknown };
    if (typeof rule !== 'string' || typeof line !== 'string') throw new Error(`ignore[${i}] needs string "rule" and "text"`);
    return { rule, text: line.trim() };
  });
}

type DirEntry = { entries: IgnoreEntry[]; problem: { file: string; reason: string } | null };

/** Looks ignore files up per directory, caching each directory (a worker checks many files of few directories). */
export class IgnoreFiles {
  private readonly byDir = new Map<string, DirEntry>();
  private readonly merged = new Map<string, IgnoreLookup>();

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
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const file = path.join(dir, IGNORE_FILE);
    let result: DirEntry = { entries: [], problem: null };
    let text: string | null = null;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') result = { entries: [], problem: { file, reason: String((error as Error).message) } };
    }
    if (text !== null) {
      try {
        result = { entries: parseIgnoreFile(text), problem: null };
      } catch (error) {
        result = { entries: [], problem: { file, reason: (error as Error).message } };
      }
    }
    this.byDir.set(dir, result);
    return result;
  }
}
