// The engine: text → report model → rules → diagnostics. Pure: no IO, no globals, never throws on
// any input (a rule that throws is contained and reported through `onRuleError`).
import type { CheckOptions, Diagnostic, Fix, Locale, RuleSetting, Severity } from './types';
import type { Report } from './model';
import { LineIndex } from './text/lines';
import { parseReport } from './parse/report';
import { RULES } from './rules/registry';
import type { Bilingual, Finding, FindingFix, RuleContext } from './rules/rule';
import { evaluateArithmetic, type Arithmetic } from './arith/relations';
import { suppress } from './suppress';
import { fillTemplate } from './text/fill';

export interface CheckResult {
  report: Report;
  lines: LineIndex;
  diagnostics: Diagnostic[];
}

export const SEVERITY_OF_SETTING: Record<Exclude<RuleSetting, 'off'>, Severity> = {
  error: 'error',
  warning: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function localize(text: Bilingual | string, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale] ?? text['zh-cn'];
}

export function formatMessage(template: string, args: Record<string, string | number> = {}): string {
  return fillTemplate(template, args);
}

/** Shared by every finding without alternatives (most of them): never mutated. */
const NO_ALTERNATIVES = Object.freeze([]) as unknown as Fix[];

function toFix(f: FindingFix, locale: Locale, args: Finding['args']): Fix {
  return {
    title: formatMessage(localize(f.title, locale), args),
    edits: f.edits,
    preferred: f.preferred ?? true,
    certain: f.certain ?? true,
  };
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const locale: Locale = options.locale ?? 'zh-cn';
  const lines = new LineIndex(text);
  const report = parseReport(text, { reportYear: options.reportYear, edition: options.edition }, lines);
  let arithmetic: Arithmetic | undefined;
  const diagnostics: Diagnostic[] = [];

  for (const rule of RULES) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    const configured = setting ? SEVERITY_OF_SETTING[setting as Exclude<RuleSetting, 'off'>] : undefined;
    const ctx: RuleContext = {
      report,
      lines,
      locale,
      arithmetic: () => (arithmetic ??= evaluateArithmetic(report)),
      isEnabled: (id) => options.rules?.[id] !== 'off',
      previous: options.previous,
      add(f: Finding) {
        const template = rule.messages[f.messageId];
        const message = template ? formatMessage(localize(template, locale), f.args) : f.messageId;
        // A note that a rule marks as less severe stays below the configured level.
        let severity = configured ?? rule.defaultSeverity;
        if (f.severity && RANK[f.severity] > RANK[severity]) severity = f.severity;
        diagnostics.push({
          rule: rule.id,
          severity,
          start: Math.max(0, Math.min(f.start, text.length)),
          end: Math.max(0, Math.min(Math.max(f.end, f.start), text.length)),
          message,
          fix: f.fix ? toFix(f.fix, locale, f.args) : null,
          alternatives: f.alternatives ? f.alternatives.map((a) => toFix(a, locale, f.args)) : NO_ALTERNATIVES,
          related: (f.related ?? []).map((r) => ({
            start: r.start,
            end: r.end,
            message: formatMessage(localize(r.message, locale), f.args),
          })),
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { report, lines, diagnostics: suppress(diagnostics, text, lines, options.ignore) };
}
