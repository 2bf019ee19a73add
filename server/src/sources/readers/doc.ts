// Legacy Word 97-2003 documents (.doc, and WPS's .wps, the same OLE format): word-extractor reads
// the text stream. It turns every cell mark of a table into a TAB, and a row's end is a cell mark
// too, so where a row does not end its paragraph the rows of a table run on in one line, an empty
// cell and a row's end alike ("…\t0\t2\t\t\t二、上年结转…"). Such lines are laid out one cell per
// line, a layout the table reader reads by its labels whatever the row breaks were.
import WordExtractor from 'word-extractor';

export async function readDoc(bytes: Uint8Array): Promise<string> {
  const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return cellsOnTheirLines(document.getBody().replace(/\r\n?/g, '\n'));
}

/** A cell that holds a figure: what a table row has and a heading with a typed tab has not. */
const FIGURE = /^\d[\d,]*(?:\.\d+)?$/;

/**
 * Lines of three cells or more with a figure among them are table cells: one per line, the empty
 * ones (row ends, merged cells) dropped. Other lines are left as they are: a header row without
 * figures reads as TAB-separated cells, and a heading whose author typed a TAB ("一、\t总体情况")
 * keeps its line.
 */
export function cellsOnTheirLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('\t')) return line;
      const cells = line.split('\t').map((c) => c.trim());
      if (cells.length < 3 || !cells.some((c) => FIGURE.test(c))) return line;
      return cells.filter((c) => c !== '').join('\n');
    })
    .join('\n');
}
