// The report at a glance: what the summary panel, `nianbao check --format json` and exports show.
import type { Report, Table } from './model';
import type { EditionId } from './types';
import { SECTIONS, T3_ROWS, T3_TOTAL_COLUMN, t3Leaves } from './format/editions';

export interface ReportSummary {
  title: string | null;
  body: string | null;
  year: number | null;
  yearSource: string;
  edition: EditionId;
  sections: { key: string; number: number; title: string; present: boolean; start: number | null }[];
  figures: {
    received: number | null;
    carriedOver: number | null;
    handled: number | null;
    carriedForward: number | null;
    disclosed: number | null;
    partlyDisclosed: number | null;
    /** (予以公开 + 部分公开) / （七）总计, 0–1. */
    disclosedShare: number | null;
    reviews: number | null;
    lawsuits: number | null;
  };
  /** 办理结果 leaves with their totals, for the chart. */
  results: { key: string; label: string; value: number | null }[];
}

export function t3Total(table: Table | null, rowKey: string, column = T3_TOTAL_COLUMN): number | null {
  const row = table?.rows.get(rowKey);
  if (!row || !row.positioned) return null;
  return row.cells[column]?.value ?? null;
}

export function t4Value(table: Table | null, index: number): number | null {
  const row = table?.rows.get('values');
  if (!row || !row.positioned) return null;
  return row.cells[index]?.value ?? null;
}

export function summarize(report: Report): ReportSummary {
  const t3 = report.tables.t3;
  const t4 = report.tables.t4;
  const handled = t3Total(t3, 'total');
  const disclosed = t3Total(t3, 'r1');
  const partly = t3Total(t3, 'r2');
  const direct = t4Value(t4, 9);
  const after = t4Value(t4, 14);
  const edition = report.edition === '2019' ? '2019' : '2021';
  return {
    title: report.title?.text ?? null,
    body: report.body?.text ?? null,
    year: report.year.value,
    yearSource: report.year.source,
    edition: report.edition,
    sections: SECTIONS.map((spec) => {
      const found = report.sections.find((s) => s.key === spec.key);
      return { key: spec.key, number: spec.number, title: spec.standard, present: !!found, start: found?.heading.span.start ?? null };
    }),
    figures: {
      received: t3Total(t3, 'new'),
      carriedOver: t3Total(t3, 'carry'),
      handled,
      carriedForward: t3Total(t3, 'next'),
      disclosed,
      partlyDisclosed: partly,
      disclosedShare: handled && disclosed !== null && partly !== null ? (disclosed + partly) / handled : null,
      reviews: t4Value(t4, 4),
      lawsuits: direct !== null && after !== null ? direct + after : null,
    },
    results: t3Leaves(edition).map((key) => ({
      key,
      label: T3_ROWS.find((r) => r.key === key && (!r.editions || r.editions.includes(edition)))?.label ?? key,
      value: t3Total(t3, key),
    })),
  };
}

/** The six kinds of 办理结果 the summary panel and the reviewers' page chart, and the leaves of 表三 each sums. */
const RESULT_KINDS: { label: string; keys: RegExp }[] = [
  { label: '（一）予以公开', keys: /^r1$/ },
  { label: '（二）部分公开', keys: /^r2$/ },
  { label: '（三）不予公开', keys: /^r3_/ },
  { label: '（四）无法提供', keys: /^r4_/ },
  { label: '（五）不予处理', keys: /^r5_/ },
  { label: '（六）其他处理', keys: /^r6(_|$)/ },
];

/** Each kind's total over the 办理结果 leaves, null when 表三 gave none of its rows. */
export function resultTotals(results: ReportSummary['results']): { label: string; value: number | null }[] {
  return RESULT_KINDS.map((kind) => {
    let value: number | null = null;
    for (const r of results) if (kind.keys.test(r.key) && r.value !== null) value = (value ?? 0) + r.value;
    return { label: kind.label, value };
  });
}
