// Finding the first of a set of keywords in a text, ASCII letters matched without regard to case.
// A cheap pre-test before a rule's real patterns: a bit test per character, and a comparison only
// where a keyword can start and its second character can follow. A regex alternation of fifty words
// costs several times more per character (and must run over every report).
//
// Measured on the benchmark's reports (4,100 characters each, scanned whole by the spam reader and
// foreign-text): a 64 KB table indexed by character missed the cache on Chinese text, and 开 (a first
// character of 开云/开元/开户) occurs some sixty times a report, in 公开, each a map lookup and four
// comparisons. 8 KB bit sets and a 32-bit mask of possible second characters (by the second
// character's low five bits, the same for both cases of an ASCII letter) take about a third off.

/** Bucket of a first character's second-character mask: 1,024 masks, 4 KB. */
function maskSlot(c: number): number {
  return Math.imul(c, 0x9e3779b1) >>> 22;
}

export class KeywordScan {
  /** One bit per UTF-16 unit: a keyword starts with it. */
  private readonly starts = new Int32Array(0x10000 >>> 5);
  /** One bit per unit that is a whole keyword by itself: found as soon as seen. */
  private readonly alone = new Int32Array(0x10000 >>> 5);
  /** Per first unit (bucketed, so possibly shared): bit (second unit & 31) set when a keyword continues so. */
  private readonly seconds = new Int32Array(1024);
  private readonly byFirst = new Map<number, string[]>();

  constructor(words: readonly string[]) {
    for (const word of words) {
      if (word.length === 0) continue;
      const lower = word.toLowerCase();
      for (const first of new Set([lower.charCodeAt(0), word.toUpperCase().charCodeAt(0)])) {
        this.starts[first >>> 5] |= 1 << (first & 31);
        if (lower.length === 1) {
          this.alone[first >>> 5] |= 1 << (first & 31);
          continue;
        }
        this.seconds[maskSlot(first)] |= 1 << (lower.charCodeAt(1) & 31);
        const list = this.byFirst.get(first) ?? [];
        list.push(lower);
        this.byFirst.set(first, list);
      }
    }
  }

  /** Offset of the first keyword in text[from, to), or -1. */
  firstIn(text: string, from = 0, to = text.length): number {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (((this.starts[c >>> 5] >>> (c & 31)) & 1) === 0) continue;
      if (((this.alone[c >>> 5] >>> (c & 31)) & 1) !== 0) return i;
      // Past the end, charCodeAt gives NaN, whose low bits are 0: the comparison below decides.
      if (((this.seconds[maskSlot(c)] >>> (text.charCodeAt(i + 1) & 31)) & 1) === 0) continue;
      for (const word of this.byFirst.get(c)!) {
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
