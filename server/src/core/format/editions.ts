// The format of the report as data: sections, table rows, columns and the labels that identify
// them, for both editions. Parsing and rules read these tables; no code path is edition-specific.
//
// Anchors are regular expressions tested against a *compact key* of the label: normalized
// (simplified, half-width) with whitespace, Markdown markup and quotes removed, and bracketed
// annotations such as （区分处理的，只计这一情形，不计其他情形） dropped.
import type { SectionKey } from '../model';
import type { EditionId } from '../types';

export interface SectionSpec {
  key: SectionKey;
  number: number;
  standard: string;
  /** Accepted variants of the title (not flagged). */
  variants: string[];
  /** Recognizes the title of a numbered heading as this section. */
  anchor: RegExp;
}

export const SECTIONS: SectionSpec[] = [
  { key: 's1', number: 1, standard: '总体情况', variants: ['概述', '总体概况', '基本情况'], anchor: /^(总体情况|总体概况|概述|概况|基本情况|工作概况|总体工作情况)/ },
  {
    key: 's2',
    number: 2,
    standard: '主动公开政府信息情况',
    variants: ['行政机关主动公开政府信息情况', '主动公开政府信息的情况'],
    anchor: /^(行政机关)?主动公开/,
  },
  {
    key: 's3',
    number: 3,
    standard: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政府信息公开申请的情况'],
    anchor: /^(收到和处理|收到及处理|受理和处理|收到、处理)?(政府信息公开|依申请公开)?.*申请.{0,6}情况$|^收到和处理|^依申请公开/,
  },
  {
    key: 's4',
    number: 4,
    standard: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
      '政府信息公开行政复议、行政诉讼的情况',
      '因政府信息公开被申请行政复议、提起行政诉讼情况',
    ],
    anchor: /(行政复议|行政诉讼)/,
  },
  {
    key: 's5',
    number: 5,
    standard: '存在的主要问题及改进情况',
    variants: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及改进措施', '政府信息公开工作存在的主要问题及改进措施'],
    anchor: /(主要问题|存在(的)?问题|存在的不足|问题(与|和|及)不足|改进情况|改进措施)/,
  },
  {
    key: 's6',
    number: 6,
    standard: '其他需要报告的事项',
    variants: ['其它需要报告的事项', '其他需要报告事项'],
    anchor: /^其[他它](需(要)?报告|(需要报告的)?事项$|$)/,
  },
];

export const CHINESE_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function chineseNumeral(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n];
  if (n < 20) return '十' + CHINESE_NUMERALS[n - 10];
  return CHINESE_NUMERALS[Math.floor(n / 10)] + '十' + (n % 10 ? CHINESE_NUMERALS[n % 10] : '');
}

export function parseChineseNumeral(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string) => CHINESE_NUMERALS.indexOf(c);
  if (s.length === 1) return digit(s) > 0 ? digit(s) : null;
  if (s.length === 2 && s[0] === '十' && digit(s[1]) > 0) return 10 + digit(s[1]);
  if (s.length === 2 && s[1] === '十' && digit(s[0]) > 1) return digit(s[0]) * 10;
  if (s.length === 3 && s[1] === '十' && digit(s[0]) > 1 && digit(s[2]) > 0) return digit(s[0]) * 10 + digit(s[2]);
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface RowSpec {
  key: string;
  /** The standard label, as the format writes it. */
  label: string;
  /** Accepted variants of the label (compact keys, numbering stripped). */
  variants?: string[];
  anchor: RegExp;
  /** A weak anchor ("其他", "总计") only matches a whole label piece, never inside a longer label. */
  weak?: boolean;
  /** Header rows carry no numbers of their own. */
  header?: boolean;
  /** Editions that have this row (default: both). */
  editions?: EditionId[];
  /** How many numbers the row carries, by edition (表二 differs between editions). */
  cells?: Partial<Record<EditionId, number>>;
}

export interface ColumnSpec {
  key: string;
  label: string;
}

/** 表三 columns, in order. */
export const T3_COLUMNS: ColumnSpec[] = [
  { key: 'natural', label: '自然人' },
  { key: 'business', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'charity', label: '社会公益组织' },
  { key: 'legal', label: '法律服务机构' },
  { key: 'other', label: '其他' },
  { key: 'total', label: '总计' },
];
export const T3_TOTAL_COLUMN = 6;

