// Is this text an annual report on government information disclosure? Used by the language server
// to decide whether to check a plain-text or Markdown document at all. Cheap: looks only at the
// first lines, where the title is (web-page copies may put navigation text before it).
import { normalize } from '../text/normalize';

const TITLE = /(政府信息公开|政府资讯公开|政务公开|信息公开|资讯公开)(工作)?(的)?((?:19|20)\d{2}年度?)?(年度)?(工作)?报告/;

export function looksLikeReport(text: string, maxLines = 40): boolean {
  let lineCount = 0;
  let pos = 0;
  while (lineCount < maxLines && pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    // Very long lines are paragraphs, not titles; look only at their start.
    const line = normalize(text.slice(pos, Math.min(end, pos + 200))).replace(/[\s*#|]/g, '');
    if (TITLE.test(line) && /年度报告|年报|工作报告|年度工作报告/.test(line)) return true;
    pos = end + 1;
    lineCount++;
  }
  return false;
}
