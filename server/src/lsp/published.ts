// The language server's one door to files as they are published (.txt, .md, .html, .docx, .doc,
// .pdf). Everything else (nianbao/extract, nianbao/checkFiles) depends only on `readSourceFile`'s
// signature, which is the input layer's (server/src/sources/): at merge time this body becomes a
// call to it. Until then it reads text formats (a web page as its raw text) with the bounded reader
// and says plainly that Word and PDF files are not read yet. No reader is loaded here at startup.
import * as path from 'node:path';
import { decodeBytes } from '../cli/decode';
import { readBoundedAsync } from '../io/read';
import type { SourceFormat } from '../shared/protocol';

export type { SourceFormat };

type LocalizedText = { 'zh-cn': string; en: string };

export type SourceResult =
  | { ok: true; text: string; format: SourceFormat; writable: boolean; scanned?: boolean }
  | { ok: false; message: LocalizedText };

/** Which format a file name says (null: not one Nianbao reads). */
export function formatOfName(file: string): SourceFormat | null {
  switch (path.extname(file).toLowerCase()) {
    case '.txt':
      return 'text';
    case '.md':
    case '.markdown':
      return 'markdown';
    case '.html':
    case '.htm':
      return 'html';
    case '.docx':
      return 'docx';
    case '.doc':
      return 'doc';
    case '.pdf':
      return 'pdf';
    default:
      return null;
  }
}

export async function readSourceFile(file: string, options: { maxSize: number }): Promise<SourceResult> {
  const format = formatOfName(file);
  if (format === null) {
    return failure(`不是年报可读取的文件类型（${path.extname(file) || '无扩展名'}）。`, `Not a file type Nianbao reads (${path.extname(file) || 'no extension'}).`);
  }
  if (format === 'docx' || format === 'doc' || format === 'pdf') {
    const name = format.toUpperCase();
    return failure(`暂不支持读取 ${name} 文件，请另存为文本后检查。`, `${name} files cannot be read yet; save the report as text to check it.`);
  }
  const read = await readBoundedAsync(file, options.maxSize);
  if (!read.ok) {
    if (read.problem === 'too-large') return failure(`文件过大（超过 ${options.maxSize} 字节），未读取。`, `File too large (over ${options.maxSize} bytes); not read.`);
    if (read.problem === 'not-regular') return failure('不是普通文件，未读取。', 'Not a regular file; not read.');
    return failure(`无法读取文件：${read.error.code ?? read.error.message}`, `Cannot read the file: ${read.error.code ?? read.error.message}`);
  }
  const decoded = decodeBytes(read.bytes);
  if (!decoded.ok) return failure('无法识别文件的文字编码（可能不是文本文件）。', 'The file’s text encoding is not recognized (it may not be a text file).');
  // A web page is read as its raw text for now: only text and Markdown are written back by an editor.
  return { ok: true, text: decoded.text, format, writable: format !== 'html' };
}

function failure(zh: string, en: string): SourceResult {
  return { ok: false, message: { 'zh-cn': zh, en } };
}