/** 表三 rows in order. Leaves are the rows summed into （七）总计. */
export const T3_ROWS: RowSpec[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', anchor: /(本年|本年度)?新收/ },
  { key: 'carry', label: '二、上年结转政府信息公开申请数量', anchor: /上年(度)?(结转|转结)|上年结余/ },
  { key: 'results', label: '三、本年度办理结果', anchor: /办理结果/, header: true },
  { key: 'r1', label: '（一）予以公开', anchor: /予以公开/ },
  { key: 'r2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', variants: ['部分公开'], anchor: /部分公开/ },
  { key: 'h3', label: '（三）不予公开', anchor: /不予公开/, header: true },
  { key: 'r3_1', label: '1.属于国家秘密', anchor: /国家秘密/ },
  // A label wrapped in its cell loses its end in a PDF copy ("2. 其他法律行政法规禁" / "止公开").
  { key: 'r3_2', label: '2.其他法律行政法规禁止公开', anchor: /禁止公开|法律行政法规/ },
  { key: 'r3_3', label: '3.危及“三安全一稳定”', anchor: /三安全|一稳定|危及/ },
  { key: 'r3_4', label: '4.保护第三方合法权益', anchor: /第三方/ },
  { key: 'r3_5', label: '5.属于三类内部事务信息', anchor: /内部事务/ },
  { key: 'r3_6', label: '6.属于四类过程性信息', anchor: /过程性/ },
  { key: 'r3_7', label: '7.属于行政执法案卷', anchor: /执法案卷/ },
  { key: 'r3_8', label: '8.属于行政查询事项', anchor: /查询事项/ },
  { key: 'h4', label: '（四）无法提供', anchor: /无法提供/, header: true },
  { key: 'r4_1', label: '1.本机关不掌握相关政府信息', anchor: /不掌握/ },
  { key: 'r4_2', label: '2.没有现成信息需要另行制作', anchor: /现成信息|另行制作/ },
  { key: 'r4_3', label: '3.补正后申请内容仍不明确', anchor: /补正后|仍不明确/ },
  { key: 'h5', label: '（五）不予处理', anchor: /不予处理/, header: true },
  { key: 'r5_1', label: '1.信访举报投诉类申请', anchor: /信访|举报投诉/ },
  { key: 'r5_2', label: '2.重复申请', anchor: /重复申请/ },
  { key: 'r5_3', label: '3.要求提供公开出版物', anchor: /出版物/ },
  { key: 'r5_4', label: '4.无正当理由大量反复申请', variants: ['无正当理由大量反覆申请'], anchor: /大量反[复覆]/ },
  { key: 'r5_5', label: '5.要求行政机关确认或重新出具已获取信息', anchor: /重新出具|确认或/ },
  // 2021: a header with three sub-rows; 2019: one row with numbers. The parser decides which by
  // whether numbers follow the label.
  { key: 'h6', label: '（六）其他处理', anchor: /其他处理|其它处理/, header: true, editions: ['2021'] },
  { key: 'r6', label: '（六）其他处理', anchor: /其他处理|其它处理/, editions: ['2019'] },
  {
    key: 'r6_1',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    anchor: /逾期不补正/,
    editions: ['2021'],
  },
  {
    key: 'r6_2',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    anchor: /收费通知|缴纳费/,
    editions: ['2021'],
  },
  { key: 'r6_3', label: '3.其他', anchor: /^其[他它]$/, weak: true, editions: ['2021'] },
  { key: 'total', label: '（七）总计', anchor: /^(总计|合计)$/, weak: true },
  { key: 'next', label: '四、结转下年度继续办理', anchor: /结转下(一)?年度|继续办理/ },
];

export function t3Leaves(edition: EditionId): string[] {
  const leaves = ['r1', 'r2', 'r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8', 'r4_1', 'r4_2', 'r4_3'];
  leaves.push('r5_1', 'r5_2', 'r5_3', 'r5_4', 'r5_5');
  if (edition === '2019') leaves.push('r6');
  else leaves.push('r6_1', 'r6_2', 'r6_3');
  return leaves;
}

/** The rows of 表三 that carry numbers, for an edition. */
export function t3ValueRows(edition: EditionId): string[] {
  return ['new', 'carry', ...t3Leaves(edition), 'total', 'next'];
}

