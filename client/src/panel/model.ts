// What the summary panel shows, computed from the server's `nianbao/summary` answer: plain,
// already-localized data, so that the panel's script only lays it out. Pure (no vscode import).
import type { SummaryFinding, SummaryResult } from '../../../server/src/shared/protocol';
import type { EditionId, Severity } from '../../../server/src/core/types';
import { resultTotals } from '../../../server/src/core/summary';
import { messages, someMessages, type Locale, type Messages } from '../i18n';

export interface PanelFinding {
  /** 0-based, as LSP; the panel shows it 1-based. */
  line: number;
  character: number;
  severity: Severity;
  message: string;
}

export interface PanelData {
  state: 'empty' | 'not-report' | 'report';
  /** The document shown, for the panel's title. */
  fileName: string;
  title: string;
  body: string;
  year: string;
  edition: string;
  sections: { label: string; present: boolean }[];
  figures: { label: string; value: string }[];
  /** 办理结果 by category （一）…（六）, for the chart. */
  results: { label: string; value: number | null }[];
  findings: { rule: string; items: PanelFinding[] }[];
  counts: { errors: number; warnings: number; others: number };
  /** The text read from a Word, PDF or web page: nothing can be fixed in it (no 修复全部). */
  readOnly: boolean;
}

/** The UI strings the panel's script needs, in one object injected with the data. */
const PANEL_STRINGS = [
  'panelTitle',
  'panelEmpty',
  'panelNotReport',
  'panelBody',
  'panelYear',
  'panelEdition',
  'panelSections',
  'panelFigures',
  'panelResults',
  'panelFindings',
  'panelNoFindings',
  'panelLine',
  'panelFixAll',
  'panelExport',
  'sevError',
  'sevWarning',
  'sevInformation',
  'sevHint',
] as const;

export type PanelStrings = Pick<Messages, (typeof PANEL_STRINGS)[number]>;

export function panelStrings(locale: Locale): PanelStrings {
  return someMessages(locale, PANEL_STRINGS);
}

const CHINESE_NUMBERS = '一二三四五六七八九十';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function toPanelData(result: SummaryResult | null, fileName: string, locale: Locale, readOnly = false): PanelData {
  const m = messages(locale);
  const empty: PanelData = {
    state: 'empty',
    fileName,
    title: '',
    body: '',
    year: '',
    edition: '',
    sections: [],
    figures: [],
    results: [],
    findings: [],
    counts: { errors: 0, warnings: 0, others: 0 },
    readOnly,
  };
  if (!result) return empty;
  const findings = Array.isArray(result.findings) ? result.findings : [];
  const counts = countFindings(findings);
  const summary = result.summary;
  if (!result.isReport || !summary) return { ...empty, state: 'not-report', findings: groupByRule(findings), counts };

  const f = summary.figures;
  const count = (n: number | null) => (n === null || n === undefined ? '—' : String(n));
  const share = f.disclosedShare === null || f.disclosedShare === undefined ? '—' : `${(f.disclosedShare * 100).toFixed(1)}%`;
  return {
    state: 'report',
    fileName,
    title: summary.title ?? '',
    body: summary.body ?? m.panelUnknown,
    year: summary.year === null ? m.panelUnknown : `${summary.year}${yearSource(summary.yearSource, m)}`,
    edition: editionName(summary.edition, m),
    sections: summary.sections.map((s) => ({
      label: `${CHINESE_NUMBERS[s.number - 1] ?? s.number}、${s.title}`,
      present: !!s.present,
    })),
    figures: [
      { label: m.figReceived, value: count(f.received) },
      { label: m.figCarriedOver, value: count(f.carriedOver) },
      { label: m.figHandled, value: count(f.handled) },
      { label: m.figCarriedForward, value: count(f.carriedForward) },
      { label: m.figDisclosedShare, value: share },
      { label: m.figReviews, value: count(f.reviews) },
      { label: m.figLawsuits, value: count(f.lawsuits) },
    ],
    results: resultTotals(summary.results),
    findings: groupByRule(findings),
    counts,
    readOnly,
  };
}

function yearSource(source: string, m: Messages): string {
  const label: Record<string, string> = {
    title: m.yearFromTitle,
    period: m.yearFromPeriod,
    text: m.yearFromText,
    option: m.yearFromOption,
  };
  return label[source] ? `（${label[source]}）` : '';
}

export function editionName(edition: EditionId, m: Messages): string {
  switch (edition) {
    case '2021':
      return m.editionName2021;
    case '2019':
      return m.editionName2019;
    case 'pre-2019':
      return m.editionNamePre2019;
    default:
      return m.editionNameUnknown;
  }
}

/** Findings grouped by rule; groups ordered by their worst severity, then by first line. */
export function groupByRule(findings: SummaryFinding[]): PanelData['findings'] {
  const groups = new Map<string, PanelFinding[]>();
  for (const f of findings) {
    const items = groups.get(f.rule) ?? [];
    items.push({ line: f.line, character: f.character, severity: f.severity, message: f.message });
    groups.set(f.rule, items);
  }
  const worst = (items: PanelFinding[]) => Math.min(...items.map((i) => SEVERITY_RANK[i.severity] ?? 3));
  return [...groups]
    .map(([rule, items]) => ({ rule, items: items.sort((a, b) => a.line - b.line || a.character - b.character) }))
    .sort((a, b) => worst(a.items) - worst(b.items) || a.items[0].line - b.items[0].line);
}

export function countFindings(findings: SummaryFinding[]): PanelData['counts'] {
  const counts = { errors: 0, warnings: 0, others: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.others++;
  }
  return counts;
}
