// Legacy Word 97-2003 documents (.doc, and WPS's .wps, the same OLE format): word-extractor reads
// the text stream. It turns the cell marks of tables into TABs, but a row's end is a cell mark
// too, so the rows of a table come out on one line (see the report: tables of .doc files are read
// poorly; save as .docx for a full check).
import WordExtractor from 'word-extractor';

export async function readDoc(bytes: Uint8Array): Promise<string> {
  const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return document.getBody().replace(/\r\n?/g, '\n');
}
