// Every rule, in the order they run and are documented. The ids are the public interface:
// configuration keys, disable comments, CLI output and the docs pages under docs/rules/.
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

export const RULES: readonly Rule[] = [
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
];

const BY_ID = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
