// Public surface of the engine, used by the CLI, the language server and the tests.
export * from './types';
export type * from './model';
export { LineIndex, type Position } from './text/lines';
export { check, formatMessage, localize, SEVERITY_OF_SETTING, type CheckResult } from './engine';
export { RULES, RULE_IDS, ruleById } from './rules/registry';
export type { Rule, RuleCategory } from './rules/rule';
export { applyEdits, applyFixes, batchFixable } from './fix';
export { resultTotals, summarize, type ReportSummary } from './summary';
export { buildProfile, type YearProfile } from './crossyear/profile';
export { looksLikeReport } from './parse/detect';
export { lineTextAt } from './suppress';
export { evaluateArithmetic, type Relation, type Arithmetic, type Cause, type CellChange } from './arith/relations';
export { amountText, isZero, type Amount } from './arith/amount';
