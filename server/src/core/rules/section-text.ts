// The prose of one section as the rules about what a section says read it (section-empty,
// fee-unreported): its lines, whether it says only "无", and whether the text was cut inside it.
import type { Report, Section } from '../model';
import { SECTIONS } from '../format/editions';
import type { Span } from '../types';
import { compact } from '../text/normalize';
import { isNoise } from '../text/chars';

/** One non-blank line of a section: its normalized text, compacted (no blanks, Markdown, quotes). */
export interface ContentLine {
  text: string;
  /** The line normalized but not compacted (tabs kept: a table row has them). */
  raw: string;
  /** Where the line (or the part of the heading line after the title) is in the source. */
  span: Span;
}

/**
 * The lines a section's content is made of: what its heading line says after the title
 * ("五、存在的主要问题及改进情况：无。") and every non-blank line of its body.
 */
export function contentLines(report: Report, section: Section): ContentLine[] {
  const out: ContentLine[] = [];
  const after = titleRemainder(report, section);
  if (after) out.push(after);
  const { norm } = report;
  let start = section.body.start;
  while (start < section.body.end) {
    let end = norm.indexOf('\n', start);
    if (end < 0 || end > section.body.end) end = section.body.end;
    const raw = norm.slice(start, end);
    const text = compact(raw);
    if (text) out.push({ text, raw, span: trimmed(norm, start, end) });
    start = end + 1;
  }
  return out;
}

/**
 * What a heading line says after its section's title ("无。" of "五、存在的主要问题及改进情况：无。"):
 * the line after the title the parser read, and, when that title is not the standard wording,
 * what it holds after the standard title or an accepted variant. Null when the line says nothing more.
 */
function titleRemainder(report: Report, section: Section): ContentLine | null {
  const { norm } = report;
  const { titleSpan, span } = section.heading;
  if (section.key === null) return null;
  let start = titleSpan.end;
  const spec = SECTIONS.find((s) => s.key === section.key);
  if (!section.titleIsStandard && spec) {
    const title = compact(norm.slice(titleSpan.start, titleSpan.end));
    let end = -1;
    for (const known of [spec.standard, ...spec.variants]) {
      const at = title.indexOf(compact(known));
      if (at >= 0) end = Math.max(end, at + compact(known).length);
    }
    // The same place in the source: before the title's last (length - end) characters that are not noise.
    if (end >= 0) for (let kept = 0; start > titleSpan.start && kept < title.length - end; ) if (!isNoise(norm.charCodeAt(--start))) kept++;
  }
  // A heading run into its first paragraph ("五、存在的主要问题及改进情况。无。") ends at its title;
  // the rest of its line is not in the body either.
  const lineEnd = Math.max(span.end, Math.min(section.body.start, section.span.end));
  while (start < lineEnd && (isNoise(norm.charCodeAt(start)) || ':：。.，,、'.includes(norm[start]))) start++;
  const text = compact(norm.slice(start, lineEnd));
  if (!text) return null;
  return { text, raw: norm.slice(start, lineEnd), span: trimmed(norm, start, lineEnd) };
}

/** The span from start to end without the blanks at either end. */
function trimmed(norm: string, start: number, end: number): Span {
  while (start < end && /\s/.test(norm[start])) start++;
  while (end > start && /\s/.test(norm[end - 1])) end--;
  return { start, end };
}

/**
 * A line that says there is nothing to say: 无, 无。, 暂无, 没有, 本年度无, 无其他需要报告的事项,
 * 暂无存在的问题 (normalized text: 無/暫無/沒有 read as simplified).
 */
const NOTHING =
  /^(?:本年度?|今年|[0-9]{4}年度?)?[,，]?(?:暂无|暂时没有|无|没有|暂未发现|未发现)(?:其他|其它)?(?:需要?报告的?|存在的?|主要|相关)*(?:问题|情况|事项|内容)?[。.;；!！]?$/;

export function isNothingAnswer(line: string): boolean {
  return NOTHING.test(line);
}

/** Decorative lines (★★★★, ——, ***) carry nothing. */
const DECOR = /^[★☆◆◇●○■□▲△※·•.…\-—_=~+]+$/;

export function isDecor(line: string): boolean {
  return DECOR.test(line);
}

// ---------------------------------------------------------------------------------------------
// A text cut inside the section (an excerpt saved from a web page): what it lacks lies beyond the end.

/** A sentence that ends: 。！？；… or a closing bracket or quote. */
const ENDS_SENTENCE = /[。.!?！？;；…)）”"」』]$/;
/** A date line of the signature or the page ("2024年1月11日", "发布日期：2024-02-18", "时间：2024年1月"). */
const DATE_LINE = /^(?:[^0-9]{0,8}[:：])?[0-9]{4}(?:年[0-9]{1,2}月(?:[0-9]{1,2}日)?|[-./][0-9]{1,2}[-./][0-9]{1,2})$/;
/** The signing body ("慈溪市人民政府办公室", "XX县审计局"): a short line ending in a body's name. */
const SIGNATURE = /^.{2,30}(?:政府|办公室|办公厅|局|委员会|管委会|办事处|街道|镇|乡|中心|厅|委|院|所|站|处)$/;
/** Page chrome left after the report ("附件下载", "【打印】【关闭】", "扫一扫在手机打开当前页"). */
const PAGE_CHROME = /附件|下载|打印|关闭|分享|扫一扫|责任编辑|来源|浏览|字号|收藏|返回|链接|上一篇|下一篇/;

/** Lines after the report's last sentence that end a real report: signature, date, page chrome. */
function isEndMatter(line: string): boolean {
  return DATE_LINE.test(line) || SIGNATURE.test(line) || (line.length <= 30 && PAGE_CHROME.test(line)) || isDecor(line);
}

/** How many lines of end matter are looked through from the end (a signature and a date, some chrome). */
const END_MATTER_REACH = 8;

/**
 * Whether the text ends inside this section while it is still being written: the section is the
 * last one, and either nothing at all follows its heading or its last line of prose stops mid-sentence
 * (no 。 and no closing bracket). A report's real end is a finished sentence, possibly followed by
 * the signature, the date and the web page's chrome. A table row (tabs, |, numbers) pasted at the
 * end is not prose being cut.
 */
export function endsCut(report: Report, section: Section, lines: ContentLine[] = contentLines(report, section)): boolean {
  if (section.span.end < report.text.length) return false;
  let k = lines.length - 1;
  for (let seen = 0; k >= 0 && seen < END_MATTER_REACH && isEndMatter(lines[k].text); k--, seen++);
  // Nothing at all after the heading: the cut came right there. A signature or a date alone is the
  // end of a report whose section was left empty.
  if (k < 0) return lines.length === 0;
  const last = lines[k];
  if (/[\t|]/.test(last.raw) || !/[\u4e00-\u9fff]/.test(last.text)) return false;
  return !ENDS_SENTENCE.test(last.text) && !isNothingAnswer(last.text);
}
