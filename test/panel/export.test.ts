// "年报：导出摘要" file contents, and the panel's view of a summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, exportText, formatForFile } from '../../client/src/exportFormat';
import { countFindings, toPanelData } from '../../client/src/panel/model';
import { format, messages, resolveLocale } from '../../client/src/i18n';
import { hostileSummary, SCRIPT_TAG } from './hostile';

test('JSON export: figures, sections, results and findings with 1-based lines', () => {
  const data = JSON.parse(exportText(hostileSummary(), 'reports/a.nianbao.txt', 'json'));
  assert.equal(data.file, 'reports/a.nianbao.txt');
  assert.equal(data.year, 2023);
  assert.equal(data.edition, '2021');
  assert.deepEqual(data.figures, {
    received: 12,
    carriedOver: 2,
    handled: 10,
    carriedForward: 4,
    disclosed: 5,
    partlyDisclosed: 1,
    disclosedShare: 0.6,
    reviews: 1,
    lawsuits: null,
  });
  assert.equal(data.sections.filter((s: { present: boolean }) => !s.present).length, 1);
  assert.equal(data.findings.length, 4);
  assert.deepEqual(data.findings[1], { rule: 'year-mismatch', severity: 'error', line: 8, column: 13, message: data.findings[1].message });
});

test('CSV export: BOM, CRLF, quoting, formulas defused, one rectangular table', () => {
  const summary = hostileSummary();
  summary.findings.push({ rule: 'balance', severity: 'warning', message: '=HYPERLINK("http://x","点我"),含逗号', line: 0, character: 0 });
  const csv = exportText(summary, 'a.txt', 'csv');
  assert.ok(csv.startsWith('\ufeff'));
  const rows = csv.slice(1).split('\r\n');
  assert.equal(rows.at(-1), '');
  assert.equal(rows[0], 'type,key,label,value,rule,severity,line,column,message');
  assert.ok(rows.includes('figure,received,,12,,,,,'));
  assert.ok(rows.includes('figure,lawsuits,,,,,,,'));
  assert.ok(rows.includes(`finding,,,,balance,warning,1,1,"'=HYPERLINK(""http://x"",""点我""),含逗号"`));
  assert.ok(rows.some((r) => r.startsWith('section,4,政府信息公开行政复议、行政诉讼情况,0')));
  // Every row has the header's nine fields.
  for (const row of rows.slice(0, -1)) assert.equal(splitCsvRow(row).length, 9, row);
  assert.equal(splitCsvRow(rows.find((r) => r.includes('HYPERLINK'))!)[8], `'=HYPERLINK("http://x","点我"),含逗号`);
});

/** Fields of one CSV row (RFC 4180 quoting). */
function splitCsvRow(row: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (row[i] === '"') {
      i++;
      while (i < row.length && !(row[i] === '"' && row[i + 1] !== '"')) {
        field += row[i];
        i += row[i] === '"' ? 2 : 1;
      }
      i++;
    } else {
      while (i < row.length && row[i] !== ',') field += row[i++];
    }
    fields.push(field);
    if (row[i] !== ',') return fields;
    i++;
  }
}

test('csvCell', () => {
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell(Number.NaN), '');
  assert.equal(csvCell('-1+1'), "'-1+1");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('a\nb'), '"a\nb"');
  assert.equal(csvCell('普通文本'), '普通文本');
});

test('formatForFile', () => {
  assert.equal(formatForFile('/x/摘要.CSV'), 'csv');
  assert.equal(formatForFile('/x/summary.json'), 'json');
  assert.equal(formatForFile('/x/summary'), 'json');
});

test('panel data: states, figures and counts', () => {
  assert.equal(toPanelData(null, 'a', 'zh-cn').state, 'empty');
  const notReport = toPanelData({ ...hostileSummary(), isReport: false, summary: null }, 'a', 'zh-cn');
  assert.equal(notReport.state, 'not-report');
  const data = toPanelData(hostileSummary(), 'a.txt', 'en');
  assert.equal(data.state, 'report');
  assert.equal(data.title, `${SCRIPT_TAG}2023年政府信息公开工作年度报告`);
  assert.equal(data.year, '2023（from the title）');
  assert.equal(data.edition, '2021 edition');
  assert.deepEqual(data.counts, { errors: 3, warnings: 0, others: 1 });
  assert.deepEqual(countFindings([]), { errors: 0, warnings: 0, others: 0 });
  // A summary with findings missing (a partial answer) does not throw.
  const partial = { ...hostileSummary(), findings: undefined as unknown as [] };
  assert.deepEqual(toPanelData(partial, 'a', 'zh-cn').findings, []);
});

test('locale: Chinese unless VS Code speaks English; the setting wins', () => {
  assert.equal(resolveLocale('auto', 'en'), 'en');
  assert.equal(resolveLocale('auto', 'en-GB'), 'en');
  assert.equal(resolveLocale(undefined, 'zh-cn'), 'zh-cn');
  assert.equal(resolveLocale('auto', 'ja'), 'zh-cn');
  assert.equal(resolveLocale('zh-cn', 'en'), 'zh-cn');
  assert.equal(resolveLocale('en', 'zh-tw'), 'en');
  assert.equal(format(messages('zh-cn').statusProblems, { count: 3 }), '年报 3 ✗');
  assert.equal(messages('zh-cn').statusOk, '年报 ✓');
  assert.equal(format('{a} {b}', { a: 1 }), '1 {b}');
});
