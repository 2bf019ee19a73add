// R5: a figure stated in the narrative equals the table cell it names (report.figures, read by
// parse/figures.ts). Compared only when the cell is known: the table is there, the row was placed
// in column order and the cell holds a number. Approximate figures ("余", "近", "约") are skipped.
// A 表三 category ("无法提供265件") is the sum of its rows; a row whose 总计 is blank counts its cells.
// Also: "均获维持" in the text while 表四 shows a case 纠正 or 尚未审结; "均已办结" (every request of the
// year finished, parse/finished.ts) while 表三 carries requests into next year; and the same yearly
// figure stated twice with two values (parse/restated.ts).
import type { Figure, Report, Table } from '../model';
import type { Locale, Span } from '../types';
import { T2_COLUMNS, T3_ROWS, T3_TOTAL_COLUMN, T4_COLUMNS, T4_GROUPS } from '../format/editions';
import { shortRowLabel } from '../parse/labels';
import { sentencesOf } from '../parse/narrative';
import { restatementsOf } from '../parse/restated';
import { finishedClaimsOf } from '../parse/finished';
import { defineRule, type RuleContext } from './rule';

const messages = {
  mismatch: {
    'zh-cn': '正文称“{phrase}”，而{where}为 {value}',
    en: 'The text says "{phrase}", but {where} is {value}',
  },
  mismatchGroup: {
    'zh-cn': '正文称“{phrase}”，而{where}为 {value}（{parts}）',
    en: 'The text says "{phrase}", but {where} is {value} ({parts})',
  },
  mismatchReceived: {
    'zh-cn': '正文称“{phrase}”，而{where}为 {value}（加上年结转为 {withCarry}）',
    en: 'The text says "{phrase}", but {where} is {value} ({withCarry} with 上年结转)',
  },
  restated: {
    'zh-cn': '正文称“{phrase}”，而前文称“{firstPhrase}”：同一数字前后不一致',
    en: 'The text says "{phrase}", but earlier "{firstPhrase}": the same figure with two values',
  },
  allFinished: {
    'zh-cn': '正文称“{phrase}”，但表三“{row}”总计为 {value}：有申请结转下年度继续办理，并未全部办结',
    en: 'The text says "{phrase}", but 表三 "{row}" 总计 is {value}: requests are carried into next year, not all finished',
  },
  allUpheld: {
    'zh-cn': '正文称“{phrase}”，但表四中{where}为 {value}',
    en: 'The text says "{phrase}", but in 表四 {where} is {value}',
  },
};

/** Group names short enough to list in a sum. */
const T4_SHORT = ['行政复议', '未经复议直接起诉', '复议后起诉'];

interface CellRef {
  span: Span;
  value: number;
  label: string;
}

interface Expected {
  value: number;
  /** Where the value is, for the message ("表三“一、本年新收…”总计"). */
  where: string;
  cells: CellRef[];
  /** 收到 N件 may count 新收 + 上年结转. */
  withCarry?: number;
  /** A sum over several rows: "272 + 3" (a row whose 总计 is blank counts the sum of its cells). */
  parts?: string;
}

function t3Cell(table: Table | null, key: string): CellRef | null {
  const row = table?.rows.get(key);
  const cell = row?.positioned ? row.cells[T3_TOTAL_COLUMN] : undefined;
  if (!row || !cell || cell.value === null) return null;
  // "（七）总计" needs no column name after it.
  const name = shortRowLabel(row);
  return { span: cell.span, value: cell.value, label: /(总计|合计)$/.test(name) ? name : `${name} · 总计` };
}

/** The 总计 of a 表三 row; where that cell is blank, the sum of the row's filled cells. */
function t3RowTotal(table: Table, key: string): { value: number; computed: boolean; span: Span } | null {
  const row = table.rows.get(key);
  if (!row || !row.positioned) return null;
  const total = row.cells[T3_TOTAL_COLUMN];
  if (total && total.value !== null) return { value: total.value, computed: false, span: total.span };
  let sum = 0;
  let filled = 0;
  for (let i = 0; i < T3_TOTAL_COLUMN; i++) {
    const v = row.cells[i]?.value;
    if (v !== null && v !== undefined) (sum += v), filled++;
  }
  return filled > 0 ? { value: sum, computed: true, span: row.labelSpan } : null;
}

