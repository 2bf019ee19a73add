// A new, complete annual report to start from ("年报：新建年度报告…"): the six sections, the three
// tables of the edition that applies to the year, all cells 0, and short prompt paragraphs in 【】
// that the author replaces. The text passes every check as it stands except `placeholder`, which
// reports each prompt still there (so a blank template never looks finished): every other finding
// the author sees later comes from what they wrote. Pure: no IO, usable by the client and the CLI.
// The prompts' wording is what rules/placeholder.ts recognizes: keep them "请在此填写…" / "Describe …".
import type { Locale } from './types';
import {
  SECTIONS,
  T2_COLUMNS,
  T2_ROWS,
  T3_COLUMNS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  editionForYear,
} from './format/editions';

/** What kind of body publishes the report: a level of government, or a government department. */
export type BodyKind = 'township' | 'subdistrict' | 'county' | 'city' | 'department';

export const BODY_KINDS: readonly BodyKind[] = ['township', 'subdistrict', 'county', 'city', 'department'];

export interface NewReportOptions {
  /** The report year (2019 or later): 2019–2020 use the 2019 edition, 2021+ the 2021 edition. */
  year: number;
  /** The publishing body's full name, e.g. "某某镇人民政府". */
  body: string;
  kind: BodyKind;
  /** Language of the placeholder prompts; the report itself is always Chinese. */
  locale?: Locale;
}

/** Earliest year the standard format (and so this template) applies to. */
export const FIRST_TEMPLATE_YEAR = 2019;

/**
 * The text of a new report. Throws a RangeError for a year before 2019 or not an integer (the
 * pre-2019 statistics layout has no template); the body name is reduced to one clean line.
 */
