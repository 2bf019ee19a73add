// Text that a copied web page adds to a report and that is not the report (FORMAT.md §6), found in
// the normalized text so that every reader can read past it:
// - pinyin that traditional-script mirror sites insert after characters: 規(guī)章, 行政強(qiáng)制;
// - gambling spam that hacked pages inject into sentences and titles: 澳门新葡京娱乐场www.xpj888.com.
// normalize() blanks both in `norm` (same length, so every offset still points into the source)
// with marker characters that the readers take for whitespace and label keys skip (isSpace and
// isNoise), and that normalization otherwise never leaves in the text (it maps them to a plain
// space): foreign-text finds the removed spam by its marker and reports it.
import { KeywordScan } from './keywords';
import { charTable, isDigit, isSpace } from './chars';

/** Marks a removed pinyin group in `norm` (NO-BREAK SPACE). */
export const REMOVED_PINYIN = 0xa0;
/** Marks removed spam in `norm` (IDEOGRAPHIC SPACE). */
export const REMOVED_SPAM = 0x3000;

export interface Removal {
  start: number;
  end: number;
  marker: typeof REMOVED_PINYIN | typeof REMOVED_SPAM;
}

/** What to blank in a normalized text: pinyin groups and spam runs, in order, not overlapping. */
export function removals(norm: string): Removal[] {
  const pinyin = pinyinGroups(norm);
  if (pinyin.length === 0) return spamRuns(norm);
  // Spam is read with the pinyin already blanked, so that a run never ends inside a pinyin group.
  const spam = spamRuns(blank(norm, pinyin));
  if (spam.length === 0) return pinyin;
  // Both lists are in order: merge them; a pinyin group inside a spam run goes with the run.
  const out: Removal[] = [];
  let k = 0;
  for (const p of pinyin) {
    while (k < spam.length && spam[k].end <= p.start) out.push(spam[k++]);
    if (k < spam.length && spam[k].start < p.end) continue;
    out.push(p);
  }
  while (k < spam.length) out.push(spam[k++]);
  return out;
}

/** `s` with each removal replaced by its marker. */
function blank(s: string, removed: readonly Removal[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const r of removed) {
    parts.push(s.slice(from, r.start), String.fromCharCode(r.marker).repeat(r.end - r.start));
    from = r.end;
  }
  parts.push(s.slice(from));
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Pinyin: "(guī)", "(zhèn)", "(xìn xī)" right after a Chinese character.

const TONED = charTable('āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ');
/** Longest pinyin group read (a few syllables). */
const MAX_PINYIN = 32;

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * End (past the ")") of a pinyin group opening at `open`, or -1. Only lower-case letters, ü, tone
 * marks, spaces and apostrophes, with at least one tone mark: "(PDF)", "(www…)", "(app)" and every
 * English word or abbreviation has none, and a group after a non-Chinese character is never pinyin.
 */
function pinyinEnd(s: string, open: number): number {
  if (open === 0 || !isHan(s.charCodeAt(open - 1))) return -1;
  let toned = false;
  let letters = 0;
  const limit = Math.min(s.length, open + 1 + MAX_PINYIN);
  for (let i = open + 1; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x29 /* ) */) return toned && letters > 0 ? i + 1 : -1;
    if (TONED[c] === 1) {
      toned = true;
      letters++;
    } else if ((c >= 0x61 && c <= 0x7a) || c === 0xfc /* ü */) letters++;
    else if (c !== 0x20 && c !== 0x27 && c !== 0x2019) return -1; // space, apostrophes
  }
  return -1;
}

