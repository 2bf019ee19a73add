// Figures stated in the narrative ("收到申请103件") and the table cell each names (FORMAT.md §4, R5).
//
// Reading is deliberately narrow: a number is taken as naming a cell only when the words right
// before it are one of the phrasings below, with nothing in between but filler (共, 计, 为 …). A
// figure with another scope (公报刊登, 备案, 清理, 解读, a past year, a whole city's 各部门) names no
// cell and is left alone: a false alarm costs as much as a missed error.
//
// The count scanner and the statement builder here are shared with the breakdown-sum and
// percentage rules, so that all three read numbers the same way.
import type { Figure, Report, SectionKey } from '../model';
import type { Span } from '../types';
import type { LineIndex } from '../text/lines';
import { compactKey } from '../text/normalize';
import { charTable, isDigit, isSpace } from '../text/chars';
import { sentencesOf, type Sentence, type Sentences } from './narrative';
import { Attached } from '../attached';
import { newList } from '../lists';

// ---------------------------------------------------------------------------------------------
// Counts: a number with its unit ("103件", "**2** 件", "两件", "400余人", "14.6%")

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

function newFigure(target: string, value: number, span: Span, phraseSpan: Span, phrase: string, approximate: boolean): Figure {
  return { target, value, span, phraseSpan, phrase, approximate };
}

/**
 * Counts and figures are made by the two functions above, and one of each is made first with a
 * fraction (exported, so that the bundle keeps them). V8 gives a field the representation of the
 * values first stored in it: with whole numbers first, the first 12.5 % of a run moved every count
 * and figure to another hidden class and threw away the code optimized for the old one (once per
 * worker, some 125 reports in).
 */
export const FRACTIONAL_FIRST: readonly object[] = [
  newCount(0.5, { start: 0, end: 0 }, 0, 0, '%', false, 1),
  newFigure('', 0.5, { start: 0, end: 0 }, { start: 0, end: 0 }, '', false),
];

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

// ---------------------------------------------------------------------------------------------
// Statements: sentences joined over "；" (a list often runs over several semicolons)

export interface Statement extends Span {
  sectionKey: SectionKey | null;
  counts: Count[];
}

const STATEMENTS = new Attached<Report, Statement[]>('statements');

/**
 * The counts of sentence i, read once for the figure reader and the statements. A statement's
 * counts are its sentences' counts: sentences join only over "；" and blank space, which no count spans.
 */
export function countsOfSentence(report: Report, sentences: Sentences, i: number): Count[] {
  return (sentences.counts[i] ??= countsIn(report, sentences.start(i), sentences.end(i)));
}

/**
 * The statements of a report that state two counts or more, computed once: what the breakdown and
 * percentage rules read (a total and a part, a count and its share). Most statements state fewer.
 * (Readers loop over them by index: a for…of allocates an iterator result per step until its
 * function is optimized, and a rule runs once per check, so on a long document it would read
 * thousands of statements in unoptimized code.)
 */
export function statementsOf(report: Report): Statement[] {
  return STATEMENTS.of(report, () => buildStatements(report, sentencesOf(report)));
}

/** Longer than any real statement: pasted debris, not prose. Its counts are not read. */
export const MAX_STATEMENT = 3000;

function isSemicolon(c: number): boolean {
  return c === 0x3b || c === 0xff1b;
}

function onlySpaceOrStars(norm: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c !== 0x2a && !isSpace(c)) return false;
  }
  return true;
}

