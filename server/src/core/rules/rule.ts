// The shape of a rule. One file per rule under rules/, each exporting one `Rule` made by `defineRule`.
// The rule file is the one declaration of the rule: its id, category, default severity, description
// and fixability feed RuleId (types.ts), the registry, and everything `npm run generate` writes
// (package.json's settings, the nls files, the rule tables of the README and docs/rules/README.md).
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

/** What a rule looks at, for grouping rules in tools and docs. */
export type RuleCategory =
  /** Sums of 表三/表四 (R1–R7). */
  | 'arithmetic'
  /** Sections, tables, rows and cells present, numbered, of the right edition. */
  | 'structure'
  /** Years and dates. */
  | 'years'
  /** What the prose says: figures against tables, breakdowns, percentages, content that does not belong. */
  | 'text'
  /** Standard wording and plain writing of headings, labels and numbers. */
  | 'style';

/** `Id` is the rule's own literal id (`'balance'`): RuleId is the union of the registry's ids. */
export interface Rule<Id extends string = RuleId> {
  /** The public name: setting key, disable comments, CLI output, docs/rules/<id>.md. */
  readonly id: Id;
  category: RuleCategory;
  /** One line in both languages: the rule tables, the settings descriptions, the rule page's summary. */
  description: Bilingual;
  defaultSeverity: Severity;
  /** Whether its findings can carry a fix (the docs page says so; docs.test.ts checks it). */
  fixable: boolean;
  messages: Record<string, Bilingual>;
  check(ctx: RuleContext): void;
}

/** Declares a rule, keeping its id a literal type so that RuleId is derived from the registry. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

export type { Fix };
