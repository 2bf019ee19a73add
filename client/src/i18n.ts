// Runtime strings of the client (status bar, prompts, the summary panel). Contribution strings
// (command titles, settings) live in package.nls*.json. A plain table rather than @vscode/l10n
// because (1) the panel HTML is built by a pure function that tests render outside VS Code, and
// it needs the same strings; (2) the rule here is "Chinese unless English", while l10n treats the
// source strings as the fallback for every language without a bundle (Japanese users would get
// whatever the source language is, and VS Code loads no bundle at all for English).
// No vscode import: the caller passes vscode.env.language.
import type { Locale } from '../../server/src/core/types';
import type { FixAllResult } from '../../server/src/shared/protocol';

export type { Locale };

/**
 * nianbao.locale: Chinese unless it says otherwise (`en`), whatever VS Code's display language, since
 * the reports and their authors are Chinese; `auto` follows VS Code: English if it starts with "en".
 */
export function resolveLocale(setting: unknown, displayLanguage: string): Locale {
  if (setting === 'en') return 'en';
  if (setting === 'auto') return /^en\b/i.test(displayLanguage) ? 'en' : 'zh-cn';
  return 'zh-cn';
}

const zh = {
  statusOk: '年报 ✓',
  statusProblems: '年报 {count} ✗',
  statusTooltip: '政府信息公开年报：{errors} 个错误，{warnings} 个警告，{others} 个提示（检查用时 {elapsed} 毫秒）。点击显示摘要。',

  noReportEditor: '请先打开一份政府信息公开年报。',
  notAReport: '当前文档不像政府信息公开年报（可用设置 nianbao.detect 指定）。',
  serverFailed: '年报检查服务未能启动：{error}',
  requestFailed: '年报检查服务出错：{error}',

  newReportYearPrompt: '报告年度（如 {example}）',
  newReportYearInvalid: '请输入 {min} 年至 {max} 年之间的年份。',
  newReportKindPlaceholder: '发布报告的机关类型',
  newReportBodyPrompt: '机关全称，将写入标题和落款',
  newReportBodyInvalid: '请输入机关名称。',
  kindTownship: '乡镇人民政府',
  kindTownshipExample: '某某镇人民政府',
  kindSubdistrict: '街道办事处',
  kindSubdistrictExample: '某某街道办事处',
  kindCounty: '县（区）人民政府',
  kindCountyExample: '某某县人民政府',
  kindCity: '市人民政府',
  kindCityExample: '某某市人民政府',
  kindDepartment: '政府部门',
  kindDepartmentExample: '某某市市场监督管理局',
  kindGovernmentDetail: '人民政府（含其办公室）',
  kindDepartmentDetail: '政府工作部门、直属机构等，1 月 31 日前发布',

  fixAllDone: '年报：已修复 {count} 处（{rules}）。',
  fixAllRule: '{rule} {count} 处',
  fixAllSeparator: '，',
  fixAllNothing: '年报：没有可自动修复的问题。',
  fixAllNotApplied: '年报：修复未能应用（文档已改动或被拒绝），请再试一次。',

  exportTitle: '导出年报摘要',
  exportDone: '摘要已导出到 {file}。',
  exportFailed: '导出失败：{error}',

  panelTitle: '年报摘要',
  panelTabTitle: '年报摘要 · {file}',
  panelEmpty: '打开一份政府信息公开年报，这里会显示它的摘要。',
  panelNotReport: '当前文档不像政府信息公开年报。',
  panelBody: '机关',
  panelYear: '年度',
  panelEdition: '格式版本',
  panelUnknown: '未识别',
  panelSections: '六个部分',
  panelFigures: '主要数字',
  panelResults: '本年度办理结果',
  panelFindings: '发现的问题',
  panelNoFindings: '没有发现问题。',
  panelLine: '第 {line} 行',
  panelFixAll: '修复全部',
  panelExport: '导出摘要',
  figReceived: '本年新收',
  figCarriedOver: '上年结转',
  figHandled: '办结（七）总计',
  figCarriedForward: '结转下年度',
  figDisclosedShare: '予以公开、部分公开占比',
  figReviews: '行政复议总计',
  figLawsuits: '行政诉讼总计',
  sevError: '错误',
  sevWarning: '警告',
  sevInformation: '信息',
  sevHint: '提示',
  editionName2021: '2021 年版',
  editionName2019: '2019 年版',
  editionNamePre2019: '2019 年以前的格式',
  editionNameUnknown: '未识别',
  yearFromTitle: '据标题',
  yearFromPeriod: '据统计期限',
  yearFromText: '据正文',
  yearFromOption: '据设置',

  extractReading: '正在读取文件中的文字…',
  extractScanned: '这份 PDF 没有文字层（可能是扫描件），无法检查其中的表格和文字：请取得可复制文字的版本。',
  checkFileNoFile: '请在资源管理器中右击要检查的文件（Word、PDF 或网页），再选“年报：检查此文件”。',
  readOnlyNoFix: '这是从原文件读出的只读文本，不能自动修复：请在原文件中修改。',
  workspaceNoFolder: '请先打开一个文件夹，再检查工作区的年报。',
  workspaceProgressTitle: '年报：检查工作区',
  workspaceProgress: '已检查 {done}/{total}：{file}',
  workspaceTooMany: '工作区中可检查的文件超过 {max} 个，只检查了前 {max} 个。',
  workspaceDone: '已检查 {files} 个文件：{reports} 份年报，{errors} 个错误，{warnings} 个警告。',
  workspaceUnreadable: '另有 {count} 个文件无法读取，如 {file}：{reason}',
  workspaceCancelled: '检查已取消（已检查 {done}/{total} 个文件）。',
  workspaceExtractedLine: '在读出的文本中：第 {line} 行',
  workspaceShowPanel: '显示列表',
  wsTitle: '工作区年报',
  wsIntro: '共 {reports} 份年报（检查了 {files} 个文件）。点击一行打开该报告，点击表头排序。',
  wsEmpty: '工作区中没有找到年报。',
  wsFile: '文件',
  wsErrors: '错误',
  wsWarnings: '警告',
};

