// The shape of a rule. One file per rule under rules/, each exporting one `Rule`.
// Messages live with the rule as templates in both languages (ESLint's meta.messages), so wording
// is in one place; `{name}` placeholders are filled from the finding's arguments.
import type { Report } from '../model';
import type { Locale, RuleId, Severity, Span, TextEdit, Fix } from '../types';
import type { LineIndex } from '../text/lines';
import type { Arithmetic } from '../arith/relations';
import type { YearProfile } from '../crossyear/profile';

export type Bilingual = { 'zh-cn': string; en: string };

export interface Finding extends Span {
  messageId: string;
  args?: Record<string, string | number>;
  /** Lower than the rule's severity for notes ("pre-2019 layout, checks skipped"). */
  severity?: Severity;
  /** `preferred` and `certain` default to true: a rule's fix is the right change unless it says otherwise (Fix). */
  fix?: FindingFix | null;
  /** More candidate fixes, offered one by one, never applied in batch. */
  alternatives?: FindingFix[];
  related?: (Span & { message: Bilingual | string })[];
}

export interface FindingFix {
  title: Bilingual | string;
  edits: TextEdit[];
  preferred?: boolean;
  certain?: boolean;
}

export interface RuleContext {
  report: Report;
  lines: LineIndex;
  locale: Locale;
  /** Relations of 表三/表四 evaluated once and shared by the four sum rules. */
  arithmetic(): Arithmetic;
  /** Whether a rule runs in this check (not turned off): a finding several rules share goes to one that does. */
  isEnabled(rule: RuleId): boolean;
  add(finding: Finding): void;
  /** Last year's report of the same body (CheckOptions.previous), for the cross-year rules. */
  previous?: YearProfile;
}

export interface Rule {
  id: RuleId;
  description: Bilingual;
  defaultSeverity: Severity;
  fixable: boolean;
  messages: Record<string, Bilingual>;
  check(ctx: RuleContext): void;
}

export type { Fix };