/** The rows of a 表三 category in the table's edition (（三） is its eight reasons), or null when one is absent. */
function categoryRows(table: Table, category: string): string[] | null {
  const keys = T3_ROWS.filter(
    (r) => !r.header && (r.key === category || r.key.startsWith(category + '_')) && (!r.editions || table.edition === 'unknown' || r.editions.includes(table.edition)),
  ).map((r) => r.key);
  // An edition the table does not say: the rows it has (（六） is one row in 2019, three in 2021).
  const present = keys.filter((k) => table.rows.has(k));
  if (table.edition === 'unknown') return present.length > 0 ? present : null;
  return present.length === keys.length && keys.length > 0 ? keys : null;
}

/** The category's name as the report writes it ("（四）无法提供"). */
function categoryName(table: Table, category: string): string {
  const row = table.rows.get(category) ?? table.rows.get('h' + category.slice(1));
  const spec = T3_ROWS.find((r) => r.key === category || r.key === 'h' + category.slice(1));
  const name = row ? shortRowLabel(row) : (spec?.label ?? category);
  return name.replace(/[（(](?![一二三四五六七八九十]{1,2}[）)]).*$/, '');
}

/** 表三 categories added up ("（一）予以公开" + "（二）部分公开"), every row known, or null. */
function t3Group(table: Table | null, categories: string[], locale: Locale): Expected | null {
  if (!table) return null;
  const cells: CellRef[] = [];
  const values: number[] = [];
  let computed = false;
  for (const category of categories) {
    const keys = categoryRows(table, category);
    if (!keys) return null;
    for (const key of keys) {
      const total = t3RowTotal(table, key);
      if (!total) return null;
      const row = table.rows.get(key)!;
      computed ||= total.computed;
      values.push(total.value);
      cells.push({ span: total.span, value: total.value, label: shortRowLabel(row) });
    }
  }
  const names = categories.map((c) => categoryName(table, c));
  const zh = locale !== 'en';
  const blankNote = computed ? (zh ? '，总计栏空白的行按各列之和计' : '; a row whose 总计 is blank counts the sum of its cells') : '';
  const where = zh ? `表三${names.map((n) => `“${n}”`).join('与')}${categories.length > 1 ? '之和' : '合计'}` : `表三 ${names.map((n) => `"${n}"`).join(' + ')}`;
  return { value: values.reduce((a, b) => a + b, 0), cells, where, parts: values.join(' + ') + blankNote };
}

function t4Cell(table: Table | null, index: number): CellRef | null {
  const row = table?.rows.get('values');
  const cell = row?.positioned ? row.cells[index] : undefined;
  if (!cell || cell.value === null) return null;
  return { span: cell.span, value: cell.value, label: `${T4_GROUPS[Math.floor(index / 5)].label} · ${T4_COLUMNS[index % 5]}` };
}

function t2Cell(report: Report, column: number): CellRef | null {
  const table = report.tables.t2;
  // 2019 tables have other columns (本年新制作/本年新公开/对外公开总数量): the phrasings do not map.
  if (!table || table.edition === '2019' || (table.edition === 'unknown' && report.edition === '2019')) return null;
  const row = table.rows.get('normative');
  const cell = row?.positioned ? row.cells[column] : undefined;
  if (!row || !cell || cell.value === null) return null;
  const standard = T2_COLUMNS['2021'].normative[column];
  // The column header as the report writes it (it may be misspelt: "本年度止件数").
  const header = table.headerLabels.find((h) => h.key === standard)?.text ?? standard;
  return { span: cell.span, value: cell.value, label: `${shortRowLabel(row)} · ${header}` };
}