function pinyinGroups(s: string): Removal[] {
  const out: Removal[] = [];
  for (let open = s.indexOf('('); open >= 0; open = s.indexOf('(', open + 1)) {
    const end = pinyinEnd(s, open);
    if (end < 0) continue;
    out.push({ start: open, end, marker: REMOVED_PINYIN });
    open = end - 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Spam: a run of gambling-site words, site names, URLs and connectors. A run is spam when it holds
// a word that only gambling sites use (百家乐, 葡京, 365bet), a casino's name (澳门, 金沙, 银河 — also
// ordinary words and place names) next to a gambling word (娱乐, 官网, 网址) or a non-government URL,
// or a betting word (娱乐, 棋牌, 投注) next to such a URL. Ordinary links (www.xxx.gov.cn, a company
// site, an e-mail address) are never spam on their own: mirror sites and reports carry them.

/** Words only gambling sites use: a run holding one is spam. */
const STRONG = [
  '博彩', '娱乐城', '百家乐', '六合彩', '时时彩', '老虎机', '真人视讯', '真人娱乐', '真人荷官',
  '网上娱乐', '线上娱乐', '娱乐官网', '娱乐网址', '网上赌场', '线上赌场', '在线赌场', '在线投注',
  '网上投注', '投注平台', '投注官网', '葡京', '威尼斯人', '新濠天地', '美高梅', '华体会',
  '九游会', '金宝博', '新葡京', '威廉希尔', '博狗', '澳门彩', '新澳门', '澳彩', '开云体育', '亚博体育', '乐鱼体育',
  // Football betting, which mirror sites also put in place of a report's words ("…视察欧洲五大联赛重要讲话").
  '欧洲五大联赛', '五大联赛', '买球', '足彩', '竞彩', '体育投注', '足球投注',
];
/** Casino names that are also ordinary words or place names (金沙镇): spam only beside a gambling word or URL. */
const BRANDS = ['澳门', '金沙', '银河', '永利', '太阳城', '皇冠', '巴黎人', '伦敦人', '亚博', '开云', '乐鱼', '九游', '凯发', '开元'];
/** Gambling words that make a casino name spam. */
const GAMBLING = ['官网', '官方网站', '网址', '彩票'];
/** Betting words: they make a casino name or a (non-government) address spam ("开元棋牌 www.ky.com"). */
const BETTING = ['娱乐', '真人', '棋牌', '投注', '开户', '赌场'];
/** Words that spam runs are made of but that prove nothing alone (体育局, 登录平台, 中国). */
const FILLER = [
  '体育', '平台', '电子', '游戏', '登录', '登陆', '入口', '注册', '下载', '手机版', '网页版', '客户端', '集团',
  '国际', '中国', '官方', '在线', '线上', '网上', '首页', '最新', '唯一', '网站', '备用', '地址', '娱乐场',
];

/** What a piece of a run is; a run's pieces are collected as a bit set of these. */
const STRONG_PIECE = 1;
const BRAND_PIECE = 2;
const GAMBLING_PIECE = 4;
const BETTING_PIECE = 64;
const FILLER_PIECE = 8;
const URL_PIECE = 16;
const ALNUM_PIECE = 32;
type Kind = number;

const WORD_KIND = new Map<string, Kind>();
for (const [words, kind] of [[FILLER, FILLER_PIECE], [GAMBLING, GAMBLING_PIECE], [BETTING, BETTING_PIECE], [BRANDS, BRAND_PIECE], [STRONG, STRONG_PIECE]] as const) {
  for (const w of words) WORD_KIND.set(w, kind);
}
/** Lexicon words by first character, longest first. */
const BY_FIRST = new Map<string, string[]>();
for (const w of WORD_KIND.keys()) BY_FIRST.set(w[0], [...(BY_FIRST.get(w[0]) ?? []), w]);
for (const list of BY_FIRST.values()) list.sort((a, b) => b.length - a.length);
/** Lexicon words by last character, longest first (to read a run leftwards). */
const BY_LAST = new Map<string, string[]>();
for (const w of WORD_KIND.keys()) BY_LAST.set(w[w.length - 1], [...(BY_LAST.get(w[w.length - 1]) ?? []), w]);
for (const list of BY_LAST.values()) list.sort((a, b) => b.length - a.length);

/** Where a spam run may start: its strong words, casino names, betting words, and "bet" of 365bet/bet365. */
const SEEDS = new KeywordScan([...STRONG, ...BRANDS, ...BETTING, 'bet']);

/**
 * A site's address; the TLD ends the name unless a letter follows (digits after it are the report's own:
 * "www.xpj8888.com126条"). Government sites are checked apart.
 */
const URL = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+(?:com|net|cc|vip|top|xyz|me|tv|co|app|info|bet|club|online|site|win|io|ws|la|hk|asia|live|fun|org|cn|pw|us|in)(?![a-z-])(?::\d{1,5})?(?:\/[!#-+\--:=?-~]*)?/iy;
const GOV_URL = /\.gov(\.cn)?(?![a-z0-9-])/i;
/** An alphanumeric run that names a betting site: 365bet, bet365, betway, 365BETAPP. */
const BET = /\dbet|bet\d|betway|betapp/i;

/** Characters that may stand between the pieces of one run ("_", " - ", "【", "(中国)"), never a line break. */
function isConnector(c: number): boolean {
  if (c === 0x0a || c === 0x0d) return false;
  if (isSpace(c)) return true;
  switch (c) {
    case 0x5f /* _ */: case 0x2d /* - */: case 0x2014: case 0x2013: case 0xb7 /* · */: case 0x7c /* | */: case 0x2f /* / */:
    case 0x3a /* : */: case 0x28: case 0x29: case 0x5b: case 0x5d: case 0x3010 /* 【 */: case 0x3011 /* 】 */: case 0x7e /* ~ */:
    case 0x2a /* * */: case 0x23 /* # */:
      return true;
    default:
      return false;
  }
}

function isAlnum(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

interface Piece {
  start: number;
  end: number;
  kind: Kind;
}

/** Longest lexicon word at s[i]. */
function wordAt(s: string, i: number): Piece | null {
  const list = BY_FIRST.get(s[i]);
  if (!list) return null;
  for (const w of list) if (s.startsWith(w, i)) return { start: i, end: i + w.length, kind: WORD_KIND.get(w)! };
  return null;
}

/** Longest address or alphanumeric run read (a longer one is not a site's name). */
const MAX_ALNUM = 80;

/** The piece that starts at s[i]: a lexicon word, a (non-government) URL or an alphanumeric run. */
function pieceAt(s: string, i: number): Piece | null {
  const c = s.charCodeAt(i);
  if (!isAlnum(c)) return wordAt(s, i);
  // Read within a window: a run of letters the length of the text must not be rescanned per seed.
  const window = s.slice(i, i + MAX_ALNUM + 1);
  URL.lastIndex = 0;
  const url = URL.exec(window);
  if (url && url[0].length <= MAX_ALNUM) {
    // A government site or an e-mail address ("…@qq.com") is part of the report, not of a run.
    if (GOV_URL.test(url[0]) || (i > 0 && s[i - 1] === '@')) return null;
    return { start: i, end: i + url[0].length, kind: BET.test(url[0]) ? STRONG_PIECE : URL_PIECE };
  }
  let n = 0;
  while (n < window.length && isAlnum(window.charCodeAt(n))) n++;
  if (n > MAX_ALNUM) return null;
  const end = i + n;
  if (s.charCodeAt(end) === 0x40 /* @ */) return null;
  const run = window.slice(0, n);
  if (BET.test(run)) return { start: i, end, kind: STRONG_PIECE };
  // Bare digits before a word of the sentence are the report's own ("2023年", "3件").
  if (/^\d+$/.test(run) && end < s.length && !isConnector(s.charCodeAt(end)) && !wordAt(s, end)) return null;
  return { start: i, end, kind: ALNUM_PIECE };
}

/** Start of the alphanumeric run (with the dots, slashes and colons of an address) that ends at `j`. */
function alnumStart(s: string, j: number, withAddress: boolean): number {
  let k = j;
  while (k > 0 && j - k <= MAX_ALNUM) {
    const c = s.charCodeAt(k - 1);
    if (!isAlnum(c) && !(withAddress && (c === 0x2e || c === 0x2d || c === 0x2f || c === 0x3a))) break;
    k--;
  }
  return k;
}

/** The piece that ends at s[j] (exclusive), read leftwards. */
function pieceEndingAt(s: string, j: number): Piece | null {
  const list = BY_LAST.get(s[j - 1]);
  if (list) for (const w of list) if (j - w.length >= 0 && s.startsWith(w, j - w.length)) return { start: j - w.length, end: j, kind: WORD_KIND.get(w)! };
  if (!isAlnum(s.charCodeAt(j - 1))) return null;
  // An address ("http://www.xpj.com") or else a plain alphanumeric run, read forwards from its start.
  for (const k of [alnumStart(s, j, true), alnumStart(s, j, false)]) {
    const p = k < j ? pieceAt(s, k) : null;
    if (p && p.end === j) return p;
  }
  return null;
}

/** Connectors between two pieces: at most a few (" - ", "_", "【"). */
const MAX_GAP = 4;

function skipConnectors(s: string, i: number, step: 1 | -1): number {
  let n = 0;
  while (n < MAX_GAP) {
    const at = step === 1 ? i : i - 1;
    if (at < 0 || at >= s.length || !isConnector(s.charCodeAt(at))) break;
    i += step;
    n++;
  }
  return i;
}

interface Run {
  start: number;
  end: number;
  spam: boolean;
}

/** The run of pieces around `seed`, and whether it is spam. */
function runAround(s: string, seed: Piece): Run {
  let kinds = seed.kind;
  let start = seed.start;
  let end = seed.end;
  for (;;) {
    const at = skipConnectors(s, end, 1);
    const p = at < s.length ? pieceAt(s, at) : null;
    if (!p) break;
    kinds |= p.kind;
    end = p.end;
  }
  for (;;) {
    const at = skipConnectors(s, start, -1);
    const p = at > 0 ? pieceEndingAt(s, at) : null;
    if (!p) break;
    kinds |= p.kind;
    start = p.start;
  }
  const spam =
    (kinds & STRONG_PIECE) !== 0 ||
    ((kinds & BRAND_PIECE) !== 0 && (kinds & (GAMBLING_PIECE | BETTING_PIECE | URL_PIECE)) !== 0) ||
    ((kinds & BETTING_PIECE) !== 0 && (kinds & URL_PIECE) !== 0);
  if (!spam) return { start, end, spam };
  // Brackets opened or closed inside the run, or wrapped around it, belong to it: "【澳门新葡京】",
  // "官网(www.xpj.com)", "【太阳城集团】 www.tyc88.com".
  const closed = closeBrackets(s, start, end);
  return { start: closed.start, end: closed.end, spam };
}

/** The closing bracket of an opening one ("(", "[", "【"), or 0. */
function closerOf(c: number): number {
  return c === 0x28 ? 0x29 : c === 0x5b ? 0x5d : c === 0x3010 ? 0x3011 : 0;
}

function isCloser(c: number): boolean {
  return c === 0x29 || c === 0x5d || c === 0x3011;
}

/** The run widened over the brackets it leaves unpaired, and over a pair wrapped around it. */
function closeBrackets(s: string, start: number, end: number): { start: number; end: number } {
  let open = 0;
  let unopened = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (closerOf(c) !== 0) open++;
    else if (isCloser(c)) {
      if (open > 0) open--;
      else unopened++;
    }
  }
  // Each step takes one bracket more; a few brackets deep at most.
  for (let step = 0; step < 4; step++) {
    const before = start > 0 ? closerOf(s.charCodeAt(start - 1)) : 0;
    const after = end < s.length ? s.charCodeAt(end) : 0;
    if (open > 0 && isCloser(after)) {
      end++;
      open--;
    } else if (unopened > 0 && before !== 0) {
      start--;
      unopened--;
    } else if (open === 0 && unopened === 0 && before !== 0 && before === after) {
      start--;
      end++;
    } else break;
  }
  return { start, end };
}

function spamRuns(s: string): Removal[] {
  const out: Removal[] = [];
  for (let at = SEEDS.firstIn(s); at >= 0; ) {
    let next = at + 1;
    let seed: Piece | null;
    if (isAlnum(s.charCodeAt(at))) {
      // "bet" inside "365bet": the piece starts where its alphanumeric run does, and the whole run
      // is one seed (a run of "betbetbet…" is read once).
      const from = alnumStart(s, at, false);
      let to = at;
      while (to < s.length && isAlnum(s.charCodeAt(to))) to++;
      next = to;
      seed = to - from <= MAX_ALNUM ? pieceAt(s, from) : null;
    } else seed = pieceAt(s, at);
    const run = seed && (seed.kind & (STRONG_PIECE | BRAND_PIECE | BETTING_PIECE)) !== 0 ? runAround(s, seed) : null;
    if (run?.spam && (out.length === 0 || run.start >= out[out.length - 1].end)) out.push({ start: run.start, end: run.end, marker: REMOVED_SPAM });
    // A later seed inside the same run would read the same run again.
    if (run && run.end > next) next = run.end;
    at = next < s.length ? SEEDS.firstIn(s, next) : -1;
  }
  return out;
}
