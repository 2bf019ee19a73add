// The language server's one door to files as they are published (.txt, .md, .html, .docx, .doc,
// .pdf): nianbao/extract and nianbao/checkFiles depend only on `readSourceFile` here, which hands the
// file to the input layer (server/src/sources/, shared with the command line) and words its
// failures for the client. The Word and PDF readers load on first use, never at startup.
import * as path from 'node:path';
import { formatOf, readSourceFile as readSource, SOURCE_EXTENSIONS } from '../sources';
import type { SourceFormat } from '../shared/protocol';

export type { SourceFormat };

type LocalizedText = { 'zh-cn': string; en: string };

export type SourceResult =
  | { ok: true; text: string; format: SourceFormat; writable: boolean; scanned?: boolean }
  | { ok: false; message: LocalizedText };

/**
 * Which format a file name says (null: not one Nianbao reads): the input layer's table of extensions
 * (sources/formats.ts), with Markdown told apart from plain text for the editor.
 */
export function formatOfName(file: string): SourceFormat | null {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  return SOURCE_EXTENSIONS.has(extension) ? formatOf(file) : null;
}

export async function readSourceFile(file: string, options: { maxSize: number }): Promise<SourceResult> {
  const format = formatOfName(file);
  if (format === null) {
    return failure(`不是年报可读取的文件类型（${path.extname(file) || '无扩展名'}）。`, `Not a file type Nianbao reads (${path.extname(file) || 'no extension'}).`);
  }
  const read = await readSource(file, options);
  if (read.ok) return { ok: true, text: read.text, format: format === 'markdown' ? 'markdown' : read.format, writable: read.writable, scanned: read.scanned };
  if ('message' in read && read.message) return { ok: false, message: read.message };
  switch (read.problem) {
    case 'too-large':
      return failure(`文件过大（超过 ${options.maxSize} 字节），未读取。`, `File too large (over ${options.maxSize} bytes); not read.`);
    case 'not-regular':
      return failure('不是普通文件，未读取。', 'Not a regular file; not read.');
    case 'fs':
      return failure(`无法读取文件：${read.error.code ?? read.error.message}`, `Cannot read the file: ${read.error.code ?? read.error.message}`);
    default:
      return failure('无法识别文件的文字编码（可能不是文本文件）。', 'The file’s text encoding is not recognized (it may not be a text file).');
  }
}

function failure(zh: string, en: string): SourceResult {
  return { ok: false, message: { 'zh-cn': zh, en } };
}
