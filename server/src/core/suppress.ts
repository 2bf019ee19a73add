// Dismissed findings. Two ways, both read by the engine so the CLI and the editor agree:
// - `.nianbao-ignore.json` entries {rule, text}: the finding of that rule that starts on a line
//   whose trimmed text is `text` (survives edits elsewhere in the report; the team commits it);
// - in Markdown, `<!-- nianbao-disable-next-line rule … -->` above a line (invisible when rendered),
//   and `<!-- nianbao-disable rule … -->` for the whole file. No rule named means every rule.
import type { Diagnostic } from './types';
import type { LineIndex } from './text/lines';

const COMMENT = /<!--\s*nianbao-disable(-next-line)?((?:\s+[a-z-]+)*)\s*-->/g;

export function lineTextAt(text: string, lines: LineIndex, offset: number): string {
  const line = lines.lineOf(offset);
  return text.slice(lines.starts[line], lines.lineEnd(line)).trim();
}

export function suppress(
  diagnostics: Diagnostic[],
  text: string,
  lines: LineIndex,
  ignore: readonly { rule: string; text: string }[] = [],
): Diagnostic[] {
  const fileWide = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  if (text.includes('nianbao-disable')) {
    COMMENT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = COMMENT.exec(text))) {
      const rules = m[2].trim() ? m[2].trim().split(/\s+/) : ['*'];
      if (!m[1]) {
        for (const r of rules) fileWide.add(r);
        continue;
      }
      // The next line with content after the comment.
      let line = lines.lineOf(m.index + m[0].length) + 1;
      while (line < lines.lineCount && text.slice(lines.starts[line], lines.lineEnd(line)).trim() === '') line++;
      const set = byLine.get(line) ?? new Set<string>();
      for (const r of rules) set.add(r);
      byLine.set(line, set);
    }
  }
  if (!fileWide.size && !byLine.size && !ignore.length) return diagnostics;
  const ignored = new Set(ignore.map((i) => `${i.rule}\u0000${i.text.trim()}`));
  return diagnostics.filter((d) => {
    if (fileWide.has('*') || fileWide.has(d.rule)) return false;
    const line = lines.lineOf(d.start);
    const set = byLine.get(line);
    if (set && (set.has('*') || set.has(d.rule))) return false;
    if (ignored.size && ignored.has(`${d.rule}\u0000${lineTextAt(text, lines, d.start)}`)) return false;
    return true;
  });
}
