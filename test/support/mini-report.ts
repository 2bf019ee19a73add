// A small, consistent report around a narrative paragraph, and the real fixtures: shared by the
// tests of the rules that read prose (figures, text-vs-table, breakdown-sum, percentage).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { check, type CheckOptions, type Diagnostic, type RuleId } from '../../server/src/core';
import { T3_ROWS } from '../../server/src/core/format/editions';

export const FIXTURES = path.resolve(__dirname, '../data/fixtures');
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const CIXI = fixture('2023-cixi-city-office.txt');
export const XIAOCAOE = fixture('2023-xiaocaoe-town.txt');
export const SUSHUI = fixture('2023-sushui-town.txt');

export interface Mini {
  narrative: string;
  t3?: Record<string, (number | string)[]>;
  t4?: number[];
  t2?: number[];
  edition2019?: boolean;
}

/** A small, consistent report (tab-separated tables, FORMAT.md §3) around a narrative paragraph. */
export function miniReport(o: Mini): string {
  const edition = o.edition2019 ? '2019' : '2021';
  const t3: Record<string, (number | string)[]> = {
    new: [10, 2, 0, 0, 0, 0, 12],
    carry: [1, 0, 0, 0, 0, 0, 1],
    r1: [4, 1, 0, 0, 0, 0, 5],
    r2: [2, 1, 0, 0, 0, 0, 3],
    r4_1: [5, 0, 0, 0, 0, 0, 5],
    total: [11, 2, 0, 0, 0, 0, 13],
    ...o.t3,
  };
  const rows = T3_ROWS.filter((r) => !r.editions || r.editions.includes(edition)).map((r) =>
    r.header ? r.label : [r.label, ...(t3[r.key] ?? [0, 0, 0, 0, 0, 0, 0])].join('\t'),
  );
  const [made, repealed, valid] = o.t2 ?? [3, 1, 20];
  const t2 = o.edition2019
    ? ['信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量', '规章\t0\t0\t0', `规范性文件\t${made}\t${repealed}\t${valid}`]
    : ['信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t0\t0\t0', `行政规范性文件\t${made}\t${repealed}\t${valid}`];
  return [
    `东湖县统计局${o.edition2019 ? 2020 : 2023}年政府信息公开工作年度报告`,
    '',
    '一、总体情况',
    o.narrative,
    '',
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    ...t2,
    '',
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
    '\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
    ...rows,
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议\t\t\t\t\t行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    (o.t4 ?? [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1]).join('\t'),
    '',
    '五、存在的主要问题及改进情况',
    '信息更新不够及时。',
    '',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    '',
  ].join('\n');
}

/** The findings of one rule. */
export const findingsOf = (rule: RuleId) => (text: string, options: CheckOptions = {}): Diagnostic[] =>
  check(text, options).diagnostics.filter((d) => d.rule === rule);

export const spanText = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

export const inMini = (narrative: string) => miniReport({ narrative });

/** Replaces `from` (which must be there) by `to`. */
export function mutate(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture contains ${from}`);
  return text.replace(from, to);
}

/** Exactly one finding of the rule, at `number`, a warning without a fix, whose message names every piece of `says`. */
export function assertOneFinding(
  findings: (text: string, options?: CheckOptions) => Diagnostic[],
  text: string,
  number: string,
  says: string[],
  options: CheckOptions = {},
): Diagnostic {
  const found = findings(text, options);
  assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
  const d = found[0];
  assert.equal(spanText(text, d), number);
  assert.equal(d.severity, 'warning');
  assert.equal(d.fix, null);
  for (const s of says) assert.ok(d.message.includes(s), `"${d.message}" mentions ${s}`);
  return d;
}
