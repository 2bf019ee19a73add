// The input layer, shared by the command line and the language server (outside the pure engine):
// a file's bytes and name → the text the engine checks, with its format and whether fixes can be
// written back, or why it cannot be read. Text files and web pages are read synchronously (no
// per-file promise for the common case); Word and PDF readers are asynchronous.
import type { FileStamp, ReadOutcome } from './read';
import { readBoundedAsync } from './read';
import { decodeBytes, type EncodingName } from './decode';
import { FORMAT_DISPLAY, formatOf, isWritable, type SourceFormat } from './formats';
import { loadReader } from './load';
import { bilingual, type SourceMessageId } from './messages';
import type { SourceFailure, SourceResult, SourceText } from './source';
import type * as HtmlReader from './readers/html';
import type * as DocxReader from './readers/docx';
import type * as DocReader from './readers/doc';
import type * as PdfReader from './readers/pdf';

export type { SourceFailure, SourceResult, SourceText } from './source';
export { formatOf, isWritable, SOURCE_EXTENSIONS, FORMAT_DISPLAY, type SourceFormat } from './formats';
export { bilingual, sourceMessage, type Bilingual } from './messages';
export { scannedFinding } from './scanned';

export interface SourceOptions {
  /** Force the encoding of a text file or web page (`--encoding`). */
  encoding?: EncodingName;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function unreadable(format: SourceFormat, id: SourceMessageId, reason: string): SourceFailure {
  return { ok: false, problem: 'unreadable', format, message: bilingual(id, { reason, format: FORMAT_DISPLAY[format] }) };
}

function extracted(format: SourceFormat, text: string, extra: Partial<SourceText> = {}): SourceText {
  return { ok: true, text, format, writable: isWritable(format), ...extra };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function readText(bytes: Uint8Array, encoding: EncodingName | undefined): SourceResult {
  const decoded = decodeBytes(bytes, encoding);
  if (!decoded.ok) return { ok: false, problem: decoded.reason, format: 'text' };
  const { text, encoding: found, bom, lossy } = decoded;
  return extracted('text', text, { decoded: { text, encoding: found, bom, lossy } });
}

function readHtml(bytes: Uint8Array, encoding: EncodingName | undefined): SourceResult {
  let reader: typeof HtmlReader;
  try {
    reader = loadReader<typeof HtmlReader>('html');
  } catch (error) {
    return unreadable('html', 'readerMissing', reason(error));
  }
  try {
    const read = reader.readHtml(bytes, encoding);
    return read.ok ? extracted('html', read.text) : { ok: false, problem: read.reason, format: 'html' };
  } catch (error) {
    return unreadable('html', 'notHtml', reason(error));
  }
}

/** .docx and .doc by what the bytes are (a renamed file is common): a ZIP is .docx, an OLE file .doc. */
async function readWord(bytes: Uint8Array, named: 'docx' | 'doc'): Promise<SourceResult> {
  const format = startsWith(bytes, ZIP) ? 'docx' : startsWith(bytes, OLE) ? 'doc' : named;
  const id = format === 'docx' ? 'notDocx' : 'notDoc';
  if (!startsWith(bytes, ZIP) && !startsWith(bytes, OLE)) {
    return unreadable(format, id, format === 'docx' ? 'not a ZIP package / 不是 ZIP 格式的 Word 文档' : 'not an OLE compound file / 不是 Word 97-2003 文件格式');
  }
  try {
    const text =
      format === 'docx'
        ? await loadReader<typeof DocxReader>('docx').readDocx(bytes)
        : await loadReader<typeof DocReader>('doc').readDoc(bytes);
    return extracted(format, text);
  } catch (error) {
    return unreadable(format, id, reason(error));
  }
}

async function readPdf(bytes: Uint8Array): Promise<SourceResult> {
  let reader: typeof PdfReader;
  try {
    reader = loadReader<typeof PdfReader>('pdf');
  } catch (error) {
    return unreadable('pdf', 'readerMissing', reason(error));
  }
  try {
    const read = await reader.readPdf(bytes);
    if (read.ok) return extracted('pdf', read.text, { pages: read.pages, pageStarts: read.pageStarts, scanned: read.scanned });
    if (read.reason === 'password') return { ok: false, problem: 'unreadable', format: 'pdf', message: bilingual('pdfPassword') };
    return unreadable('pdf', 'notPdf', read.detail);
  } catch (error) {
    return unreadable('pdf', 'notPdf', reason(error));
  }
}

/**
 * Bytes and a file name → the text to check. Synchronous for text files and web pages; a promise
 * for Word and PDF files. Never throws.
 */
export function readSource(bytes: Uint8Array, name: string, options: SourceOptions = {}): SourceResult | Promise<SourceResult> {
  const format = formatOf(name);
  switch (format) {
    case 'text':
      return readText(bytes, options.encoding);
    case 'html':
      return readHtml(bytes, options.encoding);
    case 'docx':
    case 'doc':
      return readWord(bytes, format);
    case 'pdf':
      return readPdf(bytes);
  }
}

export type SourceFileResult = (SourceText & { bytes: Uint8Array; stamp: FileStamp }) | SourceFailure | Exclude<ReadOutcome, { ok: true }>;

/** A file by path (bounded, non-blocking read), for the language server: see `readSource`. */
export async function readSourceFile(file: string, options: SourceOptions & { maxSize: number }): Promise<SourceFileResult> {
  const read = await readBoundedAsync(file, options.maxSize);
  if (!read.ok) return read;
  const source = await readSource(read.bytes, file, options);
  return source.ok ? { ...source, bytes: read.bytes, stamp: read.stamp } : source;
}
