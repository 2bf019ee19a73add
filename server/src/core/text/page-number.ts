// A page number on a line of its own ("- 4 -", "— 4 —", "第 4 页", "第4页 共9页", "4/9"), as a PDF or
// a printout leaves it where its page broke: page furniture, never part of the report. The PDF
// reader drops it at a page's top and bottom; the table reader skips it between rows, where a copy
// of a PDF as text still has it (read as cells, its dashes and number ran into the row before it
// and took that row out of every sum).

const PAGE_NUMBER = /^\s*(?:[-—–－―~]{1,2}\s*\d{1,3}\s*[-—–－―~]{1,2}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/** No page number line is longer than this: the test stays off every other line at one comparison. */
const MAX_LENGTH = 24;

/** Whether text[start, end) is a page number line. */
export function isPageNumberLine(text: string, start = 0, end = text.length): boolean {
  return end - start <= MAX_LENGTH && PAGE_NUMBER.test(text.slice(start, end));
}
