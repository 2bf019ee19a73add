// Every rule, in the order they run and are documented. The ids are the public interface:
// configuration keys, disable comments, CLI output and the docs pages under docs/rules/.
// This list is the only place a rule is registered: RuleId (types.ts) is the union of its ids, and
// `npm run generate` (scripts/generate.ts) writes the settings, nls entries and rule tables from it.
// Each rule file declares its rule with `defineRule({ id: '…', … })`: an annotation `const rule: Rule`
// would make RuleId refer to itself, which tsc reports as implicit `any`s far away (engine.ts, cli/format.ts).
import type { RuleId } from '../types';
import type { Rule } from './rule';
import balance from './balance';
import columnTotal from './column-total';
import rowTotal from './row-total';
import appealTotal from './appeal-total';
import textVsTable from './text-vs-table';
import breakdownSum from './breakdown-sum';
import percentage from './percentage';
import yearMismatch from './year-mismatch';
import yearMalformed from './year-malformed';
import sectionMissing from './section-missing';
import sectionNumbering from './section-numbering';
import sectionHeading from './section-heading';
import sectionEmpty from './section-empty';
import feeUnreported from './fee-unreported';
import tableMissing from './table-missing';
import rowMissing from './row-missing';
import cellMissing from './cell-missing';
import cellMalformed from './cell-malformed';
import rowLabel from './row-label';
import editionMismatch from './edition-mismatch';
import regulationScope from './regulation-scope';
import foreignText from './foreign-text';
import placeholder from './placeholder';
import carryOver from './carry-over';
import stockContinuity from './stock-continuity';
import copiedReport from './copied-report';

export const RULES = [
  balance,
  columnTotal,
  rowTotal,
  appealTotal,
  textVsTable,
  breakdownSum,
  percentage,
  yearMismatch,
  yearMalformed,
  sectionMissing,
  sectionNumbering,
  sectionHeading,
  sectionEmpty,
  feeUnreported,
  tableMissing,
  rowMissing,
  cellMissing,
  cellMalformed,
  rowLabel,
  editionMismatch,
  regulationScope,
  foreignText,
  placeholder,
  carryOver,
  stockContinuity,
  copiedReport,
] as const;

/** The rule ids in registry order (CLI `--rule` validation, tests, the benchmark). */
export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

const BY_ID = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
