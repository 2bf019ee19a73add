// Character classes by UTF-16 code unit, for the scans that run over every character of a report:
// a table lookup or a comparison instead of a regex test on a one-character string.

/** A table with 1 for each of `chars` (64 KB, indexed by code unit). */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** An ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** JavaScript's \s, without a regex test per character. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Characters that never matter when comparing labels: whitespace, Markdown markup, quotes. */
export function isNoise(c: number): boolean {
  switch (c) {
    case 0x20: case 0x09: case 0x0a: case 0x0d: case 0x0b: case 0x0c: case 0xa0: case 0x3000: case 0xfeff:
    case 0x2a /* * */: case 0x7c /* | */: case 0x23 /* # */: case 0x60 /* ` */: case 0x5f /* _ */: case 0x7e /* ~ */:
    case 0x22: case 0x27: case 0x201c: case 0x201d: case 0x2018: case 0x2019:
    case 0x300c: case 0x300d: case 0x300e: case 0x300f:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200b; // typographic spaces
  }
}