export type Messages = typeof zh;

const en: Messages = {
  statusOk: 'Nianbao ✓',
  statusProblems: 'Nianbao {count} ✗',
  statusTooltip: 'Annual disclosure report: {errors} errors, {warnings} warnings, {others} notes (checked in {elapsed} ms). Click for the summary.',

  noReportEditor: 'Open an annual report on government information disclosure first.',
  notAReport: 'This document does not look like an annual disclosure report (the setting nianbao.detect can force it).',
  serverFailed: 'The Nianbao language server did not start: {error}',
  requestFailed: 'The Nianbao language server failed: {error}',

  newReportYearPrompt: 'Report year (e.g. {example})',
  newReportYearInvalid: 'Enter a year from {min} to {max}.',
  newReportKindPlaceholder: 'Kind of body that publishes the report',
  newReportBodyPrompt: 'Full name of the body, used in the title and the signature',
  newReportBodyInvalid: 'Enter the name of the body.',
  kindTownship: '乡镇人民政府 (township government)',
  kindTownshipExample: '某某镇人民政府',
  kindSubdistrict: '街道办事处 (subdistrict office)',
  kindSubdistrictExample: '某某街道办事处',
  kindCounty: '县（区）人民政府 (county or district government)',
  kindCountyExample: '某某县人民政府',
  kindCity: '市人民政府 (city government)',
  kindCityExample: '某某市人民政府',
  kindDepartment: '政府部门 (government department)',
  kindDepartmentExample: '某某市市场监督管理局',
  kindGovernmentDetail: 'people’s government (and its general office)',
  kindDepartmentDetail: 'departments and agencies; they publish by 31 January',

  fixAllDone: 'Nianbao: {count} fixed ({rules}).',
  fixAllRule: '{rule} {count}',
  fixAllSeparator: ', ',
  fixAllNothing: 'Nianbao: nothing can be fixed automatically.',
  fixAllNotApplied: 'Nianbao: the fixes were not applied (the document changed, or the edit was refused); try again.',

  exportTitle: 'Export report summary',
  exportDone: 'Summary exported to {file}.',
  exportFailed: 'Export failed: {error}',

  panelTitle: 'Report summary',
  panelTabTitle: 'Summary · {file}',
  panelEmpty: 'Open an annual disclosure report to see its summary here.',
  panelNotReport: 'This document does not look like an annual disclosure report.',
  panelBody: 'Body',
  panelYear: 'Year',
  panelEdition: 'Edition',
  panelUnknown: 'not found',
  panelSections: 'Sections',
  panelFigures: 'Key figures',
  panelResults: 'Results of handling (本年度办理结果)',
  panelFindings: 'Findings',
  panelNoFindings: 'No findings.',
  panelLine: 'line {line}',
  panelFixAll: 'Fix all',
  panelExport: 'Export summary',
  figReceived: 'Received (本年新收)',
  figCarriedOver: 'Carried over (上年结转)',
  figHandled: 'Handled (（七）总计)',
  figCarriedForward: 'Carried forward (结转下年度)',
  figDisclosedShare: 'Disclosed in full or in part',
  figReviews: 'Administrative reviews',
  figLawsuits: 'Lawsuits',
  sevError: 'error',
  sevWarning: 'warning',
  sevInformation: 'info',
  sevHint: 'hint',
  editionName2021: '2021 edition',
  editionName2019: '2019 edition',
  editionNamePre2019: 'pre-2019 layout',
  editionNameUnknown: 'unknown',
  yearFromTitle: 'from the title',
  yearFromPeriod: 'from the statistics period',
  yearFromText: 'from the text',
  yearFromOption: 'from the settings',

  extractReading: 'Reading the text of the file…',
  extractScanned: 'This PDF has no text layer (it may be a scan): its tables and text cannot be checked; get a version with selectable text.',
  checkFileNoFile: 'Right-click the file to check (Word, PDF or web page) in the Explorer and choose “Check This File”.',
  readOnlyNoFix: 'This is the read-only text read from the file: it cannot be fixed automatically; correct the original file.',
  workspaceNoFolder: 'Open a folder first to check the reports of the workspace.',
  workspaceProgressTitle: 'Nianbao: checking the workspace',
  workspaceProgress: '{done}/{total} checked: {file}',
  workspaceTooMany: 'The workspace has more than {max} files to check; only the first {max} were checked.',
  workspaceDone: 'Checked {files} files: {reports} reports, {errors} errors, {warnings} warnings.',
  workspaceUnreadable: '{count} more files could not be read, e.g. {file}: {reason}',
  workspaceCancelled: 'Check cancelled ({done}/{total} files checked).',
  workspaceExtractedLine: 'In the text read from the file: line {line}',
  workspaceShowPanel: 'Show list',
  wsTitle: 'Reports of the workspace',
  wsIntro: '{reports} reports ({files} files checked). Click a row to open the report, a header to sort.',
  wsEmpty: 'No report was found in the workspace.',
  wsFile: 'File',
  wsErrors: 'Errors',
  wsWarnings: 'Warnings',
};

const TABLES: Record<Locale, Messages> = { 'zh-cn': zh, en };

export function messages(locale: Locale): Messages {
  return TABLES[locale] ?? zh;
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
export function format(template: string, args: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m));
}
