// Figures stated in the narrative ("收到申请103件") and the table cell each names (FORMAT.md §4, R5).
//
// Reading is deliberately narrow: a number is taken as naming a cell only when the words right
// before it are one of the phrasings below, with nothing in between but filler (共, 计, 为 …). A
// figure with another scope (公报刊登, 备案, 清理, 解读, a past year, a whole city's 各部门) names no
// cell and is left alone: a false alarm costs as much as a missed error.
// (Counts are read by counts.ts, the words before them by statements.ts.)
import type { Figure, Report } from '../model';
import type { Span } from '../types';
import type { LineIndex } from '../text/lines';
import { charTable } from '../text/chars';
import type { Count } from './counts';
import { sentencesOf, type Sentence } from './narrative';
import { countsOfSentence, prefixOf, PREFIX_REACH, type Prefix } from './statements';

function newFigure(target: string, value: number, span: Span, phraseSpan: Span, phrase: string, approximate: boolean): Figure {
  return { target, value, span, phraseSpan, phrase, approximate };
}

/** See FRACTIONAL_COUNT in counts.ts: the first figure is made with a fraction. */
export const FRACTIONAL_FIGURE: object = newFigure('', 0.5, { start: 0, end: 0 }, { start: 0, end: 0 }, '', false);

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
const CARRIED_OVER = /上一?年度?结转/;
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
  /** Reasons of a 表三 category: named without 等, the figure may be one reason's row only. */
  reasons?: RegExp;
  /** Only in a sentence that has named 行政复议 before the count. */
  afterReview?: boolean;
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
  // "行政复议7件，诉讼9件": a clause that is only 诉讼 and its number, after 行政复议.
  { target: 't4.lawsuit.total', re: new RegExp(`^(?:被提起|被起诉|提起)?诉讼(?:案件)?${FILL}$`), units: CASE_UNITS, total: true, block: NOT_APPEALS, disclosure: true, afterReview: true },
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
    // "集中发布现行有效…393件" states the stock it publishes: 发布 does not give it another scope.
    block: new RegExp(`废止|失效|制发|出台|印发|备案|报备|公报|刊登|解读|征求|起草|${OTHER_BODIES.source}`),
  },
  {
    target: 't2.normative.0',
    re: new RegExp(`(?:发布|制发|出台|印发|制定)(?:了)?(?:[^\\d]{0,10}?)(?:行政)?规范性文件${FILL}$`),
    units: DOC_UNITS,
    block: new RegExp(`${NOT_ISSUED.source}|${OTHER_BODIES.source}|废止|失效|有效`),
  },
  // 表三 categories by name. A category given with one of its reasons ("因属于国家秘密不予公开")
  // may be that reason's row alone: compared only when the reason ends in 等 ("因不掌握等原因").
  {
    target: 't3.r1r2.total',
    re: new RegExp(`(?:(?:予以公开|全部公开|同意公开|公开)${JOIN}部分公开|(?:全部|部分)(?:或|和|及)(?:全部|部分)公开)(?:的)?(?:申请|政府信息)?${FILL}$`),
    units: REQUEST_UNITS,
    block: /不予/,
  },
  { target: 't3.r3.total', re: new RegExp(`不予公开(?:的)?(?:申请|政府信息)?${FILL}$`), units: REQUEST_UNITS, reasons: /国家秘密|禁止公开|三安全|一稳定|危及|第三方|内部事务|过程性|执法案卷|查询事项/ },
  { target: 't3.r4.total', re: new RegExp(`无法提供(?:的)?(?:申请|政府信息)?${FILL}$`), units: REQUEST_UNITS, reasons: /不掌握|现成|另行制作|补正|不明确/ },
  { target: 't3.r5.total', re: new RegExp(`不予处理(?:的)?(?:申请)?${FILL}$`), units: REQUEST_UNITS, reasons: /信访|举报|投诉|重复|出版物|反复|重新出具|确认/ },
  { target: 't3.r6.total', re: new RegExp(`(?:其他|其它)处理(?:的)?(?:申请)?${FILL}$`), units: REQUEST_UNITS, reasons: /逾期|补正|缴纳|费用/ },
  // Requests carried over from last year, and into next year ("结转至2026年6件").
  { target: 't3.carry.total', re: new RegExp(`上一?年度?结转(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?${FILL}$`), units: REQUEST_UNITS, block: NOT_REQUESTS },
  { target: 't3.next.total', re: new RegExp(`结转(?:至|到)?(?:下一?年度?|\\d{4}年度?)(?:继续)?(?:办理|处理|答复)?(?:的)?(?:申请)?${FILL}$`), units: REQUEST_UNITS, block: new RegExp(`${NOT_REQUESTS.source}|上一?年`) },
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
type Pattern = Required<Omit<PatternSpec, 'block' | 'reasons'>> & { block: RegExp | null; reasons: RegExp | null };
const PATTERNS: Pattern[] = PATTERN_SPECS.map((p) => ({
  target: p.target,
  re: p.re,
  units: p.units,
  total: p.total ?? false,
  block: p.block ?? null,
  disclosure: p.disclosure ?? false,
  requests: p.requests ?? false,
  reasons: p.reasons ?? null,
  afterReview: p.afterReview ?? false,
}));

const NEGATIONS = charTable('未无没');

/** Whether norm[start, end) holds 未, 无 or 没 (a figure of zero said in words may follow). */
function hasNegation(norm: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (NEGATIONS[norm.charCodeAt(i)] === 1) return true;
  return false;
}

/** Every phrasing above has one of these words: a cheap test before the patterns. */
const NAMING_WORD = /收到|受理|接到|接收|新收|收悉|办结|答复|完毕|完成|复议|诉讼|规范性文件|公开|无法提供|处理|结转/;

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
  // "上年结转" names this year's 表三 row, not a comparison with last year.
  if (COMPARISON.test(key.replace(CARRIED_OVER, '')) || pastYear(key, report.year.value)) return null;

  const make = (target: string, value: number, phraseStart: number, phraseEnd = count.end): Figure => {
    const phraseSpan = { start: phraseStart, end: phraseEnd };
    return newFigure(target, value, count.span, phraseSpan, phraseOf(report, phraseSpan), count.approximate);
  };

  for (const p of PATTERNS) {
    if (!p.units.test(count.unit)) continue;
    const m = p.re.exec(key);
    if (!m) continue;
    if (p.block !== null && p.block.test(key)) return null;
    if (p.reasons !== null && p.reasons.test(key) && !key.includes('等')) return null;
    if (p.afterReview && !s.text.slice(0, count.start - s.start).includes('行政复议')) return null;
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