export function newReportText(options: NewReportOptions): string {
  const { year, kind } = options;
  if (!Number.isInteger(year) || year < FIRST_TEMPLATE_YEAR || year > 9999) {
    throw new RangeError(`report year must be an integer from ${FIRST_TEMPLATE_YEAR}: ${year}`);
  }
  const edition = editionForYear(year) === '2019' ? '2019' : '2021';
  const p = PROMPTS[options.locale ?? 'zh-cn'];
  const body = cleanBodyName(options.body) || p.bodyFallback;
  const heading = (n: number) => `${'一二三四五六'[n - 1]}、${SECTIONS[n - 1].standard}`;

  const out: string[] = [];
  const para = (...lines: string[]) => out.push(...lines, '');

  para(`${body}${year}年政府信息公开工作年度报告`);
  para(
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第四十九条、第五十条的规定编制，` +
      `全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、` +
      `存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限为${year}年1月1日至${year}年12月31日。`,
  );

  para(heading(1));
  for (const [marker, title, prompt] of [
    ['（一）', '主动公开', p.proactive],
    ['（二）', '依申请公开', p.onRequest],
    ['（三）', '政府信息管理', p.management],
    ['（四）', '政府信息公开平台建设', p.platform],
    ['（五）', '监督保障', p.oversight],
  ]) {
    para(`${marker}${title}`, `【${prompt}】`);
  }

  para(heading(2), ...table2(edition));
  para(heading(3), ...table3(edition));
  para(heading(4), ...table4());

  para(heading(5), '（一）存在的主要问题', `【${p.problems}】`, '（二）改进情况', `【${p.improvements}】`);
  // Since 2021 (《政府信息公开信息处理费管理办法》) the report states whether the fee was charged.
  para(heading(6), edition === '2021' ? `本机关${year}年度未收取信息处理费。【${p.otherMatters}】` : `【${p.otherMatters}】`);

  // Departments publish by 31 January, governments by 31 March of the following year.
  out.push(body, kind === 'department' ? `${year + 1}年1月31日` : `${year + 1}年3月31日`, '');
  return out.join('\n');
}

/** One line, single spaces, at most 100 characters: a name with a line break would break the title. */
function cleanBodyName(name: string): string {
  return String(name ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
}

const ROW = (label: string, cells: number) => [label, ...Array<string>(cells).fill('0')].join('\t');

/** 表二: the items of 条例第二十条, in the blocks the edition prints. */
function table2(edition: '2019' | '2021'): string[] {
  const blocks: [string, string[]][] = [
    ['第二十条第（一）项', ['rules', 'normative']],
    ['第二十条第（五）项', ['license', 'otherService']],
    ['第二十条第（六）项', ['penalty', 'enforcement']],
    ['第二十条第（八）项', ['fee']],
    ['第二十条第（九）项', ['procurement']],
  ];
  const lines: string[] = [];
  for (const [item, keys] of blocks) {
    const rows = T2_ROWS.filter((r) => keys.includes(r.key) && (!r.editions || r.editions.includes(edition)));
    if (rows.length === 0) continue;
    const columns = T2_COLUMNS[edition][rows[0].key];
    lines.push(item, ['信息内容', ...columns].join('\t'));
    for (const row of rows) {
      // The 2019 edition prints 规范性文件 where the 2021 edition prints 行政规范性文件.
      const label = edition === '2019' && row.key === 'normative' ? '规范性文件' : row.label;
      lines.push(ROW(label, row.cells?.[edition] ?? columns.length));
    }
  }
  return lines;
}

/** 表三: received and handled applications, seven columns under 申请人情况. */
function table3(edition: '2019' | '2021'): string[] {
  const cols = T3_COLUMNS.map((c) => c.label);
  const lines = [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
    `\t${cols[0]}\t法人或其他组织\t\t\t\t\t${cols[6]}`,
    `\t\t${cols.slice(1, 6).join('\t')}\t`,
  ];
  for (const row of T3_ROWS) {
    if (row.editions && !row.editions.includes(edition)) continue;
    lines.push(row.header ? row.label : ROW(row.label, cols.length));
  }
  return lines;
}

/** 表四: one row of fifteen numbers under 行政复议 and the two kinds of 行政诉讼. */
function table4(): string[] {
  const [review, direct, after] = T4_GROUPS;
  const sub = (label: string) => label.replace(/^行政诉讼（(.*)）$/, '$1');
  return [
    `${review.label}\t\t\t\t\t行政诉讼`,
    `\t\t\t\t\t${sub(direct.label)}\t\t\t\t\t${sub(after.label)}`,
    [...T4_COLUMNS, ...T4_COLUMNS, ...T4_COLUMNS].join('\t'),
    Array<string>(15).fill('0').join('\t'),
  ];
}

const PROMPTS: Record<Locale, Record<string, string>> = {
  'zh-cn': {
    bodyFallback: '（单位名称）',
    proactive: '请在此填写本年度主动公开政府信息的主要做法和成效',
    onRequest: '请在此填写本年度依申请公开的办理情况，数字须与表三一致',
    management: '请在此填写政府信息管理工作，如公文公开属性认定、政策文件清理',
    platform: '请在此填写政府网站、政务新媒体等公开平台的建设情况',
    oversight: '请在此填写考核、培训、社会评议和责任追究等监督保障情况',
    problems: '请在此填写本年度政府信息公开工作存在的主要问题',
    improvements: '请在此填写针对上述问题的改进措施和落实情况',
    otherMatters: '如有其他需要报告的事项，请在此填写；没有可删去本句',
  },
  en: {
    bodyFallback: '（单位名称）',
    proactive: 'Describe this year’s proactive disclosure work and its results here',
    onRequest: 'Describe how requests for disclosure were handled this year; figures must match 表三',
    management: 'Describe how government information was managed (disclosure review, clean-up of policy documents)',
    platform: 'Describe the disclosure platforms: the government website, official new-media accounts',
    oversight: 'Describe oversight: assessment, training, public evaluation, accountability',
    problems: 'Describe the main problems of this year’s disclosure work here',
    improvements: 'Describe the improvements made or planned for these problems',
    otherMatters: 'Other matters to report, if any; otherwise delete this sentence',
  },
};
