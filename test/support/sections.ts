// What the section tests share: a clean generated report to change one heading of, and the section
// findings of a text.
import { check, ofRule } from './assertions';
import { generateReport } from './reports';

export const SECTION_RULES = ['section-missing', 'section-numbering', 'section-heading'] as const;
export const base = generateReport({ year: 2023, body: '青山县青山镇人民政府', shape: 'tabs' }).text;
export const keys = (text: string) => check(text).report.sections.map((s) => s.key);
export const sectionFindings = (text: string) => {
  const r = check(text);
  return { r, found: ofRule(r, [...SECTION_RULES]) };
};
