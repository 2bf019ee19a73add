// `nianbao check -`: the report comes from standard input, as with every linter. It is read whole
// (up to --max-size) before the files are checked, in the main thread, and its bytes travel with its
// job to whichever thread checks it.
import type { Locale } from '../core';
import type { FileJob } from './files';
import { t } from './messages';

/** Reads the stream to its end, or until it passes `maxSize` bytes. */
export async function readStream(stream: NodeJS.ReadableStream, maxSize: number): Promise<{ ok: true; bytes: Buffer } | { ok: false; size: number } | { ok: false; error: unknown }> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      length += bytes.length;
      if (length > maxSize) return { ok: false, size: length };
      chunks.push(bytes);
    }
  } catch (error) {
    return { ok: false, error };
  }
  return { ok: true, bytes: Buffer.concat(chunks, length) };
}

/** Gives the standard-input job (if any) its bytes, or the reason they could not be read. */
export async function readStdinJob(jobs: FileJob[], maxSize: number, locale: Locale, stream: NodeJS.ReadableStream = process.stdin): Promise<void> {
  const job = jobs.find((j) => j.stdin);
  if (!job) return;
  const read = await readStream(stream, maxSize);
  if (read.ok) job.input = read.bytes;
  else if ('size' in read) job.error = t(locale, 'tooLarge', { size: `≥ ${read.size}`, max: maxSize });
  else job.error = t(locale, 'readFailed', { reason: (read.error as NodeJS.ErrnoException)?.code ?? String(read.error) });
}
