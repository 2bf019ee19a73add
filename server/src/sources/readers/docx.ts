// Word documents (.docx): mammoth turns the document into HTML, keeping tables (its raw-text mode
// loses them) with merged cells as colspan (gridSpan) and rowspan (vMerge); html-text.ts then
// gives one line per paragraph and one TAB-separated line per table row.
import * as mammoth from 'mammoth';
import { htmlToText } from '../html-text';

export async function readDocx(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { ignoreEmptyParagraphs: false });
  return htmlToText(value, { article: false });
}
