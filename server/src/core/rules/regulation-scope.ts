import type { Report } from '../model';
import { defineRule } from './rule';
import { cellName } from './tables-common';

// 规章 can be made only by the State Council's departments and by 省级 and 设区的市 governments
// (立法法). A township or sub-district (乡、镇、街道) reporting a non-zero 规章 count has most likely
// put 规范性文件 or internal rules (规章制度) in the wrong row (FORMAT.md §3). Departments are not
// flagged: a 部委 makes 规章, and a city's departments report the 规章 of their field.
// A warning, not an error: the body's kind is read from its name, or from how the report calls itself.
const TOWNSHIP = /(镇|乡|街道|办事处)(人民政府|党委|政府)?(党政办公室|党政办|办公室)?$/;
const GOVERNMENT_OFFICE = /人民政府(办公室|办公厅)?$|政府$/;
const DEPARTMENT = /(局|委员会|委|厅|署|中心|院|办公室|办)$/;
/** Pinyin a mirror site inserts after a character: "拖市鎮(zhèn)". */
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,8}\)/gi;

export type BodyKind = 'township' | 'department' | 'government' | 'unknown';

export function bodyKind(body: string | null | undefined): BodyKind {
  if (!body) return 'unknown';
  const b = body.replace(PINYIN, '').replace(/\s+/g, '');
  if (TOWNSHIP.test(b)) return 'township';
  if (GOVERNMENT_OFFICE.test(b)) return 'government';
  if (DEPARTMENT.test(b)) return 'department';
  return 'unknown';
}

// How a report names itself when its title gives no body (a page that lost its title): "我镇", "本乡",
// "我街道" for a township; "我局", "本县", "我区"… for anything else.
// Generic words ("本机关", "本单位") say nothing of the level and are not counted.
const SELF_TOWNSHIP = /[我本](镇|乡|街道|办事处)/g;
const SELF_OTHER = /[我本](局|委|办(?!事处)|厅|县|区|市|省)/g;

function count(re: RegExp, text: string): { n: number; first: string } {
  re.lastIndex = 0;
  let n = 0;
  let first = '';
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (n === 0) first = m[0];
    n++;
  }
  return { n, first };
}

/** Who the report is when it is a township: its name, or the word it calls itself by; else null. */
export function townshipOf(report: Report): { name: string; self: boolean } | null {
  const named = report.body ? report.norm.slice(report.body.span.start, report.body.span.end) : null;
  const kind = bodyKind(named);
  if (kind === 'township') return { name: report.body!.text, self: false };
  if (kind !== 'unknown') return null;
  // Only the narrative outside the tables counts; "本机关" in 表三's header says nothing of the level.
  const text = narrativeText(report);
  const township = count(SELF_TOWNSHIP, text);
  const other = count(SELF_OTHER, text);
  return township.n > other.n ? { name: township.first, self: true } : null;
}

/** The report's text with its tables blanked (a copy, so lastIndex-based scans stay linear). */
function narrativeText(report: Report): string {
  let out = '';
  let from = 0;
  for (const s of [...report.tableSpans].sort((a, b) => a.start - b.start)) {
    if (s.start > from) out += report.norm.slice(from, s.start);
    from = Math.max(from, s.end);
  }
  return out + report.norm.slice(from);
}

const rule = defineRule({
  id: 'regulation-scope',
  category: 'text',
  description: {
    'zh-cn': '乡镇、街道不能制定规章',
    en: 'Townships and sub-districts cannot make 规章',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {
    township: {
      'zh-cn': '{body}为乡镇/街道，无权制定规章，但表二“{row}”一行为 {value}：是否应填在“{normative}”一行？',
      en: '{body} is a township or sub-district and cannot make 规章, yet 表二 “{row}” is {value}: does it belong in the “{normative}” row?',
    },
    townshipSelf: {
      'zh-cn': '报告自称“{body}”，为乡镇/街道，无权制定规章，但表二“{row}”一行为 {value}：是否应填在“{normative}”一行？',
      en: 'The report calls itself “{body}”, a township or sub-district, which cannot make 规章, yet 表二 “{row}” is {value}: does it belong in the “{normative}” row?',
    },
  },
  check(ctx) {
    const { report } = ctx;
    const t2 = report.tables.t2;
    const row = t2?.rows.get('rules');
    if (!t2 || !row) return;
    // A non-zero number in the 规章 row is a 规章 count whatever its column, so a row whose cells
    // could not be placed still counts; only the message's column name needs the placing.
    const nonZero = row.cells.filter((c) => c.value !== null && c.value > 0);
    if (nonZero.length === 0) return;
    const township = townshipOf(report);
    if (!township) return;
    const first = nonZero[0];
    // A row's label as the report writes it, without a provincial annotation in brackets.
    const label = (rowKey: string, fallback: string) =>
      t2.rows.get(rowKey)?.label.replace(/[\s*|]+/g, '').replace(/(.{2,}?)[(（].*$/, '$1') || fallback;
    ctx.add({
      ...first.span,
      messageId: township.self ? 'townshipSelf' : 'township',
      args: {
        body: township.name,
        row: label('rules', '规章'),
        // The row's numbers as written ("2 / 0 / 2"): one finding for the row, on its first non-zero cell.
        value: row.cells.map((c) => c.raw || '—').join(' / '),
        normative: label('normative', t2.edition === '2019' ? '规范性文件' : '行政规范性文件'),
      },
      related: nonZero.slice(1).map((c) => ({
        ...c.span,
        message: row.positioned ? cellName(t2, 'rules', row.cells.indexOf(c)) : label('rules', '规章'),
      })),
    });
  },
});

export default rule;
