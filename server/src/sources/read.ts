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

/** The buffer for a file of `size` bytes, one byte more to notice growth, never over the limit + 1. */
function bufferFor(size: bigint, maxSize: number): Buffer {
  return Buffer.allocUnsafe(Math.min(maxSize + 1, Number(size) + 1));
}

function grown(buffer: Buffer, length: number, maxSize: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.min(maxSize + 1, buffer.length * 2));
  buffer.copy(bigger, 0, 0, length);
  return bigger;
}

function finished(buffer: Buffer, length: number, maxSize: number, stat: fs.BigIntStats): ReadOutcome {
  if (length > maxSize) return { ok: false, problem: 'too-large', size: length, growing: true };
  return { ok: true, bytes: buffer.subarray(0, length), stamp: stampOf(stat) };
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
    let buffer = bufferFor(stat.size, maxSize);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxSize) break;
        buffer = grown(buffer, length, maxSize);
      }
      const wanted = buffer.length - length;
      const n = fs.readSync(fd, buffer, length, wanted, null);
      length += n;
      // A regular file reads short only at its end: no second call to learn that it is there.
      if (n < wanted) break;
    }
    return finished(buffer, length, maxSize, stat);
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
    let buffer = bufferFor(stat.size, maxSize);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxSize) break;
        buffer = grown(buffer, length, maxSize);
      }
      const wanted = buffer.length - length;
      const { bytesRead } = await handle.read(buffer, length, wanted, null);
      length += bytesRead;
      if (bytesRead < wanted) break;
    }
    return finished(buffer, length, maxSize, stat);
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
