// Which reader a file goes to, by its extension (what the file says it is; the reader then checks
// the bytes and says so when they are something else). Anything not listed is read as text, as
// before: a report saved as .txt, .md, or named on the command line with any other extension.
import * as path from 'node:path';

export type SourceFormat = 'text' | 'html' | 'docx' | 'doc' | 'pdf';

const BY_EXTENSION: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.doc': 'doc',
  // WPS's own format is the Word 97 binary (OLE) format, which word-extractor reads.
  '.wps': 'doc',
  '.pdf': 'pdf',
};

/** The extensions a directory walk picks up as reports. */
export const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(BY_EXTENSION));

export function formatOf(name: string): SourceFormat {
  return BY_EXTENSION[path.extname(name).toLowerCase()] ?? 'text';
}

/** Formats whose text is extracted, not the file itself: fixes cannot be written back to them. */
export function isWritable(format: SourceFormat): boolean {
  return format === 'text';
}

/** How messages name a format. */
export const FORMAT_DISPLAY: Record<SourceFormat, string> = {
  text: 'text',
  html: 'HTML',
  docx: 'Word (.docx)',
  doc: 'Word 97-2003 (.doc)',
  pdf: 'PDF',
};
