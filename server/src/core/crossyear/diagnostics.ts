// The cross-year findings of a pair of reports from their two profiles alone: what the CLI computes
// after its workers are done, when the texts are gone. The same comparisons the rules run inside a
// check (rules/carry-over.ts …), localized and given their severity the same way as in engine.ts.
import type { Diagnostic, Locale, RuleSetting } from '../types';
import { formatMessage, localize, SEVERITY_OF_SETTING } from '../engine';
import type { Rule } from '../rules/rule';
import carryOver, { compareCarryOver } from '../rules/carry-over';
import stockContinuity, { compareStock } from '../rules/stock-continuity';
import copiedReport, { compareNarratives } from '../rules/copied-report';
import { isPreviousYear, type Compare } from './compare';
import type { Place, YearProfile } from './profile';

export const CROSS_YEAR_RULES: readonly { rule: Rule; compare: Compare }[] = [
  { rule: carryOver, compare: compareCarryOver },
  { rule: stockContinuity, compare: compareStock },
  { rule: copiedReport, compare: compareNarratives },
];

/** A finding on this year's report, with its 1-based place (the report's text is not needed to show it). */
export interface CrossYearDiagnostic extends Diagnostic {
  place: Place;
}

export function crossYearDiagnostics(
  previous: YearProfile,
  current: YearProfile,
  options: { locale?: Locale; rules?: Partial<Record<string, RuleSetting>> } = {},
): CrossYearDiagnostic[] {
  const locale = options.locale ?? 'zh-cn';
  const out: CrossYearDiagnostic[] = [];
  if (!isPreviousYear(previous, current)) return out;
  for (const { rule, compare } of CROSS_YEAR_RULES) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    const severity = setting ? SEVERITY_OF_SETTING[setting as Exclude<RuleSetting, 'off'>] : rule.defaultSeverity;
    for (const f of compare(previous, current)) {
      out.push({
        rule: rule.id,
        severity,
        start: f.at.start,
        end: f.at.end,
        place: f.at,
        message: formatMessage(localize(rule.messages[f.messageId], locale), f.args),
        fix: null,
        related: [],
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}