function expected(report: Report, target: string, locale: Locale): Expected | null {
  const { t3, t4 } = report.tables;
  const zh = locale !== 'en';
  const one = (table: string, cell: CellRef | null): Expected | null => {
    if (!cell) return null;
    const [row, column] = cell.label.split(' · ');
    const where = zh ? `${table}“${row}”${column ?? ''}` : `${table} "${row}"${column ? ' ' + column : ''}`;
    return { value: cell.value, cells: [cell], where };
  };
  // 表四 totals over several groups: "行政诉讼总计（未经复议直接起诉 7 + 复议后起诉 1）".
  const sum = (name: string, indexes: number[]): Expected | null => {
    const cells = indexes.map((i) => t4Cell(t4, i));
    if (cells.some((c) => !c)) return null;
    const known = cells as CellRef[];
    const parts = known.map((c, k) => `${T4_SHORT[Math.floor(indexes[k] / 5)]} ${c.value}`).join(' + ');
    const value = known.reduce((s, c) => s + c.value, 0);
    return { value, cells: known, where: zh ? `表四${name}总计（${parts}）` : `表四 ${name} 总计 (${parts})` };
  };
  switch (target) {
    case 't3.new.total': {
      const e = one('表三', t3Cell(t3, 'new'));
      const carry = t3Cell(t3, 'carry');
      if (e && carry && carry.value > 0) {
        e.withCarry = e.value + carry.value;
        e.cells.push(carry);
      }
      return e;
    }
    case 't3.total.total':
      return one('表三', t3Cell(t3, 'total'));
    case 't3.carry.total':
      return one('表三', t3Cell(t3, 'carry'));
    case 't3.next.total':
      return one('表三', t3Cell(t3, 'next'));
    case 't3.r1.total':
      return one('表三', t3Cell(t3, 'r1'));
    case 't3.r2.total':
      return one('表三', t3Cell(t3, 'r2'));
    case 't3.r1r2.total':
      return t3Group(t3, ['r1', 'r2'], locale);
    case 't3.r3.total':
      return t3Group(t3, ['r3'], locale);
    case 't3.r4.total':
      return t3Group(t3, ['r4'], locale);
    case 't3.r5.total':
      return t3Group(t3, ['r5'], locale);
    case 't3.r6.total':
      return t3Group(t3, ['r6'], locale);
    case 't4.review.total':
      return one('表四', t4Cell(t4, 4));
    case 't4.lawsuit.total':
      return sum('行政诉讼', [9, 14]);
    case 't4.all.total':
      return sum(zh ? '行政复议与行政诉讼' : '行政复议 and 行政诉讼', [4, 9, 14]);
    case 't2.normative.0':
      return one('表二', t2Cell(report, 0));
    case 't2.normative.1':
      return one('表二', t2Cell(report, 1));
    case 't2.normative.2':
      return one('表二', t2Cell(report, 2));
    default:
      return null;
  }
}

function checkFigure(ctx: RuleContext, figure: Figure): void {
  if (figure.approximate) return;
  const e = expected(ctx.report, figure.target, ctx.locale);
  if (!e || e.value === figure.value || e.withCarry === figure.value) return;
  ctx.add({
    ...figure.span,
    messageId: e.withCarry !== undefined ? 'mismatchReceived' : e.parts !== undefined ? 'mismatchGroup' : 'mismatch',
    args: { phrase: figure.phrase, where: e.where, value: e.value, withCarry: e.withCarry ?? '', parts: e.parts ?? '' },
    related: e.cells.map((c) => ({ start: c.span.start, end: c.span.end, message: `${c.label}：${c.value}` })),
  });
}

/** "均获维持", "全部维持", "均维持原…": every case upheld. */
const ALL_UPHELD = /(均|全部|都)(获得?|被|予以|得到|已|为)?维持/g;

