// A PDF without a text layer (a scanned image) has nothing the engine can read, and checking its
// empty text would say nothing at all: the one useful finding is that the tables cannot be read.
// It is derived from the file, not the text, so it is made here rather than by a rule in core/;
// it still carries the table-missing rule's id, so --rule table-missing=… and the ignore list apply.
import { SEVERITY_OF_SETTING, type Diagnostic, type Locale, type RuleSetting } from '../core';
import { bilingual, sourceMessage } from './messages';

export function scannedFinding(text: string, locale: Locale, rules: Partial<Record<string, RuleSetting>> = {}): Diagnostic | null {
  const setting = rules['table-missing'];
  if (setting === 'off') return null;
  const firstLine = text.indexOf('\n');
  return {
    rule: 'table-missing',
    severity: setting ? SEVERITY_OF_SETTING[setting] : 'error',
    start: 0,
    end: firstLine < 0 ? text.length : firstLine,
    message: sourceMessage(locale, bilingual('scanned')),
    fix: null,
    alternatives: [],
    related: [],
  };
}
