// Shared vocabulary of the engine. Everything here is plain data so that the CLI, the language
// server and the tests can serialize it. Ranges are UTF-16 offsets into the original text
// (half-open, [start, end)), exactly as JavaScript strings index them and as LSP counts columns.
import type { YearProfile } from './crossyear/profile';

import type { RULES } from './rules/registry';

export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleSetting = Severity | 'off' | 'info';

export type Locale = 'zh-cn' | 'en';

export type EditionId = '2021' | '2019' | 'pre-2019' | 'unknown';

/** A rule's id, e.g. 'balance': the ids of the rules in rules/registry.ts (each declared in its rule file). */
export type RuleId = (typeof RULES)[number]['id'];

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True when the fix is the single obviously right change (LSP `isPreferred`). */
  preferred: boolean;
  /**
   * True when the change is known to be right, so batch fixing (`--fix`, 年报：修复全部, fix-on-save)
   * applies it; false for a change that is one guess among others (which cell of a sum is wrong),
   * offered only one by one in the editor.
   */
  certain: boolean;
}

export interface RelatedSpan extends Span {
  message: string;
}

export interface Diagnostic extends Span {
  rule: RuleId;
  severity: Severity;
  message: string;
  fix: Fix | null;
  /** Other candidate fixes when the finding cannot tell which change is right (never certain). */
  alternatives?: Fix[];
  related: RelatedSpan[];
}

export interface CheckOptions {
  /**
   * Last year's report of the same body, as its profile (crossyear/profile.ts): the cross-year rules
   * (carry-over, stock-continuity, copied-report) compare with it, and do nothing without it.
   */
  previous?: YearProfile;
  locale?: Locale;
  /** Override of the detected report year. */
  reportYear?: number;
  /** Override of the detected edition of the format. */
  edition?: EditionId;
  /** Per-rule severity; `off` disables a rule. Unknown keys are ignored. */
  rules?: Partial<Record<string, RuleSetting>>;
  /**
   * Findings the team dismissed (from the workspace file `.nianbao-ignore.json`): a finding is
   * dropped when its rule matches and `text` equals the trimmed source line it starts on.
   * Markdown reports may also carry `<!-- nianbao-disable-next-line rule … -->` comments.
   */
  ignore?: { rule: string; text: string }[];
  /** Called once per rule that throws; the other rules still run. */
  onRuleError?: (rule: RuleId, error: unknown) => void;
}
