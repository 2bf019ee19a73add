// Reading a file's bytes safely, for the command line (reports, ignore files) and the language server
// (its ignore file) alike. Whatever the path names, the read never blocks and never runs away:
// - the open is non-blocking, so a FIFO does not wait for a writer;
// - the fstat of the opened descriptor (not a second lookup of the path) says what was opened, and
//   anything but a regular file (FIFO, device such as a link to /dev/zero, socket) is refused;
// - at most `maxSize` bytes are read, even from a file that grows while it is read.
// The outcome says what went wrong as a code; the callers word it in the user's language.
import * as fs from 'node:fs';

/** `.nianbao-ignore.json` is a short list; anything larger is not one (CLI and language server alike). */
export const IGNORE_FILE_MAX_SIZE = 1024 * 1024;

/** What was read, as the descriptor's fstat saw it: enough to tell later whether the file changed. */
export interface FileStamp {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  nlink: bigint;
  mode: number;
  uid: number;
  gid: number;
}

export type ReadOutcome =
  | { ok: true; bytes: Buffer; stamp: FileStamp }
  | { ok: false; problem: 'not-regular' }
  /** `size` is the size seen (at least; the file may still have been growing). */
  | { ok: false; problem: 'too-large'; size: number; growing: boolean }
  | { ok: false; problem: 'fs'; error: NodeJS.ErrnoException };

/** Read-only and non-blocking (O_NONBLOCK does not exist on Windows, where opening a pipe does not wait). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export function stampOf(stat: fs.BigIntStats): FileStamp {
  return {
    dev: stat.dev,
    ino: stat.ino,
    size: stat.size,
    mtimeNs: stat.mtimeNs,
    nlink: stat.nlink,
    mode: Number(stat.mode),
    uid: Number(stat.uid),
    gid: Number(stat.gid),
  };
}

/** Same file (device and inode), same size, same modification time. */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}

function refusal(stat: fs.BigIntStats, maxSize: number): ReadOutcome | null {
  if (!stat.isFile()) return { ok: false, problem: 'not-regular' };
  if (stat.size > BigInt(maxSize)) return { ok: false, problem: 'too-large', size: Number(stat.size), growing: false };
  return null;
}

/**
 * The buffer a file is read into, shared by the synchronous and the asynchronous reader: one byte
 * more than the file's size, to notice that it grew after the fstat; doubled while it grows, never
 * past the limit + 1. A reader only calls read() for `room()` bytes at `length` and says how many came.
 */
class Filling {
  buffer: Buffer;
  length = 0;
  private ended = false;

  constructor(
    size: bigint,
    private readonly maxSize: number,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.min(maxSize + 1, Number(size) + 1));
  }

  /** How many bytes the next read may bring; 0 once the file has ended or passed the limit. */
  room(): number {
    if (this.ended) return 0;
    if (this.length === this.buffer.length) {
      if (this.length > this.maxSize) return 0;
      const bigger = Buffer.allocUnsafe(Math.min(this.maxSize + 1, this.buffer.length * 2));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    return this.buffer.length - this.length;
  }

  /**
   * A read brought `n` bytes; none is the end. A short read is not: files under /proc, FUSE and
   * network mounts return a page or a few records at a time.
   */
  took(n: number): void {
    this.length += n;
    if (n === 0) this.ended = true;
  }

  outcome(stat: fs.BigIntStats): ReadOutcome {
    if (this.length > this.maxSize) return { ok: false, problem: 'too-large', size: this.length, growing: true };
    return { ok: true, bytes: this.buffer.subarray(0, this.length), stamp: stampOf(stat) };
  }
}

/** Reads a regular file of at most `maxSize` bytes, synchronously. */
export function readBounded(file: string, maxSize: number): ReadOutcome {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
    const stat = fs.fstatSync(fd, { bigint: true });
    const refused = refusal(stat, maxSize);
    if (refused) return refused;
    // The file may grow between the fstat and the read: read until EOF, but never past the limit.
    const into = new Filling(stat.size, maxSize);
    for (let room; (room = into.room()) > 0; ) into.took(fs.readSync(fd, into.buffer, into.length, room, null));
    return into.outcome(stat);
  } catch (error) {
    return { ok: false, problem: 'fs', error: error as NodeJS.ErrnoException };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The same, without blocking the event loop (the language server). */
export async function readBoundedAsync(file: string, maxSize: number): Promise<ReadOutcome> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
    const stat = await handle.stat({ bigint: true });
    const refused = refusal(stat, maxSize);
    if (refused) return refused;
    const into = new Filling(stat.size, maxSize);
    for (let room; (room = into.room()) > 0; ) into.took((await handle.read(into.buffer, into.length, room, null)).bytesRead);
    return into.outcome(stat);
  } catch (error) {
    return { ok: false, problem: 'fs', error: error as NodeJS.ErrnoException };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Strict UTF-8 (a leading BOM dropped), as JSON files are written; null when the bytes are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
