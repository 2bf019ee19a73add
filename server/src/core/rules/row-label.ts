import { defineRule } from './rule';
import { T2_HEADER_LABELS, T2_ROWS, T3_ROWS } from '../format/editions';
import { canonicalLabel } from '../parse/labels';
import { joinedText, standardsOf } from '../parse/tables';
import { TABLE_NAMES, skipTables } from './tables-common';

// Labels that were recognized but differ from the standard wording ("上年转结" for 上年结转,
// "本年度止件数" for 本年废止件数). The fix writes the standard label, offered only when the label is
// one piece of text on one line (a wrapped label is left to the author).
const rule = defineRule({
  id: 'row-label',
  category: 'style',
  description: {
    'zh-cn': '表格的行、列标签使用标准写法',
    en: 'Table row and column labels use the standard wording',
  },
  defaultSeverity: 'information',
  fixable: true,
  messages: {
    row: {
      'zh-cn': '{table}行标签“{label}”不是标准写法，标准为“{standard}”',
      en: '{table} row label “{label}” differs from the standard “{standard}”',
    },
    header: {
      'zh-cn': '{table}列标题“{label}”不是标准写法，标准为“{standard}”',
      en: '{table} column label “{label}” differs from the standard “{standard}”',
    },
  },
  check(ctx) {
    const { report } = ctx;
    if (skipTables(report)) return;
    const fixTitle = { 'zh-cn': '改为“{standard}”', en: 'Change to “{standard}”' };
    for (const table of [report.tables.t2, report.tables.t3]) {
      if (!table) continue;
      const specs = table.id === 't2' ? T2_ROWS : T3_ROWS;
      const name = TABLE_NAMES[table.id][ctx.locale];
      for (const [key, row] of table.rows) {
        const spec = specs.find((s) => s.key === key);
        // A label the end of the text cut off ("6.属于四类过程性信" in an excerpt) is not misspelt.
        if (!spec || (row.cut && row.cells.length === 0)) continue;
        // Compare the normalized text: a traditional 本年制發件數 is the standard label.
        const found = canonicalLabel(joinedText(row.labelParts, report.norm));
        const accepted = standardsOf(spec);
        // A label cell that also carries a neighbouring header ("三、本年度办理结果(一)予以公开") is fine.
        if (accepted.some((a) => found === a || found.endsWith(a) || found.startsWith(a))) continue;
        const single = row.labelParts.length === 1 && !report.text.slice(row.labelSpan.start, row.labelSpan.end).includes('\n');
        const label = report.text.slice(row.labelSpan.start, row.labelSpan.end);
        ctx.add({
          ...row.labelSpan,
          messageId: 'row',
          args: { table: name, label: label.replace(/\s+/g, ''), standard: spec.label },
          fix: single ? { title: fixTitle, edits: [{ ...row.labelSpan, newText: spec.label }], preferred: false } : null,
        });
      }
      for (const h of table.headerLabels) {
        const spec = T2_HEADER_LABELS.find((x) => x.label === h.key);
        const header = canonicalLabel(report.norm.slice(h.span.start, h.span.end));
        if (!spec || header === canonicalLabel(spec.label)) continue;
        // 本年收费金额 may be written without its unit.
        if (canonicalLabel(spec.label).startsWith(header) && /收费金额/.test(header)) continue;
        ctx.add({
          ...h.span,
          messageId: 'header',
          args: { table: name, label: h.text, standard: spec.label },
          fix: { title: fixTitle, edits: [{ ...h.span, newText: spec.label }], preferred: false },
        });
      }
    }
  },
});

export default rule;
