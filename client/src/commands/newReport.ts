// "年报：新建年度报告…": asks for the year, the kind of body and its name, then opens an untitled
// report (language nianbao) built by the engine's template. Needs no language server.
import * as vscode from 'vscode';
import { BODY_KINDS, newReportText, FIRST_TEMPLATE_YEAR, type BodyKind } from '../../../server/src/core/template';
import { format, messages, type Locale } from '../i18n';
import { LANGUAGE_ID } from '../selector';

/** The year typed, or null when it is not a whole year from 2019 to this year. */
export function parseReportYear(input: string, thisYear: number): number | null {
  const text = input.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/年$/, '');
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= FIRST_TEMPLATE_YEAR && year <= thisYear ? year : null;
}

/** The answers given as the command's argument ({ year, body, kind }); invalid ones are dropped. */
export function presetAnswers(options: unknown, thisYear: number): { year?: number; body?: string; kind?: BodyKind } {
  if (typeof options !== 'object' || options === null) return {};
  const { year, body, kind } = options as Record<string, unknown>;
  const y = typeof year === 'number' || typeof year === 'string' ? parseReportYear(String(year), thisYear) : null;
  return {
    year: y ?? undefined,
    body: typeof body === 'string' && body.trim() ? body : undefined,
    kind: BODY_KINDS.includes(kind as BodyKind) ? (kind as BodyKind) : undefined,
  };
}

export async function newReport(locale: Locale, options?: unknown): Promise<void> {
  const m = messages(locale);
  const title = locale === 'en' ? 'New annual report' : '新建年度报告';
  const thisYear = new Date().getFullYear();
  const lastYear = thisYear - 1;
  const preset = presetAnswers(options, thisYear);

  const yearText = preset.year !== undefined ? String(preset.year) : await vscode.window.showInputBox({
    title: `${title} (1/3)`,
    prompt: format(m.newReportYearPrompt, { example: lastYear }),
    value: String(lastYear),
    ignoreFocusOut: true,
    validateInput: (v) =>
      parseReportYear(v, thisYear) === null ? format(m.newReportYearInvalid, { min: FIRST_TEMPLATE_YEAR, max: thisYear }) : undefined,
  });
  const year = yearText === undefined ? null : parseReportYear(yearText, thisYear);
  if (year === null) return;

  const kinds: (vscode.QuickPickItem & { bodyKind: BodyKind; example: string })[] = [
    { bodyKind: 'township', label: m.kindTownship, detail: m.kindGovernmentDetail, example: m.kindTownshipExample },
    { bodyKind: 'subdistrict', label: m.kindSubdistrict, detail: m.kindGovernmentDetail, example: m.kindSubdistrictExample },
    { bodyKind: 'county', label: m.kindCounty, detail: m.kindGovernmentDetail, example: m.kindCountyExample },
    { bodyKind: 'city', label: m.kindCity, detail: m.kindGovernmentDetail, example: m.kindCityExample },
    { bodyKind: 'department', label: m.kindDepartment, detail: m.kindDepartmentDetail, example: m.kindDepartmentExample },
  ];
  const picked = preset.kind
    ? kinds.find((k) => k.bodyKind === preset.kind)
    : await vscode.window.showQuickPick(kinds, {
        title: `${title} (2/3)`,
        placeHolder: m.newReportKindPlaceholder,
        ignoreFocusOut: true,
      });
  if (!picked) return;

  const body = preset.body ?? await vscode.window.showInputBox({
    title: `${title} (3/3)`,
    prompt: m.newReportBodyPrompt,
    placeHolder: picked.example,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : m.newReportBodyInvalid),
  });
  if (!body?.trim()) return;

  const content = newReportText({ year, body, kind: picked.bodyKind, locale });
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(document);
}