/** Sentences joined over "；" and blank space (not across a heading or a section) make a statement. */
function buildStatements(report: Report, sentences: Sentences): Statement[] {
  const { norm } = report;
  const out: Statement[] = [];
  let first = 0;
  while (first < sentences.length) {
    if (sentences.isHeading(first)) {
      first++;
      continue;
    }
    const start = sentences.start(first);
    const sectionIndex = sentences.sectionIndex(first);
    let last = first;
    for (let next = last + 1; next < sentences.length && !sentences.isHeading(next); next = last + 1) {
      const end = sentences.end(last);
      const nextStart = sentences.start(next);
      const joins = isSemicolon(norm.charCodeAt(end - 1)) && nextStart - end < 200 && onlySpaceOrStars(norm, end, nextStart) && sentences.sectionIndex(next) === sectionIndex;
      if (!joins) break;
      last++;
    }
    const end = sentences.end(last);
    if (end - start <= MAX_STATEMENT) {
      let counts = countsOfSentence(report, sentences, first);
      if (last > first) {
        counts = [...counts];
        for (let k = first + 1; k <= last; k++) counts.push(...countsOfSentence(report, sentences, k));
      }
      if (counts.length >= 2) out.push({ start, end, sectionKey: sentences.sectionKey(first), counts });
    }
    first = last + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Local context of a count: the words of its clause before it

/** Clause breaks in normalized text (、 is not one: "受理、办理…申请0件" is one phrase). */
const CLAUSE_BREAKS = charTable(',;:()。!?，；：（）\n');

/** Whether text[at] breaks a clause (tested by table: this runs for every character of a prefix). */
export function isClauseBreak(text: string, at: number): boolean {
  return CLAUSE_BREAKS[text.charCodeAt(at)] === 1;
}

export interface Prefix {
  /** Compact text (no spaces, Markdown or quotes) from the clause start (or previous count) to the count. */
  key: string;
  /** Source offset of every character of `key`. */
  offsets: number[];
  /** Start of the clause (normalized offset). */
  clauseStart: number;
}

/** How far back the words that name a count are looked for. */
const PREFIX_REACH = 80;

/** The words that introduce `count`: back to the clause break or the previous count, whichever is nearer. */
export function prefixOf(norm: string, from: number, count: Count, previous: Count | undefined): Prefix {
  const reach = Math.max(from, count.start - PREFIX_REACH);
  let clauseStart = reach;
  for (let i = count.start - 1; i >= reach; i--) {
    if (isClauseBreak(norm, i)) {
      clauseStart = i + 1;
      break;
    }
  }
  const start = previous && previous.end > clauseStart ? previous.end : clauseStart;
  const { key, offsets } = compactKey(norm, start, count.start);
  // Leading joiners of a list ("、行政诉讼2件", "和行政诉讼").
  let skip = 0;
  while (skip < key.length && /[、和及与并且]/.test(key[skip])) skip++;
  return { key: key.slice(skip), offsets: offsets.slice(skip), clauseStart };
}


// ---------------------------------------------------------------------------------------------
// Phrasings that name a cell

/**
 * Filler between the naming words and the number. No alternative is a concatenation of others
 * (共计 = 共 + 计): an ambiguous repetition backtracks exponentially on adversarial input.
 */
const FILL = '(?:合计|总计|累计|一共|共|计|达到|达|为|是|有|数量|总数|总量|数|的|近|约|逾|超过|将近|大约)*';

/**
 * Words that give a figure another scope than the table's. A whole city's or county's figures
 * (全市, 各部门) may aggregate bodies the table does not cover.
 */
export const SENTENCE_SCOPE = /全[市区县省州盟旗]|各(地|部门|单位|县|区|乡镇|街道|级)|市直|区直|县直/;
/** Comparisons and other years: not this year's cell. */
const COMPARISON = /同比|上年|去年|上一年|往年|较|比上|增长|下降|增加|减少|平均|月均|日均|截至|截止|历年/;
/** Counts of other things than disclosure requests. */
const NOT_REQUESTS = /复议|诉讼|咨询|留言|信访|投诉|举报|来信|建议|提案|转办|意见|热线|自然人|法人|企业|网上|网络|在线|当面|信函|邮寄|传真|邮件|现场|电话/;
/** Another scope for a count of 规范性文件. */
const NOT_ISSUED = /备案|报备|清理|审核|审查|解读|公报|刊登|征求|起草|草案|修改|修订|评估|转发|宣传|合法性|政策文件|配套|报送|目录|梳理/;
/** The body decides reviews (复议机关) or the figure is a result, not a count of cases. */
const NOT_APPEALS = /受理|办理|审理|办结|收到|接收|纠错|纠正|败诉|胜诉|撤销|维持|确认违法|决定|复议机关|应诉|出庭|赔偿|复议后/;
const DISCLOSURE_CONTEXT = /信息公开|政务公开|依申请|政府信息/;
/** Documents of other bodies than the reporting one ("部门发布规范性文件30件"). */
const OTHER_BODIES = /部门|乡镇|街道|下属|所属|系统|委办局|各/;
/** A sentence about requests for disclosure, not about a hotline or other applications. */
const REQUEST_CONTEXT = /申请/;
const NOT_REQUEST_CONTEXT = /热线|留言|咨询|建议|提案|转办|来信|许可|审批|服务事项|办件|复议|诉讼/;

interface PatternSpec {
  target: string;
  re: RegExp;
  units: RegExp;
  /** A total of the whole table: not inside a breakdown ("其中…"). */
  total?: boolean;
  /** Words that disqualify the clause. */
  block?: RegExp;
  /** Needs the sentence to be about disclosure (or to sit in section 四). */
  disclosure?: boolean;
  /** Needs the sentence to speak of requests ("办结" alone may be a hotline's count). */
  requests?: boolean;
}

const CASE_UNITS = /^(件|宗|起|个|次|例)$/;
const REQUEST_UNITS = /^(件|件次|份|个|宗)$/;
const DOC_UNITS = /^(件|个|份|项|部|篇)$/;
const REVIEW = '(?:被申请|申请)?行政复议(?:案件|申请)?';
const LAWSUIT = '(?:被提起|被起诉|提起)?行政诉讼(?:案件)?';
const JOIN = '(?:、|和|及|或|与|以及)';

/**
 * What may stand between 收到/受理 and 申请 (a whitelist: "收到行政许可申请" is another count).
 * "受理、办理依申请公开申请", "收到各类政府信息公开申请", "收到依申请公开2件".
 */
const REQUEST_MID = '(?:、办理|和办理|及办理|并办理)?(?:了)?(?:各类|各种|社会公众|公民|群众|申请人)?(?:的)?(?:提交|提出|递交)?(?:的)?(?:政府信息公开|政府信息|信息公开|政务公开|依申请公开|依)?(?:的)?';

// Tried in order; the first that matches names the figure.
const PATTERN_SPECS: PatternSpec[] = [
  {
    target: 't4.all.total',
    re: new RegExp(`(?:${REVIEW}${JOIN}${LAWSUIT}|${LAWSUIT}${JOIN}${REVIEW})(?:的)?(?:情况|案件)?(?:均为|均|各)?${FILL}$`),
    units: CASE_UNITS,
    total: true,
    block: NOT_APPEALS,
    disclosure: true,
  },
  { target: 't4.review.total', re: new RegExp(`${REVIEW}${FILL}$`), units: CASE_UNITS, total: true, block: NOT_APPEALS, disclosure: true },
  { target: 't4.lawsuit.total', re: new RegExp(`${LAWSUIT}${FILL}$`), units: CASE_UNITS, total: true, block: NOT_APPEALS, disclosure: true },
  {
    target: 't2.normative.1',
    re: new RegExp(`(?:废止|失效)(?:[^\\d]{0,8}?)(?:行政)?规范性文件${FILL}$`),
    units: DOC_UNITS,
    block: new RegExp(`有效|制发|发布|出台|印发|备案|报备|公报|刊登|解读|征求|起草|${OTHER_BODIES.source}`),
  },
  {
    target: 't2.normative.2',
    re: new RegExp(`(?:现行有效|继续有效|仍然有效)(?:[^\\d]{0,8}?)(?:行政)?规范性文件${FILL}$`),
    units: DOC_UNITS,
    block: new RegExp(`废止|失效|制发|发布|出台|印发|备案|报备|公报|刊登|解读|征求|起草|${OTHER_BODIES.source}`),
  },
  {
    target: 't2.normative.0',
    re: new RegExp(`(?:发布|制发|出台|印发|制定)(?:了)?(?:[^\\d]{0,10}?)(?:行政)?规范性文件${FILL}$`),
    units: DOC_UNITS,
    block: new RegExp(`${NOT_ISSUED.source}|${OTHER_BODIES.source}|废止|失效|有效`),
  },
  { target: 't3.r2.total', re: new RegExp(`部分公开(?:的)?(?:申请|政府信息)?${FILL}$`), units: REQUEST_UNITS, block: /予以公开|全部公开|同意公开|不予|或|和|及|与/ },
  { target: 't3.r1.total', re: new RegExp(`(?:予以公开|全部公开|同意公开)(?:的)?(?:申请|政府信息)?${FILL}$`), units: REQUEST_UNITS, block: /部分|不予|或|和|及|与/ },
  {
    target: 't3.total.total',
    re: new RegExp(`(?:办结|答复|办理完毕|处理完毕|办理完成)(?:了)?(?:政府信息公开|依申请公开|信息公开|公开)?(?:申请)?(?:件)?${FILL}$`),
    units: REQUEST_UNITS,
    total: true,
    block: new RegExp(`${NOT_REQUESTS.source}|收到|受理|接到|接收|新收|率`),
    requests: true,
  },
  {
    target: 't3.new.total',
    re: new RegExp(`(?:收到|受理|接到|接收|新收|收悉)${REQUEST_MID}(?:申请|请求)(?:公开)?(?:件|事项|请求|案件)?${FILL}$`),
    units: REQUEST_UNITS,
    total: true,
    block: new RegExp(`${NOT_REQUESTS.source}|办结|答复|结转`),
  },
];

/** A pattern with every field set: the loop over them reads one hidden class, not one per combination. */
type Pattern = Required<Omit<PatternSpec, 'block'>> & { block: RegExp | null };
const PATTERNS: Pattern[] = PATTERN_SPECS.map((p) => ({
  target: p.target,
  re: p.re,
  units: p.units,
  total: p.total ?? false,
  block: p.block ?? null,
  disclosure: p.disclosure ?? false,
  requests: p.requests ?? false,
}));

const NEGATIONS = charTable('未无没');

/** Whether norm[start, end) holds 未, 无 or 没 (a figure of zero said in words may follow). */
function hasNegation(norm: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (NEGATIONS[norm.charCodeAt(i)] === 1) return true;
  return false;
}

/** Every phrasing above has one of these words: a cheap test before the patterns. */
const NAMING_WORD = /收到|受理|接到|接收|新收|收悉|办结|答复|完毕|完成|复议|诉讼|规范性文件|公开/;

/**
 * The first characters of NAMING_WORD's words: the words before a count are read only when one of
 * them is near (most counts in a report are of other things).
 */
const NAMING_FIRST = charTable(NAMING_WORD.source.split('|').map((word) => word[0]).join(''));

/** "共收到10件依申请公开请求": the verb before the number, the noun after it. */
const RECEIVED_VERB_ONLY = new RegExp(`(?:收到|受理|接到|接收|新收)(?:了)?(?:共计|共|计)?$`);
const RECEIVED_NOUN_AFTER = /^(?:的)?(?:政府信息公开|依申请公开|信息公开|政府信息|公开)?(?:申请|请求)/;

/** "未收到政府信息公开申请": none received (not 未受理, which may mean turned down). */
const NONE_RECEIVED = new RegExp(`(?:未|没有|无)(?:收到|接到|接收)(?:任何)?(${REQUEST_MID})(?:申请|请求)(?:公开)?(?:事项|件)?(?=$|[,;:。!?().])`, 'g');
/** "未发生因政府信息公开被申请行政复议、提起行政诉讼的情况": no cases. */
const NO_CASES = '未发生|没有发生|未出现|未产生|未有|未被|未引起|未引发|没有|无';
const NONE_APPEALS = new RegExp(`(?:${NO_CASES})([^,;:。!?()\\d]{0,30}?)(?:行政复议|行政诉讼)([^,;:。!?()\\d]{0,20})`, 'g');
const NO_CASES_START = new RegExp(`^(?:${NO_CASES})`);

function phraseOf(report: Report, span: Span): string {
  return report.text.slice(span.start, span.end).replace(/\*\*/g, '').replace(/\s+/g, '');
}

function pastYear(key: string, reportYear: number | null): boolean {
  if (reportYear === null) return false;
  for (const m of key.matchAll(/(\d{4})年/g)) if (Number(m[1]) < reportYear) return true;
  return false;
}

export function readFigures(report: Report, _lines: LineIndex): Figure[] {
  // The parser must never fail because of the narrative: a bug here costs the figures, not the report.
  try {
    return readAll(report);
  } catch {
    return [];
  }
}

function readAll(report: Report): Figure[] {
  const out: Figure[] = [];
  const { norm } = report;
  const sentences = sentencesOf(report);
  for (let i = 0; i < sentences.length; i++) {
    if (sentences.isHeading(i)) continue;
    const sectionKey = sentences.sectionKey(i);
    if (sectionKey === 's5' || sectionKey === 's6') continue;
    // Most sentences state no count and no negation: nothing more to read in them. (Their counts
    // are read anyway, for the statements.)
    const counts = countsOfSentence(report, sentences, i);
    const negated = hasNegation(norm, sentences.start(i), sentences.end(i));
    if (counts.length === 0 && !negated) continue;
    const s = sentences.at(i);
    if (SENTENCE_SCOPE.test(s.text)) continue;
    const disclosure = DISCLOSURE_CONTEXT.test(s.text) || s.sectionKey === 's4';
    // Where a breakdown starts: the counts after it are parts, not the table's totals.
    const partsFrom = s.start + (/其中|包括|分别/.exec(s.text)?.index ?? Infinity);
    // The last naming character before each count, found in one walk over the sentence.
    let walked = s.start;
    let lastNaming = -1;
    counts.forEach((count, i) => {
      for (; walked < count.start; walked++) if (NAMING_FIRST[norm.charCodeAt(walked)] === 1) lastNaming = walked;
      if (lastNaming < Math.max(s.start, count.start - PREFIX_REACH)) return;
      const prefix = prefixOf(norm, s.start, count, counts[i - 1]);
      const figure = figureAt(report, s, count, prefix, disclosure, partsFrom < count.start);
      if (figure) out.push(...figure);
    });
    if (negated) out.push(...noneFigures(report, s, disclosure));
  }
  return out;
}

function figureAt(report: Report, s: Sentence, count: Count, prefix: Prefix, disclosure: boolean, inBreakdown: boolean): Figure[] | null {
  const { norm } = report;
  let key = prefix.key;
  let offsets = prefix.offsets;
  if (!NAMING_WORD.test(key)) return null;
  if (key.startsWith('其中')) [key, offsets] = [key.slice(2), offsets.slice(2)];
  // "无一件", "不足10件", "第3件": not a count of the cell.
  if (/(无|未|没有|不足|不到|不超过|第|每)$/.test(key)) return null;
  if (COMPARISON.test(key) || pastYear(key, report.year.value)) return null;

  const make = (target: string, value: number, phraseStart: number, phraseEnd = count.end): Figure => {
    const phraseSpan = { start: phraseStart, end: phraseEnd };
    return newFigure(target, value, count.span, phraseSpan, phraseOf(report, phraseSpan), count.approximate);
  };

  for (const p of PATTERNS) {
    if (!p.units.test(count.unit)) continue;
    const m = p.re.exec(key);
    if (!m) continue;
    if (p.block !== null && p.block.test(key)) return null;
    if (p.total && inBreakdown) return null;
    if (p.disclosure && !disclosure) return null;
    if (p.requests && (!REQUEST_CONTEXT.test(s.text) || NOT_REQUEST_CONTEXT.test(s.text))) return null;
    const phraseStart = offsets[m.index] ?? count.start;
    // "行政复议、行政诉讼各1件" / "均为0件": each of them, not their sum.
    if (p.target === 't4.all.total' && /(各|均)/.test(m[0])) {
      if (count.value === 0) return [make('t4.all.total', 0, phraseStart)];
      return [make('t4.review.total', count.value, phraseStart), make('t4.lawsuit.total', count.value, phraseStart)];
    }
    return [make(p.target, count.value, phraseStart)];
  }

  // "共收到10件依申请公开请求"
  if (REQUEST_UNITS.test(count.unit) && !inBreakdown) {
    const m = RECEIVED_VERB_ONLY.exec(key);
    if (m && !NOT_REQUESTS.test(key)) {
      let end = count.end;
      while (end < s.end && /[\s*]/.test(norm[end])) end++;
      const after = RECEIVED_NOUN_AFTER.exec(norm.slice(end, Math.min(s.end, end + 16)));
      if (after) return [make('t3.new.total', count.value, offsets[m.index] ?? count.start, end + after[0].length)];
    }
  }
  return null;
}

/** Figures of zero said in words: "未收到…申请", "未发生…行政复议…". */
function noneFigures(report: Report, s: Sentence, disclosure: boolean): Figure[] {
  const out: Figure[] = [];
  const text = s.text;
  for (const m of text.matchAll(NONE_RECEIVED)) {
    if (NOT_REQUESTS.test(m[1] ?? '') || /其中|包括/.test(text.slice(0, m.index))) continue;
    const start = s.start + m.index!;
    const negation = /^(没有|未|无)/.exec(m[0])?.[0] ?? m[0].slice(0, 1);
    const phraseSpan = { start, end: start + m[0].length };
    out.push(newFigure('t3.new.total', 0, { start, end: start + negation.length }, phraseSpan, phraseOf(report, phraseSpan), false));
  }
  if (!disclosure) return out;
  for (const m of text.matchAll(NONE_APPEALS)) {
    const clause = m[0];
    // "无一件被…纠错" speaks of results, not of the cases themselves.
    if (/纠|败诉|撤销|维持|确认违法|赔偿|一件|一起|任何一|受理|办理|审理|除|外/.test(clause)) continue;
    const start = s.start + m.index!;
    const review = clause.includes('复议');
    const lawsuit = clause.includes('诉讼') || clause.includes('起诉');
    const negation = NO_CASES_START.exec(clause)?.[0] ?? clause.slice(0, 1);
    const phraseSpan = { start, end: start + clause.length };
    const target = review && lawsuit ? 't4.all.total' : review ? 't4.review.total' : 't4.lawsuit.total';
    out.push(newFigure(target, 0, { start, end: start + negation.length }, phraseSpan, phraseOf(report, phraseSpan), false));
  }
  return out;
}
