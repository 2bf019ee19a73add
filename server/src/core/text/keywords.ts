// Finding the first of a set of keywords in a text, ASCII letters matched without regard to case.
// A cheap pre-test before a rule's real patterns: one table lookup per character, and a comparison
// only where a keyword can start. A regex alternation of fifty words costs several times more per
// character (and must run over every report).

export class KeywordScan {
  /** For each UTF-16 unit: 0 nothing starts here, 1 a one-character keyword, 2 a longer one may. */
  private readonly starts = new Uint8Array(0x10000);
  private readonly byFirst = new Map<number, string[]>();

  constructor(words: readonly string[]) {
    for (const word of words) {
      if (word.length === 0) continue;
      const lower = word.toLowerCase();
      for (const first of new Set([lower.charCodeAt(0), word.toUpperCase().charCodeAt(0)])) {
        if (lower.length === 1) {
          this.starts[first] = 1;
          continue;
        }
        if (this.starts[first] !== 1) this.starts[first] = 2;
        const list = this.byFirst.get(first) ?? [];
        list.push(lower);
        this.byFirst.set(first, list);
      }
    }
  }

  /** Offset of the first keyword in text[from, to), or -1. */
  firstIn(text: string, from = 0, to = text.length): number {
    for (let i = from; i < to; i++) {
      const kind = this.starts[text.charCodeAt(i)];
      if (kind === 0) continue;
      if (kind === 1) return i;
      for (const word of this.byFirst.get(text.charCodeAt(i))!) {
        if (i + word.length <= to && matchesAt(text, i, word)) return i;
      }
    }
    return -1;
  }
}

/** Whether `lower` (a lower-cased keyword) is at text[at], ASCII letters in either case. */
function matchesAt(text: string, at: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    let c = text.charCodeAt(at + k);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(k)) return false;
  }
  return true;
}
