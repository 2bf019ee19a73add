// The input layer's own sentences, in both languages: why a file could not be read as its format,
// why its fixes cannot be written, and the finding for a PDF without a text layer.
import { formatMessage, localize, type Locale } from '../core';

export type Bilingual = { 'zh-cn': string; en: string };

const MESSAGES = {
  notDocx: {
    'zh-cn': '无法读取 Word 文档（.docx）：{reason}',
    en: 'Cannot read the Word document (.docx): {reason}',
  },
  notDoc: {
    'zh-cn': '无法读取 Word 97-2003 文档（.doc/.wps）：{reason}',
    en: 'Cannot read the Word 97-2003 document (.doc/.wps): {reason}',
  },
  notPdf: {
    'zh-cn': '无法读取 PDF 文件：{reason}',
    en: 'Cannot read the PDF file: {reason}',
  },
  pdfPassword: {
    'zh-cn': 'PDF 文件有密码保护，无法读取其文字',
    en: 'The PDF file is password-protected; its text cannot be read',
  },
  notHtml: {
    'zh-cn': '无法读取网页文件：{reason}',
    en: 'Cannot read the web page: {reason}',
  },
  readerMissing: {
    'zh-cn': '无法加载 {format} 读取组件：{reason}',
    en: 'The {format} reader could not be loaded: {reason}',
  },
  notWritable: {
    'zh-cn': '{format} 文件无法写回，未应用修复：请在原文档（Word、WPS 或发布系统）中修改',
    en: 'Fixes were not applied: a {format} file cannot be written back; correct the original document (Word, WPS or the publishing system)',
  },
  scanned: {
    'zh-cn': '该 PDF 没有文字层（扫描图像），无法读取表格和正文：请先进行文字识别（OCR），或使用原始 Word/文本文件',
    en: 'This PDF has no text layer (a scanned image), so no table or text can be read: run OCR on it first, or check the original Word or text file',
  },
} satisfies Record<string, Bilingual>;

export type SourceMessageId = keyof typeof MESSAGES;

/** A message in both languages, its placeholders filled. */
export function bilingual(id: SourceMessageId, args: Record<string, string | number> = {}): Bilingual {
  const m = MESSAGES[id];
  return { 'zh-cn': formatMessage(m['zh-cn'], args), en: formatMessage(m.en, args) };
}

export function sourceMessage(locale: Locale, text: Bilingual): string {
  return localize(text, locale);
}
