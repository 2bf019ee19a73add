// Counts: a number with its unit as the narrative writes it ("103件", "**2** 件", "两件", "400余人",
// "14.6%"). The one scanner every reader of prose numbers uses (figures, breakdowns, percentages),
// so that they all read numbers the same way.
import type { Report } from '../model';
import type { Span } from '../types';
import { compactKey } from '../text/normalize';
import { charTable, isDigit } from '../text/chars';
import { newList } from './lists';

export interface Count {
  value: number;
  /** The number as written (digits or Chinese numerals). */
  span: Span;
  /** From the number (or its Markdown `**`) to the end of the unit and any 以上/左右. */
  start: number;
  end: number;
  unit: string;
  /** "余", "多", "近", "约", "以上", "左右", "不足" … */
  approximate: boolean;
  /** Digits after the decimal point, for percentages. */
  decimals: number;
}

const UNITS = '件次|人次|万元|件|条|宗|起|个|份|项|次|篇|期|场|家|户|人|册|本|张|批|部|处|所|台|例|元|%';
// The count itself, tried only where one can start (mayStartCount): a leading lookbehind would
// be tried at every position, and inside a run of digits each try would rescan the rest of the run.
const COUNT = new RegExp(
  String.raw`(\*\*\s*)?(\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(万|千)?(\s*\*\*)?\s*(余|多)?\s*(${UNITS})(以上|左右|余)?`,
  'y',
);

/** What a count may start with (a digit, a Chinese numeral, the `*` of `**`), and what it may not follow. */
const COUNT_START = charTable('0123456789零〇一二两三四五六七八九十百千*');
const NOT_BEFORE_COUNT = charTable('0123456789零〇一二两三四五六七八九十百千万第每');

/**
 * Where a count may start in s[from…]: a digit, numeral or `*`, not right after a numeral, 万, 第 or 每
 * ("12345热线" is not 5 件 of anything, nor "第一批" a batch of one), nor after a digit and a
 * decimal point or comma (the "5" of "1.5").
 */
function mayStartCount(s: string, at: number, from: number): boolean {
  if (COUNT_START[s.charCodeAt(at)] === 0) return false;
  if (at === from) return true;
  const c = s.charCodeAt(at - 1);
  if (NOT_BEFORE_COUNT[c] === 1) return false;
  return !(at > from + 1 && (c === 0x2e || c === 0x2c) && isDigit(s.charCodeAt(at - 2)));
}

const APPROX_BEFORE = /(近|约|逾|超过|将近|大约|约为|不少于|不低于|不足|不到|至少)$/;

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 两 → 2, 十二 → 12, 一百零五 → 105; null for anything that is not a plain count. */
export function parseChineseCount(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit !== null && digit !== 0) return null; // "一二" is not a number
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      total += (digit ?? (total === 0 ? 1 : NaN)) * CN_UNITS[ch];
      if (Number.isNaN(total)) return null;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/**
 * Most sentences hold no count: they share one empty list rather than each keeping its own (a large
 * document has a hundred thousand sentences, each kept for the whole check). Nothing may add to it.
 * (Not frozen: a frozen array has a hidden class of its own, and every reader of counts would slow down.)
 */
const NO_COUNTS = newList<Count>();
/** Each unit as one string, instead of a new one-character string per count read from the regex match. */
const UNIT_NAMES = new Map(UNITS.split('|').map((u) => [u, u]));

function newCount(value: number, span: Span, start: number, end: number, unit: string, approximate: boolean, decimals: number): Count {
  return { value, span, start, end, unit, approximate, decimals };
}


/**
 * Counts are made by the function above, and one is made first with a fraction (exported, so that
 * the bundle keeps it; parse/figures.ts does the same for figures). V8 gives a field the
 * representation of the values first stored in it: with whole numbers first, the first 12.5 % of a
 * run moved every count to another hidden class and threw away the code optimized for the old one
 * (once per worker, some 125 reports in).
 */
export const FRACTIONAL_COUNT: object = newCount(0.5, { start: 0, end: 0 }, 0, 0, '%', false, 1);

/** Every count in norm[start, end), in order. */
export function countsIn(report: Pick<Report, 'text' | 'norm'>, start: number, end: number): Count[] {
  const { norm, text } = report;
  let out: Count[] = NO_COUNTS;
  // The regex runs on the range alone (so that nothing after `end` is read); the slice is made
  // only once a count may start.
  let slice: string | null = null;
  for (let at = start; at < end; at++) {
    if (!mayStartCount(norm, at, start)) continue;
    slice ??= norm.slice(start, end);
    COUNT.lastIndex = at - start;
    const m = COUNT.exec(slice);
    if (!m) continue;
    at = start + m.index + m[0].length - 1;
    const [whole, stars, numeral, mult, , more, unit, after] = m;
    const numStart = start + m.index + (stars?.length ?? 0);
    // "1,234" only when the comma was an ASCII comma in the source (a full-width ， is a clause break).
    if (numeral.includes(',') && text.slice(numStart, numStart + numeral.length).includes('，')) continue;
    let value: number | null = /^[\d.,]+$/.test(numeral) ? Number(numeral.replace(/,/g, '')) : parseChineseCount(numeral);
    if (value === null || !Number.isFinite(value)) continue;
    if (mult) value *= mult === '万' ? 10000 : 1000;
    if (out === NO_COUNTS) out = newList();
    out.push(
      newCount(
        value,
        { start: numStart, end: numStart + numeral.length },
        start + m.index,
        start + m.index + whole.length,
        UNIT_NAMES.get(unit) ?? unit,
        !!more || !!after || APPROX_BEFORE.test(compactKey(norm, Math.max(0, start + m.index - 8), start + m.index).key),
        numeral.includes('.') ? numeral.length - numeral.indexOf('.') - 1 : 0,
      ),
    );
  }
  // A list grown by push has room for 17; the counts are kept for the whole check, so in a copy
  // of their own length.
  return out === NO_COUNTS ? out : out.slice();
}

