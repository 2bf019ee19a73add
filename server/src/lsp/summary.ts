// `nianbao/summary`: the report at a glance plus its findings, for the client's panel and exports.
import { summarize } from '../core/index';
import type { SummaryResult } from '../shared/protocol';
import type { Analysis } from './analysis';
import { severityName } from './convert';

export function summaryOf(uri: string, version: number | null, analysis: Analysis | null): SummaryResult {
  if (!analysis) return { uri, version, isReport: false, summary: null, findings: [] };
  return {
    uri,
    version: analysis.version,
    isReport: analysis.kind === 'report',
    summary: analysis.result ? summarize(analysis.result.report) : null,
    findings: analysis.diagnostics.map((d) => ({
      rule: typeof d.code === 'string' ? d.code : 'too-large',
      severity: severityName(d.severity),
      message: typeof d.message === 'string' ? d.message : d.message.value,
      line: d.range.start.line,
      character: d.range.start.character,
    })),
  };
}
