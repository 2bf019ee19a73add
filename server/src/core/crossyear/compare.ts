// What the three cross-year rules share: a finding placed by a profile's place (so it can be made
// from two profiles alone, as the CLI does after its workers are done), the test that two profiles
// are one body's consecutive years, and the glue that runs a comparison inside a check.
import type { RuleContext } from '../rules/rule';
import { sameBody } from './body';
import { profileOf, type Place, type YearProfile } from './profile';

export interface CrossFinding {
  at: Place;
  messageId: string;
  args: Record<string, string | number>;
}

/** A rule's comparison of last year's profile with this year's. */
export type Compare = (previous: YearProfile, current: YearProfile) => CrossFinding[];

/**
 * Whether `previous` can be last year's report of `current`'s body. A caller that paired them knows
 * it already; this keeps a mistaken `previous` (another body, another year) from producing findings.
 * Both years must be known (the messages name last year's); a body either report does not name is
 * not held against it.
 */
export function isPreviousYear(previous: YearProfile, current: YearProfile): boolean {
  if (previous.year === null || current.year === null || previous.year !== current.year - 1) return false;
  if (previous.bodyKey !== null && current.bodyKey !== null && !sameBody(previous.bodyKey, current.bodyKey)) return false;
  return true;
}

/** Runs `compare` in a check: nothing without last year's profile. */
export function checkAgainstPrevious(ctx: RuleContext, compare: Compare): void {
  const previous = ctx.previous;
  if (!previous || previous.version !== 1 || ctx.report.notAReport) return;
  const current = profileOf(ctx.report, ctx.lines);
  if (!isPreviousYear(previous, current)) return;
  for (const f of compare(previous, current)) ctx.add({ start: f.at.start, end: f.at.end, messageId: f.messageId, args: f.args });
}
