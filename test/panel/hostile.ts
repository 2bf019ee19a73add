// A summary whose every piece of report text is an attempt at script injection, for the panel
// tests. If any of it were written into the page as markup, window.__pwned would be set.
import type { SummaryResult } from '../../server/src/shared/protocol';

export const SCRIPT_TAG = '<script>window.__pwned=1</script>';
export const IMG_TAG = '<img src=x onerror="window.__pwned=1">';
export const TEXTAREA_BREAK = '</textarea><svg onload="window.__pwned=1">';
export const SCRIPT_END = '</script><script>window.__pwned=1</script><!--';

export function hostileSummary(): SummaryResult {
  return {
    uri: 'file:///tmp/report.nianbao.txt',
    version: 3,
    isReport: true,
    summary: {
      title: `${SCRIPT_TAG}2023年政府信息公开工作年度报告`,
      body: `${IMG_TAG}某某镇人民政府`,
      year: 2023,
      yearSource: 'title',
      edition: '2021',
      sections: [
        { key: 's1', number: 1, title: `总体情况${TEXTAREA_BREAK}`, present: true, start: 10 },
        { key: 's2', number: 2, title: '主动公开政府信息情况', present: true, start: 100 },
        { key: 's3', number: 3, title: '收到和处理政府信息公开申请情况', present: true, start: 200 },
        { key: 's4', number: 4, title: '政府信息公开行政复议、行政诉讼情况', present: false, start: null },
        { key: 's5', number: 5, title: '存在的主要问题及改进情况', present: true, start: 300 },
        { key: 's6', number: 6, title: '其他需要报告的事项', present: true, start: 400 },
      ],
      figures: {
        received: 12,
        carriedOver: 2,
        handled: 10,
        carriedForward: 4,
        disclosed: 5,
        partlyDisclosed: 1,
        disclosedShare: 0.6,
        reviews: 1,
        lawsuits: null,
      },
      results: [
        { key: 'r1', label: `（一）予以公开${SCRIPT_TAG}`, value: 5 },
        { key: 'r2', label: '（二）部分公开', value: 1 },
        { key: 'r3_1', label: '1.属于国家秘密', value: 0 },
        { key: 'r3_4', label: '4.保护第三方合法权益', value: 2 },
        { key: 'r4_1', label: '1.本机关不掌握相关政府信息', value: 2 },
        { key: 'r5_2', label: '2.重复申请', value: null },
        { key: 'r6_1', label: '1.申请人无正当理由逾期不补正', value: 0 },
        { key: 'r6_3', label: '3.其他', value: 0 },
      ],
    },
    findings: [
      { rule: 'balance', severity: 'error', message: `勾稽关系不成立 ${SCRIPT_END}`, line: 40, character: 3 },
      { rule: 'year-mismatch', severity: 'error', message: `年份错误 ${IMG_TAG}`, line: 7, character: 12 },
      { rule: 'balance', severity: 'error', message: `第二处 ${TEXTAREA_BREAK}`, line: 41, character: 0 },
      { rule: `row-label${SCRIPT_TAG}`, severity: 'hint', message: '行标签 “上年转结” 应为 “上年结转”', line: 30, character: 1 },
    ],
  };
}
