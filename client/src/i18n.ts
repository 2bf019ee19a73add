// Runtime strings of the client (status bar, prompts, the summary panel). Contribution strings
// (command titles, settings) live in package.nls*.json. A plain table rather than @vscode/l10n
// because (1) the panel HTML is built by a pure function that tests render outside VS Code, and
// it needs the same strings; (2) the rule here is "Chinese unless English", while l10n treats the
// source strings as the fallback for every language without a bundle (Japanese users would get
// whatever the source language is, and VS Code loads no bundle at all for English).
// Lookup, filling and the choice of language are server/src/shared/i18n.ts's, as for the command line
// and the language server. No vscode import: the caller passes vscode.env.language.
import { fill, inLocale, type Catalog, type Locale } from '../../server/src/shared/i18n';
import type { FixAllResult } from '../../server/src/shared/protocol';

export type { Locale };
/** nianbao.locale: Chinese unless it says English; `auto` follows VS Code's display language. */
export { resolveLocale } from '../../server/src/shared/i18n';

const CATALOG = {
  statusOk: { 'zh-cn': '年报 ✓', en: 'Nianbao ✓' },
  statusProblems: { 'zh-cn': '年报 {count} ✗', en: 'Nianbao {count} ✗' },
  statusTooltip: { 'zh-cn': '政府信息公开年报：{errors} 个错误，{warnings} 个警告，{others} 个提示（检查用时 {elapsed} 毫秒）。点击显示摘要。', en: 'Annual disclosure report: {errors} errors, {warnings} warnings, {others} notes (checked in {elapsed} ms). Click for the summary.' },

  noReportEditor: { 'zh-cn': '请先打开一份政府信息公开年报。', en: 'Open an annual report on government information disclosure first.' },
  notAReport: { 'zh-cn': '当前文档不像政府信息公开年报（可用设置 nianbao.detect 指定）。', en: 'This document does not look like an annual disclosure report (the setting nianbao.detect can force it).' },
  serverFailed: { 'zh-cn': '年报检查服务未能启动：{error}', en: 'The Nianbao language server did not start: {error}' },
  requestFailed: { 'zh-cn': '年报检查服务出错：{error}', en: 'The Nianbao language server failed: {error}' },

  newReportYearPrompt: { 'zh-cn': '报告年度（如 {example}）', en: 'Report year (e.g. {example})' },
  newReportYearInvalid: { 'zh-cn': '请输入 {min} 年至 {max} 年之间的年份。', en: 'Enter a year from {min} to {max}.' },
  newReportKindPlaceholder: { 'zh-cn': '发布报告的机关类型', en: 'Kind of body that publishes the report' },
  newReportBodyPrompt: { 'zh-cn': '机关全称，将写入标题和落款', en: 'Full name of the body, used in the title and the signature' },
  newReportBodyInvalid: { 'zh-cn': '请输入机关名称。', en: 'Enter the name of the body.' },
  kindTownship: { 'zh-cn': '乡镇人民政府', en: '乡镇人民政府 (township government)' },
  kindTownshipExample: { 'zh-cn': '某某镇人民政府', en: '某某镇人民政府' },
  kindSubdistrict: { 'zh-cn': '街道办事处', en: '街道办事处 (subdistrict office)' },
  kindSubdistrictExample: { 'zh-cn': '某某街道办事处', en: '某某街道办事处' },
  kindCounty: { 'zh-cn': '县（区）人民政府', en: '县（区）人民政府 (county or district government)' },
  kindCountyExample: { 'zh-cn': '某某县人民政府', en: '某某县人民政府' },
  kindCity: { 'zh-cn': '市人民政府', en: '市人民政府 (city government)' },
  kindCityExample: { 'zh-cn': '某某市人民政府', en: '某某市人民政府' },
  kindDepartment: { 'zh-cn': '政府部门', en: '政府部门 (government department)' },
  kindDepartmentExample: { 'zh-cn': '某某市市场监督管理局', en: '某某市市场监督管理局' },
  kindGovernmentDetail: { 'zh-cn': '人民政府（含其办公室）', en: 'people’s government (and its general office)' },
  kindDepartmentDetail: { 'zh-cn': '政府工作部门、直属机构等，1 月 31 日前发布', en: 'departments and agencies; they publish by 31 January' },

  fixAllDone: { 'zh-cn': '年报：已修复 {count} 处（{rules}）。', en: 'Nianbao: {count} fixed ({rules}).' },
  fixAllRule: { 'zh-cn': '{rule} {count} 处', en: '{rule} {count}' },
  fixAllSeparator: { 'zh-cn': '，', en: ', ' },
  fixAllNothing: { 'zh-cn': '年报：没有可自动修复的问题。', en: 'Nianbao: nothing can be fixed automatically.' },
  fixAllNotApplied: { 'zh-cn': '年报：修复未能应用（文档已改动或被拒绝），请再试一次。', en: 'Nianbao: the fixes were not applied (the document changed, or the edit was refused); try again.' },

  exportTitle: { 'zh-cn': '导出年报摘要', en: 'Export report summary' },
  exportDone: { 'zh-cn': '摘要已导出到 {file}。', en: 'Summary exported to {file}.' },
  exportFailed: { 'zh-cn': '导出失败：{error}', en: 'Export failed: {error}' },

  panelTitle: { 'zh-cn': '年报摘要', en: 'Report summary' },
  panelTabTitle: { 'zh-cn': '年报摘要 · {file}', en: 'Summary · {file}' },
  panelEmpty: { 'zh-cn': '打开一份政府信息公开年报，这里会显示它的摘要。', en: 'Open an annual disclosure report to see its summary here.' },
  panelNotReport: { 'zh-cn': '当前文档不像政府信息公开年报。', en: 'This document does not look like an annual disclosure report.' },
  panelBody: { 'zh-cn': '机关', en: 'Body' },
  panelYear: { 'zh-cn': '年度', en: 'Year' },
  panelEdition: { 'zh-cn': '格式版本', en: 'Edition' },
  panelUnknown: { 'zh-cn': '未识别', en: 'not found' },
  panelSections: { 'zh-cn': '六个部分', en: 'Sections' },
  panelFigures: { 'zh-cn': '主要数字', en: 'Key figures' },
  panelResults: { 'zh-cn': '本年度办理结果', en: 'Results of handling (本年度办理结果)' },
  panelFindings: { 'zh-cn': '发现的问题', en: 'Findings' },
  panelNoFindings: { 'zh-cn': '没有发现问题。', en: 'No findings.' },
  panelLine: { 'zh-cn': '第 {line} 行', en: 'line {line}' },
  panelFixAll: { 'zh-cn': '修复全部', en: 'Fix all' },
  panelExport: { 'zh-cn': '导出摘要', en: 'Export summary' },
  figReceived: { 'zh-cn': '本年新收', en: 'Received (本年新收)' },
  figCarriedOver: { 'zh-cn': '上年结转', en: 'Carried over (上年结转)' },
  figHandled: { 'zh-cn': '办结（七）总计', en: 'Handled (（七）总计)' },
  figCarriedForward: { 'zh-cn': '结转下年度', en: 'Carried forward (结转下年度)' },
  figDisclosedShare: { 'zh-cn': '予以公开、部分公开占比', en: 'Disclosed in full or in part' },
  figReviews: { 'zh-cn': '行政复议总计', en: 'Administrative reviews' },
  figLawsuits: { 'zh-cn': '行政诉讼总计', en: 'Lawsuits' },
  sevError: { 'zh-cn': '错误', en: 'error' },
  sevWarning: { 'zh-cn': '警告', en: 'warning' },
  sevInformation: { 'zh-cn': '信息', en: 'info' },
  sevHint: { 'zh-cn': '提示', en: 'hint' },
  editionName2021: { 'zh-cn': '2021 年版', en: '2021 edition' },
  editionName2019: { 'zh-cn': '2019 年版', en: '2019 edition' },
  editionNamePre2019: { 'zh-cn': '2019 年以前的格式', en: 'pre-2019 layout' },
  editionNameUnknown: { 'zh-cn': '未识别', en: 'unknown' },
  yearFromTitle: { 'zh-cn': '据标题', en: 'from the title' },
  yearFromPeriod: { 'zh-cn': '据统计期限', en: 'from the statistics period' },
  yearFromText: { 'zh-cn': '据正文', en: 'from the text' },
  yearFromOption: { 'zh-cn': '据设置', en: 'from the settings' },

  extractReading: { 'zh-cn': '正在读取文件中的文字…', en: 'Reading the text of the file…' },
  extractScanned: { 'zh-cn': '这份 PDF 没有文字层（可能是扫描件），无法检查其中的表格和文字：请取得可复制文字的版本。', en: 'This PDF has no text layer (it may be a scan): its tables and text cannot be checked; get a version with selectable text.' },
  checkFileNoFile: { 'zh-cn': '请在资源管理器中右击要检查的文件（Word、PDF 或网页），再选“年报：检查此文件”。', en: 'Right-click the file to check (Word, PDF or web page) in the Explorer and choose “Check This File”.' },
  readOnlyNoFix: { 'zh-cn': '这是从原文件读出的只读文本，不能自动修复：请在原文件中修改。', en: 'This is the read-only text read from the file: it cannot be fixed automatically; correct the original file.' },
  workspaceNoFolder: { 'zh-cn': '请先打开一个文件夹，再检查工作区的年报。', en: 'Open a folder first to check the reports of the workspace.' },
  workspaceProgressTitle: { 'zh-cn': '年报：检查工作区', en: 'Nianbao: checking the workspace' },
  workspaceProgress: { 'zh-cn': '已检查 {done}/{total}：{file}', en: '{done}/{total} checked: {file}' },
  workspaceTooMany: { 'zh-cn': '工作区中可检查的文件超过 {max} 个，只检查了前 {max} 个。', en: 'The workspace has more than {max} files to check; only the first {max} were checked.' },
  workspaceDone: { 'zh-cn': '已检查 {files} 个文件：{reports} 份年报，{errors} 个错误，{warnings} 个警告。', en: 'Checked {files} files: {reports} reports, {errors} errors, {warnings} warnings.' },
  workspaceUnreadable: { 'zh-cn': '另有 {count} 个文件无法读取，如 {file}：{reason}', en: '{count} more files could not be read, e.g. {file}: {reason}' },
  workspaceCancelled: { 'zh-cn': '检查已取消（已检查 {done}/{total} 个文件）。', en: 'Check cancelled ({done}/{total} files checked).' },
  workspaceExtractedLine: { 'zh-cn': '在读出的文本中：第 {line} 行', en: 'In the text read from the file: line {line}' },
  workspaceShowPanel: { 'zh-cn': '显示列表', en: 'Show list' },
  wsTitle: { 'zh-cn': '工作区年报', en: 'Reports of the workspace' },
  wsIntro: { 'zh-cn': '共 {reports} 份年报（检查了 {files} 个文件）。点击一行打开该报告，点击表头排序。', en: '{reports} reports ({files} files checked). Click a row to open the report, a header to sort.' },
  wsEmpty: { 'zh-cn': '工作区中没有找到年报。', en: 'No report was found in the workspace.' },
  wsFile: { 'zh-cn': '文件', en: 'File' },
  wsErrors: { 'zh-cn': '错误', en: 'Errors' },
  wsWarnings: { 'zh-cn': '警告', en: 'Warnings' },
} satisfies Catalog;