function checkAllUpheld(ctx: RuleContext): void {
  const { report } = ctx;
  const row = report.tables.t4?.rows.get('values');
  if (!row || !row.positioned) return;
  const sentences = sentencesOf(report);
  // Every match needs 维持: only the sentences holding it (few) are read.
  const withUpheld = sentences.holding('维持');
  for (let k = 0; k < withUpheld.length; k++) {
    const i = withUpheld[k];
    if (sentences.isHeading(i)) continue;
    const s = sentences.at(i);
    if (!(/复议|诉讼|起诉/.test(s.text) || s.sectionKey === 's4')) continue;
    for (const m of s.text.matchAll(ALL_UPHELD)) {
      if (/(未|不|没有|未能|并非)$/.test(s.text.slice(Math.max(0, m.index! - 2), m.index))) continue;
      // Which groups the sentence speaks of; both when it names neither or both.
      const review = /复议/.test(s.text);
      const lawsuit = /诉讼|起诉/.test(s.text);
      const groups = review && !lawsuit ? [0] : lawsuit && !review ? [1, 2] : [0, 1, 2];
      // 纠正 (index 1) and 尚未审结 (index 3) of each group contradict "all upheld".
      const offending = groups
        .flatMap((g) => [g * 5 + 1, g * 5 + 3])
        .map((i) => ({ i, cell: row.cells[i] }))
        .filter((c) => c.cell && c.cell.value !== null && c.cell.value > 0);
      if (offending.length === 0) continue;
      const first = offending[0];
      const label = [T4_GROUPS[Math.floor(first.i / 5)].label, T4_COLUMNS[first.i % 5]].join('');
      const start = s.start + m.index!;
      const end = start + m[0].length;
      ctx.add({
        start,
        end,
        messageId: 'allUpheld',
        args: { phrase: report.text.slice(start, end), where: label, value: first.cell.value! },
        related: offending.map((c) => ({
          start: c.cell.span.start,
          end: c.cell.span.end,
          message: `${T4_GROUPS[Math.floor(c.i / 5)].label} · ${T4_COLUMNS[c.i % 5]}：${c.cell.value}`,
        })),
      });
    }
  }
}

/** "均已办结" (every request of the year finished) while 表三 四、结转下年度继续办理 is above 0. */
function checkAllFinished(ctx: RuleContext): void {
  const { report } = ctx;
  const t3 = report.tables.t3;
  if (!t3) return;
  // A blank 总计 counts the row's filled cells; a row blank or 0 throughout carries nothing over.
  const next = t3RowTotal(t3, 'next');
  if (!next || next.value <= 0) return;
  const row = t3.rows.get('next')!;
  const label = shortRowLabel(row);
  for (const claim of finishedClaimsOf(report)) {
    ctx.add({
      start: claim.start,
      end: claim.end,
      messageId: 'allFinished',
      args: { phrase: claim.phrase, row: label, value: next.value },
      related: [{ ...next.span, message: `${label} · 总计：${next.value}` }],
    });
  }
}

/** The same yearly figure stated twice with two values ("共主动公开…141条" … "主动公开…17条"). */
function checkRestated(ctx: RuleContext): void {
  const { text } = ctx.report;
  const phrase = (span: Span) => text.slice(span.start, span.end).replace(/\*\*/g, '').replace(/\s+/g, '');
  for (const r of restatementsOf(ctx.report)) {
    ctx.add({
      ...r.span,
      messageId: 'restated',
      args: { phrase: phrase(r.phraseSpan), firstPhrase: phrase(r.first.phraseSpan) },
      related: [{ ...r.first.span, message: phrase(r.first.phraseSpan) }],
    });
  }
}

const rule = defineRule({
  id: 'text-vs-table',
  category: 'text',
  description: {
    'zh-cn': '正文中的数字与表格中对应的数字一致，同一数字前后一致',
    en: 'A figure stated in the text equals the table cell it names, and the same figure is stated alike',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages,
  check(ctx) {
    for (const figure of ctx.report.figures) checkFigure(ctx, figure);
    checkAllUpheld(ctx);
    checkAllFinished(ctx);
    checkRestated(ctx);
  },
});

export default rule;
