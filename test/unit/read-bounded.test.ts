// The bounded reads of the input layer, synchronous (CLI) and asynchronous (language server) alike:
// a file is read whole, to its end and never past the limit, even when its size says otherwise
// (files under /proc report 0 bytes and hold more: the buffer must grow), and whatever a single
// read() returns (/proc gives a page or so at a time: a short read is not the end).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readBounded, readBoundedAsync, type ReadOutcome } from '../../server/src/sources/read';

const PROC_FILE = '/proc/self/maps';
const noProc = !fs.existsSync(PROC_FILE) && 'no /proc here';

const readers: [string, (file: string, max: number) => ReadOutcome | Promise<ReadOutcome>][] = [
  ['readBounded', readBounded],
  ['readBoundedAsync', readBoundedAsync],
];

function bytesOf(outcome: ReadOutcome): Buffer {
  if (!outcome.ok) assert.fail(`not read: ${outcome.problem}`);
  return Buffer.from(outcome.bytes);
}

describe('bounded reads', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-read-'));
  const text = Buffer.from('一、总体情况\n'.repeat(500));
  fs.writeFileSync(path.join(dir, 'report.txt'), text);
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');

  for (const [name, read] of readers) {
    it(`${name}: a file whole, and an empty one`, async () => {
      assert.deepEqual(bytesOf(await read(path.join(dir, 'report.txt'), 1 << 20)), text);
      assert.equal(bytesOf(await read(path.join(dir, 'empty.txt'), 1 << 20)).length, 0);
    });

    it(`${name}: over the limit by its size, and a directory, are refused`, async () => {
      assert.deepEqual(await read(path.join(dir, 'report.txt'), 100), { ok: false, problem: 'too-large', size: text.length, growing: false });
      assert.deepEqual(await read(dir, 1 << 20), { ok: false, problem: 'not-regular' });
    });

    it(`${name}: a file that holds more than its size says, in short reads, is read to its end, the buffer growing`, { skip: noProc }, async () => {
      assert.equal(fs.statSync(PROC_FILE).size, 0);
      const bytes = bytesOf(await read(PROC_FILE, 1 << 20));
      // Node's own whole-file read, for comparison (the process may map a little more in between).
      const whole = fs.readFileSync(PROC_FILE).length;
      assert.ok(whole > 4096, `${PROC_FILE} is ${whole} bytes: more than one read() returns`);
      assert.ok(bytes.length >= whole * 0.9, `${bytes.length} of ${whole} bytes`);
      assert.match(bytes.toString('latin1'), /\n$/);
    });

    it(`${name}: … and never past the limit while it grows`, { skip: noProc }, async () => {
      assert.deepEqual(await read(PROC_FILE, 64), { ok: false, problem: 'too-large', size: 65, growing: true });
    });
  }
});
