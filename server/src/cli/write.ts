// Writing a fixed report back without losing anyone's edit. The new bytes go to a temporary file
// beside the report, which is renamed over it (so a reader never sees half a file, and a crash never
// leaves one), with the report's mode and owner; and only when the report is still exactly what was
// read (same file, size, modification time and bytes): a line another program appended since then is
// never overwritten, the file is skipped instead. A report with other hard links (a rename would
// split it from them), or in a directory that does not allow the rename, is written in place after
// the same check. A symbolic link is resolved and its target written, the link left as it is.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readBounded, sameStamp, stampOf, type FileStamp } from '../sources/read';

export type WriteOutcome =
  | { ok: true; how: 'renamed' | 'in-place' }
  /** The file is no longer what was read: another program changed, replaced or removed it. */
  | { ok: false; problem: 'changed' }
  | { ok: false; problem: 'no-permission' | 'read-only-fs' }
  | { ok: false; problem: 'fs'; code: string };

/**
 * Tests only: called between the read and the write, with the path to be written, so that a test can
 * change the file there as another program would, deterministically (not by racing the CLI).
 */
export const writeSeam: { beforeWrite: ((file: string) => void) | null } = { beforeWrite: null };

/** Writes `bytes` over `file` if it still holds `original`, as `stamp` described it when read. */
export function writeIfUnchanged(file: string, original: Uint8Array, stamp: FileStamp, bytes: Uint8Array): WriteOutcome {
  let target: string;
  try {
    target = fs.realpathSync(file);
  } catch (error) {
    return problemOf(error);
  }
  writeSeam.beforeWrite?.(target);
  if (!holds(target, original, stamp)) return { ok: false, problem: 'changed' };
  try {
    // The rename below needs only the directory's permission: a file the user may not write is refused
    // here, as writing it in place would be.
    fs.accessSync(target, fs.constants.W_OK);
  } catch (error) {
    return problemOf(error);
  }
  const renamed = stamp.nlink > 1n ? null : replaceByRename(target, stamp, bytes);
  return renamed ?? writeInPlace(target, stamp, bytes);
}

/**
 * The file still holds what was read. Size and modification time alone would miss a change of the
 * same size within the file system's time granularity (2 s on FAT), so the bytes are compared too.
 */
function holds(target: string, original: Uint8Array, stamp: FileStamp): boolean {
  const now = readBounded(target, original.length);
  return now.ok && sameStamp(now.stamp, stamp) && Buffer.compare(now.bytes, original) === 0;
}

function unchangedSince(target: string, stamp: FileStamp): boolean {
  try {
    return sameStamp(stampOf(fs.statSync(target, { bigint: true })), stamp);
  } catch {
    return false;
  }
}

/** Null when the directory does not allow it (then the file is written in place). */
function replaceByRename(target: string, stamp: FileStamp, bytes: Uint8Array): WriteOutcome | null {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.nianbao-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
  } catch {
    return null; // a directory we may not write, a read-only mount, a name too long…
  }
  let open = true;
  let renamed = false;
  try {
    writeAll(fd, bytes);
    if (!sameModeAndOwner(fd, stamp)) return null;
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    open = false;
    // The last look before the swap, to make the window for another writer as short as it can be.
    if (!unchangedSince(target, stamp)) return { ok: false, problem: 'changed' };
    try {
      fs.renameSync(temp, target);
    } catch {
      return null; // e.g. Windows, while another program has the file open
    }
    renamed = true;
    return { ok: true, how: 'renamed' };
  } catch (error) {
    return problemOf(error); // writing the copy failed (a full disk): the original is untouched
  } finally {
    if (open) closeQuietly(fd);
    if (!renamed) unlinkQuietly(temp);
  }
}

/**
 * Gives the copy the original's mode (the one given to open was narrowed by the umask), owner and
 * group; false when that is not allowed (another user's file, a file system without modes).
 */
function sameModeAndOwner(fd: number, stamp: FileStamp): boolean {
  try {
    fs.fchmodSync(fd, stamp.mode & 0o7777);
    if (process.platform === 'win32') return true;
    const stat = fs.fstatSync(fd);
    if (stat.uid !== stamp.uid || stat.gid !== stamp.gid) fs.fchownSync(fd, stamp.uid, stamp.gid);
    return true;
  } catch {
    return false;
  }
}

function writeInPlace(target: string, stamp: FileStamp, bytes: Uint8Array): WriteOutcome {
  let fd: number;
  try {
    // Non-blocking: if the path became a FIFO meanwhile, the open fails instead of waiting.
    fd = fs.openSync(target, fs.constants.O_WRONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return problemOf(error);
  }
  try {
    if (!sameStamp(stampOf(fs.fstatSync(fd, { bigint: true })), stamp)) return { ok: false, problem: 'changed' };
    writeAll(fd, bytes);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
    return { ok: true, how: 'in-place' };
  } catch (error) {
    return problemOf(error);
  } finally {
    closeQuietly(fd);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written, written);
}

function problemOf(error: unknown): WriteOutcome {
  const code = (error as NodeJS.ErrnoException)?.code ?? String(error);
  if (code === 'ENOENT') return { ok: false, problem: 'changed' };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, problem: 'no-permission' };
  if (code === 'EROFS') return { ok: false, problem: 'read-only-fs' };
  return { ok: false, problem: 'fs', code };
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
}

function unlinkQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // never created, or already gone
  }
}