/** 表四: one row of fifteen numbers in three groups of five. */
export const T4_GROUPS = [
  { key: 'review', label: '行政复议' },
  { key: 'direct', label: '行政诉讼（未经复议直接起诉）' },
  { key: 'after', label: '行政诉讼（复议后起诉）' },
];
export const T4_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** 表二 rows; `cells` gives how many numbers each edition puts in the row. */
export const T2_ROWS: RowSpec[] = [
  { key: 'rules', label: '规章', anchor: /^规章$/, weak: true, cells: { '2021': 3, '2019': 3 } },
  {
    key: 'normative',
    label: '行政规范性文件',
    variants: ['规范性文件'],
    anchor: /^(行政)?规范性文件$/,
    weak: true,
    cells: { '2021': 3, '2019': 3 },
  },
  { key: 'license', label: '行政许可', anchor: /^行政许可$/, weak: true, cells: { '2021': 1, '2019': 3 } },
  { key: 'otherService', label: '其他对外管理服务事项', anchor: /对外管理服务/, editions: ['2019'], cells: { '2019': 3 } },
  { key: 'penalty', label: '行政处罚', anchor: /^行政处罚$/, weak: true, cells: { '2021': 1, '2019': 3 } },
  { key: 'enforcement', label: '行政强制', anchor: /^行政强制$/, weak: true, cells: { '2021': 1, '2019': 3 } },
  { key: 'fee', label: '行政事业性收费', anchor: /事业性收费/, cells: { '2021': 1, '2019': 2 } },
  { key: 'procurement', label: '政府集中采购', anchor: /集中采购/, editions: ['2019'], cells: { '2019': 2 } },
];

/** Column labels of 表二 per edition, in order of the rows' cells (for 第二十条第（一）项). */
export const T2_COLUMNS: Record<'2021' | '2019', Record<string, string[]>> = {
  '2021': {
    rules: ['本年制发件数', '本年废止件数', '现行有效件数'],
    normative: ['本年制发件数', '本年废止件数', '现行有效件数'],
    license: ['本年处理决定数量'],
    penalty: ['本年处理决定数量'],
    enforcement: ['本年处理决定数量'],
    fee: ['本年收费金额（单位：万元）'],
  },
  '2019': {
    rules: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
    normative: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
    license: ['上一年项目数量', '本年增/减', '处理决定数量'],
    otherService: ['上一年项目数量', '本年增/减', '处理决定数量'],
    penalty: ['上一年项目数量', '本年增/减', '处理决定数量'],
    enforcement: ['上一年项目数量', '本年增/减', '处理决定数量'],
    fee: ['上一年项目数量', '本年增/减'],
    procurement: ['采购项目数量', '采购总金额'],
  },
};

/** Header labels of 表二 and what edition each points at. `fuzzy` recognizes a misspelt label. */
export const T2_HEADER_LABELS: { label: string; edition: EditionId; fuzzy: RegExp }[] = [
  { label: '本年制发件数', edition: '2021', fuzzy: /^本年(度)?制发(件数)?$/ },
  { label: '本年废止件数', edition: '2021', fuzzy: /^本年(度)?(废|度)?止(件数)?$/ },
  { label: '现行有效件数', edition: '2021', fuzzy: /^现行有效(件数)?$/ },
  { label: '本年处理决定数量', edition: '2021', fuzzy: /^本年(度)?处理决定(数量|数)$/ },
  { label: '本年收费金额（单位：万元）', edition: '2021', fuzzy: /^本年(度)?收费金额/ },
  { label: '本年新制作数量', edition: '2019', fuzzy: /^本年新制作(数量)?$/ },
  { label: '本年新公开数量', edition: '2019', fuzzy: /^本年新公开(数量)?$/ },
  { label: '对外公开总数量', edition: '2019', fuzzy: /^对外公开总(数量)?$/ },
  { label: '上一年项目数量', edition: '2019', fuzzy: /^上一年(项目)?数量$/ },
  { label: '本年增/减', edition: '2019', fuzzy: /^本年增[/减]/ },
  { label: '处理决定数量', edition: '2019', fuzzy: /^处理决定(数量|数)$/ },
  { label: '采购项目数量', edition: '2019', fuzzy: /^采购项目数量$/ },
  { label: '采购总金额', edition: '2019', fuzzy: /^采购总金额/ },
];

/** Which edition a report year calls for. */
export function editionForYear(year: number | null): EditionId {
  if (year === null) return 'unknown';
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return 'pre-2019';
}

export const EDITION_NAMES: Record<EditionId, { 'zh-cn': string; en: string }> = {
  '2021': { 'zh-cn': '2021 年版（国办公开办函〔2021〕30号）', en: '2021 edition (国办公开办函〔2021〕30号)' },
  '2019': { 'zh-cn': '2019 年版（国办公开办函〔2019〕60号）', en: '2019 edition (国办公开办函〔2019〕60号)' },
  'pre-2019': { 'zh-cn': '2019 年以前的统计格式', en: 'pre-2019 statistics layout' },
  unknown: { 'zh-cn': '未知版本', en: 'unknown edition' },
};