export type Messages = { [K in keyof typeof CATALOG]: string };

const TABLES: Record<Locale, Messages> = { 'zh-cn': inLocale(CATALOG, 'zh-cn'), en: inLocale(CATALOG, 'en') };

export function messages(locale: Locale): Messages {
  return TABLES[locale] ?? TABLES['zh-cn'];
}

/** Some of the client's sentences in one language: what a webview page is given with its data. */
export function someMessages<K extends keyof Messages>(locale: Locale, ids: readonly K[]): Pick<Messages, K> {
  const m = messages(locale);
  const out = {} as Pick<Messages, K>;
  for (const id of ids) out[id] = m[id];
  return out;
}

/**
 * What 修复全部 changed, per rule: "已修复 5 处（year-mismatch 3 处，section-numbering 2 处）"; or that there
 * was nothing to fix; or that the edit was not applied (`null`: the document changed while the request
 * travelled, or the server could not check it).
 */
export function fixAllMessage(m: Messages, result: FixAllResult | null): string {
  if (!result) return m.fixAllNotApplied;
  const { fixed } = result;
  const count = fixed.reduce((sum, f) => sum + f.count, 0);
  if (count === 0) return m.fixAllNothing;
  if (!result.applied) return m.fixAllNotApplied;
  const rules = fixed.map((f) => format(m.fixAllRule, { rule: f.rule, count: f.count })).join(m.fixAllSeparator);
  return format(m.fixAllDone, { count, rules });
}

/** Fills `{name}` placeholders; unknown names stay as written. */
export const format = fill;
